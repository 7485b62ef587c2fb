import { describe, expect, it } from "vitest";
import { DTYPES, H5ArgumentError, H5File, typedArrayFor, type Dtype } from "../src/index.js";
import { tempPath } from "@pymodaq-ts/test-support";
import { pythonJson } from "./python.js";

function fresh(): H5File {
  return H5File.create(tempPath());
}

function sample(dtype: Dtype, n: number) {
  const arr = typedArrayFor(dtype, n);
  for (let i = 0; i < arr.length; i++) {
    if (arr instanceof BigInt64Array || arr instanceof BigUint64Array) arr[i] = BigInt(i * 3 + 1);
    else arr[i] = dtype === "bool" ? i % 2 : i * 3 + 1;
  }
  return arr;
}

describe("H5Group.createDataset: dtypes", () => {
  for (const dtype of DTYPES) {
    it(`round-trips ${dtype}`, () => {
      const path = tempPath();
      {
        using file = H5File.create(path);
        const ds = file.root.createDataset("d", { dtype, shape: [2, 3] });
        expect(ds.kind).toBe(dtype);
        expect(ds.dtype).toBe(dtype);
        ds.write(sample(dtype, 6));
      }
      // A new dataset takes its kind and dtype from the options: the file must say the same.
      using file = H5File.open(path);
      const ds = file.root.openDataset("d");
      expect(ds.kind).toBe(dtype);
      expect(ds.dtype).toBe(dtype);
      expect(ds.shape()).toEqual([2, 3]);
      expect(ds.read()).toEqual(sample(dtype, 6));
    });
  }

  it("stores bool as a PyTables bitfield by default and as h5py's enum on request", () => {
    const path = tempPath();
    {
      using file = H5File.create(path);
      file.root.createDataset("bits", { dtype: "bool", shape: [3] }).write(new Uint8Array([1, 0, 1]));
      file.root.createDataset("enum", { dtype: "bool", shape: [3], boolEncoding: "enum" }).write(new Uint8Array([0, 1, 1]));
    }
    {
      using file = H5File.open(path);
      for (const name of ["bits", "enum"]) expect([file.root.openDataset(name).kind, file.root.openDataset(name).dtype]).toEqual(["bool", "bool"]);
    }
    const seen = pythonJson<Record<string, [string, boolean[]]>>(`
import sys, json, h5py
with h5py.File(sys.argv[1], "r") as f:
    out = {n: [str(f[n].id.get_type().get_class()), [bool(x) for x in f[n][()]]] for n in ("bits", "enum")}
print(json.dumps(out))
`, path);
    expect(seen.bits?.[1]).toEqual([true, false, true]);
    expect(seen.enum).toEqual([String(8), [false, true, true]]);
    expect(seen.bits?.[0]).toBe(String(4));
  });

  it("stores complex as the compound {r, i}", () => {
    const path = tempPath();
    {
      using file = H5File.create(path);
      file.root.createDataset("c", { dtype: "complex64", shape: [2] }).write(new Float32Array([1, -1, 0.5, 2]));
    }
    const names = pythonJson<string[]>(`
import sys, json, h5py
with h5py.File(sys.argv[1], "r") as f:
    t = f["c"].id.get_type()
    print(json.dumps([t.get_member_name(i).decode() for i in range(t.get_nmembers())] + [str(f["c"][1])]))
`, path);
    expect(names).toEqual(["r", "i", "(0.5+2j)"]);
  });

  it("supports scalar (rank 0) datasets", () => {
    using file = fresh();
    const ds = file.root.createDataset("s", { dtype: "float64", shape: [] });
    ds.write(new Float64Array([2.5]));
    expect(ds.shape()).toEqual([]);
    expect(ds.read()).toEqual(new Float64Array([2.5]));
    expect(ds.layout()).toBe("contiguous");
    expect(() => ds.read({ start: [], count: [] })).toThrow(/scalar dataset has no hyperslabs/);
    expect(() => ds.append(new Float64Array([1]))).toThrow(/cannot append to the scalar dataset/);
  });
});

describe("H5Group.createDataset: layout, maxshape, chunks, filters, fill", () => {
  it("is contiguous when fixed and unfiltered, with maxshape equal to shape", () => {
    using file = fresh();
    const ds = file.root.createDataset("d", { dtype: "int32", shape: [4, 5] });
    expect(ds.layout()).toBe("contiguous");
    expect(ds.chunks()).toBeNull();
    expect(ds.maxshape()).toEqual([4, 5]);
    expect(ds.filters()).toEqual([]);
  });

  it("chunks automatically when a dimension is unlimited or a filter is set", () => {
    using file = fresh();
    const grow = file.root.createDataset("grow", { dtype: "float64", shape: [0, 256], maxshape: [null, 256] });
    expect(grow.layout()).toBe("chunked");
    expect(grow.chunks()).toEqual([32, 256]);
    expect(grow.maxshape()).toEqual([null, 256]);
    const packed = file.root.createDataset("packed", { dtype: "float64", shape: [10], deflate: 5 });
    expect(packed.chunks()).toEqual([10]);
  });

  it("uses explicit chunks and maxshape (several unlimited dimensions)", () => {
    using file = fresh();
    const ds = file.root.createDataset("d", { dtype: "uint16", shape: [3, 4], maxshape: [null, null], chunks: [2, 2] });
    expect(ds.chunks()).toEqual([2, 2]);
    expect(ds.maxshape()).toEqual([null, null]);
    const tables = file.root.createDataset("t", { dtype: "float64", shape: [8], maxshape: [8192], chunks: [8192] });
    expect(tables.maxshape()).toEqual([8192]);
    expect(tables.chunks()).toEqual([8192]);
  });

  it("applies shuffle before deflate, as PyTables does", () => {
    using file = fresh();
    const ds = file.root.createDataset("d", { dtype: "float64", shape: [1000], chunks: [100], shuffle: true, deflate: 5 });
    expect(ds.filters()).toEqual([
      { name: "shuffle", id: 2, params: [8] },
      { name: "deflate", id: 1, params: [5] },
    ]);
    ds.write(new Float64Array(1000).fill(1));
    file.flush();
    expect(ds.storageSize()).toBeLessThan(8000 / 4);
  });

  it("fills unwritten elements with the fill value", () => {
    using file = fresh();
    const ds = file.root.createDataset("d", { dtype: "int16", shape: [4], fillValue: -7 });
    ds.write(new Int16Array([1, 2]), { start: [1], count: [2] });
    expect(ds.read()).toEqual(new Int16Array([-7, 1, 2, -7]));
    const big = file.root.createDataset("b", { dtype: "uint64", shape: [2], fillValue: 2n ** 64n - 1n });
    expect(big.read()).toEqual(new BigUint64Array([2n ** 64n - 1n, 2n ** 64n - 1n]));
    const c = file.root.createDataset("c", { dtype: "complex128", shape: [1], fillValue: 3 });
    expect(c.read()).toEqual(new Float64Array([3, 0]));
  });

  it("honours fill time and allocation time", () => {
    using file = fresh();
    const early = file.root.createDataset("early", { dtype: "float64", shape: [1024], chunks: [256], allocTime: "early", fillTime: "alloc" });
    expect(early.storageSize()).toBe(8192);
    const late = file.root.createDataset("late", { dtype: "float64", shape: [1024], chunks: [256], allocTime: "incr" });
    expect(late.storageSize()).toBe(0);
    late.write(new Float64Array(256).fill(1), { start: [0], count: [256] });
    expect(late.storageSize()).toBe(2048);
    const never = file.root.createDataset("never", { dtype: "int8", shape: [4], fillTime: "never", fillValue: 0 });
    never.write(new Int8Array([1, 2, 3, 4]));
    expect(never.read()).toEqual(new Int8Array([1, 2, 3, 4]));
  });
});

describe("H5Group.createDataset: argument errors", () => {
  it("rejects bad options before libhdf5, naming the argument", () => {
    using file = fresh();
    const g = file.root;
    expect(() => g.createDataset("d", { dtype: "float16", shape: [1] } as never)).toThrow(/options.dtype: unknown dtype "float16"/);
    expect(() => g.createDataset("d", { dtype: "float64", shape: [-1] })).toThrow(/options.shape\[0\]: must be an integer >= 0/);
    expect(() => g.createDataset("d", { dtype: "float64", shape: [1.5] })).toThrow(/options.shape\[0\]/);
    expect(() => g.createDataset("d", { dtype: "float64", shape: [2 ** 53] })).toThrow(/options.shape\[0\]/);
    expect(() => g.createDataset("d", { dtype: "float64", shape: [4], maxshape: [2] })).toThrow(/options.maxshape\[0\]: 2 is smaller/);
    expect(() => g.createDataset("d", { dtype: "float64", shape: [4], maxshape: [4, 4] })).toThrow(/options.maxshape: must be an array of 1/);
    expect(() => g.createDataset("d", { dtype: "float64", shape: [4], chunks: [8] })).toThrow(/options.chunks\[0\]: 8 exceeds/);
    expect(() => g.createDataset("d", { dtype: "float64", shape: [4], chunks: [0] })).toThrow(/options.chunks\[0\]: must be an integer >= 1/);
    expect(() => g.createDataset("d", { dtype: "float64", shape: [], chunks: "auto" })).toThrow(/scalar dataset cannot be chunked/);
    expect(() => g.createDataset("d", { dtype: "float64", shape: [4], deflate: 10 })).toThrow(/options.deflate: must be an integer from 0 to 9/);
    expect(() => g.createDataset("d", { dtype: "float64", shape: [4], shuffle: 1 } as never)).toThrow(/options.shuffle: must be a boolean/);
    expect(() => g.createDataset("d", { dtype: "float64", shape: [4], fillTime: "sometimes" } as never)).toThrow(/options.fillTime/);
    expect(() => g.createDataset("d", { dtype: "float64", shape: [4], fillValue: "0" } as never)).toThrow(/options.fillValue/);
    expect(() => g.createDataset("d", { dtype: "uint8", shape: [4], fillValue: 300 })).toThrow(/options.fillValue: 300 is not representable/);
    expect(() => g.createDataset("d", { dtype: "float64", shape: [4], compression: "gzip" } as never)).toThrow(/unknown option "compression"/);
    expect(() => g.createDataset("d", undefined as never)).toThrow(H5ArgumentError);
    expect(g.children()).toEqual([]);
    g.createDataset("d", { dtype: "float64", shape: [4] });
    expect(() => g.createDataset("d", { dtype: "float64", shape: [4] })).toThrow(/name: \/d in .* already exists/);
    // Taken by any kind of object, through a nested path too; nothing is replaced.
    g.createGroup("sub").createGroup("inner");
    expect(() => g.createDataset("sub", { dtype: "float64", shape: [4] })).toThrow(/name: \/sub in .* already exists/);
    expect(() => g.createDataset("sub/inner", { dtype: "float64", shape: [4] })).toThrow(/name: \/sub\/inner in .* already exists/);
    expect(() => g.createVlenUint8("d", { chunks: [16] })).toThrow(/name: \/d in .* already exists/);
    expect(g.openDataset("d").shape()).toEqual([4]);
    expect(g.kindOf("sub/inner")).toBe("group");
  });
});
