/**
 * Joining arrays (NumPy `concatenate` and `stack`).
 */
import { lanesOf, type Dtype } from "./dtype.js";
import { ModelValueError } from "./errors.js";
import { NDArray, normalizeAxis, shapeSize } from "./ndarray.js";

/**
 * Joins arrays along an existing dimension (NumPy `concatenate`). The dtype is the first
 * array's (or `dtype` for an empty list, with `emptyShape`).
 * @throws ModelValueError when the other dimensions differ; ModelIndexError for a bad axis.
 */
export function concatenate<D extends Dtype>(
  arrays: readonly NDArray<D>[], axis = 0, emptyShape: readonly number[] = [0], dtype?: D,
): NDArray<D> {
  const first = arrays[0];
  if (first === undefined) return NDArray.zeros(emptyShape, dtype ?? ("float64" as D));
  const a = normalizeAxis(axis, first.ndim);
  for (const arr of arrays) {
    if (arr.ndim !== first.ndim || arr.shape.some((s, k) => k !== a && s !== first.shape[k])) {
      throw new ModelValueError(`all the input array dimensions except for the concatenation axis must match: [${first.shape.join(", ")}] vs [${arr.shape.join(", ")}]`);
    }
  }
  const outShape = first.shape.map((s, k) => (k === a ? arrays.reduce((n, arr) => n + (arr.shape[a] ?? 0), 0) : s));
  const out = NDArray.zeros(outShape, first.dtype);
  const outer = shapeSize(first.shape.slice(0, a));
  const inner = shapeSize(first.shape.slice(a + 1)) * lanesOf(first.dtype);
  const total = (outShape[a] ?? 0) * inner;
  let pos = 0;
  for (const arr of arrays) {
    const src = arr.dtype === first.dtype ? arr : arr.astype(first.dtype);
    const block = (arr.shape[a] ?? 0) * inner;
    for (let o = 0; o < outer; o++) {
      (out.data as Float64Array).set(src.data.subarray(o * block, (o + 1) * block) as Float64Array, o * total + pos);
    }
    pos += block;
  }
  return out;
}

/** Joins same-shape arrays along a new leading dimension (NumPy `stack(axis=0)`). */
export function stack<D extends Dtype>(arrays: readonly NDArray<D>[]): NDArray<D> {
  return concatenate(arrays.map((a) => a.reshape([1, ...a.shape])), 0);
}
