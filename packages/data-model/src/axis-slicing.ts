/**
 * The `iaxis` and `vaxis` slicers of an Axis (data-model.md §4.7). Python writes `axis.iaxis[2:10]`;
 * here `axis.iaxis.get("2:10")` or `axis.iaxis.get(Slice.of(2, 10))`, and
 * `axis.vaxis.get(Slice.of(v0, v1))` with axis values instead of indexes.
 */
import type { Axis } from "./axis.js";
import { describe } from "./dtype.js";
import { ModelIndexError, ModelTypeError, ModelValueError } from "./errors.js";
import { NDArray } from "./ndarray.js";
import { floatOpKind } from "./py-number.js";
import { ELLIPSIS, Slice, type IndexItem } from "./slice.js";

/** The offset and scaling of a linear axis. @throws ModelValueError when one is null */
function linearForm(axis: Axis): { offset: number; scaling: number } {
  if (axis.offset === null || axis.scaling === null) throw new ModelValueError(`Axis '${axis.label}' has no offset/scaling`);
  return { offset: axis.offset, scaling: axis.scaling };
}

/**
 * The axis restricted to one index item: `"..."` gives a deep copy; an integer a 1-point
 * axis whose data stays stored; a slice the sliced data, or for a linear axis a shifted
 * offset and a new size (a step also scales the scaling).
 * @throws ModelIndexError for an index out of range or a malformed item.
 */
export function sliceAxis(axis: Axis, item: IndexItem): Axis {
  const ax = axis.deepcopy();
  if (item === ELLIPSIS) return ax;
  if (typeof item === "number") {
    ax.data = axis.getData().index(item).reshape([1]).copy();
    return ax;
  }
  const sl = typeof item === "string" ? Slice.parse(item) : item;
  if (!(sl instanceof Slice)) throw new ModelIndexError(`invalid axis index ${describe(item)}`);
  if (axis.data !== null) {
    ax.data = axis.data.index(sl).copy();
    return ax;
  }
  const { start, step, count } = sl.indices(axis.size);
  const { offset, scaling } = linearForm(axis);
  if (start !== 0) ax.setOffsetKinded(offset + start * scaling, floatOpKind(axis.offsetKind));
  if (step !== 1) ax.setScalingKinded(scaling * step, floatOpKind(axis.scalingKind));
  ax.size = count;
  return ax;
}

/**
 * Writes `value` (an Axis's data or an array) into the positions `item` of `axis`; linear
 * data is materialised first. The size does not change.
 * @throws ModelTypeError for another kind of value; ModelValueError when it does not fit.
 */
export function assignIntoAxis(axis: Axis, item: IndexItem, value: Axis | NDArray): void {
  const materialised = axis.getData().copy();
  axis.data = materialised;
  const src = value instanceof NDArray ? value : typeof value?.getData === "function" ? value.getData() : null;
  if (src === null) throw new ModelTypeError(`can only assign an Axis or an NDArray, got ${describe(value)}`);
  const positions = item === ELLIPSIS
    ? Array.from({ length: materialised.size }, (_, i) => i)
    : NDArray.arange(0, materialised.size, 1, "int32").index(item).toNumbers();
  if (positions.length !== src.size && src.size !== 1) {
    throw new ModelValueError(`could not broadcast input array from shape (${src.size},) into shape (${positions.length},)`);
  }
  positions.forEach((p, k) => materialised.setFlat(p, src.numberAt(src.size === 1 ? 0 : k)));
}

/** Index slicing of an axis: `get` returns a new Axis, `set` writes into this one. */
export class AxisSlicer {
  constructor(private readonly axis: Axis) {}

  /**
   * The axis at an integer (a 1-point axis), a slice (`"2:10"`, `Slice`) or `"..."` (a deep copy).
   * @throws ModelIndexError for an out-of-range index or a malformed item.
   */
  get(item: IndexItem): Axis {
    return sliceAxis(this.axis, item);
  }

  /**
   * Writes an Axis's data or an array into the selected positions (linear data is
   * materialised first; the length is unchanged).
   * @throws ModelValueError when the value does not fit.
   */
  set(item: IndexItem, value: Axis | NDArray): void {
    assignIntoAxis(this.axis, item, value);
  }
}

/** Value slicing: numbers are axis values, turned into indexes with `findIndex`. */
export class ValueAxisSlicer {
  constructor(private readonly axis: Axis) {}

  /** The index item that `item` (in axis values) stands for. */
  toIndexItem(item: number | Slice | typeof ELLIPSIS): IndexItem {
    if (item === ELLIPSIS) return ELLIPSIS;
    if (typeof item === "number") return this.axis.findIndex(item);
    if (item instanceof Slice) {
      // A missing bound stays open, so `vnav.get(v, ":")` equals `inav.get(i, ":")` (data-model.md §6.13).
      const bound = (v: number | null): number | null => (v === null ? null : this.axis.findIndex(v));
      return Slice.of(bound(item.start), bound(item.stop));
    }
    throw new ModelIndexError(`invalid value index ${describe(item)}`);
  }

  /**
   * The axis at a value (nearest index) or between two values (stop exclusive).
   * @throws ModelIndexError for a malformed item.
   */
  get(item: number | Slice | typeof ELLIPSIS): Axis {
    return sliceAxis(this.axis, this.toIndexItem(item));
  }

  /** Writes into the positions between values (see `AxisSlicer.set`). */
  set(item: number | Slice | typeof ELLIPSIS, value: Axis | NDArray): void {
    assignIntoAxis(this.axis, this.toIndexItem(item), value);
  }
}
