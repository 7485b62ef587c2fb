/**
 * H5Vlen: a 1-d dataset of variable-length uint8 sequences (PyMoDAQ's Logger stores one pickled
 * message per row). Rows are appended and read as Uint8Arrays.
 */
import { checkSignal, checkStableBuffer, queueOf } from "./async.js";
import { argumentError } from "./errors.js";
import { H5NodeBase } from "./node.js";
import type { AsyncOptions, H5VlenLike } from "./types.js";
import { checkSize } from "./validate.js";

function checkRows(rows: readonly Uint8Array[]): readonly Uint8Array[] {
  if (!Array.isArray(rows)) throw argumentError("rows", "must be an array of Uint8Array");
  rows.forEach((r, i) => {
    if (!(r instanceof Uint8Array)) throw argumentError(`rows[${i}]`, "must be a Uint8Array");
  });
  return rows;
}

export class H5Vlen extends H5NodeBase implements H5VlenLike {
  /** Number of rows. */
  length(): number {
    return this.handle.shape()[0] as number;
  }

  /**
   * Appends rows in one write (the arrays are read in place, not copied).
   * @throws H5ArgumentError when an entry is not a Uint8Array
   */
  append(rows: readonly Uint8Array[]): void {
    this.handle.vlenAppend(checkRows(rows));
  }

  /**
   * `append` on the libuv pool, once the file's earlier asynchronous operations have settled.
   * libhdf5 reads the rows in place: leave them alone until the promise settles (the array
   * holding them may change).
   * @param options.signal cancels the append while it waits (rejects with H5AbortError)
   * @throws (rejects) H5ArgumentError when an entry is not a Uint8Array; H5ClosedError; H5Error
   */
  async appendAsync(rows: readonly Uint8Array[], options?: AsyncOptions): Promise<void> {
    // The rows as they are now: the operation may start later, and the caller's array change.
    const taken = [...checkRows(rows)];
    taken.forEach((row, i) => checkStableBuffer(row, `rows[${i}]`));
    const signal = checkSignal(options);
    return queueOf(this.file).run(() => this.handle.vlenAppendAsync(taken), signal);
  }

  /**
   * Reads `count` rows from `start` (default: all rows).
   * @throws H5ArgumentError when the range is outside the dataset
   */
  read(start = 0, count?: number): Uint8Array[] {
    const length = this.length();
    checkSize(start, "start");
    const n = count === undefined ? Math.max(0, length - start) : checkSize(count, "count");
    if (start + n > length || start > length) {
      throw argumentError("start", `rows ${start}..${start + n} are out of range for length ${length}`);
    }
    return this.handle.vlenRead(start, n);
  }

  /**
   * `read` on the libuv pool, once the file's earlier asynchronous operations have settled: `count`
   * rows from `start` (default: to the end, the length read on the pool too).
   * @param options.signal cancels the read while it waits (rejects with H5AbortError)
   * @throws (rejects) H5ArgumentError when the range is outside the dataset; H5ClosedError; H5Error
   */
  async readAsync(start = 0, count?: number, options?: AsyncOptions): Promise<Uint8Array[]> {
    checkSize(start, "start");
    if (count !== undefined) checkSize(count, "count");
    const signal = checkSignal(options);
    return queueOf(this.file).run(async () => {
      const n = count ?? Math.max(0, ((await this.handle.shapeAsync())[0] as number) - start);
      return this.handle.vlenReadAsync(start, n);
    }, signal);
  }
}
