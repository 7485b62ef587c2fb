/** Single values (attribute scalars, fill values) as 1-element TypedArrays, range-checked. */
import { typedArrayFor } from "./dtypes.js";
import { argumentError } from "./errors.js";
import type { AnyTypedArray, Dtype } from "./types.js";

const INT_RANGES: Partial<Record<Dtype, [number, number]>> = {
  int8: [-128, 127], uint8: [0, 255], int16: [-32768, 32767], uint16: [0, 65535],
  int32: [-2147483648, 2147483647], uint32: [0, 4294967295],
};

/**
 * One value as a 1-element TypedArray of `dtype` (complex: real part, imaginary 0).
 * @param argument name of the argument, for messages
 * @throws H5ArgumentError when the value is not representable in `dtype`
 */
export function scalarArray(dtype: Dtype, value: number | bigint | boolean, argument = "value"): AnyTypedArray {
  const out = typedArrayFor(dtype, 1);
  if (dtype === "bool") {
    (out as Uint8Array)[0] = value ? 1 : 0;
    return out;
  }
  if (dtype === "int64" || dtype === "uint64") {
    const big = typeof value === "bigint" ? value : typeof value === "number" && Number.isInteger(value) ? BigInt(value) : undefined;
    const ok = big !== undefined && (dtype === "int64" ? BigInt.asIntN(64, big) === big : BigInt.asUintN(64, big) === big);
    if (!ok) throw argumentError(argument, `${String(value)} is not representable as ${dtype}`);
    (out as BigInt64Array | BigUint64Array)[0] = big;
    return out;
  }
  const num = Number(value);
  const range = INT_RANGES[dtype];
  if (range && (!Number.isInteger(num) || num < range[0] || num > range[1] || (typeof value === "bigint" && BigInt(num) !== value))) {
    throw argumentError(argument, `${String(value)} is not representable as ${dtype}`);
  }
  (out as Float64Array)[0] = num;
  return out;
}
