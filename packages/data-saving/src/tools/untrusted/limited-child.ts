/**
 * Runs one command in a child process under a wall-clock limit and a resident-memory limit, and
 * says how it ended. Memory is read from /proc/PID/status (VmRSS) every few milliseconds, since an
 * address-space limit (RLIMIT_AS) breaks V8, which reserves far more than it uses. Where /proc is
 * missing (not Linux), only the time limit applies.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";

export interface ChildLimits {
  /** Killed (SIGKILL) after this many milliseconds: a hang. */
  timeoutMs: number;
  /** Killed once its resident memory passes this many MiB: a memory blow-up. */
  memoryMb: number;
}

export interface ChildRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  /** The stdout kept (see `stdoutLimit`; empty when `onStdout` takes it). */
  stdout: string;
  /** The first 64 KiB of stderr. */
  stderr: string;
  timedOut: boolean;
  memoryExceeded: boolean;
  peakRssMb: number;
  ms: number;
  /** The messages the child sent over IPC (`ipc: true`), in order. */
  messages: unknown[];
}

export interface RunLimitedOptions {
  env?: NodeJS.ProcessEnv;
  /** Bytes of stdout kept in `ChildRun.stdout` (the rest is drained and dropped); 1 MiB by default. */
  stdoutLimit?: number;
  /** Takes stdout as it arrives instead of keeping it. */
  onStdout?: (chunk: Buffer) => void;
  /** Opens an IPC channel with structured-clone serialization ("advanced"). */
  ipc?: boolean;
  /** A message sent to the child over the IPC channel once it is started (needs `ipc`). */
  send?: unknown;
}

const POLL_MS = 20;
const STDERR_KEPT = 1 << 16;

function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0; // already gone, or no /proc
  }
}

/**
 * @param command executable
 * @param args its arguments
 * @param limits time and memory limits
 * @returns how the child ended (never rejects for the child's own failures)
 * @throws (rejects) the spawn error when the executable cannot be started
 */
export function runLimited(command: string, args: readonly string[], limits: ChildLimits, options: RunLimitedOptions = {}): Promise<ChildRun> {
  const started = performance.now();
  const keep = options.stdoutLimit ?? 1 << 20;
  return new Promise((resolve, reject) => {
    const stdio = options.ipc ? ["ignore", "pipe", "pipe", "ipc"] as const : ["ignore", "pipe", "pipe"] as const;
    const child = spawn(command, args, {
      stdio: [...stdio], env: options.env ?? process.env, ...(options.ipc ? { serialization: "advanced" as const } : {}),
    });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    let memoryExceeded = false;
    let peak = 0;
    const messages: unknown[] = [];
    child.stdout!.on("data", (b: Buffer) => {
      if (options.onStdout) options.onStdout(b);
      else if (stdout.length < keep) stdout += b.toString();
    });
    child.stderr!.on("data", (b: Buffer) => {
      if (stderr.length < STDERR_KEPT) stderr += b.toString();
    });
    child.on("message", (m) => messages.push(m));
    // The child may die before reading it (that is what the supervisor is for): ignore the failure.
    if (options.ipc && options.send !== undefined) child.send(options.send as never, () => undefined);
    const poll = setInterval(() => {
      if (child.pid === undefined) return;
      peak = Math.max(peak, rssMb(child.pid));
      if (peak > limits.memoryMb && !memoryExceeded) {
        memoryExceeded = true;
        child.kill("SIGKILL");
      }
    }, POLL_MS);
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, limits.timeoutMs);
    child.on("error", (e) => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(e);
    });
    child.on("close", (status, signal) => {
      clearInterval(poll);
      clearTimeout(timer);
      resolve({
        status, signal, stdout, stderr, timedOut, memoryExceeded, peakRssMb: Math.round(peak),
        ms: Math.round(performance.now() - started), messages,
      });
    });
  });
}
