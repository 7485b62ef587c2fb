/**
 * H5BlockWriter: repeated writes of same-shaped blocks at leading indexes of one dataset (a scan
 * array's `[ix, iy, :]`), validated with a few integer comparisons per call. The block shape,
 * the element count and the selection arrays are computed once, when the writer is made.
 */
import { checkTypedArray } from "./dtypes.js";
import { argumentError } from "./errors.js";
import type { NativeNode } from "./native.js";
import type { AnyTypedArray, Dtype } from "./types.js";
import { product } from "./validate.js";

export class H5BlockWriter {
  /** Element count of one block: `product(shape.slice(leading))`. */
  readonly blockSize: number;
  // Float64Arrays: the addon reads each in one call rather than element by element.
  private readonly start: Float64Array;
  private readonly count: Float64Array;

  /** @internal made by H5Dataset.blockWriter */
  constructor(
    private readonly handle: NativeNode,
    /** Element type of the dataset. */
    readonly dtype: Dtype,
    /** The extent the indexes are checked against (re-read once when a check fails). */
    private shape: readonly number[],
    private readonly refreshShape: () => number[],
    /** Number of leading (indexed) dimensions. */
    readonly leading: number,
  ) {
    const count = shape.map((n, k) => (k < leading ? 1 : n));
    this.start = new Float64Array(shape.length);
    this.count = Float64Array.from(count);
    this.blockSize = product(count);
  }

  /**
   * Writes `data` (the dtype's TypedArray, `blockSize` elements, C order) at `index`.
   * @param index one integer per leading dimension, each in `[0, shape[k])`
   * @throws H5ArgumentError on a wrong index or a wrong kind or size of data; H5ClosedError when
   *   the dataset is closed; H5Error from libhdf5 (which re-checks against the real extent)
   */
  write(index: readonly number[], data: AnyTypedArray): void {
    if (index.length !== this.leading) throw argumentError("index", `needs ${this.leading} indexes, got ${index.length}`);
    if (!this.inRange(index)) {
      this.shape = this.refreshShape(); // another handle may have grown the dataset
      if (!this.inRange(index)) {
        throw argumentError("index", `[${index.join(", ")}] is out of range for shape [${this.shape.join(", ")}]`);
      }
    }
    const n = checkTypedArray(this.dtype, data, "data");
    if (n !== this.blockSize) throw argumentError("data", `holds ${n} ${this.dtype} elements, the block has ${this.blockSize}`);
    for (let k = 0; k < this.leading; k++) this.start[k] = index[k] as number;
    this.handle.write(data, this.start, this.count);
  }

  private inRange(index: readonly number[]): boolean {
    for (let k = 0; k < this.leading; k++) {
      const i = index[k] as number;
      if (!Number.isInteger(i) || i < 0 || i >= (this.shape[k] as number)) return false;
    }
    return true;
  }
}
