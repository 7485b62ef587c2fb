import { describe, expect, it } from "vitest";
import { H5ArgumentError, H5ClosedError, H5File } from "../src/index.js";
import { tempPath } from "@pymodaq-ts/test-support";

const iota = (n: number, from = 0) => Float64Array.from({ length: n }, (_, i) => from + i);

describe("H5Dataset.blockWriter", () => {
  it("writes blocks at leading indexes, the same bytes as hyperslab writes", () => {
    using file = H5File.create(tempPath());
    const ds = file.root.createDataset("d", { dtype: "float64", shape: [2, 3, 4] });
    const w = ds.blockWriter(2);
    expect(w.leading).toBe(2);
    expect(w.blockSize).toBe(4);
    expect(w.dtype).toBe(ds.dtype);
    for (let i = 0; i < 2; i++) for (let j = 0; j < 3; j++) w.write([i, j], iota(4, 4 * (3 * i + j)));
    expect(ds.read()).toEqual(iota(24));
    const rows = ds.blockWriter(1);
    rows.write([1], iota(12, 100));
    expect(ds.read({ start: [1, 0, 0], count: [1, 3, 4] })).toEqual(iota(12, 100));
    ds.blockWriter(0).write([], iota(24, 7));
    expect(ds.read()).toEqual(iota(24, 7));
  });

  it("rejects wrong indexes, data and arguments with H5ArgumentError, and closed datasets", () => {
    const file = H5File.create(tempPath());
    const ds = file.root.createDataset("d", { dtype: "float64", shape: [2, 3] });
    const w = ds.blockWriter(1);
    expect(() => w.write([2], iota(3))).toThrow(H5ArgumentError);
    expect(() => w.write([-1], iota(3))).toThrow(H5ArgumentError);
    expect(() => w.write([0.5], iota(3))).toThrow(H5ArgumentError);
    expect(() => w.write([0, 0], iota(3))).toThrow(/needs 1 indexes/);
    expect(() => w.write([0], iota(4))).toThrow(/holds 4 float64 elements, the block has 3/);
    expect(() => w.write([0], new Float32Array(3))).toThrow(H5ArgumentError);
    expect(() => ds.blockWriter(3)).toThrow(H5ArgumentError);
    expect(() => file.root.createDataset("s", { dtype: "int32", shape: [] }).blockWriter(0)).toThrow(/scalar/);
    expect(ds.read()).toEqual(new Float64Array(6));
    file.close();
    expect(() => w.write([0], iota(3))).toThrow(H5ClosedError);
  });

  it("follows a dataset grown after the writer was made", () => {
    using file = H5File.create(tempPath());
    const ds = file.root.createDataset("d", { dtype: "int32", shape: [1, 2], maxshape: [null, 2], chunks: [4, 2] });
    const w = ds.blockWriter(1);
    ds.resize([3, 2]);
    w.write([2], new Int32Array([5, 6]));
    expect(Array.from(ds.read() as Int32Array)).toEqual([0, 0, 0, 0, 5, 6]);
  });
});
