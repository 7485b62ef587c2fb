/**
 * One kill test: start a writer child (child.ts), wait until its file exists (the first flush,
 * made by `initFile`), let it write for a chosen delay, send the signal, then read the file back
 * with our loader, h5py and PyTables and compare every reported point with what the file holds.
 *
 * @example
 * const outcome = await runKill({ kind: "scan", signal: "SIGKILL", delayMs: 1200, seed: 7, dir: "/tmp/k" });
 * outcome.flushedLost;   // 0: no point flushed before the kill was lost
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { CARRAY, DataLoader, DEFAULT_FLUSH_POLICY, type Node } from "@pymodaq-ts/data-saving";
import { DATA_NODE_PATTERN, WRITER_FILES, type WriterKind } from "./child.js";
import { parseReport, type ReportedPoint } from "./report.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const PACKAGE_DIR = join(HERE, "..", "..");
const CHILD = join(HERE, "child.ts");
const CHECK_POINTS = join(HERE, "check_points.py");

/** The readers every file is opened with. */
export const READERS = ["ours", "h5py", "tables"] as const;
export type ReaderName = (typeof READERS)[number];

export interface KillSpec {
  kind: WriterKind;
  signal: "SIGKILL" | "SIGINT" | "SIGTERM";
  /** Time the child writes after its file exists, before the signal. */
  delayMs: number;
  /** Seed of the child's data. */
  seed: number;
  /** An empty working folder (the child's output and report go there). */
  dir: string;
}

export interface ReaderResult {
  opened: boolean;
  error: string | null;
  /** Reported points read back with their values. */
  kept: number;
  /** Flushed points (reported before a flush) not read back: must be 0. */
  flushedLost: number;
}

export interface KillOutcome {
  spec: KillSpec;
  /** How the child ended: its exit code or the signal's name. */
  exit: number | string;
  /** Points the child started to save (reported). */
  points: number;
  /** Points a flush covered before the signal. */
  flushed: number;
  readers: Record<ReaderName, ReaderResult>;
  /** Reported points missing from the file, for the reader that kept the fewest. */
  lost: number;
  /** Time from the last flush to the signal (ms): what the policy bounds for SIGKILL. */
  unflushedMs: number;
  /** Why the run itself failed (the writer did not start or did not end), or null. */
  harnessError: string | null;
}

/** The outcome of a run that failed before anything could be checked. */
export function failedRun(spec: KillSpec, error: unknown): KillOutcome {
  const reader: ReaderResult = { opened: false, error: "not checked", kept: 0, flushedLost: 0 };
  return {
    spec, exit: -1, points: 0, flushed: 0, readers: { ours: reader, h5py: reader, tables: reader }, lost: 0, unflushedMs: 0,
    harnessError: error instanceof Error ? error.message : String(error),
  };
}

/** The python3 that has h5py and tables (Debian's python3-h5py/python3-tables). */
function python(): string {
  for (const candidate of [process.env.H5_TEST_PYTHON, "/usr/bin/python3", "python3"]) {
    if (candidate === undefined || candidate === "") continue;
    try {
      execFileSync(candidate, ["-c", "import h5py, tables"], { stdio: "ignore" });
      return candidate;
    } catch {
      // try the next one
    }
  }
  throw new Error("no python3 with h5py and tables (apt install python3-h5py python3-tables)");
}

let pythonPath: string | undefined;

/** Writers still running: killed if the harness itself exits first (never left behind). */
const running = new Set<ReturnType<typeof spawn>>();
let exitHookInstalled = false;
function track(child: ReturnType<typeof spawn>): void {
  running.add(child);
  child.on("exit", () => running.delete(child));
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on("exit", () => {
      for (const c of running) c.kill("SIGKILL");
    });
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `report` holds a flush line (the file is on disk), or throws after `timeoutMs`. */
async function waitForFirstFlush(report: string, exited: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!/^F /m.test(readFileSync(report, "utf8"))) {
    if (exited()) throw new Error("the writer exited before its file existed");
    if (Date.now() > until) throw new Error(`the writer did not create its file within ${timeoutMs} ms`);
    await sleep(10);
  }
}

/** Our loader's view: per point, whether the data nodes under its group hold its values. */
function readWithOurs(file: string, kind: WriterKind, points: readonly ReportedPoint[]): { opened: boolean; error: string | null; kept: boolean[] } {
  let loader: DataLoader;
  try {
    loader = new DataLoader(file);
  } catch (e) {
    return { opened: false, error: String(e), kept: [] };
  }
  try {
    const nodes = new Map<string, CARRAY[] | null>();
    const kept = points.map((p) => {
      if (!nodes.has(p.where)) {
        try {
          const found = [...loader.walkNodes(p.where)].filter((n: Node): n is CARRAY => n instanceof CARRAY && DATA_NODE_PATTERN[kind].test(n.name));
          nodes.set(p.where, found);
        } catch {
          nodes.set(p.where, null);
        }
      }
      const found = nodes.get(p.where);
      if (found === null || found === undefined || found.length === 0) return false;
      let total = 0;
      for (const node of found) {
        const shape = node.shape;
        const lead = p.index ?? [p.row ?? 0];
        if ((lead[0] ?? 0) >= (shape[0] ?? 0)) return false;
        const rest = shape.slice(lead.length);
        for (const v of node.readSlice([...lead, ...rest.map(() => 0)], [...lead.map(() => 1), ...rest]).data as Float64Array) total += v;
      }
      return Math.abs(total - p.sum) <= 1e-9 * Math.max(1, Math.abs(p.sum));
    });
    return { opened: true, error: null, kept };
  } catch (e) {
    return { opened: true, error: String(e), kept: points.map(() => false) };
  } finally {
    loader.closeFile();
  }
}

function readWithPython(file: string, kind: WriterKind, points: readonly ReportedPoint[]): Record<"h5py" | "tables", { opened: boolean; error: string | null; kept: boolean[] }> {
  pythonPath ??= python();
  const input = JSON.stringify({ file, pattern: DATA_NODE_PATTERN[kind].source, points });
  return JSON.parse(execFileSync(pythonPath, [CHECK_POINTS], { input, encoding: "utf8", maxBuffer: 64 << 20 })) as Record<
    "h5py" | "tables",
    { opened: boolean; error: string | null; kept: boolean[] }
  >;
}

/**
 * Runs one kill test (see the module comment).
 * @throws Error when the child cannot start or its report is malformed (a harness failure, not a
 *   durability result)
 */
export async function runKill(spec: KillSpec): Promise<KillOutcome> {
  const out = join(spec.dir, "out");
  const report = join(spec.dir, "report.txt");
  mkdirSync(out, { recursive: true });
  writeFileSync(report, "");
  const child = spawn(process.execPath, ["--import", "tsx", CHILD, spec.kind, out, report, String(spec.seed)], {
    cwd: PACKAGE_DIR,
    stdio: ["ignore", "ignore", "pipe"],
  });
  track(child);
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => void (stderr += chunk.toString()));
  let ended: number | string | null = null;
  const exited = new Promise<number | string>((resolve) => child.on("exit", (code, signal) => resolve((ended = code ?? signal ?? -1))));
  let signalAt: number;
  try {
    await waitForFirstFlush(report, () => ended !== null, 120_000);
    await sleep(spec.delayMs);
    signalAt = Date.now();
    child.kill(spec.signal);
    const exit = await Promise.race([exited, sleep(60_000).then(() => "timeout")]);
    if (exit === "timeout") throw new Error(`the writer did not end within 60 s of ${spec.signal}`);
  } catch (e) {
    child.kill("SIGKILL");
    throw new Error(`${spec.kind} ${spec.signal} after ${spec.delayMs} ms: ${(e as Error).message}\n${stderr}`);
  }
  const { points, flushes } = parseReport(readFileSync(report, "utf8"));
  const file = join(out, WRITER_FILES[spec.kind]);
  const views: Record<ReaderName, { opened: boolean; error: string | null; kept: boolean[] }> = existsSync(file)
    ? { ours: readWithOurs(file, spec.kind, points), ...readWithPython(file, spec.kind, points) }
    : { ours: { opened: false, error: "no file", kept: [] }, h5py: { opened: false, error: "no file", kept: [] }, tables: { opened: false, error: "no file", kept: [] } };
  const readers = Object.fromEntries(
    READERS.map((name) => {
      const v = views[name];
      const kept = v.kept.filter(Boolean).length;
      const flushedLost = points.filter((p, i) => p.flushed && v.kept[i] !== true).length;
      return [name, { opened: v.opened, error: v.error, kept, flushedLost }];
    }),
  ) as Record<ReaderName, ReaderResult>;
  const lastFlush = flushes.filter((ms) => ms <= signalAt).at(-1) ?? signalAt;
  return {
    spec,
    exit: ended ?? -1,
    points: points.length,
    flushed: points.filter((p) => p.flushed).length,
    readers,
    lost: points.length - Math.min(...READERS.map((r) => readers[r].kept)),
    unflushedMs: signalAt - lastFlush,
    harnessError: null,
  };
}

/** The default policy's bound on what a SIGKILL loses, in ms of acquisition. */
export const POLICY_BOUND_MS = (DEFAULT_FLUSH_POLICY.everySeconds ?? Number.POSITIVE_INFINITY) * 1000;
