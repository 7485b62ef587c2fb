/**
 * A second writer during a run: a writer in a child process holds its file open mid-run while
 * this process tries to create (truncate) the same path and to open it read-write. Both must fail
 * with H5FileInUseError naming the file and leave it byte for byte as it was; the running writer
 * then completes and every row it wrote reads back.
 */
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { H5File, H5FileInUseError } from "@pymodaq-ts/h5-lowlevel";
import { WRITER } from "./children.js";
import type { Check, ModuleReport, ReliabilityModule } from "./module.js";
import { readRows, writerReport } from "./rows.js";

const ROWS = 200;
const FLUSH_EVERY = 20;

function attempt(what: string, path: string, action: () => unknown): Check {
  try {
    action();
    return { check: `second writer: ${what}`, measured: "succeeded", ok: false };
  } catch (e) {
    const typed = e instanceof H5FileInUseError && e.message.includes(path);
    return { check: `second writer: ${what}`, measured: e instanceof Error ? `${e.name}: ${e.message}` : String(e), ok: typed };
  }
}

/** Runs the scenario once in `dir`. */
export async function secondWriter(dir: string): Promise<Check[]> {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, "running.h5");
  const child = spawn(process.execPath, [WRITER, path, String(ROWS), String(FLUSH_EVERY), "hold"], { stdio: ["pipe", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (b: Buffer) => (stdout += b.toString()));
  child.stderr.on("data", (b: Buffer) => (stderr += b.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", () => stdout.startsWith("ready") && resolve());
    void exited.then(() => reject(new Error(`writer ended before it was ready: ${stderr}`)));
  });
  const before = readFileSync(path);
  const checks = [
    attempt("create (truncate) refused", path, () => H5File.create(path)),
    attempt("open read-write refused", path, () => H5File.open(path, { mode: "r+" })),
  ];
  const untouched = readFileSync(path).equals(before);
  checks.push({ check: "second writer: running file untouched", measured: untouched ? `${before.length} bytes unchanged` : "changed", ok: untouched });
  child.stdin.end();
  const status = await exited;
  const report = writerReport(stdout);
  const read = readRows(path);
  checks.push({
    check: "second writer: the run completes intact",
    measured: `exit ${status}, ${read.intact} of ${ROWS} rows read back${read.error ? `: ${read.error}` : ""}`,
    ok: status === 0 && report.written === ROWS && read.intact === ROWS,
  });
  return checks;
}

export const concurrencyModule: ReliabilityModule<{ dir: string }> = {
  name: "concurrency",
  async run({ dir }): Promise<ModuleReport> {
    return { checks: await secondWriter(dir) };
  },
};
