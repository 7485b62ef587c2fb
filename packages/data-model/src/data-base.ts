/**
 * `DataLowLevel` (name and timestamp, data-model.md §5) and `DataBase` (data-model.md §6.1, §6.7, §6.9):
 * a list of same-shape arrays with metadata. `DataWithAxes` extends it with axes.
 *
 * @example
 * const d = new DataBase("x", { source: "raw", data: [NDArray.arange(0, 3, 1, "float64")], units: "mm" });
 * d.length; d.dim.name; d.labels;     // 1, "Data1D", ["CH00"]
 */
import {
  UnitArrays, dataAbsolute, dataAverage, dataBinary, dataComplexPart, dataFlip, dataNegative, dataToDB, dataUnwrap,
  type DataOperand, type ResolvedOperand,
} from "./data-ops.js";
import { describe } from "./dtype.js";
import { normalizeData, padLabels, type DataInput } from "./data-input.js";
import { enumChecker } from "./enum-base.js";
import { DataDim, DataDistribution, DataSource } from "./enums.js";
import { DataShapeError, ModelIndexError, ModelTypeError } from "./errors.js";
import { NDArray } from "./ndarray.js";
import { stack } from "./ndjoin.js";
import { allclose, meanOf } from "./ndmath.js";
import { checkOptions } from "./options.js";
import { Slice } from "./slice.js";
import type { PyValue } from "./pyvalue.js";
import { checkUnits, unitConverter, unitsCompatible } from "./units.js";
import { DataDimWarning, emitWarning } from "./warnings.js";
import { className } from "./class-name.js";

/** Seconds since the epoch with sub-millisecond resolution (Python `time.time()`). */
export function nowSeconds(): number {
  return (performance.timeOrigin + performance.now()) / 1000;
}

/** The base of all data containers: a name and a creation timestamp (data-model.md §5). */
export class DataLowLevel {
  /** Seconds since the epoch, set at construction. */
  timestamp: number;

  /**
   * @param name the identifier of the data.
   * @throws ModelTypeError when `name` is not a string.
   */
  constructor(public name: string) {
    if (typeof name !== "string") throw new ModelTypeError(`a data name must be a string, got ${describe(name)}`);
    this.timestamp = nowSeconds();
  }
}

/** Options of `new DataBase(name, {...})`. */
export interface DataBaseOptions {
  /** `raw` or `calculated` (member or name); required. */
  source: DataSource | string;
  /** The arrays, all of one shape, each at least 1-D. */
  data: DataInput;
  /** Checked against the data; the inferred dim wins (DataDimWarning). */
  dim?: DataDim | string | null;
  distribution?: DataDistribution | string;
  labels?: readonly string[] | null;
  origin?: string;
  units?: string;
  /** Overrides the construction time (seconds since the epoch). */
  timestamp?: number;
  /** Python's extra keyword arguments: written as HDF5 attributes by the savers. */
  extraAttributes?: Record<string, PyValue> | ReadonlyMap<string, PyValue>;
}

export const DATA_BASE_KEYS = [
  "source", "data", "dim", "distribution", "labels", "origin", "units", "timestamp", "extraAttributes",
] as const;

function cloneValue(v: PyValue): PyValue {
  return Array.isArray(v) ? v.map(cloneValue) : v;
}

export class DataBase extends DataLowLevel {
  protected _source: DataSource;
  protected _distribution: DataDistribution;
  protected _dim: DataDim;
  protected _data: NDArray[] = [];
  protected _labels: string[] = [];
  protected _units: string;
  protected _extra = new Map<string, PyValue>();
  /** Identifies the producing module (e.g. a detector name). */
  origin: string;

  /**
   * Builds and validates a DataBase (data-model.md §6.1, steps 1 to 7).
   * @throws ModelTypeError (bad name, units, data, labels, unknown option), ModelValueError
   *   (missing or invalid source, invalid distribution or dim name), DataShapeError.
   */
  constructor(name: string, options: DataBaseOptions, allowedKeys: readonly string[] = DATA_BASE_KEYS) {
    super(name);
    const o = checkOptions(options, allowedKeys, className(this)) as Partial<DataBaseOptions>;
    this._units = checkUnits(o.units ?? "");
    if (o.origin !== undefined && typeof o.origin !== "string") throw new ModelTypeError(`origin should be a string, got ${describe(o.origin)}`);
    this.origin = o.origin ?? "";
    this._source = enumChecker(DataSource, o.source);
    this._distribution = enumChecker(DataDistribution, o.distribution ?? DataDistribution.uniform);
    this._dim = DataDim.Data0D;
    this.setDataChecked(o.data, o.dim ?? null);
    this._labels = padLabels(o.labels, this.length);
    if (o.timestamp !== undefined) {
      if (typeof o.timestamp !== "number") throw new ModelTypeError(`timestamp should be a number, got ${describe(o.timestamp)}`);
      this.timestamp = o.timestamp;
    }
    const extra = o.extraAttributes ?? {};
    if (typeof extra !== "object" || extra === null) throw new ModelTypeError("extraAttributes should be a record or a Map");
    for (const [k, v] of extra instanceof Map ? extra : Object.entries(extra)) this.addExtraAttribute(k, v);
  }

  /** Validates `data`, then sets it with shape/size/length and a dim checked against `dim`. */
  protected setDataChecked(data: unknown, dim: DataDim | string | null): void {
    const list = normalizeData(data);
    const inferred = DataDim.fromDataArray(list[0] as NDArray);
    if (dim !== null) {
      const given = enumChecker(DataDim, dim);
      if (given !== inferred) {
        emitWarning(new DataDimWarning(`the specified dimensionality ${given.name} is not coherent with the data shape, replacing it by ${inferred.name}`));
      }
    }
    this._data = list;
    this._dim = inferred;
  }

  /**
   * The DataDim that arrays like `data` give (Python's `get_dim_from_data`): from the first
   * array's shape (data-model.md §1.1). Neither this object's data nor its dim change.
   * @param data arrays as the constructor takes them (see DataInput).
   * @throws ModelTypeError / DataShapeError as the constructor does for invalid data.
   */
  getDimFromData(data: DataInput): DataDim {
    return DataDim.fromDataArray(normalizeData(data)[0] as NDArray);
  }

  /** The array at `index` in the list, as `at(index)` (Python's `get_data_index`). @throws ModelIndexError */
  getDataIndex(index = 0): NDArray {
    return this.at(index);
  }

  /** The arrays (at least 1-D, one shape). Assigning re-validates and re-infers the dim. */
  get data(): readonly NDArray[] {
    return this._data;
  }
  set data(data: DataInput) {
    this.setDataChecked(data, this._dim);
  }

  /** Shape of every array. */
  get shape(): number[] {
    return [...(this._data[0]?.shape ?? [])];
  }
  /** Elements per array. */
  get size(): number {
    return this._data[0]?.size ?? 0;
  }
  /** Number of arrays. */
  get length(): number {
    return this._data.length;
  }
  /** DataDim of the data. */
  get dim(): DataDim {
    return this._dim;
  }
  /** Forces `dim` without any check (data-model.md §6.5; use with care). @throws ModelValueError */
  setDim(dim: DataDim | string): void {
    this._dim = enumChecker(DataDim, dim);
  }
  /** `raw` or `calculated`; settable with a member or a name. */
  get source(): DataSource {
    return this._source;
  }
  set source(s: DataSource | string) {
    this._source = enumChecker(DataSource, s);
  }
  get distribution(): DataDistribution {
    return this._distribution;
  }
  /** One label per array; assigning pads with `CH{i:02d}`. */
  get labels(): string[] {
    return this._labels;
  }
  set labels(labels: readonly string[] | null) {
    this._labels = padLabels(labels, this.length);
  }

  /** The units string. Assigning converts the data (`unitsAs`); use `forceUnits` to relabel only. */
  get units(): string {
    return this._units;
  }
  set units(units: string) {
    this.unitsAs(checkUnits(units), true);
  }

  /** Sets the units string without converting the data. @throws ModelTypeError */
  forceUnits(units: string): void {
    this._units = checkUnits(units);
  }

  /**
   * Converts the data to `units` (float64 arrays), in place (returning this) or on a deep copy.
   * @throws DataUnitError for incompatible units.
   */
  unitsAs(units: string, inplace = true): this {
    const conv = unitConverter(this._units, units);
    const arrays = this._data.map((a) => new NDArray("float64", a.shape, Float64Array.from(a.toNumbers(), conv)));
    const target = inplace ? this : this.deepcopy();
    target._data = units === this._units ? target._data : arrays;
    target._units = units;
    return target;
  }

  /** Names of the extra attributes, in insertion order. */
  get extraAttributeNames(): string[] {
    return [...this._extra.keys()];
  }
  /** The extra attributes (Python's extra keyword arguments), ordered. */
  get extraAttributes(): Map<string, PyValue> {
    return this._extra;
  }
  /** Adds or replaces an extra attribute (its name is listed once). @throws ModelTypeError for a non-string name */
  addExtraAttribute(name: string, value: PyValue): void {
    if (typeof name !== "string") throw new ModelTypeError(`an extra attribute name should be a string, got ${describe(name)}`);
    this._extra.set(name, value);
  }

  /** `origin + '/' + name`. */
  getFullName(): string {
    return `${this.origin}/${this.name}`;
  }

  [Symbol.iterator](): Iterator<NDArray> {
    return this._data[Symbol.iterator]();
  }

  /**
   * The i-th array; negative counts from the end (Python `dwa[i]`).
   * @throws ModelIndexError when out of range or not an integer.
   */
  at(i: number): NDArray {
    if (!Number.isInteger(i) || i >= this.length || i < -this.length) {
      throw new ModelIndexError(`the index should be an integer lower than the data length (${this.length}), got ${String(i)}`);
    }
    return this._data[i < 0 ? i + this.length : i] as NDArray;
  }

  /** The arrays at `start:stop:step` (Python `dwa[a:b:c]`), not copied. */
  slice(start: number | null = null, stop: number | null = null, step: number | null = null): NDArray[] {
    const { start: s, step: st, count } = new Slice(start, stop, step).indices(this.length);
    return Array.from({ length: count }, (_, k) => this._data[s + k * st] as NDArray);
  }

  /**
   * Replaces the i-th array by one of the same shape.
   * @throws ModelIndexError for a bad index or shape.
   */
  setAt(i: number, array: NDArray): void {
    this.at(i);
    if (!(array instanceof NDArray) || array.ndim !== this.shape.length || array.shape.some((s, k) => s !== this.shape[k])) {
      throw new ModelIndexError("the value should be an NDArray with the data shape");
    }
    this._data[i < 0 ? i + this.length : i] = array;
  }

  /** A full deep copy (arrays, labels, extra attributes; the timestamp is kept). */
  deepcopy(): this {
    const copy = Object.create(Object.getPrototypeOf(this) as object) as this;
    Object.assign(copy, this);
    copy._data = this._data.map((a) => a.copy());
    copy._labels = [...this._labels];
    copy._extra = new Map([...this._extra].map(([k, v]) => [k, cloneValue(v)]));
    return copy;
  }

  /** Ordered map label -> array. */
  toDict(): Map<string, NDArray> {
    return new Map(this._data.map((a, i) => [this._labels[i] ?? `CH${String(i).padStart(2, "0")}`, a]));
  }

  /** The value of one-element data, else the mean of the first array; optionally in other units. */
  value(units?: string): number {
    return this.scalarOf(this.at(0), units);
  }
  /** `value` per array. */
  values(units?: string): number[] {
    return this._data.map((a) => this.scalarOf(a, units));
  }
  private scalarOf(a: NDArray, units?: string): number {
    const v = a.size === 1 ? a.numberAt(0) : meanOf(a.toNumbers());
    return units === undefined ? v : unitConverter(this._units, units)(v);
  }

  /** A deep copy keeping only array i and label i. @throws ModelIndexError */
  pop(i: number): this {
    const arr = this.at(i);
    const label = this._labels[i < 0 ? i + this.length : i] ?? "";
    const copy = this.deepcopy();
    copy._data = [arr.copy()];
    copy._labels = [label];
    return copy;
  }

  /**
   * Appends `other`'s arrays (converted to these units) and labels.
   * @throws DataShapeError for another shape; DataUnitError for incompatible units.
   */
  append(other: DataBase): void {
    for (const a of other._data) {
      if (a.ndim !== this.shape.length || a.shape.some((s, k) => s !== this.shape[k])) {
        throw new DataShapeError("cannot append those arrays: they don't have the same shape as self");
      }
    }
    const conv = unitConverter(other._units, this._units);
    const converted = other._units === this._units ? other._data : other._data.map((a) => new NDArray("float64", a.shape, Float64Array.from(a.toNumbers(), conv)));
    this.setDataChecked([...this._data, ...converted], this._dim);
    this._labels.push(...other._labels);
  }

  /** The arrays stacked along a new first dimension. */
  stackAsArray(): NDArray {
    return stack(this._data);
  }

  /**
   * Equality (data-model.md §6.9 steps 1 to 3): a number equals when every element of the first
   * array equals it; another DataBase when lengths, dims and shapes match, units are
   * compatible and values are all-close after unit conversion. Anything else: false.
   */
  equals(other: unknown): boolean {
    return this.compare(other, "eq");
  }

  /** Structural comparison with `op` applied element-wise (data-model.md §6.9, `<`, `<=`, `>`, `>=`). */
  compare(other: unknown, op: "eq" | "lt" | "le" | "gt" | "ge"): boolean {
    const test = COMPARE[op];
    if (typeof other === "number") return this.at(0).toNumbers().every((v) => test(v, other));
    if (!(other instanceof DataBase)) return false;
    if (this.length !== other.length || !unitsCompatible(this._units, other._units)) return false;
    if (this._dim !== other._dim) return false;
    const conv = unitConverter(other._units, this._units);
    return this._data.every((a, i) => {
      const b = other._data[i] as NDArray;
      if (a.ndim !== b.ndim || a.shape.some((s, k) => s !== b.shape[k])) return false;
      const bv = new NDArray("float64", b.shape, Float64Array.from(b.toNumbers(), conv));
      if (op === "eq") return allclose(a, bv);
      const av = a.toNumbers();
      return av.every((v, k) => test(v, bv.data[k] as number));
    });
  }

  /** `this + other` (data-model.md §6.12): deep copy named `<name>_add`, other converted to these units. @throws DataUnitError, ModelTypeError, ModelValueError */
  add(other: DataOperand): this {
    return dataBinary(this, resolveOperand(other), "add");
  }
  /** `this - other`, named `<name>_subtract`. @throws DataUnitError, ModelTypeError, ModelValueError */
  subtract(other: DataOperand): this {
    return dataBinary(this, resolveOperand(other), "subtract");
  }
  /** `this * other`, named `<name>_multiply`; units combine (`m * s`). @throws ModelTypeError, ModelValueError */
  multiply(other: DataOperand): this {
    return dataBinary(this, resolveOperand(other), "multiply");
  }
  /** `this / other`, named `<name>_divide`; units combine (`m / s`). @throws ModelTypeError, ModelValueError */
  divide(other: DataOperand): this {
    return dataBinary(this, resolveOperand(other), "divide");
  }
  /** `-this`, named `<name>_negative`. */
  negate(): this {
    return dataNegative(this);
  }
  /** `|this|`, named `<name>_absolute`. */
  abs(): this {
    return dataAbsolute(this);
  }
  /** Real part of each array. */
  real(): this {
    return dataComplexPart(this, "real");
  }
  /** Imaginary part of each array. */
  imag(): this {
    return dataComplexPart(this, "imag");
  }
  /** Argument of each element, in `rad`. */
  angle(): this {
    return dataComplexPart(this, "angle");
  }
  /** Phases unwrapped along the last dimension of each array (NumPy `unwrap`). */
  unwrap(): this {
    return dataUnwrap(this);
  }
  /** `10 * log10(this / max(this))`, in `dB`. */
  toDB(): this {
    return dataToDB(this);
  }
  /** Each array reversed along dimension 0. */
  flipud(): this {
    return dataFlip(this, 0);
  }
  /** Each array reversed along dimension 1. @throws ModelIndexError for 1-D data */
  fliplr(): this {
    return dataFlip(this, 1);
  }
  /** `(other * weight + this) / (weight + 1)`. @throws ModelTypeError when the lengths differ */
  average(other: DataBase, weight: number): this {
    if (!(other instanceof DataBase) || other.length !== this.length || typeof weight !== "number") {
      throw new ModelTypeError(`could not average a ${other === null || typeof other !== "object" ? String(other) : className(other)} with a ${className(this)} of a different length`);
    }
    return dataAverage(this, other, weight);
  }

  /** True when every element of every array is truthy (Python `bool(dwa)`). */
  isTruthy(): boolean {
    return this._data.every((a) => a.toNumbers().every((v) => v !== 0 && !Number.isNaN(v)));
  }

  /** `<ClassName: name <u: units> <len:N>>`. */
  override toString(): string {
    return `<${className(this)}: ${this.name} <u: ${this._units}> <len:${this.length}>>`;
  }
}

const COMPARE: Record<"eq" | "lt" | "le" | "gt" | "ge", (a: number, b: number) => boolean> = {
  eq: (a, b) => a === b,
  lt: (a, b) => a < b,
  le: (a, b) => a <= b,
  gt: (a, b) => a > b,
  ge: (a, b) => a >= b,
};

/** A DataBase operand as its arrays and units; other operands as they are (checked by dataBinary). */
function resolveOperand(other: DataOperand): ResolvedOperand {
  return other instanceof DataBase ? new UnitArrays(other.data, other.units) : other;
}

/** Type guard for DataBase and its subclasses. */
export function isDataBase(value: unknown): value is DataBase {
  return value instanceof DataBase;
}
