/**
 * The report a writer child keeps while it runs, one line per event, written synchronously (a
 * `writeSync` is in the kernel when it returns, so a SIGKILL right after cannot lose it):
 *
 * - `P <where> <index> <sum> <ms>`: a point is about to be saved by a saver's `addData` at
 *   `where` (a group path), at the extended `index` (JSON, or `-` for an appended row), whose
 *   values add up to `sum`; `ms` is the wall clock (Date.now()).
 * - `F <ms>`: a flush of the file returned (every point reported before it is on disk).
 *
 * A point is *flushed* when an `F` line follows its `P` line: a flush happens at the end of a
 * point (the policy runs when the point's scope closes) or between points (timer, initFile), never
 * between a point's `P` line and the end of its writes.
 */

/** One point as the child reported it. */
export interface ReportedPoint {
  readonly where: string;
  /** Extended index (scan), or null for a row appended to enlargeable arrays. */
  readonly index: readonly number[] | null;
  /** For appended rows: the row number in the arrays of `where` (the count of earlier points there). */
  readonly row: number | null;
  readonly sum: number;
  readonly ms: number;
  /** True when a flush returned after this point was reported. */
  readonly flushed: boolean;
}

export interface ChildReport {
  readonly points: readonly ReportedPoint[];
  /** Wall-clock times of the flushes. */
  readonly flushes: readonly number[];
}

export function pointLine(where: string, index: readonly number[] | null, sum: number, ms: number): string {
  return `P ${encodeURIComponent(where)} ${index === null ? "-" : JSON.stringify(index)} ${sum} ${ms}\n`;
}

export function flushLine(ms: number): string {
  return `F ${ms}\n`;
}

/**
 * Parses a report; a last line cut short by the kill is ignored.
 * @throws Error on a malformed complete line (the child and this parser disagree)
 */
export function parseReport(text: string): ChildReport {
  const raw: { where: string; index: number[] | null; sum: number; ms: number; seq: number }[] = [];
  const flushes: { ms: number; seq: number }[] = [];
  const lines = text.split("\n");
  lines.pop(); // empty after the last newline, or a line the kill cut short
  lines.forEach((line, seq) => {
    const parts = line.split(" ");
    if (parts[0] === "F" && parts.length === 2) flushes.push({ ms: Number(parts[1]), seq });
    else if (parts[0] === "P" && parts.length === 5) {
      raw.push({
        where: decodeURIComponent(parts[1] as string),
        index: parts[2] === "-" ? null : (JSON.parse(parts[2] as string) as number[]),
        sum: Number(parts[3]),
        ms: Number(parts[4]),
        seq,
      });
    } else throw new Error(`report line ${seq + 1} is malformed: ${JSON.stringify(line)}`);
  });
  const lastFlush = flushes.length === 0 ? -1 : (flushes[flushes.length - 1] as { seq: number }).seq;
  const rows = new Map<string, number>();
  const points = raw.map((p) => {
    let row: number | null = null;
    if (p.index === null) {
      row = rows.get(p.where) ?? 0;
      rows.set(p.where, row + 1);
    }
    return { where: p.where, index: p.index, row, sum: p.sum, ms: p.ms, flushed: p.seq < lastFlush };
  });
  return { points, flushes: flushes.map((f) => f.ms) };
}
