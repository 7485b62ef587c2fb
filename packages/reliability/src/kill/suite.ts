/**
 * The kill-test suite: for each writer kind, `perKind` SIGKILLs at seeded random moments of its
 * run, plus SIGINT and SIGTERM, then a table of what survived.
 *
 * @example
 * const outcomes = await runKillSuite({ perKind: 3, seed: 1, workRoot: "/tmp/kills" });
 * process.stdout.write(killTable(summariseKills(outcomes)));
 */
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { Rng } from "../rng.js";
import { markdownTable } from "../table.js";
import { KINDS, type WriterKind } from "./child.js";
import { failedRun, POLICY_BOUND_MS, READERS, runKill, type KillOutcome, type KillSpec } from "./harness.js";

/** How long each kind writes, at most, before a SIGKILL (ms after its file exists). */
export const KILL_WINDOW_MS: Record<WriterKind, number> = { logger: 3000, scan: 5000, enlargeable: 3000 };
/** When SIGINT/SIGTERM are sent (ms after the file exists): mid-run for every kind. */
export const STOP_DELAY_MS = 1500;
/**
 * Scheduling slack over the policy's one second: the policy flushes at the first point after the
 * second has passed (plus the flush itself), on a machine shared with other work.
 */
export const BOUND_SLACK_MS = 1000;

export interface KillSuiteOptions {
  /** SIGKILLs per writer kind (the full run: 100). */
  perKind: number;
  /** Seed of the kill moments and of the writers' data. */
  seed: number;
  /** A folder for the runs (each run gets a subfolder, removed after it is checked). */
  workRoot: string;
  kinds?: readonly WriterKind[];
  /** Also send SIGINT and SIGTERM once per kind (default true). */
  stopSignals?: boolean;
  /** Runs at once (default 1; the machines have 2 cores). */
  concurrency?: number;
  /** Told each outcome as it comes (progress). */
  onOutcome?: (outcome: KillOutcome, done: number, total: number) => void;
  /** No new run starts after this many ms (the outcomes so far are returned); default: none. */
  budgetMs?: number;
}

/**
 * The specs of a suite, in a fixed order for a given seed: the stop signals first, then the
 * SIGKILLs taking the kinds in turn (a run cut short by its time budget still covers every kind).
 */
export function killSpecs(options: KillSuiteOptions): KillSpec[] {
  const rng = new Rng(options.seed);
  const kinds = options.kinds ?? KINDS;
  const specs: KillSpec[] = [];
  if (options.stopSignals ?? true) {
    for (const kind of kinds) {
      for (const signal of ["SIGINT", "SIGTERM"] as const) specs.push({ kind, signal, delayMs: STOP_DELAY_MS, seed: options.seed, dir: "" });
    }
  }
  for (let i = 0; i < options.perKind; i++) {
    for (const kind of kinds) {
      specs.push({ kind, signal: "SIGKILL", delayMs: Math.round(rng.next() * KILL_WINDOW_MS[kind]), seed: options.seed + i, dir: "" });
    }
  }
  return specs.map((s, i) => ({ ...s, dir: join(options.workRoot, `${String(i).padStart(4, "0")}-${s.kind}-${s.signal}`) }));
}

/**
 * Runs the suite (see the module comment). A run that fails as a run (a writer that cannot start)
 * is recorded as such (`harnessError`) and counts as a failure of its row; the suite goes on.
 */
export async function runKillSuite(options: KillSuiteOptions): Promise<KillOutcome[]> {
  const specs = killSpecs(options);
  const outcomes: (KillOutcome | undefined)[] = new Array(specs.length);
  const deadline = Date.now() + (options.budgetMs ?? Number.POSITIVE_INFINITY);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < specs.length && Date.now() < deadline) {
      const i = next++;
      const spec = specs[i] as KillSpec;
      mkdirSync(spec.dir, { recursive: true });
      try {
        const outcome = await runKill(spec).catch((e: unknown) => failedRun(spec, e));
        outcomes[i] = outcome;
        options.onOutcome?.(outcome, ++done, specs.length);
      } finally {
        rmSync(spec.dir, { recursive: true, force: true });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 1) }, worker));
  return outcomes.filter((o): o is KillOutcome => o !== undefined);
}

/** One line of the table: a writer kind and a signal. */
export interface KillRow {
  kind: WriterKind;
  signal: string;
  kills: number;
  /** Files that opened in all three readers. */
  filesOpening: number;
  points: number;
  /** Points read back with their values by every reader. */
  kept: number;
  /** Points flushed before the signal and not read back by some reader (must be 0). */
  flushedLost: number;
  maxLost: number;
  /** Longest time from the last flush to a SIGKILL (ms), against the policy's bound. */
  maxUnflushedMs: number;
  /** Runs that failed as runs (writer not started or not ended): their first error. */
  harnessFailures: number;
  firstHarnessError: string | null;
  /** True when every file opened everywhere, no flushed point was lost, and the bound held (SIGKILL) or nothing was lost (SIGINT/SIGTERM). */
  ok: boolean;
}

/** The table's rows, by kind and signal. */
export function summariseKills(outcomes: readonly KillOutcome[]): KillRow[] {
  const rows = new Map<string, KillRow>();
  for (const o of outcomes) {
    const key = `${o.spec.kind} ${o.spec.signal}`;
    const row = rows.get(key) ?? {
      kind: o.spec.kind, signal: o.spec.signal, kills: 0, filesOpening: 0, points: 0, kept: 0, flushedLost: 0, maxLost: 0, maxUnflushedMs: 0,
      harnessFailures: 0, firstHarnessError: null, ok: true,
    };
    const opened = READERS.every((r) => o.readers[r].opened && o.readers[r].error === null);
    const flushedLost = Math.max(...READERS.map((r) => o.readers[r].flushedLost));
    row.kills++;
    if (o.harnessError !== null) {
      row.harnessFailures++;
      row.firstHarnessError ??= o.harnessError;
      row.ok = false;
      rows.set(key, row);
      continue;
    }
    row.filesOpening += opened ? 1 : 0;
    row.points += o.points;
    row.kept += o.points - o.lost;
    row.flushedLost += flushedLost;
    row.maxLost = Math.max(row.maxLost, o.lost);
    if (o.spec.signal === "SIGKILL") row.maxUnflushedMs = Math.max(row.maxUnflushedMs, o.unflushedMs);
    const bounded = o.spec.signal === "SIGKILL" ? o.unflushedMs <= POLICY_BOUND_MS + BOUND_SLACK_MS : o.lost === 0;
    row.ok &&= opened && flushedLost === 0 && bounded;
    rows.set(key, row);
  }
  return [...rows.values()];
}

/** The rows as a Markdown table. */
export function killTable(rows: readonly KillRow[]): string {
  const header = ["writer", "signal", "kills", "files opening (ours, h5py, PyTables)", "points kept / reported", "flushed lost", "max lost", "max since flush (bound)", "ok"];
  const table = markdownTable(header, rows.map((r) => [
    r.kind, r.signal, r.kills, `${r.filesOpening} / ${r.kills - r.harnessFailures}`, `${r.kept} / ${r.points}`, r.flushedLost, r.maxLost,
    r.signal === "SIGKILL" ? `${r.maxUnflushedMs} ms (${POLICY_BOUND_MS} ms)` : "-", r.ok ? "yes" : "NO",
  ]));
  const failures = rows.filter((r) => r.harnessFailures > 0).map((r) => `${r.kind} ${r.signal}: ${r.harnessFailures} runs failed as runs, first: ${r.firstHarnessError}`);
  return failures.length === 0 ? table : `${table}\n\n${failures.join("\n")}`;
}
