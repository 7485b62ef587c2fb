/**
 * `Axis`: the physical coordinate along one dimension of the data (data-model.md §4).
 * A linear axis keeps only `offset`, `scaling` and `size`; other axes keep their data.
 *
 * @example
 * const ax = new Axis("x", "mm", NDArray.arange(0, 10, 1, "float64"));   // linear: data dropped
 * ax.offset; ax.scaling; ax.size;        // 0, 1, 10
 * ax.getData();                          // float64 [0, 1, ..., 9]
 * ax.iaxis.get("2:5").getData();         // [2, 3, 4]
 */
import { ACCEPTED_ARRAYS, toNDArray } from "./data-input.js";
import { describe, dtypeOfTypedArray, isComplexDtype, scalarTypeOf, type AnyTypedArray } from "./dtype.js";
import { ModelIndexError, ModelTypeError, ModelValueError } from "./errors.js";
import { NDArray } from "./ndarray.js";
import { allclose, binaryOp, meanOf } from "./ndmath.js";
import { checkInteger, checkOptions } from "./options.js";
import type { NpScalar } from "./pyvalue.js";
import { floatOpKind, toKinded, toPy, type NumberKind, type PyNumberLike } from "./py-number.js";
import { Slice } from "./slice.js";
import { checkUnits, unitConverter, unitsCompatible } from "./units.js";
import { AxisSlicer, ValueAxisSlicer } from "./axis-slicing.js";

/** Options of `new Axis(...)`; all optional (data-model.md §4.1 defaults). */
export interface AxisOptions {
  label?: string;
  units?: string;
  /**
   * A 1-D array (an NDArray, a TypedArray or a list of numbers, see ArrayInput); a linear one is
   * reduced to offset/scaling/size.
   */
  data?: AxisDataInput | null;
  /** The data dimension this axis belongs to (integer >= 0). */
  index?: number | bigint;
  scaling?: PyNumberLike | null;
  offset?: PyNumberLike | null;
  /** Number of samples when no data is given. */
  size?: number | null;
  /** Tells apart spread navigation axes sharing one index. */
  spreadOrder?: number;
}
export type AxisRestOptions = Omit<AxisOptions, "label" | "units">;

/**
 * Every field of an Axis as the object holds it (what `Axis.fromFields` takes): `data` is the
 * stored array (null for a linear axis the constructor reduced), offset and scaling with their
 * Python kinds.
 */
export interface AxisFields {
  readonly label: string;
  readonly units: string;
  readonly index: number;
  readonly spreadOrder: number;
  readonly data: NDArray | null;
  readonly size: number;
  readonly offset: number | null;
  readonly offsetKind: NumberKind | null;
  readonly scaling: number | null;
  readonly scalingKind: NumberKind | null;
}

/** Axis data as given: an NDArray, a TypedArray (`Float64Array.of(0, 1, 2)`) or a list of numbers. */
export type AxisDataInput = NDArray | AnyTypedArray | readonly (number | bigint)[];

/** True for what the positional constructor takes as its data argument rather than as options. */
function isDataArgument(value: unknown): boolean {
  return value === undefined || value === null || value instanceof NDArray || Array.isArray(value) || dtypeOfTypedArray(value) !== null;
}

const AXIS_KEYS = ["label", "units", "data", "index", "scaling", "offset", "size", "spreadOrder"] as const;

export class Axis {
  private _label = "";
  private _units = "";
  private _index = 0;
  private _data: NDArray | null = null;
  private _size = 0;
  private _offset: number | null = null;
  private _scaling: number | null = null;
  /** Python type of `offset` (null when offset is null). */
  offsetKind: NumberKind | null = null;
  /** Python type of `scaling` (null when scaling is null). */
  scalingKind: NumberKind | null = null;
  /** Tells apart spread navigation axes sharing one index. */
  spreadOrder = 0;

  /**
   * `new Axis({ label, units, data, index, scaling, offset, size, spreadOrder })`, or
   * Python-positional `new Axis(label, units, data?, { index, ... })`. `data` may be an
   * NDArray, a TypedArray or a list of numbers: `new Axis("x", "mm", [0, 0.5, 1])`.
   * @throws ModelTypeError for a non-string label or units, a non-integer index, data
   *   that is not an array (or is bool/complex), an unknown option; ModelValueError for
   *   a negative index or data that is not 1-D; ModelIndexError for empty data.
   */
  constructor(options?: AxisOptions);
  constructor(label: string, units?: string, data?: AxisDataInput | null | AxisRestOptions, options?: AxisRestOptions);
  constructor(
    first?: string | AxisOptions,
    units?: string,
    third?: AxisDataInput | null | AxisRestOptions,
    fourth?: AxisRestOptions,
  ) {
    let o: AxisOptions;
    if (typeof first === "object" && first !== null) {
      o = checkOptions(first, AXIS_KEYS, "Axis");
    } else {
      if (!isDataArgument(third) && (typeof third !== "object" || third === null)) {
        throw new ModelTypeError(`Axis: the third argument should be the data (${ACCEPTED_ARRAYS}) or an options object, got ${describe(third)}`);
      }
      const rest = isDataArgument(third)
        ? { ...checkOptions(fourth, AXIS_KEYS, "Axis"), data: (third as AxisDataInput | null | undefined) ?? fourth?.data ?? null }
        : checkOptions(third as AxisRestOptions, AXIS_KEYS, "Axis");
      o = { ...rest, label: first ?? "", units: units ?? "" };
    }
    const data = o.data === undefined || o.data === null ? null : axisArray(o.data);
    const scaling = o.scaling ?? null;
    const offset = o.offset ?? null;
    const size = o.size ?? null;
    if (scaling !== null) this.scaling = scaling;
    if (offset !== null) this.offset = offset;
    if (size !== null) this._size = checkInteger("Axis", "size", size);
    this.units = o.units ?? "";
    this.label = o.label ?? "";
    // One linearity check serves both the data setter's offset/scaling and the drop below.
    const linear = this.assignData(data);
    this.index = o.index ?? 0;
    this.spreadOrder = checkInteger("Axis", "spreadOrder", o.spreadOrder ?? 0);
    if ((scaling === null || offset === null || size === null) && data !== null && linear) this._data = null;
  }

  /** The axis label (e.g. "time"). @throws ModelTypeError when set to a non-string. */
  get label(): string {
    return this._label;
  }
  set label(v: string) {
    if (typeof v !== "string") throw new ModelTypeError(`label for the Axis class should be a string, got ${describe(v)}`);
    this._label = v;
  }

  /**
   * The units string, kept as given (data-model.md §3). Assigning relabels without converting, as
   * `forceUnits` does (Python's Axis setter). @throws ModelTypeError when set to a non-string.
   */
  get units(): string {
    return this._units;
  }
  set units(v: string) {
    this.forceUnits(v);
  }

  /** Sets the units string without converting the values. @throws ModelTypeError for a non-string */
  forceUnits(units: string): void {
    this._units = checkUnits(units);
  }

  /**
   * The values converted to `units`: in place (this axis' data becomes the converted
   * `getData()` through the data setter, which keeps the array, and its units `units`), or as
   * a new axis built from the label, `units` and the converted values (a linear one keeps
   * only offset and scaling, as the constructor does), with this index and spread order.
   * @returns this axis (in place) or the new one.
   * @throws DataUnitError when the units are not compatible; ModelTypeError for a non-string.
   */
  unitsAs(units: string, inplace = true): Axis {
    const conv = unitConverter(this._units, checkUnits(units));
    const values = this.getData();
    const converted = new NDArray("float64", values.shape, Float64Array.from(values.toNumbers(), conv));
    if (!inplace) return new Axis(this._label, units, converted, { index: this._index, spreadOrder: this.spreadOrder });
    this.data = converted;
    this.forceUnits(units);
    return this;
  }

  /** The data dimension this axis belongs to. @throws ModelTypeError / ModelValueError */
  get index(): number {
    return this._index;
  }
  set index(v: number | bigint) {
    const i = checkInteger("Axis", "index", v);
    if (i < 0) throw new ModelValueError(`index for the Axis class should be a positive integer, got ${i}`);
    this._index = i;
  }

  /**
   * The stored array, or null for a linear axis built by the constructor. Assigning an
   * array validates it, computes offset/scaling/size when it is linear, and keeps it
   * (only the constructor drops linear data: data-model.md §4.2 quirk).
   */
  get data(): NDArray | null {
    return this._data;
  }
  set data(d: AxisDataInput | null) {
    this.assignData(d === null || d === undefined ? null : axisArray(d));
  }

  /** The `data` setter; @returns whether `d` was found linear. */
  private assignData(d: NDArray | null): boolean {
    let linear = false;
    if (d !== null && d !== undefined) {
      checkAxisData(d);
      linear = this.scaleOffsetFromData(d);
      this._size = d.size;
    }
    this._data = d ?? null;
    return linear;
  }

  /** Number of samples. Settable only when no data is stored (ignored otherwise). */
  get size(): number {
    return this._size;
  }
  set size(v: number) {
    if (this._data === null) this._size = checkInteger("Axis", "size", v);
  }

  /** `len(axis)`: the size. */
  get length(): number {
    return this._size;
  }

  /** First value of the linear form, or null. Set it with a number (float), bigint (int) or NpScalar. */
  get offset(): number | null {
    return this._offset;
  }
  set offset(v: PyNumberLike | null) {
    const k = v === null ? null : toKinded("offset", v);
    this._offset = k?.value ?? null;
    this.offsetKind = k?.kind ?? null;
  }

  /** Step of the linear form, or null. Set it with a number (float), bigint (int) or NpScalar. */
  get scaling(): number | null {
    return this._scaling;
  }
  set scaling(v: PyNumberLike | null) {
    const k = v === null ? null : toKinded("scaling", v);
    this._scaling = k?.value ?? null;
    this.scalingKind = k?.kind ?? null;
  }

  /** Sets offset and its Python kind directly (used by arithmetic and loaders). */
  setOffsetKinded(value: number | null, kind: NumberKind | null): void {
    this._offset = value;
    this.offsetKind = value === null ? null : kind;
  }

  /** Sets scaling and its Python kind directly. */
  setScalingKinded(value: number | null, kind: NumberKind | null): void {
    this._scaling = value;
    this.scalingKind = value === null ? null : kind;
  }

  /** `offset` as the Python value the file records: null, number (float), bigint (int) or NpScalar. */
  offsetPy(): null | number | bigint | NpScalar {
    return toPy(this._offset, this.offsetKind);
  }

  /** `scaling` as the Python value the file records. */
  scalingPy(): null | number | bigint | NpScalar {
    return toPy(this._scaling, this.scalingKind);
  }

  /** Linearity detection (data-model.md §4.2); sets offset/scaling when linear. @returns whether it was linear. */
  private scaleOffsetFromData(d: NDArray): boolean {
    const step = linearStep(d);
    if (step === null) return false;
    if (d.size === 1) this.setScalingKinded(1, "int");
    else this.setScalingKinded(d.dtype === "float32" ? Math.fround(step) : step, d.dtype === "float32" ? "float32" : "float64");
    this.setOffsetKinded(d.numberAt(0), scalarTypeOf(d.dtype));
    return true;
  }

  /**
   * NumPy `allclose(diff, mean(diff))` with rtol 1e-5, atol 1e-8 (data-model.md §4.2). An axis of
   * 0 or 1 point is linear.
   * @param data the array to test; defaults to `getData()`.
   */
  isAxisLinear(data?: NDArray | null): boolean {
    return linearStep(data ?? this.getData()) !== null;
  }

  /**
   * The stored data, or the float64 array `offset + scaling * [0..size-1]`.
   * @throws ModelValueError when the axis has samples but neither data nor a linear form.
   */
  getData(): NDArray {
    return this._data ?? this.linearData(this._size);
  }

  private linearData(n: number): NDArray<"float64"> {
    const out = new Float64Array(n);
    if (n > 0 && (this._offset === null || this._scaling === null)) {
      throw new ModelValueError(`Axis '${this._label}' has ${n} samples but no data and no offset/scaling`);
    }
    for (let i = 0; i < n; i++) out[i] = (this._offset as number) + (this._scaling as number) * i;
    return new NDArray("float64", [n], out);
  }

  /**
   * `getData()` at an integer (a number back), or at a slice, a list or an array of
   * integers (an array back).
   * @throws ModelIndexError for an index out of range.
   */
  getDataAt(indexes: number): number;
  getDataAt(indexes: Slice | string | readonly number[] | NDArray): NDArray;
  getDataAt(indexes: number | Slice | string | readonly number[] | NDArray): number | NDArray {
    const d = this.getData();
    if (typeof indexes === "number") return d.index(indexes).numberAt(0);
    if (indexes instanceof Slice || typeof indexes === "string") return d.index(indexes);
    const list = indexes instanceof NDArray ? indexes.toNumbers() : [...indexes];
    return d.take(0, list);
  }

  /** Replaces the data by the linear form with `nsteps` points (through the data setter). */
  createLinearData(nsteps: number): void {
    this.data = this.linearData(nsteps);
  }

  /** float64 `[0, 1, ..., nsteps-1]`. */
  static createSimpleLinearData(nsteps: number): NDArray<"float64"> {
    return NDArray.arange(0, nsteps, 1, "float64");
  }

  /**
   * The Axis holding exactly these fields, built without validation or recomputation (no
   * linearity test, no offset/scaling derived from the data): for fields read from an Axis that
   * was validated when it was made, e.g. one rebuilt on another thread. `data` is adopted, not
   * copied. Fields that no Axis could hold give an Axis whose behaviour is undefined.
   */
  static fromFields(fields: AxisFields): Axis {
    const ax = Object.create(Axis.prototype) as Axis;
    ax._label = fields.label;
    ax._units = fields.units;
    ax._index = fields.index;
    ax._data = fields.data;
    ax._size = fields.size;
    ax._offset = fields.offset;
    ax._scaling = fields.scaling;
    ax.offsetKind = fields.offset === null ? null : fields.offsetKind;
    ax.scalingKind = fields.scaling === null ? null : fields.scalingKind;
    ax.spreadOrder = fields.spreadOrder;
    return ax;
  }

  /** A shallow copy: the data array is shared. */
  copy(): Axis {
    const ax = Object.create(Axis.prototype) as Axis;
    Object.assign(ax, this);
    return ax;
  }

  /** A deep copy: the data array is copied too. */
  deepcopy(): Axis {
    const ax = this.copy();
    ax._data = this._data === null ? null : this._data.copy();
    return ax;
  }

  /** Minimum: of the data, or `offset + (size*scaling if scaling < 0 else 0)` (data-model.md §4.4 quirk). */
  min(): number {
    if (this._data !== null) return extremum(this._data, Math.min);
    const s = this.scalingValue();
    return this.offsetValue() + (s < 0 ? this._size * s : 0);
  }

  /** Maximum: of the data, or `offset + (size*scaling if scaling > 0 else 0)` (one step past the end). */
  max(): number {
    if (this._data !== null) return extremum(this._data, Math.max);
    const s = this.scalingValue();
    return this.offsetValue() + (s > 0 ? this._size * s : 0);
  }

  /** Mean: of the data, or `offset + size/2 * scaling`. */
  mean(): number {
    if (this._data !== null) return meanOf(this._data.toNumbers());
    return this.offsetValue() + (this._size / 2) * this.scalingValue();
  }

  private offsetValue(): number {
    if (this._offset === null) throw new ModelValueError(`Axis '${this._label}' has no offset`);
    return this._offset;
  }

  private scalingValue(): number {
    if (this._scaling === null) throw new ModelValueError(`Axis '${this._label}' has no scaling`);
    return this._scaling;
  }

  /**
   * The index of `threshold`: 0 below `min()`, `size-1` above `max()`, else the nearest
   * element (non-linear) or `trunc((x - offset) / scaling)` (linear) (data-model.md §4.4).
   */
  findIndex(threshold: number): number {
    if (threshold < this.min()) return 0;
    if (threshold > this.max()) return this._size - 1;
    if (this._data !== null) {
      const values = this._data.toNumbers();
      let best = 0;
      for (let i = 1; i < values.length; i++) {
        if (Math.abs((values[i] as number) - threshold) < Math.abs((values[best] as number) - threshold)) best = i;
      }
      return best;
    }
    return Math.trunc((threshold - this.offsetValue()) / this.scalingValue());
  }

  /** `findIndex` over one number or a list. */
  findIndexes(thresholds: number | readonly number[]): number[] {
    return (typeof thresholds === "number" ? [thresholds] : thresholds).map((t) => this.findIndex(t));
  }

  /**
   * Equality (data-model.md §4.5): same label and index, compatible units, and all-close data
   * (or offsets and scalings) after converting `other` to this axis' units. `size` and
   * `spreadOrder` are not compared. A linear axis never equals a non-linear one.
   */
  equals(other: unknown): boolean {
    if (!(other instanceof Axis)) return false;
    if (this._label !== other._label || this._index !== other._index) return false;
    if (!unitsCompatible(this._units, other._units)) return false;
    const conv = unitConverter(other._units, this._units);
    if (this._data !== null && other._data !== null) {
      if (this._data.size !== other._data.size && this._data.size !== 1 && other._data.size !== 1) return false;
      const converted = new NDArray("float64", other._data.shape, Float64Array.from(other._data.toNumbers(), conv));
      return allclose(this._data, converted);
    }
    const close = (a: number | null, b: number | null, f: (x: number) => number): boolean =>
      a !== null && b !== null && allclose(new NDArray("float64", [1], Float64Array.of(a)), f(b));
    const ratio = conv(1) - conv(0);
    return close(this._offset, other._offset, conv) && close(this._scaling, other._scaling, (s) => s * ratio);
  }

  /** `axis * k` (data-model.md §4.6): a deep copy with data, or offset and scaling, multiplied. */
  multiply(k: number): Axis;
  multiply(k: unknown): Axis | undefined;
  multiply(k: unknown): Axis | undefined {
    if (typeof k !== "number") return undefined;
    const ax = this.deepcopy();
    if (this._data !== null) ax._data = binaryOp(this._data, k, "multiply");
    else {
      ax.setOffsetKinded(this._offset === null ? null : this._offset * k, floatOpKind(this.offsetKind));
      ax.setScalingKinded(this._scaling === null ? null : this._scaling * k, floatOpKind(this.scalingKind));
    }
    return ax;
  }

  /** `axis + k` (data-model.md §4.6): a deep copy with data, or offset, shifted. */
  add(k: number): Axis;
  add(k: unknown): Axis | undefined;
  add(k: unknown): Axis | undefined {
    if (typeof k !== "number") return undefined;
    const ax = this.deepcopy();
    if (this._data !== null) ax._data = binaryOp(this._data, k, "add");
    else ax.setOffsetKinded(this._offset === null ? null : this._offset + k, floatOpKind(this.offsetKind));
    return ax;
  }

  /** Index slicing (data-model.md §4.7): `axis.iaxis.get("2:10")`, `axis.iaxis.get(3)`, `axis.iaxis.set("2:10", other)`. */
  get iaxis(): AxisSlicer {
    return new AxisSlicer(this);
  }

  /** Value slicing (data-model.md §4.7): `axis.vaxis.get(Slice.of(-20, -18))`, `axis.vaxis.get(-19.5)`. */
  get vaxis(): ValueAxisSlicer {
    return new ValueAxisSlicer(this);
  }

  /** `Axis: <label: L> - <units: U> - <index: I>`. */
  toString(): string {
    return `Axis: <label: ${this._label}> - <units: ${this._units}> - <index: ${this._index}>`;
  }
}

/** `NavAxis` is a deprecated alias of `Axis` (data-model.md §4.8). */
export const NavAxis = Axis;

/** Type guard for Axis. */
export function isAxis(value: unknown): value is Axis {
  return value instanceof Axis;
}

/** Axis data as an NDArray (TypedArrays and lists converted, see ArrayInput). @throws ModelTypeError, ModelValueError */
function axisArray(d: unknown): NDArray {
  const arr = toNDArray(d);
  if (arr === null) throw new ModelTypeError(`data for the Axis class should be 1-D: ${ACCEPTED_ARRAYS}; got ${describe(d)}`);
  return arr;
}

function checkAxisData(d: unknown): asserts d is NDArray {
  if (!(d instanceof NDArray)) throw new ModelTypeError(`data for the Axis class should be a 1D NDArray, got ${describe(d)}`);
  if (d.ndim !== 1) throw new ModelValueError(`data for the Axis class should be a 1D NDArray, got shape [${d.shape.join(", ")}]`);
  if (d.size === 0) throw new ModelIndexError("data for the Axis class cannot be empty");
  if (isComplexDtype(d.dtype) || d.dtype === "bool") throw new ModelTypeError(`axis data cannot be ${d.dtype}`);
}

/**
 * Where `diffOf` writes the differences of axes up to this many points: every Axis built checks
 * its linearity, and a fresh array per check (128 KiB for 16,384 points, several per loaded
 * DataWithAxes) is memory for the garbage collector to reclaim, which holds the event loop.
 */
const SCRATCH_POINTS = 1 << 16;
let scratch = new Float64Array(0);

/** A Float64Array of `n` elements: a view of the scratch buffer when it fits, else a new array. */
function diffBuffer(n: number): Float64Array {
  if (n > SCRATCH_POINTS) return new Float64Array(n);
  if (scratch.length < n) scratch = new Float64Array(Math.min(SCRATCH_POINTS, Math.max(n, 2 * scratch.length)));
  return scratch.subarray(0, n);
}

/** Consecutive differences as float64 (exact for integer data within 2^53), valid until the next call. */
function diffOf(d: NDArray): Float64Array {
  const out = diffBuffer(d.size - 1);
  const n = out.length;
  if (typeof d.data[0] === "number" && !isComplexDtype(d.dtype)) {
    // Typed arrays of numbers are read directly (numberAt's dtype tests cost more than the
    // subtraction), in a loop of their own per dtype family so that each stays monomorphic.
    const v = d.data as ArrayLike<number>;
    if (d.dtype === "float32") for (let i = 0; i < n; i++) out[i] = Math.fround((v[i + 1] as number) - (v[i] as number));
    else for (let i = 0; i < n; i++) out[i] = (v[i + 1] as number) - (v[i] as number);
    return out;
  }
  for (let i = 0; i < n; i++) out[i] = d.numberAt(i + 1) - d.numberAt(i);
  return out;
}

/**
 * Linearity (data-model.md §4.2): NumPy `allclose(diff, mean(diff))` with rtol 1e-5, atol 1e-8.
 * @returns `mean(diff(d))` (float64, not rounded) when linear (NaN for 0 or 1 point), else null.
 */
function linearStep(d: NDArray): number | null {
  if (d.size <= 1) return NaN;
  const diff = diffOf(d);
  const m = meanOf(diff);
  return allclose(new NDArray("float64", [diff.length], diff), m) ? m : null;
}

function extremum(d: NDArray, pick: (...v: number[]) => number): number {
  let best = d.numberAt(0);
  for (let i = 1; i < d.size; i++) {
    const v = d.numberAt(i);
    best = Number.isNaN(v) || Number.isNaN(best) ? NaN : pick(best, v);
  }
  return best;
}
