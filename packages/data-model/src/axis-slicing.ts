/**
 * The `iaxis` and `vaxis` slicers of an Axis (spec §4.7). Python writes `axis.iaxis[2:10]`;
 * here `axis.iaxis.get("2:10")` or `axis.iaxis.get(Slice.of(2, 10))`, and
 * `axis.vaxis.get(Slice.of(v0, v1))` with axis values instead of indexes.
 */
import type { Axis } from "./axis.js";
import type { NDArray } from "./ndarray.js";
import { ModelIndexError } from "./errors.js";
import { ELLIPSIS, Slice, type IndexItem } from "./slice.js";

/** Index slicing of an axis: `get` returns a new Axis, `set` writes into this one. */
export class AxisSlicer {
  constructor(private readonly axis: Axis) {}

  /**
   * The axis at an integer (a 1-point axis), a slice (`"2:10"`, `Slice`) or `"..."` (a deep copy).
   * @throws ModelIndexError for an out-of-range index or a malformed item.
   */
  get(item: IndexItem): Axis {
    return this.axis.sliced(item);
  }

  /**
   * Writes an Axis's data or an array into the selected positions (linear data is
   * materialised first; the length is unchanged).
   * @throws ModelValueError when the value does not fit.
   */
  set(item: IndexItem, value: Axis | NDArray): void {
    this.axis.assign(item, value);
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
      // A missing bound stays open, so `vnav.get(v, ":")` equals `inav.get(i, ":")` (spec §6.13).
      const bound = (v: number | null): number | null => (v === null ? null : this.axis.findIndex(v));
      return Slice.of(bound(item.start), bound(item.stop));
    }
    throw new ModelIndexError(`invalid value index ${String(item)}`);
  }

  /**
   * The axis at a value (nearest index) or between two values (stop exclusive).
   * @throws ModelIndexError for a malformed item.
   */
  get(item: number | Slice | typeof ELLIPSIS): Axis {
    return this.axis.sliced(this.toIndexItem(item));
  }

  /** Writes into the positions between values (see `AxisSlicer.set`). */
  set(item: number | Slice | typeof ELLIPSIS, value: Axis | NDArray): void {
    this.axis.assign(this.toIndexItem(item), value);
  }
}
