/**
 * The n-d array shape the node wrappers exchange: `{ dtype, shape, data }` with `data` in C
 * order. data-model's `NDArray` satisfies it, so savers pass their arrays straight through.
 */
import type { AnyTypedArray, Dtype, TypedArrayOf } from "../backend/types.js";
import { InvalidTypeError } from "../errors.js";

export interface ArrayData<D extends Dtype = Dtype> {
  readonly dtype: D;
  readonly shape: readonly number[];
  readonly data: TypedArrayOf[D];
}

/** A plain ArrayData value (what `read()` returns). */
export function arrayData<D extends Dtype>(dtype: D, shape: readonly number[], data: TypedArrayOf[D]): ArrayData<D> {
  return { dtype, shape: [...shape], data };
}

/** Number of elements of a shape (1 for `[]`). */
export function shapeSize(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

const TYPED_CLASSES: Readonly<Record<Dtype, abstract new (...args: never[]) => AnyTypedArray>> = {
  int8: Int8Array, uint8: Uint8Array, int16: Int16Array, uint16: Uint16Array,
  int32: Int32Array, uint32: Uint32Array, int64: BigInt64Array, uint64: BigUint64Array,
  float32: Float32Array, float64: Float64Array,
  complex64: Float32Array, complex128: Float64Array,
  bool: Uint8Array,
};

/** True when `value` looks like an ArrayData whose buffer matches its dtype. */
export function isArrayData(value: unknown): value is ArrayData {
  if (value === null || typeof value !== "object") return false;
  const v = value as { dtype?: unknown; shape?: unknown; data?: unknown };
  return (
    typeof v.dtype === "string" &&
    Object.prototype.hasOwnProperty.call(TYPED_CLASSES, v.dtype) &&
    Array.isArray(v.shape) &&
    v.data instanceof TYPED_CLASSES[v.dtype as Dtype]
  );
}

const BIG = new Set<Dtype>(["int64", "uint64"]);
const COMPLEX = new Set<Dtype>(["complex64", "complex128"]);

/**
 * The elements of `src` as a TypedArray of `target` (numeric conversion as NumPy's `astype`
 * for real values; int64 <-> float via Number/BigInt with truncation).
 * @throws InvalidTypeError between complex and real dtypes.
 */
export function convertElements(src: ArrayData, target: Dtype, path: string): AnyTypedArray {
  if (src.dtype === target) return src.data;
  if (COMPLEX.has(src.dtype) !== COMPLEX.has(target)) {
    throw new InvalidTypeError(`${path}: cannot store ${src.dtype} data in a ${target} array`, { path });
  }
  const Ctor = TYPED_CLASSES[target] as unknown as new (n: number) => AnyTypedArray;
  const out = new Ctor(src.data.length);
  const toBig = BIG.has(target);
  const fromBig = BIG.has(src.dtype);
  for (let i = 0; i < src.data.length; i++) {
    const v = src.data[i] as number | bigint;
    if (toBig) (out as BigInt64Array)[i] = fromBig ? (v as bigint) : BigInt(Math.trunc(v as number));
    else (out as Float64Array)[i] = fromBig ? Number(v) : (v as number);
  }
  return out;
}
