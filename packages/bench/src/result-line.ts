/** The one JSON line every implementation prints per run (WORKLOADS.md, "Common rules"). */
import { BenchError } from "./errors.js";
import type { OpStats } from "./stats.js";

/** A parsed result line. `impl`, `workload` and `build_s` are required of our implementations. */
export interface ResultLine extends OpStats {
  impl: string;
  workload: string;
  wall_s: number;
  payload_bytes: number;
  file_bytes: number;
  build_s: number;
  /** Free-form extra fields (variant, fsync ...) are kept as they are. */
  [extra: string]: unknown;
}

const NUMERIC = [
  "wall_s",
  "payload_bytes",
  "file_bytes",
  "op_med_s",
  "op_mean_s",
  "op_p95_s",
  "op_max_s",
  "op_first_s",
  "n_ops",
  "build_s",
] as const;

/**
 * Parse the output of one run: exactly one line that is a JSON object, other lines are ignored
 * (an implementation may log to stdout before its result).
 * @param stdout the process's standard output
 * @throws BenchError `bad-result-line` when there is not exactly one JSON object line, or a field
 *   is missing or of the wrong type
 */
export function parseResultLine(stdout: string): ResultLine {
  const lines = stdout.split("\n").filter((l) => l.trimStart().startsWith("{"));
  if (lines.length !== 1) {
    throw new BenchError("bad-result-line", `expected exactly one JSON line, got ${lines.length}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(lines[0]!);
  } catch (cause) {
    throw new BenchError("bad-result-line", `not JSON: ${lines[0]}`, { cause });
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new BenchError("bad-result-line", "the result line is not a JSON object");
  }
  const rec = value as Record<string, unknown>;
  for (const key of NUMERIC) {
    const v = rec[key];
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0) {
      throw new BenchError("bad-result-line", `field ${key} must be a finite non-negative number, got ${String(v)}`);
    }
  }
  for (const key of ["impl", "workload"] as const) {
    if (typeof rec[key] !== "string") throw new BenchError("bad-result-line", `field ${key} must be a string`);
  }
  return rec as ResultLine;
}

/** Serialise a result line as the single JSON line to print. */
export function formatResultLine(r: ResultLine): string {
  return JSON.stringify(r);
}
