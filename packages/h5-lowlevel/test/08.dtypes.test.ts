import { describe, expect, it } from "vitest";
import { DTYPES, assertDtype, dtypeItemSize, isDtype, isTypedArrayOf, typedArrayFor } from "../src/index.js";

describe("dtypes", () => {
  it("maps every dtype to its item size and TypedArray", () => {
    const table = DTYPES.map((d) => [d, dtypeItemSize(d), typedArrayFor(d, 2).constructor.name, typedArrayFor(d, 2).length]);
    expect(table).toEqual([
      ["int8", 1, "Int8Array", 2], ["uint8", 1, "Uint8Array", 2], ["int16", 2, "Int16Array", 2],
      ["uint16", 2, "Uint16Array", 2], ["int32", 4, "Int32Array", 2], ["uint32", 4, "Uint32Array", 2],
      ["int64", 8, "BigInt64Array", 2], ["uint64", 8, "BigUint64Array", 2], ["float32", 4, "Float32Array", 2],
      ["float64", 8, "Float64Array", 2], ["complex64", 8, "Float32Array", 4], ["complex128", 16, "Float64Array", 4],
      ["bool", 1, "Uint8Array", 2],
    ]);
  });

  it("guards dtype names and TypedArray kinds", () => {
    expect(isDtype("float64")).toBe(true);
    expect(isDtype("float16")).toBe(false);
    expect(isDtype("toString")).toBe(false);
    expect(() => assertDtype("x", "options.dtype")).toThrow(/options.dtype: unknown dtype "x"/);
    expect(isTypedArrayOf("bool", new Uint8Array(1))).toBe(true);
    expect(isTypedArrayOf("int64", new Float64Array(1))).toBe(false);
  });

  it("rejects negative or fractional lengths", () => {
    expect(() => typedArrayFor("float64", -1)).toThrow(/n: must be a non-negative safe integer/);
    expect(() => typedArrayFor("float64", 1.5)).toThrow(/n:/);
  });
});
