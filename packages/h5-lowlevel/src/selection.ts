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
 * Checks the form of `selection` without a shape: known keys, integer arrays of one rank (the
 * asynchronous methods leave the check against the extent to the addon, which reads it on the pool).
 * @param rank the dataset's rank when known
 * @throws H5ArgumentError naming the offending field
 */
export function checkSelectionForm(selection: Selection, rank?: number): CheckedSelection {
  const sel = checkOptions(selection, ["start", "count", "stride"], "selection");
  if (rank === 0) throw argumentError("selection", "a scalar dataset has no hyperslabs");
  const start = checkDims(sel.start, "selection.start", rank);
  const count = checkDims(sel.count, "selection.count", start.length);
  const stride = sel.stride === undefined ? undefined : checkDims(sel.stride, "selection.stride", start.length, 1);
  return { start, count, stride, size: product(count) };
}

/**
 * Checks `selection` against `shape`: one entry per dimension, every selected index inside the
 * extent, strides >= 1.
 * @throws H5ArgumentError naming the offending field and axis
 */
export function checkSelection(selection: Selection, shape: readonly number[]): CheckedSelection {
  const checked = checkSelectionForm(selection, shape.length);
  const { start, count, stride } = checked;
  for (let i = 0; i < shape.length; i++) {
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
  return checked;
}
