/**
 * H5Dataset: a dataset of an open file. Numeric datasets read into and write from TypedArrays
 * (hyperslabs with start/count/stride), resize, and append rows along axis 0 in one native call.
 * Other datasets (strings, vlen, compound) open too; `kind` says what they hold.
 *
 * The `...Async` methods do the same on the libuv pool, one at a time per file in issue order;
 * the TypedArray they read into or write from must be left alone until their promise settles
 * (see the README, "Asynchronous calls").
 */
import { checkSignal, checkStableBuffer, queueOf } from "./async.js";
import { H5BlockWriter } from "./block-writer.js";
import { checkTypedArray, typedArrayFor, uninitializedArrayFor } from "./dtypes.js";
import { argumentError } from "./errors.js";
import type { NativeNode } from "./native.js";
import { H5NodeBase } from "./node.js";
import { checkSelection, checkSelectionForm, type CheckedSelection } from "./selection.js";
import type { AnyTypedArray, AsyncOptions, BoolEncoding, DatasetKind, Dtype, FilterInfo, H5DatasetLike, H5FileLike, Selection } from "./types.js";
import { checkDims, checkSize, product } from "./validate.js";

export class H5Dataset extends H5NodeBase implements H5DatasetLike {
  readonly kind: DatasetKind;
  private readonly elementDtype: Dtype | null;
  /** Elements per row along axis 0; cached for append() and dropped by resize(). */
  private rowElements: number | undefined;
  /**
   * Last shape read from the file, which hyperslab writes and reads are checked against before a
   * fresh read (another handle may have resized the dataset): saves a native call per scan point.
   * The native side re-checks every selection against the real extent. Dropped by resize/append.
   */
  private knownShape: number[] | undefined;
  /**
   * The extent of a dataset of a read-only file, asked of libhdf5 once: nothing in this process
   * can change it, and libhdf5 keeps the extent it read at open anyway. A libhdf5 call on the main
   * thread waits for libhdf5's global lock behind any read running on the pool.
   */
  private readOnlyShape: readonly number[] | undefined;

  /**
   * @internal created by H5Group
   * @param created the dtype and extent of a dataset the caller just created, so that neither is
   *   asked of the file (a numeric dataset's kind is its dtype)
   */
  constructor(file: H5FileLike, handle: NativeNode, path: string, created?: { dtype: Dtype; shape: readonly number[] }) {
    super(file, handle, path);
    const info = created ? { kind: created.dtype, dtype: created.dtype } : handle.typeInfo();
    this.kind = info.kind as DatasetKind;
    this.elementDtype = info.dtype as Dtype | null;
    if (created) this.knownShape = [...created.shape];
  }

  /** Numeric dtype. @throws H5ArgumentError for non-numeric datasets (see `kind`) */
  get dtype(): Dtype {
    if (this.elementDtype === null) {
      throw argumentError("dataset", `${this.path} holds ${this.kind} elements and has no numeric dtype`);
    }
    return this.elementDtype;
  }

  /** How the bool elements are stored ("bitfield" or "enum", see BoolEncoding); null when the dtype is not bool. */
  boolEncoding(): BoolEncoding | null {
    return this.elementDtype === "bool" ? (this.handle.typeInfo().boolEncoding ?? null) : null;
  }

  shape(): number[] {
    if (this.readOnlyShape !== undefined && this.handle.isOpen()) return [...this.readOnlyShape];
    const shape = this.handle.shape();
    if (this.file.mode === "r") this.readOnlyShape = [...shape];
    return shape;
  }

  /** Maximum shape; `null` = unlimited. */
  maxshape(): (number | null)[] {
    return this.handle.maxshape();
  }

  chunks(): number[] | null {
    return this.handle.storage().chunks;
  }

  layout(): "contiguous" | "chunked" | "compact" | "virtual" {
    return this.handle.storage().layout;
  }

  /** Filter pipeline in application order (e.g. shuffle then deflate). */
  filters(): FilterInfo[] {
    return this.handle.storage().filters;
  }

  /** Bytes allocated in the file for the data. */
  storageSize(): number {
    return this.handle.storage().storageSize;
  }

  /**
   * Reads the whole dataset or a hyperslab into a new TypedArray (C order).
   * @throws H5ArgumentError for non-numeric datasets or an invalid selection
   */
  read(selection?: Selection): AnyTypedArray {
    const dtype = this.dtype;
    const shape = this.freshShape();
    const sel = selection === undefined ? undefined : checkSelection(selection, shape);
    const target = typedArrayFor(dtype, sel ? sel.size : product(shape));
    this.transfer(false, target, sel);
    return target;
  }

  /**
   * Reads into `target`, which must be the dtype's TypedArray with exactly the selected size.
   * @throws H5ArgumentError on a wrong kind or size of target, or an invalid selection
   */
  readInto(target: AnyTypedArray, selection?: Selection): void {
    this.transfer(false, target, this.checked(target, selection, "target"));
  }

  /**
   * Writes `data` (the dtype's TypedArray, C order) to the whole dataset or a hyperslab.
   * @throws H5ArgumentError on a wrong kind or size of data, or an invalid selection
   */
  write(data: AnyTypedArray, selection?: Selection): void {
    this.transfer(true, data, this.checked(data, selection, "data"));
  }

  /**
   * A writer of same-shaped blocks at `leading` leading indexes (`[ix, iy, :]` for 2 of a 3-d
   * dataset), for repeated writes with little checking per call; the trailing extent is fixed
   * when it is made.
   * @throws H5ArgumentError for non-numeric or scalar datasets, or `leading` outside [0, rank]
   */
  blockWriter(leading: number): H5BlockWriter {
    const dtype = this.dtype;
    const shape = this.freshShape();
    if (shape.length === 0) throw argumentError("dataset", `${this.path} is scalar and has no blocks`);
    if (!Number.isInteger(leading) || leading < 0 || leading > shape.length) {
      throw argumentError("leading", `must be an integer in [0, ${shape.length}], got ${String(leading)}`);
    }
    return new H5BlockWriter(this.handle, dtype, shape, () => this.freshShape(), leading);
  }

  private freshShape(): number[] {
    this.knownShape = this.handle.shape();
    return this.knownShape;
  }

  /**
   * Checks `selection` and the size of `array` against the known shape and, when that fails
   * and the shape was not just read, against a fresh one (errors then come from the fresh one).
   */
  private checked(array: AnyTypedArray, selection: Selection | undefined, argument: string): CheckedSelection | undefined {
    const n = checkTypedArray(this.dtype, array, argument);
    const attempt = (shape: number[]): CheckedSelection | undefined => {
      const sel = selection === undefined ? undefined : checkSelection(selection, shape);
      const want = sel ? sel.size : product(shape);
      if (n !== want) throw argumentError(argument, `holds ${n} ${this.dtype} elements, the selection has ${want}`);
      return sel;
    };
    if (this.knownShape === undefined) return attempt(this.freshShape());
    try {
      return attempt(this.knownShape);
    } catch {
      return attempt(this.freshShape());
    }
  }

  private transfer(write: boolean, array: AnyTypedArray, sel: CheckedSelection | undefined): void {
    if (write) {
      if (sel) this.handle.write(array, sel.start, sel.count, sel.stride);
      else this.handle.write(array);
    } else if (sel) {
      this.handle.read(array, sel.start, sel.count, sel.stride);
    } else {
      this.handle.read(array);
    }
  }

  /**
   * `read` on the libuv pool: the whole dataset (its extent read on the pool too) or a hyperslab,
   * into a new TypedArray, once the file's earlier asynchronous operations have settled.
   * @param options.signal cancels the read while it waits (rejects with H5AbortError)
   * @throws (rejects) H5ArgumentError for non-numeric datasets or an invalid selection (the addon
   *   checks it against the extent when the read runs); H5ClosedError; H5Error when libhdf5 fails
   */
  async readAsync(selection?: Selection, options?: AsyncOptions): Promise<AnyTypedArray> {
    const dtype = this.dtype;
    const sel = this.selectionForm(selection);
    const signal = checkSignal(options);
    return queueOf(this.file).run(async () => {
      // Not zeroed: the read writes every element (those libhdf5 skips are zeroed, transfer.cpp),
      // and a failed read's array is dropped.
      const target = uninitializedArrayFor(dtype, sel ? sel.size : product(await this.handle.shapeAsync()));
      await this.transferAsync(false, target, sel);
      return target;
    }, signal);
  }

  /**
   * `readInto` on the libuv pool. libhdf5 writes into `target` in place while the read runs:
   * leave it alone until the promise settles.
   * @param options.signal cancels the read while it waits (rejects with H5AbortError)
   * @throws (rejects) H5ArgumentError on a wrong kind or size of target (the size against the
   *   extent when the read runs), or an invalid selection; H5ClosedError; H5Error
   */
  async readIntoAsync(target: AnyTypedArray, selection?: Selection, options?: AsyncOptions): Promise<void> {
    const sel = this.checkedAsync(target, selection, "target");
    const signal = checkSignal(options);
    return queueOf(this.file).run(() => this.transferAsync(false, target, sel), signal);
  }

  /**
   * `write` on the libuv pool, after the file's earlier asynchronous operations: writes issued
   * one after the other land in that order. libhdf5 reads `data` in place while the write runs:
   * leave it alone until the promise settles.
   * @param options.signal cancels the write while it waits (rejects with H5AbortError)
   * @throws (rejects) H5ArgumentError on a wrong kind or size of data, or an invalid selection;
   *   H5ClosedError; H5Error when libhdf5 fails (a read-only file, for one)
   */
  async writeAsync(data: AnyTypedArray, selection?: Selection, options?: AsyncOptions): Promise<void> {
    const sel = this.checkedAsync(data, selection, "data");
    const signal = checkSignal(options);
    return queueOf(this.file).run(() => this.transferAsync(true, data, sel), signal);
  }

  /**
   * `append` on the libuv pool (extent change and write, after the file's earlier asynchronous
   * operations). libhdf5 reads `data` in place: leave it alone until the promise settles.
   * @param rows defaults to data elements / row elements
   * @param options.signal cancels the append while it waits (rejects with H5AbortError)
   * @throws (rejects) H5ArgumentError on a wrong kind or size of data; H5ClosedError; H5Error
   *   beyond maxshape or when libhdf5 fails
   */
  async appendAsync(data: AnyTypedArray, rows?: number, options?: AsyncOptions): Promise<void> {
    const n = checkTypedArray(this.dtype, data, "data");
    checkStableBuffer(data, "data");
    if (rows !== undefined) checkSize(rows, "rows");
    const signal = checkSignal(options);
    return queueOf(this.file).run(async () => {
      if (this.rowElements === undefined) {
        const shape = await this.handle.shapeAsync();
        if (shape.length === 0) throw argumentError("dataset", `cannot append to the scalar dataset ${this.path}`);
        this.rowElements = product(shape.slice(1));
      }
      const count = this.rowCount(n, rows);
      this.knownShape = undefined;
      await this.handle.appendAsync(data, count);
    }, signal);
  }

  /**
   * The current extent, read on the libuv pool after the file's earlier asynchronous operations.
   * @param options.signal cancels the call while it waits (rejects with H5AbortError)
   */
  async shapeAsync(options?: AsyncOptions): Promise<number[]> {
    const signal = checkSignal(options);
    return queueOf(this.file).run(async () => {
      this.knownShape = await this.handle.shapeAsync();
      return [...this.knownShape];
    }, signal);
  }

  /** The form of a selection; its range is checked by the addon against the extent on the pool. */
  private selectionForm(selection: Selection | undefined): CheckedSelection | undefined {
    return selection === undefined ? undefined : checkSelectionForm(selection, this.knownShape?.length);
  }

  /** What `checked` checks that needs no extent: kind of array and, for hyperslabs, its size. */
  private checkedAsync(array: AnyTypedArray, selection: Selection | undefined, argument: string): CheckedSelection | undefined {
    const n = checkTypedArray(this.dtype, array, argument);
    checkStableBuffer(array, argument);
    const sel = this.selectionForm(selection);
    if (sel && n !== sel.size) throw argumentError(argument, `holds ${n} ${this.dtype} elements, the selection has ${sel.size}`);
    return sel;
  }

  private transferAsync(write: boolean, array: AnyTypedArray, sel: CheckedSelection | undefined): Promise<void> {
    const call = write ? this.handle.writeAsync.bind(this.handle) : this.handle.readAsync.bind(this.handle);
    return sel ? call(array, sel.start, sel.count, sel.stride) : call(array);
  }

  /**
   * Changes the extent (within maxshape). New elements read as the fill value.
   * @throws H5ArgumentError on a wrong rank or a size beyond maxshape
   */
  resize(shape: readonly number[]): void {
    const max = this.maxshape();
    const dims = checkDims(shape, "shape", max.length);
    dims.forEach((d, i) => {
      const m = max[i];
      if (m !== null && m !== undefined && d > m) throw argumentError(`shape[${i}]`, `${d} exceeds maxshape[${i}] = ${m}`);
    });
    this.rowElements = undefined;
    this.knownShape = undefined;
    this.handle.resize(dims);
  }

  /**
   * Grows axis 0 by `rows` and writes `data` (rows x shape[1:], C order) there, in one native call.
   * @param rows defaults to data elements / row elements
   * @throws H5ArgumentError on a wrong kind or size of data; H5Error beyond maxshape
   */
  append(data: AnyTypedArray, rows?: number): void {
    const n = checkTypedArray(this.dtype, data, "data");
    if (this.rowElements === undefined) {
      const shape = this.shape();
      if (shape.length === 0) throw argumentError("dataset", `cannot append to the scalar dataset ${this.path}`);
      this.rowElements = product(shape.slice(1));
    }
    const count = this.rowCount(n, rows);
    this.knownShape = undefined;
    this.handle.append(data, count);
  }

  /** The rows `n` elements make (`rows` when given), checked against the known row size. */
  private rowCount(n: number, rows: number | undefined): number {
    const per = this.rowElements as number;
    const count = rows === undefined ? (per === 0 ? 0 : n / per) : checkSize(rows, "rows");
    if (!Number.isInteger(count) || count * per !== n) {
      throw argumentError("data", `holds ${n} elements, which is not ${rows === undefined ? "a whole number of" : count} rows of ${per}`);
    }
    return count;
  }
}
