/**
 * Runs one command in a child process under a wall-clock limit and a resident-memory limit, and
 * says how it ended. Memory is read from /proc/PID/status (VmRSS) every few milliseconds, since an
 * address-space limit (RLIMIT_AS) breaks V8, which reserves far more than it uses.
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
  stdout: string;
  stderr: string;
  timedOut: boolean;
  memoryExceeded: boolean;
  peakRssMb: number;
  ms: number;
}

const POLL_MS = 20;

function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0; // already gone
  }
}

/**
 * @param command executable
 * @param args its arguments
 * @param limits time and memory limits
 * @param options.stdoutLimit bytes of stdout kept (the rest is drained and dropped)
 */
export function runLimited(command: string, args: readonly string[], limits: ChildLimits,
  options: { env?: NodeJS.ProcessEnv; stdoutLimit?: number } = {}): Promise<ChildRun> {
  const started = performance.now();
  const keep = options.stdoutLimit ?? 1 << 20;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], env: options.env ?? process.env });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    let memoryExceeded = false;
    let peak = 0;
    child.stdout.on("data", (b: Buffer) => {
      if (stdout.length < keep) stdout += b.toString();
    });
    child.stderr.on("data", (b: Buffer) => {
      if (stderr.length < 1 << 16) stderr += b.toString();
    });
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
      resolve({ status, signal, stdout, stderr, timedOut, memoryExceeded, peakRssMb: Math.round(peak), ms: Math.round(performance.now() - started) });
    });
  });
}

/** Runs `jobs` with at most `parallel` at a time, keeping their order in the result. */
export async function mapLimited<T, R>(items: readonly T[], parallel: number, job: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await job(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, items.length) }, worker));
  return out;
}
