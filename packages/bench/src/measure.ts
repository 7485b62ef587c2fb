/**
 * One run of one implementation in a fresh process, with its peak RSS: through
 * `/usr/bin/time -f %M` when present (the kernel's maxrss of the child), otherwise by polling
 * /proc/<pid>/status VmHWM every 5 ms while it runs (may miss a late peak).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BenchError } from "./errors.js";
import { parseResultLine, type ResultLine } from "./result-line.js";

export type RssMethod = "/usr/bin/time -f %M" | "/proc/<pid>/status VmHWM polling";

/** The RSS method this machine allows. */
export function rssMethod(): RssMethod {
  return existsSync("/usr/bin/time") ? "/usr/bin/time -f %M" : "/proc/<pid>/status VmHWM polling";
}

export interface RunOutcome {
  result: ResultLine;
  /** Peak resident set size in KiB. */
  rssKib: number;
}

function vmHwmKib(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0; // the process has just exited
  }
}

/**
 * Run `command args` once.
 * @throws BenchError `command-failed` on a non-zero exit, `bad-result-line` on bad output
 */
export async function runOnce(command: readonly string[], args: readonly string[]): Promise<RunOutcome> {
  const method = rssMethod();
  const dir = mkdtempSync(join(tmpdir(), "pmd-rss-"));
  const rssFile = join(dir, "rss");
  const [exe, ...pre] = method === "/usr/bin/time -f %M" ? ["/usr/bin/time", "-f", "%M", "-o", rssFile, ...command] : command;
  try {
    const child = spawn(exe!, [...pre, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    let peak = 0;
    child.stdout.on("data", (b: Buffer) => (out += b.toString()));
    child.stderr.on("data", (b: Buffer) => (err += b.toString()));
    const poll =
      method === "/usr/bin/time -f %M" || child.pid === undefined
        ? undefined
        : setInterval(() => (peak = Math.max(peak, vmHwmKib(child.pid!))), 5);
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on("error", reject);
      child.on("close", resolve);
    });
    if (poll) clearInterval(poll);
    if (code !== 0) throw new BenchError("command-failed", `${command.join(" ")} ${args.join(" ")} exited with ${code}: ${err.trim()}`);
    if (method === "/usr/bin/time -f %M") {
      const lines = readFileSync(rssFile, "utf8").trim().split("\n");
      peak = Number(lines[lines.length - 1]);
    }
    return { result: parseResultLine(out), rssKib: peak };
  } catch (e) {
    if (e instanceof BenchError) throw e;
    throw new BenchError("command-failed", `${command.join(" ")} could not run: ${(e as Error).message}`, { cause: e });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
