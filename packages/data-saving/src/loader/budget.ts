/**
 * The memory budget of a load: every array a load reads is charged, from its declared shape and
 * dtype, BEFORE it is allocated, and the load stops with a LimitError when the total goes past the
 * budget. A small crafted file can declare a huge dataset (an unwritten 2^27 x float64 dataset
 * takes 60 KB on disk and 1 GiB in memory); the budget makes such a load fail at once.
 */
import type { Dtype } from "@pymodaq-ts/data-model";
import { InvalidValueError, LimitError } from "../errors.js";

/** The default budget of one load (bytes): 512 MiB. */
export const DEFAULT_MAX_LOAD_BYTES = 512 * 1024 * 1024;

const BYTES: Readonly<Record<Dtype, number>> = {
  int8: 1, uint8: 1, bool: 1, int16: 2, uint16: 2, int32: 4, uint32: 4, float32: 4,
  int64: 8, uint64: 8, float64: 8, complex64: 8, complex128: 16,
};

/** Bytes of `shape` elements of `dtype` (a float: no overflow for any declared shape). */
export function declaredBytes(dtype: Dtype, shape: readonly number[]): number {
  return shape.reduce((n, d) => n * d, BYTES[dtype] ?? 8);
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

/** What one load has read so far, against its limit. */
export class LoadBudget {
  private used = 0;

  /** @param limit bytes the load may allocate for its arrays */
  constructor(readonly limit: number = DEFAULT_MAX_LOAD_BYTES) {}

  /**
   * Charges the read of `shape` elements of `dtype` at `path`.
   * @throws LimitError when the load would go past the budget
   */
  charge(path: string, dtype: Dtype, shape: readonly number[]): void {
    const bytes = declaredBytes(dtype, shape);
    if (this.used + bytes > this.limit) throw new LimitError(path, this.used + bytes, this.limit);
    this.used += bytes;
  }
}
