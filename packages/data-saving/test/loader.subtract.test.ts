/** Background subtraction in the stored dtype (file-format.md §7.3, Q21). */
import { describe, expect, it } from "vitest";
import { broadcastShapes, promoteDtypes, subtractArrays } from "../src/loader/subtract.js";
import { LoadError } from "../src/loader/errors.js";

describe("promoteDtypes (np.promote_types)", () => {
  it.each([
    ["float32", "float32", "float32"],
    ["float32", "float64", "float64"],
    ["uint8", "int8", "int16"],
    ["uint16", "int16", "int32"],
    ["uint32", "int32", "int64"],
    ["uint64", "int64", "float64"],
    ["int16", "float32", "float32"],
    ["int32", "float32", "float64"],
    ["complex64", "float64", "complex128"],
    ["bool", "uint16", "uint16"],
  ] as const)("%s with %s gives %s", (a, b, out) => {
    expect(promoteDtypes(a, b)).toBe(out);
    expect(promoteDtypes(b, a)).toBe(out);
  });
});

describe("subtractArrays", () => {
  it("wraps unsigned integers around like NumPy", () => {
    const r = subtractArrays(
      { dtype: "uint16", shape: [3], data: Uint16Array.of(1, 100, 5) },
      { dtype: "uint16", shape: [3], data: Uint16Array.of(5, 1, 5) },
    );
    expect(r.dtype).toBe("uint16");
    expect(Array.from(r.data as Uint16Array)).toEqual([65532, 99, 0]);
  });

  it("wraps int64 in BigInt64Array", () => {
    const r = subtractArrays(
      { dtype: "int64", shape: [1], data: BigInt64Array.of(-(2n ** 63n)) },
      { dtype: "int64", shape: [1], data: BigInt64Array.of(1n) },
    );
    expect((r.data as BigInt64Array)[0]).toBe(2n ** 63n - 1n);
  });

  it("keeps float32 results in float32", () => {
    const r = subtractArrays(
      { dtype: "float32", shape: [2], data: Float32Array.of(1.5, 0.1) },
      { dtype: "float32", shape: [2], data: Float32Array.of(0.5, 0.2) },
    );
    expect(r.dtype).toBe("float32");
    expect(r.data).toBeInstanceOf(Float32Array);
    expect((r.data as Float32Array)[0]).toBe(1);
    expect((r.data as Float32Array)[1]).toBe(Math.fround(Math.fround(0.1) - Math.fround(0.2)));
  });

  it("broadcasts a row against a 2-D array", () => {
    const r = subtractArrays(
      { dtype: "float64", shape: [2, 3], data: Float64Array.of(1, 2, 3, 4, 5, 6) },
      { dtype: "float64", shape: [3], data: Float64Array.of(1, 1, 2) },
    );
    expect(r.shape).toEqual([2, 3]);
    expect(Array.from(r.data as Float64Array)).toEqual([0, 1, 1, 3, 4, 4]);
  });

  it("subtracts complex values pairwise", () => {
    const r = subtractArrays(
      { dtype: "complex128", shape: [1], data: Float64Array.of(3, 4) },
      { dtype: "float64", shape: [1], data: Float64Array.of(1) },
    );
    expect(r.dtype).toBe("complex128");
    expect(Array.from(r.data as Float64Array)).toEqual([2, 4]);
  });

  it("refuses shapes that do not broadcast, naming both shapes", () => {
    expect(() => broadcastShapes([2, 3], [4])).toThrow(/\(2,3\) \(4\)/);
    expect(() => broadcastShapes([2], [3])).toThrow(LoadError);
    expect(() => broadcastShapes([2], [3])).toThrow(expect.objectContaining({ pythonName: "ValueError" }));
  });

  it("refuses bool minus bool, as NumPy does", () => {
    const b = { dtype: "bool" as const, shape: [1], data: Uint8Array.of(1) };
    expect(() => subtractArrays(b, b)).toThrow(/boolean subtract/);
  });
});
