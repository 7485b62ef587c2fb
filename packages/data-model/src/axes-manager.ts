/**
 * Axes managers (data-model.md §6.2, §6.3): they hold the axes of a DataWithAxes with its data
 * shape and navigation indexes, validate the axes and answer look-ups.
 * `UniformAxesManager` serves regular grids (one axis per dimension);
 * `SpreadAxesManager` serves scattered navigation points, where several navigation
 * axes share the single navigation index and differ by `spreadOrder`.
 */
import { Axis } from "./axis.js";
import { describe } from "./dtype.js";
import { DataLengthError, ModelIndexError, ModelTypeError, ModelValueError } from "./errors.js";
import { DataIndexWarning, DataSizeWarning, emitWarning } from "./warnings.js";
import { className } from "./class-name.js";

/**
 * Checks navigation indexes against the number of data dimensions.
 * @throws ModelTypeError for a non-list or non-integer; ModelIndexError for an index
 *   outside the data; ModelValueError for a duplicate.
 */
export function checkNavIndexes(navIndexes: unknown, ndim: number): number[] {
  if (!Array.isArray(navIndexes)) throw new ModelTypeError(`navIndexes should be a list of integers, got ${describe(navIndexes)}`);
  const out: number[] = [];
  for (const raw of navIndexes as unknown[]) {
    const i = typeof raw === "bigint" ? Number(raw) : raw;
    if (typeof i !== "number" || !Number.isInteger(i)) throw new ModelTypeError(`a navigation index should be an integer, got ${describe(raw)}`);
    if (i < 0 || i >= ndim) throw new ModelIndexError(`navigation index ${i} does not correspond to any of the ${ndim} data dimensions`);
    if (out.includes(i)) throw new ModelValueError(`navigation index ${i} is given twice`);
    out.push(i);
  }
  return out;
}

export abstract class AxesManager {
  /**
   * The manager of `shape`, `axes` and `navIndexes` (uniform or spread), built without
   * validation: for fields read from a manager that validated them when it was made.
   */
  static fromFields(spread: boolean, shape: readonly number[], axes: readonly Axis[], navIndexes: readonly number[]): AxesManager {
    const m = Object.create(spread ? SpreadAxesManager.prototype : UniformAxesManager.prototype) as AxesManager;
    // The readonly fields are set once here, as the constructor sets them.
    const set = m as unknown as { shape: readonly number[]; navIndexes: readonly number[]; sigIndexes: readonly number[]; _axes: Axis[] };
    set.shape = Object.freeze([...shape]);
    set.navIndexes = Object.freeze([...navIndexes]);
    set.sigIndexes = Object.freeze(shape.map((_, k) => k).filter((k) => !navIndexes.includes(k)));
    set._axes = [...axes];
    return m;
  }

  protected _axes: Axis[];
  readonly shape: readonly number[];
  readonly navIndexes: readonly number[];
  readonly sigIndexes: readonly number[];

  /**
   * @param shape the data shape.
   * @param axes the axes (the list is copied; the axes are validated and may be fixed in place).
   * @param navIndexes the navigation dimensions (validated by the caller).
   */
  constructor(shape: readonly number[], axes: readonly Axis[], navIndexes: readonly number[]) {
    if (!Array.isArray(axes)) throw new ModelTypeError(`axes should be a list of Axis, got ${describe(axes)}`);
    this.shape = Object.freeze([...shape]);
    this.navIndexes = Object.freeze([...navIndexes]);
    this.sigIndexes = Object.freeze(shape.map((_, k) => k).filter((k) => !navIndexes.includes(k)));
    this._axes = [...axes];
    this.checkAxes(this._axes);
  }

  /** The axes, in the order given. */
  get axes(): readonly Axis[] {
    return this._axes;
  }

  /** A manager of the same kind over other axes, without validation (for deep copies). */
  abstract withAxes(axes: Axis[]): AxesManager;

  protected abstract checkAxes(axes: Axis[]): void;

  /** The shape entries at the navigation indexes. */
  get navShape(): number[] {
    return this.navIndexes.map((i) => this.shape[i] as number);
  }

  /** The shape entries at the signal indexes. */
  get sigShape(): number[] {
    return this.sigIndexes.map((i) => this.shape[i] as number);
  }

  /**
   * The data length along dimension `index`.
   * @throws ModelIndexError when `index` is not a data dimension.
   */
  getShapeFromIndex(index: number): number {
    if (!Number.isInteger(index) || index < 0 || index >= this.shape.length) {
      throw new ModelIndexError(`the specified index ${index} does not correspond to any data dimension`);
    }
    return this.shape[index] as number;
  }

  /** The index of each axis, in axes order. */
  getAxesIndex(): number[] {
    return this._axes.map((a) => a.index);
  }

  /** The first axis with this index, or null. @throws ModelIndexError for `index < 0` or `> ndim` */
  protected findAxis(index: number): Axis | null {
    if (index > this.shape.length || index < 0) {
      throw new ModelIndexError(`the specified index ${index} does not correspond to any data dimension`);
    }
    return this._axes.find((a) => a.index === index) ?? null;
  }

  /** A linear axis `0, 1, ...` fitting dimension `index` (not added to the axes). */
  protected createAxis(index: number): Axis {
    const axis = new Axis({ index, offset: 0n, scaling: 1n });
    axis.size = this.getShapeFromIndex(index);
    return axis;
  }

  /** The missing-axis path shared by both managers: warn, and create when asked. */
  protected missingAxis(index: number, create: boolean): Axis | null {
    emitWarning(new DataIndexWarning(`the axis requested with index ${index} is not present, ${create ? "creating a linear one" : "returning null"}`));
    return create ? this.createAxis(index) : null;
  }

  /**
   * The axes of dimension `index`, as a list: one element (an Axis or null) in general,
   * every navigation axis for the spread navigation index.
   * @throws ModelIndexError for an index outside the data.
   */
  abstract getAxisFromIndex(index: number, create?: boolean): (Axis | null)[];

  /** The spread navigation axis with `index` and `spreadOrder`, or null (always null when uniform). */
  abstract getAxisFromIndexSpread(index: number, spreadOrder: number): Axis | null;

  /** The data shape implied by the axes. */
  abstract computeShapeFromAxes(): number[];

  /** `"(nav sizes|sig sizes)"`, e.g. `"(3, 4|5)"`. */
  abstract getDataDimension(): string;

  /** Navigation axes, shallow copies (missing uniform ones created). */
  getNavAxes(): Axis[] {
    return this.navIndexes.flatMap((i) => this.getAxisFromIndex(i, true)).filter((a): a is Axis => a !== null).map((a) => a.copy());
  }

  /** Signal axes of size > 1, shallow copies (missing ones created). */
  getSignalAxes(): Axis[] {
    return this.sigIndexes.flatMap((i) => this.getAxisFromIndex(i, true)).filter((a): a is Axis => a !== null && a.size > 1).map((a) => a.copy());
  }

  protected checkAxisType(axis: unknown): asserts axis is Axis {
    if (!(axis instanceof Axis)) throw new ModelTypeError(`an axis of ${className(this)} should be an Axis object, got ${describe(axis)}`);
  }
}

export class UniformAxesManager extends AxesManager {
  /**
   * Validates each axis (data-model.md §6.2): an Axis, an index inside the data, and a size
   * matching the data; a wrong size emits DataSizeWarning and fixes the axis in place.
   * @throws ModelTypeError for a non-Axis; ModelIndexError for an index >= ndim.
   */
  protected checkAxes(axes: Axis[]): void {
    for (const axis of axes) {
      this.checkAxisType(axis);
      const expected = this.getShapeFromIndex(axis.index);
      if (axis.size !== expected) {
        emitWarning(new DataSizeWarning(`the size of axis '${axis.label}' (${axis.size}) is not coherent with the data shape (${expected}): replacing it with 0, 1, 2, ...`));
        axis.size = expected;
        axis.setScalingKinded(1, "int");
        axis.setOffsetKinded(0, "int");
      }
    }
  }

  withAxes(axes: Axis[]): UniformAxesManager {
    const m = Object.create(UniformAxesManager.prototype) as UniformAxesManager;
    Object.assign(m, this, { _axes: axes });
    return m;
  }

  getAxisFromIndex(index: number, create = false): (Axis | null)[] {
    return [this.findAxis(index) ?? this.missingAxis(index, create)];
  }

  getAxisFromIndexSpread(): Axis | null {
    return null;
  }

  computeShapeFromAxes(): number[] {
    if (this._axes.length === 0) return [...this.shape];
    return this._axes.map((_, i) => this.getAxisFromIndex(i, true)[0]?.size ?? 0);
  }

  getDataDimension(): string {
    return `(${this.navShape.join(", ")}|${this.sigShape.join(", ")})`;
  }
}

export class SpreadAxesManager extends AxesManager {
  /**
   * Validates each axis (data-model.md §6.3): exactly one navigation index, Axis objects, and
   * navigation axes of size 1 or the navigation length.
   * @throws ModelValueError for a number of navigation indexes other than 1;
   *   ModelTypeError for a non-Axis; ModelIndexError for an index >= ndim; DataLengthError.
   */
  protected checkAxes(axes: Axis[]): void {
    if (this.navIndexes.length !== 1) {
      throw new ModelValueError(`spread data should have exactly one navigation index, got (${this.navIndexes.join(", ")})`);
    }
    const nav = this.navIndexes[0] as number;
    for (const axis of axes) {
      this.checkAxisType(axis);
      this.getShapeFromIndex(axis.index);
      if (axis.index === nav && axis.size !== 1 && axis.size !== this.shape[nav]) {
        throw new DataLengthError(`all navigation axes should have the navigation length ${String(this.shape[nav])}: axis '${axis.label}' has ${axis.size}`);
      }
    }
  }

  withAxes(axes: Axis[]): SpreadAxesManager {
    const m = Object.create(SpreadAxesManager.prototype) as SpreadAxesManager;
    Object.assign(m, this, { _axes: axes });
    return m;
  }

  getAxisFromIndex(index: number, create = false): (Axis | null)[] {
    if (this.navIndexes.includes(index)) return this._axes.filter((a) => a.index === index);
    if (index < 0 || index > this.shape.length) return [null];
    const found = this.findAxis(index);
    if (found !== null) return [found];
    return [this.sigIndexes.includes(index) ? this.missingAxis(index, create) : null];
  }

  getAxisFromIndexSpread(index: number, spreadOrder: number): Axis | null {
    return this._axes.find((a) => a.index === index && a.spreadOrder === spreadOrder) ?? null;
  }

  computeShapeFromAxes(): number[] {
    if (this._axes.length === 0) return [...this.shape];
    const sorted = [...this._axes].sort((a, b) => a.index - b.index);
    const firstNav = sorted.find((a) => this.navIndexes.includes(a.index));
    const sig = sorted.filter((a) => !this.navIndexes.includes(a.index)).map((a) => a.size);
    return firstNav === undefined ? sig : [firstNav.size, ...sig];
  }

  getDataDimension(): string {
    return `(${this.navShape.slice(0, 1).join(", ")}|${this.sigShape.join(", ")})`;
  }
}
