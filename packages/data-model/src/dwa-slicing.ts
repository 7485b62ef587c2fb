/**
 * `inav`, `isig`, `vnav`, `vsig` (data-model.md §6.13). Python writes `dwa.inav[0, 2:4]`; here
 * `dwa.inav.get(0, "2:4")` (or `Slice.of(2, 4)`), and `dwa.isig.set([5], value)` to write.
 * One item per target dimension (navigation for inav, signal for isig), `"..."` fills in.
 *
 * Deliberate differences from the original, for consistency: the result keeps the
 * units; the dimensions removed (by an integer, or squeezed) are tracked from the data
 * itself, so a sliced dimension without an axis keeps its navigation index.
 */
import type { Axis } from "./axis.js";
import type { DataWithAxes, DataWithAxesOptions } from "./data-with-axes.js";
import { DataDistribution } from "./enums.js";
import { ModelIndexError, ModelNotImplementedError, ModelTypeError, ModelValueError } from "./errors.js";
import { NDArray } from "./ndarray.js";
import { ELLIPSIS, Slice, resolveIndex, toSliceItem, type DimSelection, type IndexItem } from "./slice.js";
import { squeeze } from "./squeeze.js";

/** One item per target, the ellipsis expanded. @throws ModelIndexError for a wrong count. */
function expandItems(items: readonly IndexItem[], n: number): (number | Slice)[] {
  const parsed = items.map(toSliceItem);
  const nEllipsis = parsed.filter((p) => p === ELLIPSIS).length;
  if (nEllipsis > 1) throw new ModelIndexError("an index can only have a single ellipsis");
  const explicit = parsed.length - nEllipsis;
  if (explicit > n || (nEllipsis === 0 && explicit < n)) {
    throw new ModelIndexError(`${explicit} index items given for ${n} dimensions (use "..." to leave some out)`);
  }
  return parsed.flatMap((p) => (p === ELLIPSIS ? Array.from({ length: n - explicit }, () => Slice.all) : [p]));
}

export class DataSlicer {
  /**
   * @param dwa the data to slice.
   * @param kind "nav" slices the navigation dimensions, "sig" the signal ones.
   * @param mode "index" takes indexes, "value" axis values.
   */
  constructor(
    private readonly dwa: DataWithAxes,
    readonly kind: "nav" | "sig",
    readonly mode: "index" | "value",
  ) {}

  private targets(): readonly number[] {
    return this.kind === "nav" ? this.dwa.navIndexes : this.dwa.sigIndexes;
  }

  /** The index items (one per target) that `items` stand for. */
  private toIndexItems(items: readonly IndexItem[]): (number | Slice)[] {
    const targets = this.targets();
    const expanded = expandItems(items, targets.length);
    if (this.mode === "index") return expanded;
    if (this.dwa.distribution === DataDistribution.spread) {
      throw new ModelNotImplementedError("value slicing of spread data is not implemented");
    }
    return expanded.map((item, k) => {
      const axis = this.dwa.getAxisFromIndex(targets[k] as number, true)[0] as Axis;
      return axis.vaxis.toIndexItem(item) as number | Slice;
    });
  }

  /** Resolved selections over every data dimension. */
  private selection(items: readonly IndexItem[]): { perTarget: (number | Slice)[]; sel: DimSelection[] } {
    const perTarget = this.toIndexItems(items);
    const full: IndexItem[] = this.dwa.shape.map(() => Slice.all);
    this.targets().forEach((t, k) => {
      full[t] = perTarget[k] as number | Slice;
    });
    return { perTarget, sel: resolveIndex(full, this.dwa.shape) };
  }

  /**
   * A new calculated DataWithAxes restricted to the items (data-model.md §6.13).
   * @throws ModelIndexError for malformed or out-of-range items;
   *   ModelNotImplementedError for value slicing of spread data.
   */
  get(...items: IndexItem[]): DataWithAxes {
    return this.slice(items, false);
  }

  /**
   * `get` for a DataWithAxes its owner is done with: the axes of the dimensions not sliced are
   * shallow copies in the result, sharing their value arrays with the sliced DataWithAxes,
   * rather than deep copies, so that no array is copied for them.
   * @throws what `get` throws
   */
  take(...items: IndexItem[]): DataWithAxes {
    return this.slice(items, true);
  }

  private slice(items: readonly IndexItem[], shareOthers: boolean): DataWithAxes {
    const dwa = this.dwa;
    const isNav = this.kind === "nav";
    const targets = this.targets();
    const others = isNav ? dwa.sigIndexes : dwa.navIndexes;
    const { perTarget, sel } = this.selection(items);
    const sliced = dwa.data.map((a) => a.select(sel));
    const surviving = sel.map((s, d) => (s.drop ? -1 : d)).filter((d) => d >= 0);
    const slicedShape = (sliced[0] as NDArray).shape;
    // The original compares the position of the first length-1 dimension with the index lists.
    const firstOne = slicedShape.indexOf(1);
    const doSqueeze = !(firstOne >= 0 && others.includes(firstOne));
    const removed = new Set(sel.map((s, d) => (s.drop ? d : -1)).filter((d) => d >= 0));
    if (doSqueeze) surviving.forEach((d, pos) => slicedShape[pos] === 1 && removed.add(d));
    const arrays = sliced.map((a) => squeeze(a, doSqueeze));
    const lower = (d: number): number => d - [...removed].filter((r) => r < d).length;

    const slicedAxes: Axis[] = [];
    targets.forEach((t, k) => {
      for (const axis of dwa.getAxisFromIndex(t)) {
        if (axis === null) continue;
        const cut = axis.iaxis.get(perTarget[k] as number | Slice);
        if (cut.size > 1 && !removed.has(t)) {
          cut.index = lower(t);
          slicedAxes.push(cut);
        }
      }
    });
    const otherAxes = (isNav ? dwa.getSignalAxes() : dwa.getNavAxes())
      .filter((a) => !removed.has(a.index))
      .map((a) => {
        const kept = shareOthers ? a : a.deepcopy();
        kept.index = lower(a.index);
        return kept;
      });
    const navIndexes = dwa.navIndexes.filter((i) => !removed.has(i)).map(lower);
    return this.build({
      source: "calculated",
      data: arrays,
      navIndexes,
      axes: [...slicedAxes, ...otherAxes],
      origin: dwa.origin,
      labels: [...dwa.labels],
      units: dwa.units,
      distribution: navIndexes.length > 0 ? dwa.distribution : DataDistribution.uniform,
    });
  }

  private build(options: DataWithAxesOptions): DataWithAxes {
    const Ctor = DataSlicer.dwaClass;
    if (Ctor === null) throw new ModelTypeError("the DataWithAxes class is not registered");
    return new Ctor(this.dwa.name, options);
  }

  /** The class the slicers build (set by data-with-axes.ts; avoids a circular import). */
  static dwaClass: (new (name: string, options: DataWithAxesOptions) => DataWithAxes) | null = null;

  /**
   * Writes `value` into every array at the items: a number, an array of the selection's
   * size (or 1), or a DataWithAxes whose arrays are paired with these.
   * @throws ModelIndexError for bad items; ModelValueError when the value does not fit.
   */
  set(items: IndexItem | readonly IndexItem[], value: number | NDArray | DataWithAxes): void {
    const list = Array.isArray(items) ? (items as readonly IndexItem[]) : [items as IndexItem];
    const { sel } = this.selection(list);
    const positions = NDArray.arange(0, this.dwa.size, 1, "float64").reshape(this.dwa.shape).select(sel).toNumbers();
    this.dwa.data.forEach((array, i) => {
      const src = typeof value === "number" ? NDArray.from("float64", [1], [value]) : value instanceof NDArray ? value : value.at(value.length === 1 ? 0 : i);
      if (!(src instanceof NDArray)) throw new ModelTypeError("a slicer can only write numbers, NDArrays or DataWithAxes");
      if (src.size !== positions.length && src.size !== 1) {
        throw new ModelValueError(`could not broadcast a value of size ${src.size} into a selection of size ${positions.length}`);
      }
      positions.forEach((p, k) => array.setFlat(p, src.size === 1 ? src.getFlat(0) as never : src.getFlat(k) as never));
    });
  }
}
