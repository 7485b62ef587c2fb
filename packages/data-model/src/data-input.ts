/**
 * What the data containers accept as `data` and `labels` (data-model.md §6.1.1, §6.1.3), and how
 * they are normalised and validated.
 */
import { describe, inferDtype } from "./dtype.js";
import { DataShapeError, ModelTypeError } from "./errors.js";
import { NDArray } from "./ndarray.js";
import { DataTypeWarning, emitWarning } from "./warnings.js";

/** What `data` may be given as (data-model.md §6.1.1): a list of arrays, one array, or one number. */
export type DataInput = readonly NDArray[] | NDArray | number | bigint | boolean;

/**
 * Normalises and validates `data` (data-model.md §6.1.1).
 * @throws ModelTypeError for missing/empty data, a first element that is not an
 *   NDArray of at least 1 dimension, or a later non-array; DataShapeError for differing shapes.
 */
export function normalizeData(data: unknown): NDArray[] {
  let list: unknown[];
  if (data instanceof NDArray) {
    emitWarning(new DataTypeWarning("data should be a list of arrays, not a single array: wrapping it in a list"));
    list = [data];
  } else if (typeof data === "number" || typeof data === "bigint" || typeof data === "boolean") {
    emitWarning(new DataTypeWarning("data should be a list of arrays, not a number: wrapping it in a list"));
    list = [NDArray.from(inferDtype(data), [1], [data])];
  } else if (Array.isArray(data)) {
    list = data;
  } else {
    throw new ModelTypeError(`data should be a non-empty list of non-empty arrays, got ${describe(data)}`);
  }
  const first = list[0];
  if (!(first instanceof NDArray) || first.ndim === 0) {
    throw new ModelTypeError(`data should be a non-empty list of non-empty arrays (at least 1-D), got ${describe(first)} first`);
  }
  for (const arr of list) {
    if (!(arr instanceof NDArray)) throw new ModelTypeError(`every data element should be an NDArray, got ${describe(arr)}`);
    if (arr.ndim !== first.ndim || arr.shape.some((s, k) => s !== first.shape[k])) {
      throw new DataShapeError(`the shape of the arrays in data is not the same: [${first.shape.join(", ")}] vs [${arr.shape.join(", ")}]`);
    }
  }
  return list as NDArray[];
}

/** Labels padded with `CH{i:02d}` up to `length` (data-model.md §6.1.3). @throws ModelTypeError for non-strings. */
export function padLabels(labels: readonly string[] | null | undefined, length: number): string[] {
  if (labels !== null && labels !== undefined && !Array.isArray(labels)) {
    throw new ModelTypeError(`labels should be a list of strings, got ${describe(labels)}`);
  }
  const out = [...(labels ?? [])];
  for (const l of out) if (typeof l !== "string") throw new ModelTypeError(`a label should be a string, got ${describe(l)}`);
  while (out.length < length) out.push(`CH${String(out.length).padStart(2, "0")}`);
  return out;
}
