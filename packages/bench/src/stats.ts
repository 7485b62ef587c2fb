/**
 * Summary statistics shared by every implementation and the runner, with the same rules as the
 * C program (c/workloads.c): the median of an even count is the mean of the two middle values;
 * p95 is the nearest rank, sorted[ceil(0.95 n) - 1].
 */

function sorted(xs: readonly number[]): number[] {
  return [...xs].sort((a, b) => a - b);
}

/** Median of a non-empty list (NaN for an empty one). */
export function median(xs: readonly number[]): number {
  const s = sorted(xs);
  const n = s.length;
  if (n === 0) return Number.NaN;
  return n % 2 ? s[(n - 1) / 2]! : 0.5 * (s[n / 2 - 1]! + s[n / 2]!);
}

/** 95th percentile by nearest rank (NaN for an empty list). */
export function p95(xs: readonly number[]): number {
  const s = sorted(xs);
  if (s.length === 0) return Number.NaN;
  return s[Math.max(1, Math.ceil((95 * s.length) / 100)) - 1]!;
}

/** The per-op fields of a result line (WORKLOADS.md, "Common rules"). */
export interface OpStats {
  op_med_s: number;
  op_mean_s: number;
  op_p95_s: number;
  op_max_s: number;
  op_first_s: number;
  n_ops: number;
}

/** Per-op statistics of a list of op durations in seconds (all zero when there is none). */
export function opStats(times: readonly number[]): OpStats {
  if (times.length === 0) return { op_med_s: 0, op_mean_s: 0, op_p95_s: 0, op_max_s: 0, op_first_s: 0, n_ops: 0 };
  let sum = 0;
  let max = -Infinity;
  for (const t of times) {
    sum += t;
    if (t > max) max = t;
  }
  return {
    op_med_s: median(times),
    op_mean_s: sum / times.length,
    op_p95_s: p95(times),
    op_max_s: max,
    op_first_s: times[0]!,
    n_ops: times.length,
  };
}
