/**
 * `DataWithAxes` (data-model.md §6): data arrays with their axes and navigation/signal
 * semantics; `DataRaw`, `DataCalculated` and `DataFromRoi` fix the source.
 *
 * @example
 * const dwa = new DataRaw("spectrum", {
 *   data: [NDArray.zeros([5, 100])],
 *   axes: [new Axis("wavelength", "nm", NDArray.linspace(400, 800, 100), { index: 1 })],
 *   navIndexes: [0],
 * });
 * dwa.dim.name;                 // "DataND"
 * dwa.inav.get(0).shape;        // [100]
 */
import { AxesManager, SpreadAxesManager, UniformAxesManager, checkNavIndexes } from "./axes-manager.js";
import { Axis, type AxisDataInput } from "./axis.js";
import { DATA_BASE_KEYS, DataBase, type DataBaseOptions } from "./data-base.js";
import { normalizeData, toNDArray, type ArrayInput } from "./data-input.js";
import { enumChecker } from "./enum-base.js";
import { DataDim, DataDistribution, DataSource, type DataDimName, type DataDistributionName, type DataSourceName } from "./enums.js";
import type { PyValue } from "./pyvalue.js";
import { ModelIndexError, ModelTypeError, ModelValueError } from "./errors.js";
import { NDArray } from "./ndarray.js";
import { allclose } from "./ndmath.js";
import type { DataToExport } from "./data-to-export.js";
import {
  cropAtAlong, fourier, interp, moment, sortData, transposeData, type FtOptions, type InterpOptions,
} from "./dwa-analysis.js";
import { DataSlicer } from "./dwa-slicing.js";
import { dataReduce } from "./data-ops.js";
import type { ReduceOp } from "./ndmath.js";
import { DataErrorsWarning, emitWarning } from "./warnings.js";
import { className } from "./class-name.js";

/** Options of `new DataWithAxes(name, {...})`. */
export interface DataWithAxesOptions extends DataBaseOptions {
  /** The axes (validated; wrong uniform sizes are fixed in place with a DataSizeWarning). */
  axes?: readonly Axis[];
  /** The navigation dimensions. */
  navIndexes?: readonly number[];
  /** Error bars: one array per data array (see ArrayInput), each of the data shape; anything else becomes null (warning). */
  errors?: readonly ArrayInput[] | null;
}

/** Options of `DataRaw`/`DataCalculated`/`DataFromRoi`: the source is fixed (a given one is ignored). */
export type DataWithFixedSourceOptions = Omit<DataWithAxesOptions, "source"> & { source?: DataSource | string };

/**
 * Every field of a DataWithAxes as the object holds it (what `DataWithAxes.fromFields` takes).
 * The enums may be given as members or names.
 */
export interface DataWithAxesFields {
  readonly name: string;
  readonly timestamp: number;
  readonly source: DataSource | DataSourceName;
  readonly dim: DataDim | DataDimName;
  readonly distribution: DataDistribution | DataDistributionName;
  readonly units: string;
  readonly origin: string;
  readonly labels: readonly string[];
  /** Adopted, not copied. */
  readonly data: readonly NDArray[];
  readonly extraAttributes: ReadonlyMap<string, PyValue>;
  readonly axes: readonly Axis[];
  readonly navIndexes: readonly number[];
  readonly errors: readonly NDArray[] | null;
}

export const DWA_KEYS = [...DATA_BASE_KEYS, "axes", "navIndexes", "errors"] as const;

/** Options of `deepcopyWithNewData`. */
export interface NewDataOptions {
  /** Axis index (or indexes) whose axes and dimensions disappear. */
  removeAxesIndex?: number | readonly number[] | null;
  /** The new source; null keeps the old one. Default `calculated`. */
  source?: DataSource | string | null;
  /** Keep the dim instead of re-inferring it from the data shape. */
  keepDim?: boolean;
}
const NEW_DATA_KEYS = ["removeAxesIndex", "source", "keepDim"] as const;

export class DataWithAxes extends DataBase {
  protected _am!: AxesManager;
  protected _errors: NDArray[] | null = null;

  /**
   * Builds and validates a DataWithAxes (data-model.md §6.1, all steps).
   * @throws ModelTypeError (bad name, units, data, labels, a non-Axis, unknown option),
   *   ModelValueError (missing/invalid source, invalid distribution or dim, spread data
   *   with other than one navigation index), ModelIndexError (axis or navigation index
   *   outside the data), DataShapeError, DataLengthError.
   */
  constructor(name: string, options: DataWithAxesOptions) {
    super(name, options, DWA_KEYS);
    this.setAxesManager(options.axes ?? [], options.navIndexes ?? []);
    this.getDimFromDataAxes();
    this.errors = options.errors ?? null;
  }

  /**
   * The object of this class (`DataRaw.fromFields(...)` makes a DataRaw) holding exactly these
   * fields, built without validation or recomputation (no data normalization, no dim inference,
   * no axis checks, no new timestamp): for fields read from an object that was validated when it
   * was made, e.g. one rebuilt on another thread. The arrays and axes are adopted, not copied.
   * Fields that no DataWithAxes could hold give an object whose behaviour is undefined.
   * @throws ModelValueError for an enum name that is not one (the only check made).
   */
  static fromFields<T extends DataWithAxes>(this: abstract new (...args: never[]) => T, fields: DataWithAxesFields): T {
    const d = Object.create(this.prototype as object) as T;
    const distribution = enumChecker(DataDistribution, fields.distribution);
    d.name = fields.name;
    d.timestamp = fields.timestamp;
    d._source = enumChecker(DataSource, fields.source);
    d._distribution = distribution;
    d._dim = enumChecker(DataDim, fields.dim);
    d._data = [...fields.data];
    d._labels = [...fields.labels];
    d._units = fields.units;
    d._extra = new Map(fields.extraAttributes);
    d.origin = fields.origin;
    const shape = fields.data[0]?.shape ?? [];
    d._am = AxesManager.fromFields(distribution === DataDistribution.spread, shape, fields.axes, fields.navIndexes);
    d._errors = fields.errors === null ? null : [...fields.errors];
    return d;
  }

  /** Builds the manager (data-model.md §6.2): uniform when so distributed or without navigation indexes. */
  protected setAxesManager(axes: readonly Axis[], navIndexes: readonly number[]): void {
    const nav = checkNavIndexes(navIndexes, this.shape.length);
    if (this._distribution === DataDistribution.uniform || nav.length === 0) {
      this._distribution = DataDistribution.uniform;
      this._am = new UniformAxesManager(this.shape, axes, nav);
    } else {
      this._am = new SpreadAxesManager(this.shape, axes, nav);
    }
  }

  /** The axes manager (uniform or spread). */
  get axesManager(): AxesManager {
    return this._am;
  }

  /** The axes. Assigning rebuilds and re-validates the manager, without recomputing `dim` (data-model.md §6.5). */
  get axes(): readonly Axis[] {
    return this._am.axes;
  }
  set axes(axes: readonly Axis[]) {
    this.setAxesManager(axes, this._am.navIndexes);
  }

  /** The navigation dimensions. Assigning rebuilds the manager and recomputes `dim`. */
  get navIndexes(): readonly number[] {
    return this._am.navIndexes;
  }
  set navIndexes(indexes: readonly number[]) {
    this.setAxesManager(this._am.axes, indexes);
    this.getDimFromDataAxes();
  }

  /** The signal dimensions: those not navigation, increasing. */
  get sigIndexes(): readonly number[] {
    return this._am.sigIndexes;
  }
  get navShape(): number[] {
    return this._am.navShape;
  }
  get sigShape(): number[] {
    return this._am.sigShape;
  }
  /** Number of axes. */
  get nAxes(): number {
    return this._am.axes.length;
  }

  /** Recomputes `dim` from the axes and navigation indexes (data-model.md §6.4) and returns it. */
  getDimFromDataAxes(): DataDim {
    const nAxes = this._am.axes.length;
    const ndim = this.shape.length;
    if (nAxes !== ndim) this._dim = DataDim.fromDataArray(this._data[0] as NDArray);
    else if (this.navIndexes.length === 0) {
      if (nAxes === 0) this._dim = DataDim.Data0D;
      else if (nAxes === 1) this._dim = DataDim.Data1D;
      else if (nAxes === 2) this._dim = DataDim.Data2D;
    }
    if (this.navIndexes.length > 0) this._dim = DataDim.DataND;
    return this._dim;
  }

  /** See `AxesManager.getAxisFromIndex`. @throws ModelIndexError */
  getAxisFromIndex(index: number, create = false): (Axis | null)[] {
    return this._am.getAxisFromIndex(index, create);
  }
  /** The spread navigation axis with this index and order, or null. */
  getAxisFromIndexSpread(index: number, spreadOrder: number): Axis | null {
    return this._am.getAxisFromIndexSpread(index, spreadOrder);
  }
  /** Navigation axes (shallow copies; missing uniform ones created). */
  getNavAxes(): Axis[] {
    return this._am.getNavAxes();
  }
  /** Signal axes of size > 1 (shallow copies; missing ones created). */
  getSignalAxes(): Axis[] {
    return this._am.getSignalAxes();
  }
  /** Python's `get_sig_index`, which despite its name returns the signal axes: `getSignalAxes()`. */
  getSigIndex(): Axis[] {
    return this._am.getSignalAxes();
  }
  /**
   * The navigation axes (copies, missing uniform ones created), each holding its values in
   * `data`: a linear axis gets its `offset + scaling * i` array. This object's axes are not
   * changed.
   */
  getNavAxesWithData(): Axis[] {
    const axes = this._am.getNavAxes();
    for (const axis of axes) if (axis.data === null) axis.data = axis.getData();
    return axes;
  }
  /** True when every axis (of `axes`, default this object's) is linear (Python's `check_axes_linear`). */
  checkAxesLinear(axes: readonly Axis[] = this._am.axes): boolean {
    return axes.every((axis) => axis.isAxisLinear());
  }

  /**
   * This object alone in a new DataToExport named `name` (Python's `as_dte`); an empty origin
   * becomes `name`, as for any DataWithAxes put in a DataToExport.
   */
  asDte(name = "mydte"): DataToExport {
    const make = DataWithAxes.dteFactory;
    if (make === null) throw new ModelTypeError("the DataToExport class is not registered");
    return make(name, [this]);
  }

  /** Builds `asDte`'s collection (set by data-to-export.ts, which imports this module, not the reverse). */
  static dteFactory: ((name: string, data: DataWithAxes[]) => DataToExport) | null = null;
  /** The sorted distinct axis indexes. */
  getAxisIndexes(): number[] {
    return [...new Set(this._am.axes.map((a) => a.index))].sort((a, b) => a - b);
  }
  /** The first axis with this label, or null. */
  getAxisFromLabel(label: string): Axis | null {
    return this._am.axes.find((a) => a.label === label) ?? null;
  }
  /** `[min, max]` per axis (of the given indexes, or all); inherits the §4.4 quirk. */
  axesLimits(axesIndexes?: readonly number[]): [number, number][] {
    return this._am.axes.filter((a) => axesIndexes === undefined || axesIndexes.includes(a.index)).map((a) => [a.min(), a.max()]);
  }
  /** `"(nav sizes|sig sizes)"`, e.g. `"(3, 4|5)"`. */
  getDataDimension(): string {
    return this._am.getDataDimension();
  }

  /**
   * Adds a linear axis (label '', units '', 0, 1, ...) for every navigation then signal
   * index lacking one, if longer than 1; spread navigation axes are never created.
   * Then re-assigns `axes` (data-model.md §6.8).
   */
  createMissingAxes(): void {
    const axes = [...this._am.axes];
    for (const index of [...this.navIndexes, ...this.sigIndexes]) {
      const found = this._am.getAxisFromIndex(index);
      if (found.length !== 0 && found[0] === null) {
        for (const ax of this._am.getAxisFromIndex(index, true)) if (ax !== null && ax.size > 1) axes.push(ax);
      }
    }
    this.axes = axes;
  }

  /** Error bars: null, or one array per data array of the data shape (data-model.md §6.6). */
  get errors(): NDArray[] | null {
    return this._errors;
  }
  set errors(errors: readonly ArrayInput[] | null) {
    this._errors = null;
    if (errors === null || errors === undefined) return;
    const shape = this.shape;
    const arrays = Array.isArray(errors) ? errors.map(errorArray) : [];
    const fits = Array.isArray(errors) && arrays.length === this.length &&
      arrays.every((e) => e instanceof NDArray && e.ndim === shape.length && e.shape.every((s, k) => s === shape[k]));
    if (fits) this._errors = arrays as NDArray[];
    else emitWarning(new DataErrorsWarning("the errors field is incompatible with the structure of the data: set to null"));
  }

  /** `errors[i]`, or the 1-element array `[0]` without errors. */
  getError(index: number): NDArray {
    return this._errors?.[index] ?? NDArray.from("float64", [1], [0]);
  }

  /** `getError(i)` for every array. */
  getErrors(): NDArray[] {
    return this._data.map((_, i) => this.getError(i));
  }

  /**
   * A deep copy whose data are the error arrays, named `<name>_errors`, source
   * calculated, without errors (data-model.md §6.6).
   * @throws ModelValueError without errors.
   */
  errorsAsDwa(): DataWithAxes {
    if (this._errors === null) throw new ModelValueError("cannot create a DataWithAxes from null errors: errors should be a list of arrays");
    const dwa = this.deepcopyWithNewData(this._errors.map((e) => e.copy()));
    dwa.name = `${this.name}_errors`;
    dwa._errors = null;
    return dwa;
  }

  override deepcopy(): this {
    const copy = super.deepcopy();
    copy._am = this._am.withAxes(this._am.axes.map((a) => a.deepcopy()));
    copy._errors = this._errors === null ? null : this._errors.map((e) => e.copy());
    return copy;
  }

  /**
   * A deep copy with other data (data-model.md §6.10). With `removeAxesIndex`, those axes and
   * dimensions go, and the remaining axis and navigation indexes are lowered.
   * @throws ModelTypeError / DataShapeError for invalid data; ModelValueError for a bad source.
   */
  deepcopyWithNewData(data: readonly NDArray[], options?: NewDataOptions): this {
    const o = checkOptionsNewData(options);
    const arrays = normalizeData(data);
    const saved = this._data;
    this._data = [];
    let copy: this;
    try {
      copy = this.deepcopy();
    } finally {
      this._data = saved;
    }
    copy._data = [...arrays];
    const source = o.source === undefined ? DataSource.calculated : o.source;
    if (source !== null) copy._source = enumChecker(DataSource, source);
    const remove = o.removeAxesIndex ?? null;
    if (remove !== null) {
      const removed = typeof remove === "number" ? [remove] : [...remove];
      const lower = (i: number): number => i - removed.filter((r) => r < i).length;
      const axes = copy._am.axes.filter((a) => !removed.includes(a.index));
      for (const a of axes) a.index = lower(a.index);
      const nav = copy._am.navIndexes.filter((i) => !removed.includes(i)).map(lower);
      copy._am = copy._am.withAxes(axes);
      copy.navIndexes = nav;
    }
    if (!o.keepDim) copy._dim = DataDim.fromDataArray(arrays[0] as NDArray);
    return copy;
  }

  /** Array `index` alone, as a calculated DataWithAxes. @throws ModelIndexError */
  getDataAsDwa(index = 0): this {
    return this.deepcopyWithNewData([this.at(index)]);
  }

  /**
   * Equality (data-model.md §6.9): DataBase equality, then the axes of every navigation and
   * signal index pairwise equal, then the errors (null on both sides, or all-close).
   * Name, labels, source, origin, timestamp and extra attributes are not compared.
   */
  override equals(other: unknown): boolean {
    if (!super.equals(other)) return false;
    if (!(other instanceof DataWithAxes)) return true;
    for (const index of [...this.navIndexes, ...this.sigIndexes]) {
      const mine = this.getAxisFromIndex(index);
      const theirs = other.getAxisFromIndex(index);
      if (mine.length !== theirs.length) return false;
      for (let k = 0; k < mine.length; k++) {
        const a = mine[k] ?? null;
        const b = theirs[k] ?? null;
        if (a === null ? b !== null : !a.equals(b)) return false;
      }
    }
    if (this._errors === null) return other._errors === null;
    if (other._errors === null) return false;
    return this._errors.every((e, i) => {
      const f = other._errors?.[i];
      return f !== undefined && e.size === f.size && allclose(e, f.reshape(e.shape));
    });
  }

  /**
   * Sum along data dimension `axis`, which disappears with its axis (data-model.md §6.11); the name is kept.
   * @throws ModelIndexError for a bad axis.
   */
  sum(axis = 0): this {
    return dataReduce(this, "sum", [axis], this.name);
  }

  /** Mean along data dimension `axis` (see `sum`). @throws ModelIndexError */
  mean(axis = 0): this {
    return dataReduce(this, "mean", [axis], this.name);
  }

  /**
   * NumPy-style reduction (`np.sum(dwa, axis)`, data-model.md §6.11): `axis` indexes the list
   * `navIndexes ++ sigIndexes` (null: every dimension); the name gets `_<func>`.
   * @throws ModelIndexError for a bad axis; ModelTypeError for max/min/std of complex data.
   */
  reduce(func: ReduceOp, axis: number | readonly number[] | null = null): this {
    const order = [...this.navIndexes, ...this.sigIndexes];
    const picked = axis === null ? order : (typeof axis === "number" ? [axis] : [...axis]).map((k) => {
      const d = order[k < 0 ? k + order.length : k];
      if (d === undefined) throw new ModelIndexError(`axis ${k} is out of bounds for data with ${order.length} dimensions`);
      return d;
    });
    return dataReduce(this, func, picked, `${this.name}_${func}`);
  }

  /** Transposes 2-D data in place (arrays, errors, axes 0 and 1 swapped); other data is left alone. */
  transpose(): void {
    transposeData(this);
  }

  /**
   * Sorts the data along data dimension `axisIndex` by its axis values (spread data: by the
   * spread axis `spreadIndex`); see dwa-analysis `sortData`.
   * @returns this object (inplace) or a sorted deep copy.
   */
  sortData(axisIndex = 0, spreadIndex = 0, inplace = false): this {
    return sortData(this, axisIndex, spreadIndex, inplace) as this;
  }

  /**
   * Crops signal dimensions by axis values: the k-th `[start, stop]` pair crops the k-th
   * signal dimension (`isig` slicing with the indexes `findIndexes` gives).
   * @throws ModelIndexError for a cropped dimension without an axis, or too many pairs.
   */
  cropAtAlong(coordinates: readonly (readonly [number, number])[]): DataWithAxes {
    return cropAtAlong(this, coordinates);
  }

  /**
   * Mean and standard deviation of 1-D data over its axis (pymodaq_utils `my_moment`).
   * @returns `[DataCalculated "mean", DataCalculated "std"]`, one value per array.
   * @throws DataDimError for data that is not Data1D; ModelIndexError without an axis.
   */
  moment(): [DataCalculated, DataCalculated] {
    return moment(this, calculated) as [DataCalculated, DataCalculated];
  }

  /**
   * Linear interpolation of 1-D data (NumPy `interp`) at the values of `newAxis` (an Axis or
   * its values), as a DataCalculated named `<name>_interp`.
   * @param newAxis the axis (or its values) to interpolate at
   * @param options `left` and `right`: the values outside the axis (default: the end values)
   * @throws ModelValueError for data that is not Data1D; ModelIndexError without an axis.
   */
  interp(newAxis: Axis | AxisDataInput, options?: InterpOptions): DataCalculated {
    return interp(this, newAxis, options, calculated) as DataCalculated;
  }

  /**
   * Centred Fourier transform along data dimension `axis` (`fftshift(fft(fftshift(x)))`); the
   * axis becomes the angular frequencies `ft(<label>)` in `rad/<units>`.
   * @throws ModelIndexError for a dimension without an axis; ModelTypeError for an unknown option.
   */
  ft(axis = 0, options?: FtOptions): this {
    return fourier(this, axis, false, options) as this;
  }

  /** Centred inverse Fourier transform along data dimension `axis` (see `ft`); the axis label is `ift(<label>)`. */
  ift(axis = 0, options?: FtOptions): this {
    return fourier(this, axis, true, options) as this;
  }

  /** Index slicing of the navigation dimensions: `dwa.inav.get(0)`, `dwa.inav.get("0:3", 2)`. */
  get inav(): DataSlicer {
    return new DataSlicer(this, "nav", "index");
  }
  /** Index slicing of the signal dimensions: `dwa.isig.get(5)`. */
  get isig(): DataSlicer {
    return new DataSlicer(this, "sig", "index");
  }
  /** Value slicing of the navigation dimensions (uniform data only). */
  get vnav(): DataSlicer {
    return new DataSlicer(this, "nav", "value");
  }
  /** Value slicing of the signal dimensions (uniform data only). */
  get vsig(): DataSlicer {
    return new DataSlicer(this, "sig", "value");
  }

  /** `<ClassName: name <u: units> <len:N> (dimension string)>`. */
  override toString(): string {
    return `<${className(this)}: ${this.name} <u: ${this._units}> <len:${this.length}> ${this.getDataDimension()}>`;
  }
}

/** One error array as an NDArray, or null when it is no array (the setter then warns). */
function errorArray(value: unknown): NDArray | null {
  try {
    return toNDArray(value);
  } catch {
    return null;
  }
}

function checkOptionsNewData(options: NewDataOptions | undefined): NewDataOptions {
  if (options === undefined) return {};
  if (typeof options !== "object" || options === null) throw new ModelTypeError("deepcopyWithNewData options must be an object");
  for (const k of Object.keys(options)) {
    if (!(NEW_DATA_KEYS as readonly string[]).includes(k)) throw new ModelTypeError(`deepcopyWithNewData: unknown option '${k}'`);
  }
  return options;
}

function withSource(options: DataWithFixedSourceOptions, source: DataSource): DataWithAxesOptions {
  if (options === undefined) return { source } as DataWithAxesOptions;
  if (typeof options !== "object" || options === null) return options as unknown as DataWithAxesOptions;
  const { source: _ignored, ...rest } = options;
  return { ...rest, source };
}

/** What `moment` and `interp` build their results with. */
function calculated(name: string, options: DataWithFixedSourceOptions): DataCalculated {
  return new DataCalculated(name, options);
}

/** A DataWithAxes whose source is `raw` (data straight from a detector). */
export class DataRaw extends DataWithAxes {
  /** As `DataWithAxes`, with the source forced to raw. */
  constructor(name: string, options: DataWithFixedSourceOptions) {
    super(name, withSource(options, DataSource.raw));
  }
}

/** A DataWithAxes whose source is `calculated` (processed data). */
export class DataCalculated extends DataWithAxes {
  /** As `DataWithAxes`, with the source forced to calculated. */
  constructor(name: string, options: DataWithFixedSourceOptions) {
    super(name, withSource(options, DataSource.calculated));
  }
}

/** Calculated data from a region of interest. */
export class DataFromRoi extends DataCalculated {}

/** Type guard for DataWithAxes and its subclasses. */
export function isDataWithAxes(value: unknown): value is DataWithAxes {
  return value instanceof DataWithAxes;
}

DataSlicer.dwaClass = DataWithAxes;
