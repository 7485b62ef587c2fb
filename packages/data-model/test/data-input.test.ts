import { describe, expect, it } from "vitest";
import { DataRaw, NDArray, toNDArray } from "../src/index.js";
import { errName, warned } from "./fixtures.js";

describe("toNDArray", () => {
  it("adopts a TypedArray as a 1-D array of its element type, and infers nested lists as NumPy", () => {
    const buffer = Float64Array.of(1, 2, 3);
    const a = toNDArray(buffer) as NDArray;
    expect([a.dtype, a.shape, a.data]).toEqual(["float64", [3], buffer]);
    expect(a.data).toBe(buffer);
    expect(toNDArray(BigInt64Array.of(1n))?.dtype).toBe("int64");
    expect(toNDArray(Uint16Array.of(1))?.dtype).toBe("uint16");
    expect(toNDArray([[1, 2], [3, 4]])?.dtype).toBe("int64");
    expect(toNDArray([[1, 2.5]])?.shape).toEqual([1, 2]);
    expect(toNDArray([true, false])?.dtype).toBe("bool");
    expect(toNDArray("x")).toBeNull();
    expect(toNDArray(new DataView(new ArrayBuffer(8)))).toBeNull();
  });
});

describe("data given as TypedArrays and plain lists", () => {
  it("builds data from TypedArrays and nested lists, each element one array", () => {
    const dwa = new DataRaw("x", { data: [Float64Array.of(1, 2, 3)] });
    expect([dwa.dim.name, dwa.shape, dwa.at(0).dtype]).toEqual(["Data1D", [3], "float64"]);
    const image = new DataRaw("img", { data: [[[1, 2], [3, 4]]] });
    expect([image.dim.name, image.shape, image.at(0).dtype]).toEqual(["Data2D", [2, 2], "int64"]);
    const mixed = new DataRaw("m", { data: [[1, 2, 3], Int32Array.of(4, 5, 6)], errors: [Float64Array.of(0.1, 0.1, 0.1), [1, 1, 1]] });
    expect(mixed.data.map((a) => a.dtype)).toEqual(["int64", "int32"]);
    expect(mixed.errors?.map((e) => e.dtype)).toEqual(["float64", "int64"]);
    const { result, names } = warned(() => new DataRaw("one", { data: Float32Array.of(1, 2) }));
    expect([names, result.length, result.at(0).dtype]).toEqual([["DataTypeWarning"], 1, "float32"]);
  });

  it("says what to pass when the data is not a list of arrays", () => {
    expect(() => new DataRaw("x", { data: [1, 2, 3] as never })).toThrow(
      "data should be a list of arrays, got a list of numbers: wrap the array in a list, e.g. data: [[1, 2, 3]] or data: [Float64Array.of(...)]");
    expect(() => new DataRaw("x", { data: ["a"] as never })).toThrow(
      "data should be a non-empty list of non-empty arrays (at least 1-D; each an NDArray, a TypedArray such as Float64Array, or a (nested) list of numbers), got the string \"a\" first");
    expect(() => new DataRaw("x", { data: [NDArray.zeros([2]), "b"] as never })).toThrow(
      "every data element should be an NDArray, a TypedArray such as Float64Array, or a (nested) list of numbers, got the string \"b\"");
    expect(errName(() => new DataRaw("x", { data: [[1, 2], [1, 2, 3]] }))).toBe("DataShapeError");
    expect(errName(() => new DataRaw("x", { data: [[[1, 2], [3]]] }))).toBe("ModelValueError");
    const { result, names } = warned(() => new DataRaw("x", { data: [[1, 2]], errors: [[[1, 2], [3]]] as never }));
    expect([result.errors, names]).toEqual([null, ["DataErrorsWarning"]]);
  });
});
