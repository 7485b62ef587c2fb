/**
 * Element types of the model's arrays and the TypedArray that carries each one.
 *
 * The dtype names are NumPy's spelling, because they are written to HDF5 files
 * (file-format.md §4.1). The list and the TypedArray map repeat the few lines of
 * h5-lowlevel's `types.ts` on purpose: the model must not depend on the HDF5 layer.
 */
import { ModelTypeError } from "./errors.js";
import type { NumpyScalarType } from "./pyvalue.js";
import { className } from "./class-name.js";

/** Element types an array can hold. */
export type Dtype =
  | "int8" | "uint8" | "int16" | "uint16" | "int32" | "uint32" | "int64" | "uint64"
  | "float32" | "float64"
  | "complex64" | "complex128"
  | "bool";

/**
 * The TypedArray that carries each dtype. Complex values are interleaved (re, im) in a
 * float array of twice the element count; bool is one byte per element (0 or 1).
 */
export interface TypedArrayOf {
  int8: Int8Array; uint8: Uint8Array; int16: Int16Array; uint16: Uint16Array;
  int32: Int32Array; uint32: Uint32Array; int64: BigInt64Array; uint64: BigUint64Array;
  float32: Float32Array; float64: Float64Array;
  complex64: Float32Array; complex128: Float64Array;
  bool: Uint8Array;
}
export type AnyTypedArray = TypedArrayOf[Dtype];

/** A complex number as returned by element access on complex arrays. */
export interface Complex {
  readonly re: number;
  readonly im: number;
}

/** What one element reads as: bigint for 64-bit integers, boolean for bool, {re, im} for complex. */
export interface ScalarOf {
  int8: number; uint8: number; int16: number; uint16: number; int32: number; uint32: number;
  int64: bigint; uint64: bigint;
  float32: number; float64: number;
  complex64: Complex; complex128: Complex;
  bool: boolean;
}

export type IntegerDtype = "int8" | "uint8" | "int16" | "uint16" | "int32" | "uint32" | "int64" | "uint64";
export type BigIntDtype = "int64" | "uint64";
export type FloatDtype = "float32" | "float64";
export type ComplexDtype = "complex64" | "complex128";
/** Dtypes whose elements read as plain JS numbers. */
export type NumberDtype = Exclude<Dtype, BigIntDtype | ComplexDtype | "bool">;

type TypedArrayCtor = { new (length: number): AnyTypedArray; BYTES_PER_ELEMENT: number };

const CTORS: { readonly [D in Dtype]: TypedArrayCtor } = {
  int8: Int8Array, uint8: Uint8Array, int16: Int16Array, uint16: Uint16Array,
  int32: Int32Array, uint32: Uint32Array, int64: BigInt64Array, uint64: BigUint64Array,
  float32: Float32Array, float64: Float64Array,
  complex64: Float32Array, complex128: Float64Array,
  bool: Uint8Array,
};

/** Every dtype, in the order of the union above. */
export const DTYPES: readonly Dtype[] = Object.freeze(Object.keys(CTORS) as Dtype[]);

/** True when `value` is one of the dtype names. */
export function isDtype(value: unknown): value is Dtype {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(CTORS, value);
}

export function isIntegerDtype(d: Dtype): d is IntegerDtype {
  return d.includes("int");
}
export function isBigIntDtype(d: Dtype): d is BigIntDtype {
  return d === "int64" || d === "uint64";
}
export function isFloatDtype(d: Dtype): d is FloatDtype {
  return d === "float32" || d === "float64";
}
export function isComplexDtype(d: Dtype): d is ComplexDtype {
  return d === "complex64" || d === "complex128";
}

/** TypedArray elements per array element: 2 for complex (re, im), else 1. */
export function lanesOf(d: Dtype): 1 | 2 {
  return isComplexDtype(d) ? 2 : 1;
}

/** A zero-filled TypedArray holding `size` elements of `dtype`. */
export function allocate<D extends Dtype>(dtype: D, size: number): TypedArrayOf[D] {
  if (!isDtype(dtype)) throw new ModelTypeError(`unknown dtype ${describe(dtype)}`);
  return new CTORS[dtype](size * lanesOf(dtype)) as TypedArrayOf[D];
}

/**
 * The dtype a TypedArray stands for on its own: its element type (`Float64Array` is float64,
 * `BigInt64Array` int64, `Uint8Array` uint8...), or null for anything else.
 */
export function dtypeOfTypedArray(value: unknown): Exclude<Dtype, ComplexDtype | "bool"> | null {
  if (!ArrayBuffer.isView(value) || value instanceof DataView) return null;
  if (value instanceof Uint8ClampedArray) return null;
  for (const dtype of DTYPES) {
    if (!isComplexDtype(dtype) && dtype !== "bool" && value instanceof CTORS[dtype]) return dtype as Exclude<Dtype, ComplexDtype | "bool">;
  }
  return null;
}

/** True when `buffer` is the TypedArray class that carries `dtype`. */
export function matchesDtype(dtype: Dtype, buffer: unknown): boolean {
  return isDtype(dtype) && buffer instanceof CTORS[dtype];
}

/** The NumPy scalar type name of an element of `dtype` (bool is `bool_` in NumPy). */
export function scalarTypeOf(dtype: Dtype): NumpyScalarType {
  return dtype === "bool" ? "bool_" : dtype;
}

/**
 * The dtype NumPy would infer for a JS value: a boolean gives bool, a bigint int64, an
 * integral number int64 (NumPy's default int), any other number float64.
 * @throws ModelTypeError for anything that is not a number, bigint or boolean.
 */
export function inferDtype(value: unknown): Dtype {
  if (typeof value === "boolean") return "bool";
  if (typeof value === "bigint") return "int64";
  if (typeof value === "number") return Number.isInteger(value) ? "int64" : "float64";
  throw new ModelTypeError(`cannot infer a dtype from ${describe(value)}`);
}

/** A short description of a value for error messages. */
export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an Array";
  if (typeof value === "object") return `a ${className(value as object)}`;
  if (typeof value === "string") return `the string ${JSON.stringify(value)}`;
  return `${typeof value} ${String(value)}`;
}
