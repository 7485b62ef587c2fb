/**
 * `NDArray`: the model's n-d array (data-model.md §0.1). A dtype from the `Dtype` union, a
 * shape, and the elements in a TypedArray in C (row-major) order, the order HDF5 uses.
 *
 * The buffer is always contiguous, so savers can hand `data` to the HDF5 layer as is.
 * `reshape`, `squeeze` and the slices that select one contiguous block (leading
 * dimensions) return views sharing the buffer; other slices copy.
 *
 * @example
 * const a = NDArray.from("float64", [2, 3], [0, 1, 2, 3, 4, 5]);
 * a.get(1, 2);              // 5
 * a.index(1).shape;         // [3]   (a view)
 * a.index(":", 0).shape;    // [2]   (a copy)
 */
import {
  allocate, describe, inferDtype, isBigIntDtype, isComplexDtype, isDtype, lanesOf, matchesDtype,
  type Complex, type Dtype, type ScalarOf, type TypedArrayOf,
} from "./dtype.js";
import { ModelIndexError, ModelTypeError, ModelValueError } from "./errors.js";
import { resolveIndex, type DimSelection, type IndexItem } from "./slice.js";

/** A nested JS array of numbers, bigints or booleans (e.g. `[[1, 2], [3, 4]]`). */
export type Nested = number | bigint | boolean | readonly Nested[];

/** The product of a shape's entries (1 for a 0-d shape). */
export function shapeSize(shape: readonly number[]): number {
  let n = 1;
  for (const s of shape) n *= s;
  return n;
}

/** C-order strides, in elements. */
export function cStrides(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let acc = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    strides[d] = acc;
    acc *= shape[d] ?? 1;
  }
  return strides;
}

function checkShape(shape: readonly number[]): number[] {
  if (!Array.isArray(shape)) throw new ModelTypeError(`a shape must be an array of integers, got ${describe(shape)}`);
  for (const s of shape) {
    if (!Number.isSafeInteger(s) || s < 0) throw new ModelValueError(`invalid shape entry ${String(s)} in [${shape.join(", ")}]`);
  }
  return [...shape];
}

/** Converts a JS value to what the TypedArray of `dtype` stores (one lane). */
function toLane(dtype: Dtype, v: unknown): number | bigint {
  if (isBigIntDtype(dtype)) {
    if (typeof v === "bigint") return v;
    if (typeof v === "boolean") return v ? 1n : 0n;
    if (typeof v === "number" && Number.isFinite(v)) return BigInt(Math.trunc(v));
    throw new ModelTypeError(`cannot store ${describe(v)} in an ${dtype} array`);
  }
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "bigint") return Number(v);
  throw new ModelTypeError(`cannot store ${describe(v)} in a ${dtype} array`);
}

export class NDArray<D extends Dtype = Dtype> {
  /** NumPy dtype name. */
  readonly dtype: D;
  /** Dimensions, C order (frozen). */
  readonly shape: number[];
  /** The elements, contiguous in C order; complex values interleaved (re, im). */
  readonly data: TypedArrayOf[D];
  /** Number of elements (the shape is frozen, so it is counted once). */
  readonly size: number;

  /**
   * Wraps an existing buffer without copying. Prefer `NDArray.from`.
   * @throws ModelTypeError when `data` is not the TypedArray of `dtype`; ModelValueError
   *   when its length does not match the shape.
   */
  constructor(dtype: D, shape: readonly number[], data: TypedArrayOf[D]) {
    if (!isDtype(dtype)) throw new ModelTypeError(`unknown dtype ${describe(dtype)}`);
    const s = checkShape(shape);
    if (!matchesDtype(dtype, data)) throw new ModelTypeError(`a ${dtype} array needs its own TypedArray, got ${describe(data)}`);
    const size = shapeSize(s);
    const expected = size * lanesOf(dtype);
    if (data.length !== expected) {
      throw new ModelValueError(`buffer of length ${data.length} does not fit shape [${s.join(", ")}] of ${dtype} (needs ${expected})`);
    }
    this.dtype = dtype;
    this.shape = Object.freeze(s) as number[];
    this.data = data;
    this.size = size;
  }

  /**
   * An array of `dtype` and `shape` from a TypedArray (adopted, not copied) or from a
   * flat list of values (numbers, bigints, booleans; complex as {re, im} or interleaved).
   * @throws ModelTypeError / ModelValueError for a wrong dtype, value or length.
   */
  static from<D extends Dtype>(
    dtype: D,
    shape: readonly number[],
    data: TypedArrayOf[D] | ArrayLike<number | bigint | boolean | Complex>,
  ): NDArray<D> {
    if (matchesDtype(dtype, data)) return new NDArray(dtype, shape, data as TypedArrayOf[D]);
    if (!isDtype(dtype)) throw new ModelTypeError(`unknown dtype ${describe(dtype)}`);
    if (data === null || typeof data !== "object" || typeof (data as ArrayLike<unknown>).length !== "number") {
      throw new ModelTypeError(`array data must be a TypedArray or an array, got ${describe(data)}`);
    }
    const s = checkShape(shape);
    const size = shapeSize(s);
    const buf = allocate(dtype, size);
    const lanes = lanesOf(dtype);
    const list = data as ArrayLike<unknown>;
    const interleaved = lanes === 2 && list.length === 2 * size && typeof list[0] === "number";
    if (!interleaved && list.length !== size) {
      throw new ModelValueError(`${list.length} values do not fit shape [${s.join(", ")}]`);
    }
    for (let i = 0; i < list.length; i++) {
      const v = list[i];
      if (lanes === 2 && !interleaved) {
        const c = typeof v === "object" && v !== null ? (v as Complex) : { re: Number(toLane("float64", v)), im: 0 };
        buf[2 * i] = c.re;
        buf[2 * i + 1] = c.im;
      } else {
        (buf as { [i: number]: number | bigint })[i] = toLane(dtype, v);
      }
    }
    return new NDArray(dtype, s, buf);
  }

  /** A zero-filled array: `zeros(shape, dtype = "float64")` or `zeros(dtype, shape)`. */
  static zeros<D extends Dtype = "float64">(shape: readonly number[], dtype?: D): NDArray<D>;
  static zeros<D extends Dtype>(dtype: D, shape: readonly number[]): NDArray<D>;
  static zeros<D extends Dtype>(first: readonly number[] | D, second?: D | readonly number[]): NDArray<D> {
    const [shape, dtype] = typeof first === "string" ? [second, first] : [first, second];
    const dt = (dtype ?? "float64") as D;
    const s = checkShape(shape as readonly number[]);
    return new NDArray(dt, s, allocate(dt, shapeSize(s)));
  }

  /** An array filled with `value`. */
  static full<D extends Dtype = "float64">(shape: readonly number[], value: number | bigint | boolean, dtype?: D): NDArray<D> {
    const a = NDArray.zeros(shape, dtype);
    for (let i = 0; i < a.size; i++) a.setFlat(i, value as ScalarOf[D]);
    return a;
  }

  /**
   * NumPy's `arange(start, stop, step)` (or `arange(stop)`): `ceil((stop-start)/step)` values.
   * The dtype defaults to int64 when every argument is an integer, else float64.
   * @throws ModelValueError for a zero step.
   */
  static arange<D extends Dtype = "float64" | "int64">(start: number, stop?: number, step = 1, dtype?: D): NDArray<D> {
    const [a, b] = stop === undefined ? [0, start] : [start, stop];
    if (step === 0 || !Number.isFinite(step)) throw new ModelValueError("arange needs a finite non-zero step");
    const n = Math.max(0, Math.ceil((b - a) / step));
    const dt = (dtype ?? ([a, b, step].every(Number.isInteger) ? "int64" : "float64")) as D;
    const out = NDArray.zeros([n], dt);
    for (let i = 0; i < n; i++) out.setFlat(i, (a + i * step) as ScalarOf[D]);
    return out;
  }

  /** NumPy's `linspace(start, stop, num, endpoint)`, float64. */
  static linspace(start: number, stop: number, num = 50, endpoint = true): NDArray<"float64"> {
    if (!Number.isInteger(num) || num < 0) throw new ModelValueError(`linspace needs a non-negative integer count, got ${num}`);
    const div = endpoint ? num - 1 : num;
    const step = div > 0 ? (stop - start) / div : 0;
    const out = new Float64Array(num);
    for (let i = 0; i < num; i++) out[i] = start + i * step;
    if (endpoint && num > 1) out[num - 1] = stop;
    return new NDArray("float64", [num], out);
  }

  /**
   * An array from nested JS arrays (`[[1, 2], [3, 4]]` gives shape [2, 2]). Without a
   * dtype, NumPy's inference is approximated: booleans give bool, all-integral numbers
   * int64 (JS cannot tell `2.0` from `2`: pass "float64" when it matters), else float64.
   * A bare scalar gives a 0-d array.
   * @throws ModelValueError for ragged lists; ModelTypeError for non-numeric leaves.
   */
  static fromNested<D extends Dtype = Dtype>(nested: Nested, dtype?: D): NDArray<D> {
    const shape: number[] = [];
    for (let level: Nested = nested; Array.isArray(level); level = (level as readonly Nested[])[0] as Nested) {
      shape.push((level as readonly Nested[]).length);
      if ((level as readonly Nested[]).length === 0) break;
    }
    const flat: (number | bigint | boolean)[] = [];
    const walk = (node: Nested, depth: number): void => {
      if (depth === shape.length) {
        if (Array.isArray(node)) throw new ModelValueError("ragged nested list: the depths differ");
        flat.push(node as number | bigint | boolean);
        return;
      }
      if (!Array.isArray(node) || node.length !== shape[depth]) throw new ModelValueError("ragged nested list: the lengths differ");
      for (const child of node as readonly Nested[]) walk(child, depth + 1);
    };
    walk(nested, 0);
    const dt = (dtype ?? inferListDtype(flat)) as D;
    return NDArray.from(dt, shape, flat);
  }

  /** Number of dimensions. */
  get ndim(): number {
    return this.shape.length;
  }

  /** C-order strides in elements. */
  get strides(): number[] {
    return cStrides(this.shape);
  }

  private flatIndex(idx: readonly number[]): number {
    if (idx.length !== this.shape.length) {
      throw new ModelIndexError(`${idx.length} indices given for a ${this.shape.length}-d array`);
    }
    let flat = 0;
    for (let d = 0; d < idx.length; d++) {
      const n = this.shape[d] ?? 0;
      const raw = idx[d] ?? 0;
      const i = raw < 0 ? raw + n : raw;
      if (!Number.isInteger(i) || i < 0 || i >= n) throw new ModelIndexError(`index ${raw} is out of bounds for axis ${d} with size ${n}`);
      flat = flat * n + i;
    }
    return flat;
  }

  /**
   * The element at `idx` (negative indexes count from the end).
   * @throws ModelIndexError for a wrong number of indexes or an index out of range.
   */
  get(...idx: number[]): ScalarOf[D] {
    return this.getFlat(this.flatIndex(idx));
  }

  /** Sets the element at `idx` (converted to the dtype). */
  set(idx: readonly number[], value: ScalarOf[D] | number): void {
    this.setFlat(this.flatIndex(idx), value);
  }

  /** The element at flat C-order position `i` (no bounds check beyond the buffer's). */
  getFlat(i: number): ScalarOf[D] {
    const d = this.data;
    if (isComplexDtype(this.dtype)) return { re: d[2 * i] as number, im: d[2 * i + 1] as number } as ScalarOf[D];
    if (this.dtype === "bool") return (d[i] !== 0) as ScalarOf[D];
    return d[i] as ScalarOf[D];
  }

  /** Sets the element at flat position `i`. */
  setFlat(i: number, value: ScalarOf[D] | number | bigint | boolean): void {
    if (isComplexDtype(this.dtype)) {
      const c = typeof value === "object" ? (value as Complex) : { re: Number(toLane("float64", value)), im: 0 };
      this.data[2 * i] = c.re;
      this.data[2 * i + 1] = c.im;
      return;
    }
    (this.data as { [i: number]: number | bigint })[i] = toLane(this.dtype, value);
  }

  /** The element at flat position `i` as a JS number (bigint converted; complex: real part). */
  numberAt(i: number): number {
    if (isComplexDtype(this.dtype)) return this.data[2 * i] as number;
    return Number(this.data[i]);
  }

  /**
   * A view with another shape of the same size; one entry may be -1.
   * @throws ModelValueError when the sizes differ.
   */
  reshape(shape: readonly number[]): NDArray<D> {
    const s = [...shape];
    const unknown = s.indexOf(-1);
    if (unknown >= 0) {
      const known = shapeSize(s.filter((_, k) => k !== unknown));
      s[unknown] = known === 0 ? 0 : this.size / known;
    }
    if (shapeSize(checkShape(s)) !== this.size) {
      throw new ModelValueError(`cannot reshape array of size ${this.size} into shape [${shape.join(", ")}]`);
    }
    return new NDArray(this.dtype, s, this.data);
  }

  /**
   * A view without length-1 dimensions: all of them, or only those listed in `axes`.
   * @throws ModelValueError when a listed dimension does not have length 1.
   */
  squeeze(axes?: readonly number[] | null): NDArray<D> {
    if (axes === undefined || axes === null) return this.reshape(this.shape.filter((s) => s !== 1));
    const drop = new Set(axes.map((a) => normalizeAxis(a, this.ndim)));
    for (const a of drop) {
      if (this.shape[a] !== 1) throw new ModelValueError(`cannot select an axis to squeeze out which has size not equal to one (axis ${a})`);
    }
    return this.reshape(this.shape.filter((_, k) => !drop.has(k)));
  }

  /**
   * NumPy basic indexing: integers drop a dimension, slices keep it, `"..."` fills in.
   * Returns a view when the selection is one contiguous block, else a copy.
   * @throws ModelIndexError for out-of-range or malformed items.
   */
  index(...items: IndexItem[]): NDArray<D> {
    return this.select(resolveIndex(items, this.shape));
  }

  /** `start:stop:step` along one dimension (view when possible). */
  slice(axis: number, start: number | null = null, stop: number | null = null, step: number | null = null): NDArray<D> {
    const a = normalizeAxis(axis, this.ndim);
    const items: IndexItem[] = this.shape.map(() => ":");
    items[a] = `${start ?? ""}:${stop ?? ""}:${step ?? ""}`;
    return this.index(...items);
  }

  /**
   * Along one dimension: an integer removes it (view when possible); a list of integers
   * keeps it with those positions (always a copy).
   */
  take(axis: number, indexes: number | readonly number[]): NDArray<D> {
    const a = normalizeAxis(axis, this.ndim);
    if (typeof indexes === "number") {
      const items: IndexItem[] = this.shape.map(() => ":");
      items[a] = indexes;
      return this.index(...items);
    }
    const n = this.shape[a] ?? 0;
    const picked = indexes.map((i) => {
      const j = i < 0 ? i + n : i;
      if (!Number.isInteger(j) || j < 0 || j >= n) throw new ModelIndexError(`index ${i} is out of bounds for axis ${a} with size ${n}`);
      return j;
    });
    const out = NDArray.zeros(this.shape.map((s, k) => (k === a ? picked.length : s)), this.dtype);
    const outer = shapeSize(this.shape.slice(0, a));
    const inner = shapeSize(this.shape.slice(a + 1)) * lanesOf(this.dtype);
    const src = this.data as Float64Array;
    const dst = out.data as Float64Array;
    for (let o = 0; o < outer; o++) {
      picked.forEach((j, k) => dst.set(src.subarray((o * n + j) * inner, (o * n + j + 1) * inner), (o * picked.length + k) * inner));
    }
    return out;
  }

  /**
   * NumPy's `transpose(axes)`: a copy whose dimension k is this array's dimension `axes[k]`
   * (default: the dimensions reversed, so a 2-D array gives its transpose).
   * @throws ModelValueError when `axes` is not a permutation of the dimensions.
   */
  transpose(axes?: readonly number[]): NDArray<D> {
    const perm = axes === undefined ? this.shape.map((_, k) => this.ndim - 1 - k) : axes.map((a) => normalizeAxis(a, this.ndim));
    if (perm.length !== this.ndim || new Set(perm).size !== perm.length) {
      throw new ModelValueError(`axes [${(axes ?? []).join(", ")}] do not match an array of ${this.ndim} dimensions`);
    }
    const outShape = perm.map((p) => this.shape[p] as number);
    const strides = this.strides;
    const permStrides = perm.map((p) => strides[p] as number);
    const lanes = lanesOf(this.dtype);
    const out = allocate(this.dtype, this.size);
    const counter = new Array<number>(perm.length).fill(0);
    let src = 0;
    for (let k = 0; k < this.size; k++) {
      for (let l = 0; l < lanes; l++) out[k * lanes + l] = this.data[src * lanes + l] as never;
      for (let d = perm.length - 1; d >= 0; d--) {
        counter[d] = (counter[d] as number) + 1;
        src += permStrides[d] as number;
        if ((counter[d] as number) < (outShape[d] as number)) break;
        src -= (counter[d] as number) * (permStrides[d] as number);
        counter[d] = 0;
      }
    }
    return new NDArray(this.dtype, outShape, out);
  }

  /** Applies resolved selections: a view for one contiguous block, otherwise a gathered copy. */
  select(sel: readonly DimSelection[]): NDArray<D> {
    const outShape = sel.filter((s) => !s.drop).map((s) => s.count);
    const strides = this.strides;
    let offset = 0;
    for (let d = 0; d < sel.length; d++) offset += (sel[d]?.start ?? 0) * (strides[d] ?? 0);
    const lanes = lanesOf(this.dtype);
    const size = shapeSize(outShape);
    if (size === 0 || isContiguous(sel, this.shape)) {
      const view = this.data.subarray(offset * lanes, (offset + size) * lanes) as TypedArrayOf[D];
      return new NDArray(this.dtype, outShape, view);
    }
    const out = allocate(this.dtype, size);
    const counter = new Array<number>(sel.length).fill(0);
    for (let k = 0; k < size; k++) {
      let src = 0;
      for (let d = 0; d < sel.length; d++) {
        const s = sel[d] as DimSelection;
        src += (s.start + (counter[d] ?? 0) * s.step) * (strides[d] ?? 0);
      }
      for (let l = 0; l < lanes; l++) out[k * lanes + l] = this.data[src * lanes + l] as never;
      for (let d = sel.length - 1; d >= 0; d--) {
        counter[d] = (counter[d] ?? 0) + 1;
        if ((counter[d] ?? 0) < (sel[d] as DimSelection).count) break;
        counter[d] = 0;
      }
    }
    return new NDArray(this.dtype, outShape, out);
  }

  /** A copy with its own buffer. */
  copy(): NDArray<D> {
    return new NDArray(this.dtype, this.shape, this.data.slice() as TypedArrayOf[D]);
  }

  /**
   * A copy converted to `dtype` (NumPy `astype`: floats truncate toward zero into
   * integers; complex to real keeps the real part).
   */
  astype<T extends Dtype>(dtype: T): NDArray<T> {
    const out = NDArray.zeros(this.shape, dtype);
    if (isComplexDtype(this.dtype) && isComplexDtype(dtype)) {
      (out.data as Float64Array).set(this.data as Float64Array);
      return out;
    }
    for (let i = 0; i < this.size; i++) {
      const v = this.dtype === "bool" || isBigIntDtype(this.dtype) ? this.getFlat(i) : this.numberAt(i);
      out.setFlat(i, (dtype === "bool" ? Boolean(typeof v === "object" ? (v as Complex).re : v) : v) as ScalarOf[T]);
    }
    return out;
  }

  /** The values as float64: this array's own buffer when already float64, else a converted copy. */
  toFloat64(): NDArray<"float64"> {
    if (this.dtype === "float64") return this as unknown as NDArray<"float64">;
    return this.astype("float64");
  }

  /** The elements as a flat list of JS numbers (complex: real parts). */
  toNumbers(): number[] {
    const out = new Array<number>(this.size);
    for (let i = 0; i < out.length; i++) out[i] = this.numberAt(i);
    return out;
  }

  /** The elements as nested JS arrays (a scalar for a 0-d array). */
  toNested(): Nested | Complex {
    const build = (depth: number, offset: number): Nested | Complex => {
      if (depth === this.ndim) return this.getFlat(offset) as Nested | Complex;
      const n = this.shape[depth] ?? 0;
      const stride = shapeSize(this.shape.slice(depth + 1));
      const list: (Nested | Complex)[] = [];
      for (let i = 0; i < n; i++) list.push(build(depth + 1, offset + i * stride));
      return list as Nested;
    };
    return build(0, 0);
  }

  /** True when `other` has the same dtype, shape and exactly the same elements. */
  arrayEqual(other: NDArray): boolean {
    if (other.dtype !== this.dtype || other.ndim !== this.ndim || other.shape.some((s, k) => s !== this.shape[k])) return false;
    for (let i = 0; i < this.data.length; i++) if (this.data[i] !== other.data[i]) return false;
    return true;
  }

  toString(): string {
    return `NDArray<${this.dtype}>[${this.shape.join(", ")}]`;
  }
}

/** Type guard for NDArray. */
export function isNDArray(value: unknown): value is NDArray {
  return value instanceof NDArray;
}

/** NumPy's axis normalisation (negative counts from the end). */
export function normalizeAxis(axis: number, ndim: number): number {
  const a = axis < 0 ? axis + ndim : axis;
  if (!Number.isInteger(a) || a < 0 || a >= ndim) throw new ModelIndexError(`axis ${axis} is out of bounds for array of dimension ${ndim}`);
  return a;
}

function inferListDtype(flat: readonly unknown[]): Dtype {
  if (flat.length === 0) return "float64";
  if (flat.every((v) => typeof v === "boolean")) return "bool";
  if (flat.every((v) => typeof v === "bigint")) return "int64";
  for (const v of flat) inferDtype(v);
  return flat.every((v) => typeof v === "bigint" || (typeof v === "number" && Number.isInteger(v))) ? "int64" : "float64";
}

/** A selection is one contiguous block when, after the first partial dimension, all are full. */
function isContiguous(sel: readonly DimSelection[], shape: readonly number[]): boolean {
  let k = 0;
  while (k < sel.length && (sel[k] as DimSelection).count === 1) k++;
  if (k === sel.length) return true;
  const first = sel[k] as DimSelection;
  if (first.step !== 1) return false;
  for (let d = k + 1; d < sel.length; d++) {
    const s = sel[d] as DimSelection;
    if (s.start !== 0 || s.step !== 1 || s.count !== shape[d]) return false;
  }
  return true;
}
