/**
 * The read limits the conventions layer applies itself: the default memory budget (the loader's
 * per-load budget, `loader/budget.ts`, uses the same default) and the budget of a group listing,
 * checked against the number of children the file declares before they are listed.
 */
import { InvalidValueError, LimitError } from "../errors.js";
import type { StorageVlen } from "../storage/types.js";

/** The default budget of one load, and of one group listing (bytes): 512 MiB. */
export const DEFAULT_MAX_LOAD_BYTES = 512 * 1024 * 1024;

/**
 * What one listed child of a group costs in memory (its name, its entry, the node wrapper made
 * for it), for the budget of a group listing: with the default budget, 524,288 children.
 */
export const CHILD_ENTRY_BYTES = 1024;

/**
 * Checks, before a group is listed, that its number of children (as the file declares it) fits
 * the budget.
 * @throws LimitError naming the group
 */
export function checkChildCount(path: string, count: number, limit: number): void {
  const bytes = count * CHILD_ENTRY_BYTES;
  if (bytes > limit) throw new LimitError(path, bytes, limit);
}


/**
 * Checks a budget option: a positive number of bytes (Infinity disables the limit).
 * @throws InvalidValueError otherwise
 */
export function checkBudget(value: unknown, what: string): number {
  if (typeof value !== "number" || Number.isNaN(value) || value <= 0) {
    throw new InvalidValueError(`${what} must be a positive number of bytes (Infinity for no limit), got ${String(value)}`);
  }
  return value;
}

/** What one variable-length row costs in memory beyond its bytes (its Uint8Array). */
export const VLEN_ROW_BYTES = 128;

/** Rows read per call by `readVlenRows`. */
const ROWS_PER_READ = 4096;

/**
 * Every row of a variable-length array (the Logger) within `limit` bytes: the declared number of
 * rows is checked first, then the rows are read a batch at a time and their bytes charged as they
 * come (libhdf5 tells a row's length only by reading it).
 * @throws LimitError naming `path` once the rows go past the limit
 */
export function readVlenRows(vlen: StorageVlen, path: string, limit: number): Uint8Array[] {
  const n = vlen.length();
  let used = n * VLEN_ROW_BYTES;
  if (used > limit) throw new LimitError(path, used, limit);
  const rows: Uint8Array[] = [];
  for (let start = 0; start < n; start += ROWS_PER_READ) {
    for (const row of vlen.read(start, Math.min(ROWS_PER_READ, n - start))) {
      used += row.length;
      if (used > limit) throw new LimitError(path, used, limit);
      rows.push(row);
    }
  }
  return rows;
}
