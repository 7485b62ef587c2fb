import { describe, expect, it } from "vitest";
import { H5ArgumentError, H5Error, H5File } from "../src/index.js";
import { tempPath } from "@pymodaq-ts/test-support";
import { runPython } from "./python.js";

function fresh(): H5File {
  return H5File.create(tempPath());
}

const iota = (n: number) => Float64Array.from({ length: n }, (_, i) => i);

describe("H5Dataset.read / readInto / write with hyperslabs", () => {
  it("reads start/count/stride selections in C order", () => {
    using file = fresh();
    const ds = file.root.createDataset("d", { dtype: "float64", shape: [4, 5] });
    ds.write(iota(20));
    expect(ds.read({ start: [1, 1], count: [2, 3] })).toEqual(new Float64Array([6, 7, 8, 11, 12, 13]));
    expect(ds.read({ start: [0, 0], count: [2, 3], stride: [3, 2] })).toEqual(new Float64Array([0, 2, 4, 15, 17, 19]));
    expect(ds.read({ start: [3, 4], count: [1, 1] })).toEqual(new Float64Array([19]));
    expect(ds.read({ start: [4, 0], count: [0, 5] })).toEqual(new Float64Array(0));
  });

  it("reads into a caller-allocated array, also a view into a larger buffer", () => {
    using file = fresh();
    const ds = file.root.createDataset("d", { dtype: "int32", shape: [6] });
    ds.write(new Int32Array([1, 2, 3, 4, 5, 6]));
    const buffer = new Int32Array(10);
    ds.readInto(buffer.subarray(2, 5), { start: [3], count: [3] });
    expect(Array.from(buffer)).toEqual([0, 0, 4, 5, 6, 0, 0, 0, 0, 0]);
  });

  it("reads arrays of several MiB (prefaulted targets) exactly, also into an unaligned view", () => {
    using file = fresh();
    // 5 MiB and 40 bytes: past the prefault threshold, not page-sized, and holding at least one
    // whole 2 MiB-aligned huge page wherever the buffer starts.
    const n = 5 * 131072 + 5;
    const ds = file.root.createDataset("big", { dtype: "float64", shape: [n], chunks: [65536] });
    const data = Float64Array.from({ length: n }, (_, i) => i * 0.5 - 7);
    ds.write(data);
    expect(ds.read()).toEqual(data);
    // A view starting 3 elements into a buffer: the bytes around it must stay untouched.
    const buffer = new Float64Array(n + 6).fill(-1);
    ds.readInto(buffer.subarray(3, 3 + n));
    expect(buffer.subarray(3, 3 + n)).toEqual(data);
    expect([...buffer.subarray(0, 3), ...buffer.subarray(3 + n)]).toEqual([-1, -1, -1, -1, -1, -1]);
  });

  it("writes hyperslabs from the caller's array, strided too", () => {
    using file = fresh();
    const ds = file.root.createDataset("d", { dtype: "uint8", shape: [3, 4] });
    ds.write(new Uint8Array([9, 9]), { start: [1, 0], count: [1, 2], stride: [1, 3] });
    ds.write(new Uint8Array([7, 7, 7]), { start: [0, 3], count: [3, 1] });
    expect(Array.from(ds.read() as Uint8Array)).toEqual([0, 0, 0, 7, 9, 0, 0, 7, 0, 0, 0, 7]);
  });

  it("rejects a TypedArray of the wrong kind or size, naming the argument", () => {
    using file = fresh();
    const ds = file.root.createDataset("d", { dtype: "float32", shape: [2, 2] });
    expect(() => ds.write(new Float64Array(4))).toThrow(/data: must be a Float32Array for dtype float32, got Float64Array/);
    expect(() => ds.write(new Float32Array(3))).toThrow(/data: holds 3 float32 elements, the selection has 4/);
    expect(() => ds.readInto(new Int32Array(4))).toThrow(/target: must be a Float32Array/);
    expect(() => ds.readInto(new Float32Array(5))).toThrow(/target: holds 5/);
    expect(() => ds.write([1, 2, 3, 4] as never)).toThrow(H5ArgumentError);
    const c = file.root.createDataset("c", { dtype: "complex128", shape: [2] });
    expect(() => c.write(new Float64Array(3))).toThrow(/even number of floats/);
    const b = file.root.createDataset("b", { dtype: "int64", shape: [1] });
    expect(() => b.write(new Float64Array(1))).toThrow(/must be a BigInt64Array/);
  });

  it("rejects selections out of range, of the wrong rank, or negative", () => {
    using file = fresh();
    const ds = file.root.createDataset("d", { dtype: "float64", shape: [4, 5] });
    expect(() => ds.read({ start: [0, 3], count: [1, 3] })).toThrow(/selection\[1\]: start 3, count 3, stride 1 is out of range for extent 5/);
    expect(() => ds.read({ start: [4, 0], count: [1, 1] })).toThrow(/selection\[0\]/);
    expect(() => ds.read({ start: [0, 0], count: [2, 2], stride: [4, 1] })).toThrow(/stride 4 is out of range/);
    expect(() => ds.read({ start: [0], count: [1] })).toThrow(/selection.start: must have 2 dimension/);
    expect(() => ds.read({ start: [-1, 0], count: [1, 1] })).toThrow(/selection.start\[0\]: must be an integer >= 0/);
    expect(() => ds.read({ start: [0, 0], count: [1, 1], stride: [0, 1] })).toThrow(/selection.stride\[0\]: must be an integer >= 1/);
    expect(() => ds.read({ start: [0, 0], count: [1, 1], step: [1, 1] } as never)).toThrow(/unknown option "step"/);
  });

  it("refuses to read non-numeric datasets and says what they hold", () => {
    const path = tempPath();
    runPython(`
import sys, h5py, numpy as np
with h5py.File(sys.argv[1], "w") as f:
    f["s"] = np.array([b"ab", b"cd"])
    f["v"] = np.array(["x", "yz"], dtype=h5py.string_dtype())
    f["rec"] = np.zeros(2, dtype=[("a", "i4"), ("b", "f8")])
`, path);
    using file = H5File.open(path);
    const kinds = ["s", "v", "rec"].map((n) => file.root.openDataset(n).kind);
    expect(kinds).toEqual(["string", "vlen-string", "compound"]);
    const s = file.root.openDataset("s");
    expect(() => s.read()).toThrow(/holds string elements/);
    expect(() => s.dtype).toThrow(H5ArgumentError);
    expect(s.shape()).toEqual([2]);
  });
});

describe("openDataset with its own chunk cache", () => {
  it("reads and writes the same values with no cache, and keeps them when reopened", () => {
    const path = tempPath();
    const values = Float64Array.from({ length: 64 * 32 }, (_, i) => i * 0.5);
    {
      using file = H5File.create(path);
      file.root.createDataset("d", { dtype: "float64", shape: [64, 32], chunks: [4, 32] }).write(values);
    }
    using file = H5File.open(path, { mode: "r+" });
    const uncached = file.root.openDataset("d", { chunkCache: { slots: 0, bytes: 0, w0: 0 } });
    expect(uncached.read()).toEqual(values);
    uncached.write(Float64Array.of(-1, -2), { start: [3, 5], count: [1, 2] });
    expect(Array.from(uncached.read({ start: [3, 4], count: [1, 4] }) as Float64Array)).toEqual([values[3 * 32 + 4], -1, -2, values[3 * 32 + 7]]);
    uncached.close();
    const cached = file.root.openDataset("d", { chunkCache: { slots: 521, bytes: 1 << 20, w0: 0.75 } });
    expect(cached.read({ start: [3, 5], count: [1, 2] })).toEqual(Float64Array.of(-1, -2));
  });

  it("checks the cache and refuses it on a group", () => {
    using file = fresh();
    file.root.createDataset("d", { dtype: "int8", shape: [1] });
    file.root.createGroup("g");
    expect(() => file.root.openDataset("d", { chunkCache: { slots: 1, bytes: 1, w0: 2 } })).toThrow(/options.chunkCache.w0: must be a number from 0 to 1/);
    expect(() => file.root.openDataset("d", { chunkCache: { slots: -1, bytes: 1, w0: 0 } })).toThrow(/options.chunkCache.slots/);
    expect(() => file.root.openDataset("d", { cache: 1 } as never)).toThrow(/unknown option "cache"/);
    expect(() => file.root.openDataset("g", { chunkCache: { slots: 1, bytes: 0, w0: 0 } })).toThrow(/is a group, not a dataset/);
  });
});

describe("H5Dataset.resize / append", () => {
  it("appends rows along axis 0 in batches and reads them back", () => {
    using file = fresh();
    const ds = file.root.createDataset("d", { dtype: "float64", shape: [0, 3], maxshape: [null, 3], chunks: [4, 3] });
    ds.append(new Float64Array([1, 2, 3]));
    ds.append(new Float64Array([4, 5, 6, 7, 8, 9]), 2);
    ds.append(new Float64Array(0));
    expect(ds.shape()).toEqual([3, 3]);
    expect(ds.read()).toEqual(Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]));
    expect(() => ds.append(new Float64Array(4))).toThrow(/data: holds 4 elements, which is not a whole number of rows of 3/);
    expect(() => ds.append(new Float64Array(6), 3)).toThrow(/not 3 rows of 3/);
    expect(() => ds.append(new Float32Array(3))).toThrow(/must be a Float64Array/);
    expect(() => ds.append(new Float64Array(3), -1)).toThrow(/rows: must be an integer >= 0/);
  });

  it("appends 64-bit integers and 1-d rows", () => {
    using file = fresh();
    const ds = file.root.createDataset("d", { dtype: "int64", shape: [0], maxshape: [null], chunks: "auto" });
    ds.append(new BigInt64Array([-(2n ** 62n), 5n]));
    ds.append(new BigInt64Array([7n]));
    expect(ds.read()).toEqual(new BigInt64Array([-(2n ** 62n), 5n, 7n]));
  });

  it("fails with an H5Error when appending beyond a fixed maxshape", () => {
    using file = fresh();
    const ds = file.root.createDataset("d", { dtype: "int8", shape: [1], maxshape: [2], chunks: [1] });
    ds.append(new Int8Array([1]));
    expect(() => ds.append(new Int8Array([2]))).toThrow(H5Error);
    expect(ds.shape()).toEqual([2]);
  });

  it("resizes within maxshape, new elements reading as the fill value", () => {
    using file = fresh();
    const ds = file.root.createDataset("d", { dtype: "int32", shape: [2, 2], maxshape: [null, 4], chunks: [2, 2], fillValue: -1 });
    ds.write(new Int32Array([1, 2, 3, 4]));
    ds.resize([3, 3]);
    expect(Array.from(ds.read() as Int32Array)).toEqual([1, 2, -1, 3, 4, -1, -1, -1, -1]);
    ds.resize([1, 2]);
    expect(Array.from(ds.read() as Int32Array)).toEqual([1, 2]);
    ds.append(new Int32Array([8, 9]));
    expect(Array.from(ds.read() as Int32Array)).toEqual([1, 2, 8, 9]);
    expect(() => ds.resize([1, 5])).toThrow(/shape\[1\]: 5 exceeds maxshape\[1\] = 4/);
    expect(() => ds.resize([1])).toThrow(/shape: must have 2 dimension/);
    expect(() => ds.resize([-1, 2])).toThrow(/shape\[0\]/);
  });
});

describe("64-bit extents", () => {
  it("addresses offsets beyond 2^32 elements without overflow", () => {
    using file = fresh();
    const n = 2 ** 33 + 10;
    const ds = file.root.createDataset("huge", { dtype: "uint8", shape: [n], chunks: [1024] });
    expect(ds.shape()).toEqual([n]);
    ds.write(new Uint8Array([1, 2, 3]), { start: [2 ** 33 + 5], count: [3] });
    expect(ds.read({ start: [2 ** 33 + 4], count: [5] })).toEqual(new Uint8Array([0, 1, 2, 3, 0]));
    expect(ds.read({ start: [2 ** 31 - 1], count: [2] })).toEqual(new Uint8Array([0, 0]));
    expect(ds.storageSize()).toBe(1024);
    expect(() => ds.read({ start: [n], count: [1] })).toThrow(/out of range for extent 8589934602/);
  });

  it("grows an unlimited dataset past 2^32 rows with resize and appends there", () => {
    using file = fresh();
    const ds = file.root.createDataset("d", { dtype: "uint8", shape: [0], maxshape: [null], chunks: [4096] });
    ds.resize([2 ** 32 + 1]);
    ds.append(new Uint8Array([42]));
    expect(ds.shape()).toEqual([2 ** 32 + 2]);
    expect(ds.read({ start: [2 ** 32 + 1], count: [1] })).toEqual(new Uint8Array([42]));
  });
});
