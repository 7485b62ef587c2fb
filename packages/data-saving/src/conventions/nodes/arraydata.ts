/**
 * The n-d array shape the node wrappers accept: `{ dtype, shape, data }` with `data` in C order.
 * data-model's `NDArray` satisfies it (and is what the wrappers return), so savers pass their
 * arrays straight through.
 */
import { allocate, isBigIntDtype, isComplexDtype, isDtype, matchesDtype } from "@pymodaq-ts/data-model";
import type { AnyTypedArray, Dtype, TypedArrayOf } from "../../storage/types.js";
import { InvalidTypeError } from "../../errors.js";

export interface ArrayData<D extends Dtype = Dtype> {
  readonly dtype: D;
  readonly shape: readonly number[];
  readonly data: TypedArrayOf[D];
}

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** True when `value` looks like an ArrayData whose buffer is the TypedArray of its dtype. */
export function isArrayData(value: unknown): value is ArrayData {
  if (value === null || typeof value !== "object") return false;
  const v = value as { dtype?: unknown; shape?: unknown; data?: unknown };
  return isDtype(v.dtype) && Array.isArray(v.shape) && matchesDtype(v.dtype, v.data);
}

/**
 * The elements of `src` as a TypedArray of `target` (the same buffer when the dtypes agree;
 * otherwise a numeric conversion as NumPy's `astype` for real values, int64 from float by
 * truncation).
 * @throws InvalidTypeError between complex and real dtypes.
 */
export function convertElements(src: ArrayData, target: Dtype, path: string): AnyTypedArray {
  if (src.dtype === target) return src.data;
  if (isComplexDtype(src.dtype) !== isComplexDtype(target)) {
    throw new InvalidTypeError(`${path}: cannot store ${src.dtype} data in a ${target} array`, { path });
  }
  const lanes = isComplexDtype(target) ? 2 : 1;
  const out = allocate(target, src.data.length / lanes);
  const toBig = isBigIntDtype(target);
  const fromBig = isBigIntDtype(src.dtype);
  for (let i = 0; i < src.data.length; i++) {
    const v = src.data[i] as number | bigint;
    if (toBig) (out as BigInt64Array)[i] = fromBig ? (v as bigint) : BigInt(Math.trunc(v as number));
    else (out as Float64Array)[i] = fromBig ? Number(v) : (v as number);
  }
  return out;
}
