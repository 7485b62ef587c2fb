/**
 * A navigation window: the part of a data node a partial load reads. The navigation items (one
 * per navigation dimension, as `inav` takes them) become, per dimension, the smallest range of
 * indexes that holds them; data arrays are read in that block only (hyperslab reads), axes are
 * cut to it, and the load is finished by `inav` with the items shifted into the block. The result
 * equals `inav` applied to the whole load, while only the block is read.
 */
import { Slice, allocate, lanesOf, type Axis, type DataWithAxes } from "@pymodaq-ts/data-model";
import type { CARRAY } from "../conventions/nodes/arrays.js";
import { ATTR } from "../conventions/layout.js";
import { signalIndexesToSqueeze } from "./arrays.js";
import { requireIntTuple } from "./attr-values.js";
import { LoadError } from "./errors.js";

/** A navigation item: an index (negative counts from the end) or a Slice. */
export type NavItem = number | Slice;

interface DimWindow {
  /** Dimension of the loaded data (its navigation index). */
  readonly dim: number;
  /** Full size of the dimension. */
  readonly size: number;
  readonly start: number;
  readonly count: number;
  /** The item to apply within the block. */
  readonly inner: NavItem;
}

function windowOf(item: NavItem, dim: number, size: number, path: string): DimWindow {
  if (typeof item === "number") {
    const i = item < 0 ? item + size : item;
    if (!Number.isInteger(item) || i < 0 || i >= size) {
      throw new LoadError("IndexError", `navigation index ${item} is out of range for a dimension of size ${size}`, { path });
    }
    return { dim, size, start: i, count: 1, inner: 0 };
  }
  if (!(item instanceof Slice)) throw new LoadError("TypeError", `a navigation item must be an integer or a Slice, got ${String(item)}`, { path });
  const { start, step, count } = item.indices(size);
  // A reversed or empty selection reads the whole dimension and is applied as given.
  if (step < 0 || count === 0) return { dim, size, start: 0, count: size, inner: item };
  const span = (count - 1) * step + 1;
  return { dim, size, start, count: span, inner: step === 1 ? Slice.of(0, span) : Slice.of(0, span, step) };
}

/** The stored dimension of each loaded dimension: the squeezed ones are not loaded. */
function loadedDims(node: CARRAY): number[] {
  const squeezed = new Set(signalIndexesToSqueeze(node));
  return node.shape.map((_, d) => d).filter((d) => !squeezed.has(d));
}

export class NavWindow {
  private constructor(
    /** Shape of the stored arrays the window applies to. */
    private readonly storedShape: readonly number[],
    /** The block of those arrays: start and count per stored dimension. */
    private readonly block: { readonly start: number[]; readonly count: number[] },
    private readonly dims: readonly DimWindow[],
    private readonly navIndexes: readonly number[],
  ) {}

  /**
   * The window of `items` over the data node `node` (one item per leading navigation dimension;
   * the dimensions after them are whole).
   * @throws LoadError (IndexError) for more items than navigation dimensions or an index out of
   *   range, (TypeError) for an item that is neither an integer nor a Slice;
   *   MissingAttributeError when `shape` or `nav_indexes` is missing
   */
  static of(node: CARRAY, items: readonly NavItem[]): NavWindow {
    const navIndexes = requireIntTuple(node.attrs.get(ATTR.nav_indexes), node.path, ATTR.nav_indexes);
    if (items.length > navIndexes.length) {
      throw new LoadError("IndexError", `${items.length} navigation items for ${navIndexes.length} navigation dimensions`, { path: node.path });
    }
    const stored = node.shape;
    const kept = loadedDims(node);
    const start = stored.map(() => 0);
    const count = [...stored];
    const dims = navIndexes.map((dim, k) => {
      const storedDim = kept[dim];
      if (storedDim === undefined) throw new LoadError("IndexError", `navigation index ${dim} is outside the data`, { path: node.path });
      const w = windowOf(items[k] ?? Slice.all, dim, stored[storedDim]!, node.path);
      start[storedDim] = w.start;
      count[storedDim] = w.count;
      return w;
    });
    return new NavWindow(stored, { start, count }, dims, navIndexes);
  }

  /**
   * The size of navigation dimension `k` (0 = the first) of a data node, and the bytes of its
   * arrays per index of that dimension.
   * @throws LoadError (IndexError) when the node has no navigation dimension `k`
   */
  static navExtent(node: CARRAY, k = 0): { size: number; rowBytes: number } {
    const navIndexes = requireIntTuple(node.attrs.get(ATTR.nav_indexes), node.path, ATTR.nav_indexes);
    const dim = navIndexes[k];
    const storedDim = dim === undefined ? undefined : loadedDims(node)[dim];
    if (storedDim === undefined) {
      throw new LoadError("IndexError", `the data has no navigation dimension ${k} (it has ${navIndexes.length})`, { path: node.path });
    }
    const shape = node.shape;
    const size = shape[storedDim]!;
    const bytes = shape.reduce((p, d) => p * d, allocate(node.dtype, 0).BYTES_PER_ELEMENT * lanesOf(node.dtype));
    return { size, rowBytes: size === 0 ? 0 : bytes / size };
  }

  /** The block to read of `node`: the window's, for arrays of the data's stored shape. */
  blockOf(node: CARRAY): { start: number[]; count: number[] } | undefined {
    const shape = node.shape;
    const same = shape.length === this.storedShape.length && shape.every((s, i) => s === this.storedShape[i]);
    return same ? this.block : undefined;
  }

  /** `axis` cut to the window when it is the axis of a windowed dimension (as `inav` cuts it). */
  cutAxis(axis: Axis): Axis {
    const w = this.dims.find((d) => d.dim === axis.index);
    if (w === undefined || axis.size !== w.size || (w.start === 0 && w.count === w.size)) return axis;
    const cut = axis.iaxis.get(Slice.of(w.start, w.start + w.count));
    cut.index = axis.index;
    return cut;
  }

  /**
   * Adds the axes the load would create for windowed dimensions that have none, made at the
   * full size and cut (so their values are the whole load's), before `createMissingAxes`.
   */
  addMissingAxes(dwa: DataWithAxes): void {
    const added: Axis[] = [];
    for (const w of this.dims) {
      if (w.size <= 1 || dwa.axesManager.getAxisFromIndex(w.dim)[0] !== null) continue;
      const made = dwa.axesManager.getAxisFromIndex(w.dim, true)[0];
      if (made === null || made === undefined || made.data !== null) continue;
      made.size = w.size;
      added.push(this.cutAxis(made));
    }
    if (added.length > 0) dwa.axes = [...dwa.axes, ...added];
  }

  /**
   * The loaded block restricted to the items: the whole load's `inav` result, but for the
   * timestamp, which is the stored one (`inav` stamps the time of the call). The block is the
   * load's own: the result shares its signal axes' arrays rather than copying them (`take`),
   * which keeps a stream with `reuse` from allocating per slab.
   */
  finish(dwa: DataWithAxes): DataWithAxes {
    if (dwa.navIndexes.length !== this.navIndexes.length) {
      throw new LoadError("IndexError", `the loaded data has ${dwa.navIndexes.length} navigation dimensions, the file says ${this.navIndexes.length}`);
    }
    const part = dwa.inav.take(...this.dims.map((d) => d.inner));
    part.timestamp = dwa.timestamp;
    return part;
  }
}
