/**
 * Writes that cover whole chunks skip the chunk cache (H5Dwrite_chunk). Every case checks the
 * stored values against an independent model of the array, through our reader and h5py, for
 * the selections that take that path, those that take it in part, and those that must not.
 */
import { describe, expect, it } from "vitest";
import { H5Error, H5File } from "../src/index.js";
import type { H5Dataset } from "../src/index.js";
import { tempPath } from "@pymodaq-ts/test-support";
import { pythonJson, runPython } from "./python.js";

/** A C-order model of an array, updated by the same hyperslab writes as the dataset. */
class Model {
  readonly values: number[];
  constructor(readonly shape: number[]) {
    this.values = new Array<number>(shape.reduce((a, b) => a * b, 1)).fill(0);
  }
  write(data: ArrayLike<number>, start: number[], count: number[]): void {
    const index = new Array<number>(count.length).fill(0);
    for (let k = 0; k < data.length; k++) {
      let flat = 0;
      for (let d = 0; d < count.length; d++) flat = flat * (this.shape[d] as number) + (start[d] as number) + (index[d] as number);
      this.values[flat] = data[k] as number;
      for (let d = count.length - 1; d >= 0 && ++(index[d] as number) === count[d]; d--) index[d] = 0;
    }
  }
}

const ramp = (n: number, from: number) => Float64Array.from({ length: n }, (_, i) => from + i);
const product = (dims: number[]) => dims.reduce((a, b) => a * b, 1);

/** Writes `count` at `start` in both, from distinct values. */
function writeBoth(ds: H5Dataset, model: Model, start: number[], count: number[], from: number): void {
  const data = ramp(product(count), from);
  ds.write(data, { start, count });
  model.write(data, start, count);
}

function h5pyValues(path: string, name: string): number[] {
  return pythonJson<number[]>("import h5py, sys, json\nwith h5py.File(sys.argv[1], 'r') as f: print(json.dumps(f[sys.argv[2]][()].ravel().tolist()))", path, name);
}

/**
 * Makes a file with h5py (`h5py.File(path, <fileArgs>)`, one `create_dataset(<spec>)` per spec),
 * then writes `data` whole into each of those datasets through us. @returns the file's path
 */
function writeH5pyDatasets(fileArgs: string, specs: string[], data: Float64Array): string {
  const path = tempPath();
  const creates = specs.map((spec) => `    f.create_dataset(${spec})\n`).join("");
  runPython(`import h5py, sys\nwith h5py.File(sys.argv[1], ${fileArgs}) as f:\n${creates}`, path);
  using file = H5File.open(path, { mode: "r+" });
  for (const spec of specs) file.root.openDataset(spec.slice(1, spec.indexOf("'", 1))).write(data);
  return path;
}

describe("whole-chunk writes", () => {
  it("store every value of full, partial and overlapping selections, read back by us and by h5py", () => {
    const path = tempPath();
    // [shape, chunks, selections as [start, count]]: chunks spanning the inner axes (whole and
    // with rows left over), chunks one wide before the axis they span (a row of chunks per index),
    // and chunks narrower than the selection along an inner axis (the usual path).
    const cases: [number[], number[], [number[], number[]][]][] = [
      [[16, 6], [4, 6], [[[0, 0], [16, 6]]]],
      [[21, 6], [4, 6], [[[0, 0], [21, 6]], [[4, 0], [13, 6]], [[8, 0], [4, 6]]]],
      [[3, 10, 4], [1, 4, 4], [[[0, 0, 0], [3, 10, 4]], [[1, 4, 0], [2, 4, 4]]]],
      [[8, 6], [4, 3], [[[0, 0], [8, 6]], [[4, 3], [4, 3]]]],
      [[40], [8], [[[0], [40]], [[8], [19]], [[3], [8]]]],
    ];
    const models: Model[] = [];
    {
      using file = H5File.create(path);
      cases.forEach(([shape, chunks, selections], c) => {
        const ds = file.root.createDataset(`d${c}`, { dtype: "float64", shape, chunks });
        const model = new Model(shape);
        selections.forEach(([start, count], s) => writeBoth(ds, model, start, count, 1000 * (s + 1)));
        expect(Array.from(ds.read() as Float64Array)).toEqual(model.values);
        models.push(model);
      });
    }
    using file = H5File.open(path);
    cases.forEach((_, c) => {
      expect(Array.from(file.root.openDataset(`d${c}`).read() as Float64Array)).toEqual(models[c]?.values);
      expect(h5pyValues(path, `d${c}`)).toEqual(models[c]?.values);
    });
  });

  it("replace a chunk the cache holds written in part, and are overwritten in part in turn", () => {
    using file = H5File.create(tempPath());
    const ds = file.root.createDataset("d", { dtype: "float64", shape: [12, 5], chunks: [4, 5] });
    const model = new Model([12, 5]);
    writeBoth(ds, model, [1, 1], [2, 3], 500); // a dirty, partly written chunk in the cache
    writeBoth(ds, model, [0, 0], [8, 5], 0); // whole chunks over it
    writeBoth(ds, model, [5, 2], [1, 2], 900); // a part of a chunk just written whole
    writeBoth(ds, model, [4, 0], [8, 5], 100);
    expect(Array.from(ds.read() as Float64Array)).toEqual(model.values);
  });

  it("overwrite chunks allocated at creation, around the fill value of the rest", () => {
    using file = H5File.create(tempPath());
    const ds = file.root.createDataset("d", { dtype: "float64", shape: [10, 3], chunks: [4, 3], allocTime: "early", fillValue: -5 });
    const model = new Model([10, 3]);
    model.values.fill(-5);
    writeBoth(ds, model, [4, 0], [4, 3], 10);
    writeBoth(ds, model, [0, 0], [6, 3], 50);
    expect(Array.from(ds.read() as Float64Array)).toEqual(model.values);
  });

  it("append batches of whole chunks, aligned or not, to a growable dataset", () => {
    using file = H5File.create(tempPath());
    const ds = file.root.createDataset("d", { dtype: "int32", shape: [0, 3], maxshape: [null, 3], chunks: [4, 3] });
    const expected: number[] = [];
    for (const [rows, from] of [[8, 0], [3, 100], [9, 200], [4, 300]] as const) {
      const data = Int32Array.from({ length: rows * 3 }, (_, i) => from + i);
      ds.append(data, rows);
      expected.push(...data);
    }
    expect(ds.shape()).toEqual([24, 3]);
    expect(Array.from(ds.read() as Int32Array)).toEqual(expected);
  });

  it("keep every dtype's bytes, booleans and complex numbers included", () => {
    using file = H5File.create(tempPath());
    const flags = Uint8Array.from({ length: 16 }, (_, i) => (i % 3 === 0 ? 1 : 0));
    for (const boolEncoding of ["bitfield", "enum"] as const) {
      const bools = file.root.createDataset(`b-${boolEncoding}`, { dtype: "bool", shape: [16], chunks: [4], boolEncoding });
      bools.write(flags);
      expect(Array.from(bools.read() as Uint8Array)).toEqual(Array.from(flags));
    }
    const complex = file.root.createDataset("c", { dtype: "complex128", shape: [4, 2], chunks: [2, 2] });
    const pairs = Float64Array.from({ length: 16 }, (_, i) => i - 7.5);
    complex.write(pairs);
    expect(complex.read()).toEqual(pairs);
    const bigints = file.root.createDataset("u", { dtype: "uint64", shape: [6], chunks: [3] });
    const big = BigUint64Array.from([1n, 2n ** 63n, 3n, 2n ** 64n - 1n, 0n, 42n]);
    bigints.write(big);
    expect(bigints.read()).toEqual(big);
  });

  it("leave datasets that need a conversion or a filter to H5Dwrite: big-endian and compressed", () => {
    const data = ramp(32, 0.25);
    const path = writeH5pyDatasets(
      "'w'",
      ["'be', shape=(8, 4), chunks=(2, 4), dtype='>f8'", "'gz', shape=(8, 4), chunks=(2, 4), dtype='<f8', compression='gzip'"],
      data,
    );
    expect(h5pyValues(path, "be")).toEqual(Array.from(data));
    expect(h5pyValues(path, "gz")).toEqual(Array.from(data));
  });

  it("go into every chunk index of libhdf5 1.10: files written with h5py's libver 'latest'", () => {
    const data = ramp(32, 7);
    // Fixed array (fixed shape), extensible array (one unlimited axis), v2 B-tree (two).
    const path = writeH5pyDatasets(
      "'w', libver='latest'",
      [
        "'fixed', shape=(8, 4), chunks=(2, 4), dtype='<f8'",
        "'ext', shape=(8, 4), maxshape=(None, 4), chunks=(2, 4), dtype='<f8'",
        "'bt2', shape=(8, 4), maxshape=(None, None), chunks=(2, 4), dtype='<f8'",
      ],
      data,
    );
    {
      using file = H5File.open(path, { mode: "r+" });
      file.root.openDataset("ext").append(ramp(8, 100), 2);
    }
    expect(h5pyValues(path, "fixed")).toEqual(Array.from(data));
    expect(h5pyValues(path, "bt2")).toEqual(Array.from(data));
    expect(h5pyValues(path, "ext")).toEqual([...data, ...ramp(8, 100)]);
  });

  it("fail with libhdf5's error in a file opened read-only", () => {
    const path = tempPath();
    {
      using file = H5File.create(path);
      file.root.createDataset("d", { dtype: "float64", shape: [8, 4], chunks: [2, 4] });
    }
    using file = H5File.open(path);
    expect(() => file.root.openDataset("d").write(ramp(32, 0))).toThrow(H5Error);
  });
});
