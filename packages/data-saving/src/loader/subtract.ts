/**
 * Background subtraction as NumPy does it (`data.read() - bkg.read()`, file-format.md §7.3,
 * Q21): the result dtype is NumPy's type promotion of the two stored dtypes, shapes broadcast,
 * and integers wrap around (uint16 `1 - 5` is 65532), because the subtraction happens before any
 * conversion to float.
 *
 * @example
 * subtractArrays({ dtype: "uint8", shape: [2], data: Uint8Array.of(1, 9) },
 *                { dtype: "uint8", shape: [2], data: Uint8Array.of(5, 4) })
 * // { dtype: "uint8", shape: [2], data: Uint8Array [252, 5] }
 */
import type { AnyTypedArray, Dtype } from "@pymodaq-ts/data-model";
import { allocate } from "@pymodaq-ts/data-model";
import { LoadError } from "./errors.js";

/** A plain n-d array: dtype, C-order shape and the TypedArray holding the elements. */
export interface RawArray {
  readonly dtype: Dtype;
  readonly shape: readonly number[];
  readonly data: AnyTypedArray;
}

/** Candidates in NumPy's promotion order (smallest size, then kind). */
const PROMOTION_ORDER: readonly Dtype[] = [
  "bool", "uint8", "int8", "uint16", "int16", "uint32", "int32", "uint64", "int64",
  "float32", "float64", "complex64", "complex128",
];

const INT_BITS: Partial<Record<Dtype, number>> = {
  uint8: 8, int8: 8, uint16: 16, int16: 16, uint32: 32, int32: 32, uint64: 64, int64: 64,
};

/** NumPy's "safe" casting rule, restricted to the dtypes of the model. */
function canCastSafely(from: Dtype, to: Dtype): boolean {
  if (from === to || from === "bool") return true;
  if (to === "bool") return false;
  const fromBits = INT_BITS[from];
  if (fromBits !== undefined) {
    const unsigned = from.startsWith("u");
    const toBits = INT_BITS[to];
    if (toBits !== undefined) {
      const toUnsigned = to.startsWith("u");
      if (unsigned) return toUnsigned ? toBits >= fromBits : toBits > fromBits;
      return !toUnsigned && toBits >= fromBits;
    }
    // float32/complex64 hold 24-bit mantissas: only 8- and 16-bit integers fit.
    if (to === "float32" || to === "complex64") return fromBits <= 16;
    return true;
  }
  if (from === "float32") return to === "float64" || to === "complex64" || to === "complex128";
  if (from === "float64") return to === "complex128";
  return from === "complex64" && to === "complex128";
}

/** `np.promote_types(a, b)`: the smallest dtype both cast to safely. */
export function promoteDtypes(a: Dtype, b: Dtype): Dtype {
  const hit = PROMOTION_ORDER.find((d) => canCastSafely(a, d) && canCastSafely(b, d));
  return hit ?? "complex128";
}

/**
 * NumPy broadcasting of two shapes.
 * @throws LoadError (Python ValueError) when the shapes cannot be broadcast together.
 */
export function broadcastShapes(a: readonly number[], b: readonly number[]): number[] {
  const n = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const da = a[a.length - n + i] ?? 1;
    const db = b[b.length - n + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) {
      throw new LoadError("ValueError",
        `operands could not be broadcast together with shapes (${a.join(",")}) (${b.join(",")})`);
    }
    out.push(da === 1 ? db : da);
  }
  return out;
}

/** Flat index into `shape` (right-aligned, broadcast) for each flat index of `outShape`. */
function sourceIndexes(shape: readonly number[], outShape: readonly number[]): Int32Array | null {
  const same = shape.length === outShape.length && shape.every((d, i) => d === outShape[i]);
  if (same) return null;
  const size = outShape.reduce((p, d) => p * d, 1);
  const result = new Int32Array(size);
  const offset = outShape.length - shape.length;
  const strides = new Array<number>(shape.length);
  let stride = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = shape[i] === 1 ? 0 : stride;
    stride *= shape[i] ?? 1;
  }
  const counter = new Array<number>(outShape.length).fill(0);
  for (let flat = 0; flat < size; flat++) {
    let src = 0;
    for (let i = 0; i < shape.length; i++) src += (counter[i + offset] ?? 0) * (strides[i] ?? 0);
    result[flat] = src;
    for (let k = outShape.length - 1; k >= 0; k--) {
      counter[k] = (counter[k] ?? 0) + 1;
      if (counter[k]! < outShape[k]!) break;
      counter[k] = 0;
    }
  }
  return result;
}

function isBigInt(d: Dtype): boolean {
  return d === "int64" || d === "uint64";
}

function isComplex(d: Dtype): boolean {
  return d === "complex64" || d === "complex128";
}

/** Element `i` of `arr` as a JS number (real part for complex). */
function realAt(arr: RawArray, i: number): number {
  return isComplex(arr.dtype) ? Number(arr.data[2 * i]) : Number(arr.data[i]);
}

/**
 * `a - b` with NumPy's dtype promotion, broadcasting and integer wraparound.
 * @throws LoadError (Python TypeError) for bool minus bool, which NumPy refuses.
 * @throws LoadError (Python ValueError) when the shapes do not broadcast.
 */
export function subtractArrays(a: RawArray, b: RawArray): RawArray {
  if (a.dtype === "bool" && b.dtype === "bool") {
    throw new LoadError("TypeError", "numpy boolean subtract, the `-` operator, is not supported");
  }
  const dtype = promoteDtypes(a.dtype, b.dtype);
  const shape = broadcastShapes(a.shape, b.shape);
  const size = shape.reduce((p, d) => p * d, 1);
  const ia = sourceIndexes(a.shape, shape);
  const ib = sourceIndexes(b.shape, shape);
  const out = allocate(dtype, size);
  for (let i = 0; i < size; i++) {
    const ja = ia === null ? i : ia[i]!;
    const jb = ib === null ? i : ib[i]!;
    if (isBigInt(dtype)) {
      // BigInt64Array/BigUint64Array stores wrap modulo 2^64 like NumPy.
      (out as BigInt64Array)[i] = BigInt(a.data[ja]!) - BigInt(b.data[jb]!);
    } else if (isComplex(dtype)) {
      const [ra, ima] = isComplex(a.dtype) ? [Number(a.data[2 * ja]), Number(a.data[2 * ja + 1])] : [realAt(a, ja), 0];
      const [rb, imb] = isComplex(b.dtype) ? [Number(b.data[2 * jb]), Number(b.data[2 * jb + 1])] : [realAt(b, jb), 0];
      (out as Float64Array)[2 * i] = ra - rb;
      (out as Float64Array)[2 * i + 1] = ima - imb;
    } else {
      // Int8..Uint32 TypedArray stores wrap modulo 2^n, floats store as is.
      (out as Float64Array)[i] = realAt(a, ja) - realAt(b, jb);
    }
  }
  return { dtype, shape, data: out };
}
