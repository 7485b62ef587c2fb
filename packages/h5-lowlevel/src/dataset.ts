/**
 * H5Dataset: a dataset of an open file. Numeric datasets read into and write from TypedArrays
 * (hyperslabs with start/count/stride), resize, and append rows along axis 0 in one native call.
 * Other datasets (strings, vlen, compound) open too; `kind` says what they hold.
 */
import { checkTypedArray, typedArrayFor } from "./dtypes.js";
import { argumentError } from "./errors.js";
import type { NativeNode } from "./native.js";
import { H5NodeBase } from "./node.js";
import { checkSelection } from "./selection.js";
import type { AnyTypedArray, DatasetKind, Dtype, FilterInfo, H5DatasetLike, H5FileLike, Selection } from "./types.js";
import { checkDims, checkSize, product } from "./validate.js";

export class H5Dataset extends H5NodeBase implements H5DatasetLike {
  readonly kind: DatasetKind;
  private readonly elementDtype: Dtype | null;
  /** Elements per row along axis 0; cached for append() and dropped by resize(). */
  private rowElements: number | undefined;

  /** @internal created by H5Group */
  constructor(file: H5FileLike, handle: NativeNode, path: string) {
    super(file, handle, path);
    const info = handle.typeInfo();
    this.kind = info.kind as DatasetKind;
    this.elementDtype = info.dtype as Dtype | null;
  }

  /** Numeric dtype. @throws H5ArgumentError for non-numeric datasets (see `kind`) */
  get dtype(): Dtype {
    if (this.elementDtype === null) {
      throw argumentError("dataset", `${this.path} holds ${this.kind} elements and has no numeric dtype`);
    }
    return this.elementDtype;
  }

  shape(): number[] {
    return this.handle.shape();
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
    const shape = this.shape();
    const sel = selection === undefined ? undefined : checkSelection(selection, shape);
    const target = typedArrayFor(dtype, sel ? sel.size : product(shape));
    this.transfer(false, target, shape, sel);
    return target;
  }

  /**
   * Reads into `target`, which must be the dtype's TypedArray with exactly the selected size.
   * @throws H5ArgumentError on a wrong kind or size of target, or an invalid selection
   */
  readInto(target: AnyTypedArray, selection?: Selection): void {
    const shape = this.shape();
    this.transfer(false, target, shape, selection === undefined ? undefined : checkSelection(selection, shape));
  }

  /**
   * Writes `data` (the dtype's TypedArray, C order) to the whole dataset or a hyperslab.
   * @throws H5ArgumentError on a wrong kind or size of data, or an invalid selection
   */
  write(data: AnyTypedArray, selection?: Selection): void {
    const shape = this.shape();
    this.transfer(true, data, shape, selection === undefined ? undefined : checkSelection(selection, shape));
  }

  private transfer(write: boolean, array: AnyTypedArray, shape: number[], sel: ReturnType<typeof checkSelection> | undefined): void {
    const argument = write ? "data" : "target";
    const n = checkTypedArray(this.dtype, array, argument);
    const want = sel ? sel.size : product(shape);
    if (n !== want) throw argumentError(argument, `holds ${n} ${this.dtype} elements, the selection has ${want}`);
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
    const per = this.rowElements;
    const count = rows === undefined ? (per === 0 ? 0 : n / per) : checkSize(rows, "rows");
    if (!Number.isInteger(count) || count * per !== n) {
      throw argumentError("data", `holds ${n} elements, which is not ${rows === undefined ? "a whole number of" : count} rows of ${per}`);
    }
    this.handle.append(data, count);
  }
}
