/** Hyperslab selections: validation against a dataset's shape, and their element counts. */
import { argumentError } from "./errors.js";
import type { Selection } from "./types.js";
import { checkDims, checkOptions, product } from "./validate.js";

export interface CheckedSelection {
  start: number[];
  count: number[];
  stride: number[] | undefined;
  /** Number of selected elements. */
  size: number;
}

/**
 * Checks `selection` against `shape`: one entry per dimension, every selected index inside the
 * extent, strides >= 1.
 * @throws H5ArgumentError naming the offending field and axis
 */
export function checkSelection(selection: Selection, shape: readonly number[]): CheckedSelection {
  const sel = checkOptions(selection, ["start", "count", "stride"], "selection");
  const rank = shape.length;
  if (rank === 0) throw argumentError("selection", "a scalar dataset has no hyperslabs");
  const start = checkDims(sel.start, "selection.start", rank);
  const count = checkDims(sel.count, "selection.count", rank);
  const stride = sel.stride === undefined ? undefined : checkDims(sel.stride, "selection.stride", rank, 1);
  for (let i = 0; i < rank; i++) {
    const extent = shape[i] as number;
    const s = start[i] as number;
    const c = count[i] as number;
    const last = s + (c - 1) * (stride?.[i] ?? 1);
    if (c === 0 ? s > extent : s >= extent || last >= extent) {
      throw argumentError(
        `selection[${i}]`,
        `start ${s}, count ${c}, stride ${stride?.[i] ?? 1} is out of range for extent ${extent} (shape [${shape.join(", ")}])`,
      );
    }
  }
  return { start, count, stride, size: product(count) };
}
