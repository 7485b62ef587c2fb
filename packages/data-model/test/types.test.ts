// Type-level tests of the public API.
import { describe, expectTypeOf, it } from "vitest";
import {
  Axis, DataDim, DataRaw, DataToExport, DataType, NDArray, enumChecker, type Complex, type DataDimName, type Dtype,
  type TypedArrayOf,
} from "../src/index.js";

describe("public types", () => {
  it("dtype maps to its TypedArray", () => {
    expectTypeOf<TypedArrayOf["float64"]>().toEqualTypeOf<Float64Array>();
    expectTypeOf<TypedArrayOf["int64"]>().toEqualTypeOf<BigInt64Array>();
    expectTypeOf<TypedArrayOf["uint64"]>().toEqualTypeOf<BigUint64Array>();
    expectTypeOf<TypedArrayOf["complex64"]>().toEqualTypeOf<Float32Array>();
    expectTypeOf<TypedArrayOf["bool"]>().toEqualTypeOf<Uint8Array>();
    expectTypeOf(NDArray.zeros([2], "int32").data).toEqualTypeOf<Int32Array>();
    expectTypeOf(NDArray.from("uint64", [1], [1n]).data).toEqualTypeOf<BigUint64Array>();
    expectTypeOf(NDArray.linspace(0, 1, 3)).toEqualTypeOf<NDArray<"float64">>();
  });

  it("element access is typed by dtype", () => {
    expectTypeOf(NDArray.zeros([2], "int64").get(0)).toEqualTypeOf<bigint>();
    expectTypeOf(NDArray.zeros([2], "float32").get(0)).toEqualTypeOf<number>();
    expectTypeOf(NDArray.zeros([2], "bool").get(0)).toEqualTypeOf<boolean>();
    expectTypeOf(NDArray.zeros([2], "complex128").get(0)).toEqualTypeOf<Complex>();
    expectTypeOf<NDArray["dtype"]>().toEqualTypeOf<Dtype>();
  });

  it("DataDim members narrow by name", () => {
    expectTypeOf(DataDim.Data1D.name).toEqualTypeOf<"Data1D">();
    expectTypeOf(DataDim.fromName("Data2D").name).toEqualTypeOf<"Data2D">();
    expectTypeOf(DataDim.names()).toEqualTypeOf<DataDimName[]>();
    expectTypeOf(enumChecker(DataDim, "data1d")).toEqualTypeOf<DataDim>();
    expectTypeOf(DataType.axis.value).toEqualTypeOf<string>();
    expectTypeOf(DataDim.Data0D.value).toEqualTypeOf<number>();
    const dim: DataDim = DataDim.DataND;
    if (dim.name === "DataND") expectTypeOf(dim.name).toEqualTypeOf<"DataND">();
    expectTypeOf(new DataToExport("x").getDimPresents()).toEqualTypeOf<DataDimName[]>();
  });

  it("containers return their own class", () => {
    const d = new DataRaw("x", { data: [NDArray.zeros([3])] });
    expectTypeOf(d.deepcopy()).toEqualTypeOf<DataRaw>();
    expectTypeOf(d.add(1)).toEqualTypeOf<DataRaw>();
    expectTypeOf(d.axes).toEqualTypeOf<readonly Axis[]>();
    expectTypeOf(d.getAxisFromIndex(0)).toEqualTypeOf<(Axis | null)[]>();
    expectTypeOf(new Axis().multiply(2)).toEqualTypeOf<Axis>();
    expectTypeOf(new Axis({ offset: 0, scaling: 1, size: 3 }).getDataAt(1)).toEqualTypeOf<number>();
  });
});
