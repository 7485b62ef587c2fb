/**
 * The memory budget of a load: every array a load reads is charged, from its declared shape and
 * dtype, BEFORE it is allocated, and the load stops with a LimitError when the total goes past the
 * budget. A small crafted file can declare a huge dataset (an unwritten 2^27 x float64 dataset
 * takes 60 KB on disk and 1 GiB in memory); the budget makes such a load fail at once.
 */
import type { Dtype } from "@pymodaq-ts/data-model";
import { DEFAULT_MAX_LOAD_BYTES } from "../conventions/limits.js";
import { LimitError } from "../errors.js";

export { checkBudget, DEFAULT_MAX_LOAD_BYTES } from "../conventions/limits.js";

const BYTES: Readonly<Record<Dtype, number>> = {
  int8: 1, uint8: 1, bool: 1, int16: 2, uint16: 2, int32: 4, uint32: 4, float32: 4,
  int64: 8, uint64: 8, float64: 8, complex64: 8, complex128: 16,
};

/** Bytes of `shape` elements of `dtype` (a float: no overflow for any declared shape). */
export function declaredBytes(dtype: Dtype, shape: readonly number[]): number {
  return shape.reduce((n, d) => n * d, BYTES[dtype] ?? 8);
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

  /**
   * Charges `bytes` already read at `path` (variable-length data, whose size is known only once
   * libhdf5 has read it).
   * @throws LimitError when the total goes past the budget
   */
  chargeBytes(path: string, bytes: number): void {
    if (this.used + bytes > this.limit) throw new LimitError(path, this.used + bytes, this.limit);
    this.used += bytes;
  }
}
