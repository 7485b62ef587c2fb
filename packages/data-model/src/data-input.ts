/**
 * What the data containers accept as `data` and `labels` (data-model.md §6.1.1, §6.1.3), and how
 * they are normalised and validated.
 */
import { describe, dtypeOfTypedArray, inferDtype, type AnyTypedArray } from "./dtype.js";
import { DataShapeError, ModelTypeError } from "./errors.js";
import { NDArray, type Nested } from "./ndarray.js";
import { DataTypeWarning, emitWarning } from "./warnings.js";

/**
 * One array as the containers accept it: an NDArray, a TypedArray (a 1-D array of its element
 * type, sharing its buffer: `Float64Array` is float64, `Int32Array` int32, `BigInt64Array`
 * int64) or nested JS arrays of numbers (NumPy's inference: integral numbers give int64,
 * booleans bool, anything else float64; `[[1, 2], [3, 4]]` is 2-D).
 */
export type ArrayInput = NDArray | AnyTypedArray | readonly Nested[];

/** What `data` may be given as (data-model.md §6.1.1): a list of arrays, one array, or one number. */
export type DataInput = readonly ArrayInput[] | NDArray | AnyTypedArray | number | bigint | boolean;

/** ArrayInput's forms, for messages saying what to pass. */
export const ACCEPTED_ARRAYS = "an NDArray, a TypedArray such as Float64Array, or a (nested) list of numbers";

/**
 * `value` as an NDArray (see ArrayInput), or null when it is none of those.
 * @throws ModelValueError for ragged nested lists; ModelTypeError for non-numeric leaves.
 */
export function toNDArray(value: unknown): NDArray | null {
  if (value instanceof NDArray) return value;
  const dtype = dtypeOfTypedArray(value);
  if (dtype !== null) return NDArray.from(dtype, [(value as AnyTypedArray).length], value as AnyTypedArray);
  if (Array.isArray(value)) return NDArray.fromNested(value as readonly Nested[]);
  return null;
}

/**
 * Normalises and validates `data` (data-model.md §6.1.1): each element may be any ArrayInput.
 * @throws ModelTypeError for missing/empty data, a first element that is not an
 *   array of at least 1 dimension, or a later non-array; DataShapeError for differing shapes.
 */
export function normalizeData(data: unknown): NDArray[] {
  let list: unknown[];
  if (data instanceof NDArray || dtypeOfTypedArray(data) !== null) {
    emitWarning(new DataTypeWarning("data should be a list of arrays, not a single array: wrapping it in a list"));
    list = [toNDArray(data)];
  } else if (typeof data === "number" || typeof data === "bigint" || typeof data === "boolean") {
    emitWarning(new DataTypeWarning("data should be a list of arrays, not a number: wrapping it in a list"));
    list = [NDArray.from(inferDtype(data), [1], [data])];
  } else if (Array.isArray(data)) {
    if (data.length > 0 && data.every((v) => typeof v === "number" || typeof v === "bigint" || typeof v === "boolean")) {
      throw new ModelTypeError(`data should be a list of arrays, got a list of numbers: wrap the array in a list, e.g. data: [[${data.slice(0, 3).map(String).join(", ")}${data.length > 3 ? ", ..." : ""}]] or data: [Float64Array.of(...)]`);
    }
    list = data.map((v) => toNDArray(v) ?? v);
  } else {
    throw new ModelTypeError(`data should be a non-empty list of arrays (each ${ACCEPTED_ARRAYS}), got ${describe(data)}`);
  }
  const first = list[0];
  if (!(first instanceof NDArray) || first.ndim === 0) {
    throw new ModelTypeError(`data should be a non-empty list of non-empty arrays (at least 1-D; each ${ACCEPTED_ARRAYS}), got ${describe(first)} first`);
  }
  for (const arr of list) {
    if (!(arr instanceof NDArray)) throw new ModelTypeError(`every data element should be ${ACCEPTED_ARRAYS}, got ${describe(arr)}`);
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
