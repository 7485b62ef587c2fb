/**
 * CARRAY (fixed-size) and EARRAY (enlargeable along dimension 0) array nodes. The shape is
 * tracked in memory from the dataset (never decoded from the `shape` attribute); appends update
 * it and record the new `shape` attribute as deferred, written at the next flush or close.
 */
import { NDArray, PyTuple, shapeSize } from "@pymodaq-ts/data-model";
import type { Dtype, StorageArray, StorageBlockWriter, StorageLayoutInfo, StorageReadOptions } from "../../storage/types.js";
import { IndexOutOfRangeError, InvalidTypeError, InvalidValueError } from "../../errors.js";
import { ATTR } from "../layout.js";
import { convertElements, isArrayData, sameShape, type ArrayData } from "./arraydata.js";
import { Node } from "./node.js";
import type { Session } from "./session.js";

export class CARRAY extends Node {
  readonly nodeClass: "CARRAY" | "EARRAY" = "CARRAY";
  /** The dataset shape, kept in memory (equal to the `shape` attribute this layer writes). */
  protected shapeState: number[];
  /** Block writers by number of leading indexes, made on the first `writeAt` of that kind. */
  private readonly writers: (StorageBlockWriter | undefined)[] = [];

  constructor(
    session: Session,
    path: string,
    /** The storage handle of this dataset. */
    readonly storage: StorageArray,
    /** The shape when the caller knows it (a dataset it just created); read from the file otherwise. */
    shape?: readonly number[],
  ) {
    super(session, path, storage.attrs, "CARRAY");
    this.shapeState = shape ? [...shape] : storage.shape();
  }

  /** Element type of the dataset (NumPy name). */
  get dtype(): Dtype {
    return this.storage.dtype;
  }

  /** Current shape (a copy). */
  get shape(): number[] {
    return [...this.shapeState];
  }

  /** Number of rows (Python `len(array)`). */
  get length(): number {
    return this.shapeState[0] ?? 0;
  }

  /** Closes the dataset handle (reopened on the next use); see Session.release. */
  releaseStorage(): void {
    this.writers.length = 0;
    this.storage.release();
  }

  /** Storage layout: chunks, max shape, filters. */
  storageInfo(): StorageLayoutInfo {
    return this.storage.layoutInfo();
  }

  /** Reads the whole array. */
  read(): NDArray {
    this.session.assertOpen();
    return new NDArray(this.dtype, this.shapeState, this.storage.read());
  }

  /**
   * `read` (the whole array, or the block at `start` with `count` elements per dimension) off the
   * main thread when the storage can (`StorageArray.readAsync`), on it otherwise. With
   * `options.target` (the dtype's TypedArray, of the block's element count) the read may land
   * there: the result's data is then `target`.
   * @throws (rejects) IndexOutOfRangeError when the block leaves the array; the storage's
   *   AbortError when `signal` aborts before the read started
   */
  async readAsync(block?: { start: readonly number[]; count: readonly number[] }, options?: StorageReadOptions): Promise<NDArray> {
    this.session.assertOpen();
    if (block !== undefined) this.checkBlock(block.start, block.count);
    const shape = block === undefined ? this.shapeState : [...block.count];
    if (this.storage.readAsync === undefined) {
      options?.signal?.throwIfAborted();
      return new NDArray(this.dtype, shape, this.storage.read(block));
    }
    return new NDArray(this.dtype, shape, await this.storage.readAsync(block, options));
  }

  /**
   * Reads the block that starts at `start` with `count` elements per dimension.
   * @throws IndexOutOfRangeError when the block leaves the array.
   */
  readSlice(start: readonly number[], count: readonly number[]): NDArray {
    this.session.assertOpen();
    this.checkBlock(start, count);
    return new NDArray(this.dtype, count, this.storage.read({ start, count }));
  }

  /**
   * The sub-array at the leading `index` (e.g. `[ix, iy]` of a scan array): shape
   * `shape.slice(index.length)` (or `[1]` when every dimension is indexed).
   * @throws IndexOutOfRangeError for an index outside `[0, shape[k])`.
   */
  readAt(index: readonly number[]): NDArray {
    const { start, count, rest } = this.blockAt(index);
    return new NDArray(this.dtype, rest, this.readSlice(start, count).data);
  }

  /**
   * Writes `data` at the leading `index`: `data` must hold `product(shape.slice(index.length))`
   * elements (its shape may differ, e.g. `[1]` for a scalar point). Values are converted to the
   * array's dtype.
   * @throws IndexOutOfRangeError, InvalidValueError (element count), InvalidTypeError (not an array).
   */
  writeAt(index: readonly number[], data: ArrayData): void {
    // Hot path of the scan savers: an NDArray of this dtype at in-range indexes goes straight to
    // a block writer made once; anything else takes the general path and its errors.
    if (data instanceof NDArray && this.indexesInRange(index)) {
      this.session.assertWritable(this.path);
      const writer = (this.writers[index.length] ??= this.storage.blockWriter(index.length));
      if (data.dtype === writer.dtype && data.size === writer.blockSize) {
        writer.write(index, data.data);
        return;
      }
    }
    const { start, count, rest } = this.blockAt(index);
    this.checkBlock(start, count);
    this.writeBlock(start, count, data, rest);
  }

  /** Writes `data` over the block `start`/`count`. Same errors as `writeAt`. */
  writeSlice(start: readonly number[], count: readonly number[], data: ArrayData): void {
    this.checkBlock(start, count);
    this.writeBlock(start, count, data, count);
  }

  /** Overwrites the whole array with `data` (same element count). */
  write(data: ArrayData): void {
    // No selection: libhdf5 maps a whole-dataset write to its chunks more cheaply than the
    // equivalent hyperslab (~0.15 ms less per 8 MiB frame of 128 chunks).
    this.writeBlock(null, this.shapeState, data, this.shapeState);
  }

  /** Writes `data` over the block `start`/`count`, or over the whole array when `start` is null. */
  private writeBlock(start: readonly number[] | null, count: readonly number[], data: ArrayData, expectedShape: readonly number[]): void {
    this.session.assertWritable(this.path);
    if (!isArrayData(data)) throw new InvalidTypeError(`${this.path}: expected an array ({dtype, shape, data})`, { path: this.path });
    if (shapeSize(data.shape) !== shapeSize(count)) {
      throw new InvalidValueError(
        `${this.path}: expected data of shape (${expectedShape.join(", ")}), got (${data.shape.join(", ")})`,
        { path: this.path },
      );
    }
    const elements = convertElements(data, this.dtype, this.path);
    this.storage.write(elements, start === null ? undefined : { start, count });
  }

  private indexesInRange(index: readonly number[]): boolean {
    const sh = this.shapeState;
    if (index.length > sh.length) return false;
    for (let k = 0; k < index.length; k++) {
      const i = index[k] as number;
      if (!Number.isInteger(i) || i < 0 || i >= (sh[k] as number)) return false;
    }
    return true;
  }

  private blockAt(index: readonly number[]): { start: number[]; count: number[]; rest: number[] } {
    const sh = this.shapeState;
    if (index.length > sh.length) {
      throw new IndexOutOfRangeError(`${this.path}: ${index.length} indexes for an array of ${sh.length} dimensions`, { path: this.path });
    }
    const rest = sh.slice(index.length);
    return {
      start: [...index, ...rest.map(() => 0)],
      count: [...index.map(() => 1), ...rest],
      rest: rest.length === 0 ? [1] : rest,
    };
  }

  private checkBlock(start: readonly number[], count: readonly number[]): void {
    const sh = this.shapeState;
    const ok =
      start.length === sh.length &&
      count.length === sh.length &&
      start.every((s, k) => Number.isInteger(s) && s >= 0 && Number.isInteger(count[k]) && (count[k] ?? 0) >= 0 && s + (count[k] ?? 0) <= (sh[k] ?? 0));
    if (!ok) {
      throw new IndexOutOfRangeError(
        `${this.path}: block start (${start.join(", ")}) count (${count.join(", ")}) is outside the shape (${sh.join(", ")})`,
        { path: this.path },
      );
    }
  }
}

export class EARRAY extends CARRAY {
  override readonly nodeClass = "EARRAY" as const;

  /**
   * Appends along dimension 0 (file-format.md §4.3). If the array has more than one dimension and
   * `data.shape` equals the row shape, one row is added. Otherwise `data` already carries the
   * enlargeable dimension and `data.shape[0]` rows are added; with `expand` (default true) a
   * 1-D `(k,)` element, k != 1, is first taken as `(k, 1)`. Then the `shape` attribute is
   * updated in memory (written at flush/close).
   * @throws InvalidTypeError when `data` is not an array; InvalidValueError when its shape does
   * not fit the rows.
   */
  append(data: ArrayData, options: { expand?: boolean } = {}): void {
    this.session.assertWritable(this.path);
    if (!isArrayData(data)) throw new InvalidTypeError(`${this.path}: expected an array to append ({dtype, shape, data})`, { path: this.path });
    const expand = options.expand ?? true;
    const rowShape = this.shapeState.slice(1);
    let rows: number;
    if (this.shapeState.length > 1 && sameShape(data.shape, rowShape)) {
      rows = 1;
    } else {
      let shape = [...data.shape];
      if (expand && shape.length === 1 && shape[0] !== 1) shape = [shape[0] ?? 0, 1];
      rows = shape[0] ?? 0;
      if (shape.length === 0 || !sameShape(shape.slice(1), rowShape)) {
        throw new InvalidValueError(
          `${this.path}: cannot append data of shape (${data.shape.join(", ")}) to rows of shape (${rowShape.join(", ")})`,
          { path: this.path },
        );
      }
    }
    this.storage.append(convertElements(data, this.dtype, this.path), rows);
    this.shapeState[0] = (this.shapeState[0] ?? 0) + rows;
    this.attrs.setDeferred(ATTR.shape, PyTuple.ofInts(this.shapeState));
  }
}
