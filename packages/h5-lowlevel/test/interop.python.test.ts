/**
 * Files written by the binding read correctly with Debian's h5py and PyTables (python3 via
 * child_process): values of every dtype, attributes in both string flavours, PyTables' own node
 * classes (CARRAY, EARRAY, VLARRAY) when their system attributes are written.
 */
import { describe, expect, it } from "vitest";
import { H5File } from "../src/index.js";
import { tempPath } from "@pymodaq-ts/test-support";
import { pythonJson } from "./python.js";

describe("interop with h5py", () => {
  it("reads every dtype, shape, chunking, filter and attribute written here", () => {
    const path = tempPath();
    {
      using file = H5File.create(path);
      const g = file.root.createGroup("RawData/Data1D", { createIntermediate: true });
      g.createDataset("f64", { dtype: "float64", shape: [2, 2] }).write(new Float64Array([1.5, NaN, -Infinity, 1e-300]));
      g.createDataset("f32", { dtype: "float32", shape: [2] }).write(new Float32Array([0.25, -3]));
      g.createDataset("i8", { dtype: "int8", shape: [2] }).write(new Int8Array([-128, 127]));
      g.createDataset("u16", { dtype: "uint16", shape: [1] }).write(new Uint16Array([65535]));
      g.createDataset("i32", { dtype: "int32", shape: [1] }).write(new Int32Array([-5]));
      g.createDataset("u32", { dtype: "uint32", shape: [1] }).write(new Uint32Array([4e9]));
      g.createDataset("i64", { dtype: "int64", shape: [1] }).write(new BigInt64Array([-(2n ** 62n)]));
      g.createDataset("u64", { dtype: "uint64", shape: [1] }).write(new BigUint64Array([2n ** 63n]));
      g.createDataset("c128", { dtype: "complex128", shape: [1] }).write(new Float64Array([1, -2]));
      g.createDataset("b", { dtype: "bool", shape: [2] }).write(new Uint8Array([1, 0]));
      g.createDataset("benum", { dtype: "bool", shape: [2], boolEncoding: "enum" }).write(new Uint8Array([0, 1]));
      const e = g.createDataset("grow", { dtype: "float64", shape: [0, 2], maxshape: [null, 2], shuffle: true, deflate: 4 });
      e.append(new Float64Array([1, 2, 3, 4]));
      g.attrs.set("fixed", "µ ok");
      g.attrs.set("vlen", "☃", { storage: "vlen" });
      g.attrs.set("empty", "");
      g.attrs.set("n", 3);
      g.attrs.set("arr", new Float64Array([1, 2]));
    }
    const seen = pythonJson<Record<string, unknown>>(`
import sys, json, h5py, numpy as np
out = {}
with h5py.File(sys.argv[1], "r") as f:
    g = f["RawData/Data1D"]
    for name, ds in g.items():
        v = ds[()]
        if np.iscomplexobj(v): v = [[float(x.real), float(x.imag)] for x in v.ravel()]
        elif v.dtype == bool: v = [bool(x) for x in v.ravel()]
        else: v = [repr(x.item()) for x in v.ravel()]
        out[name] = {"dtype": str(ds.dtype), "shape": list(ds.shape), "maxshape": list(ds.maxshape),
                     "chunks": list(ds.chunks) if ds.chunks else None, "compression": ds.compression,
                     "shuffle": ds.shuffle, "v": v}
    out["attrs"] = {k: (a.decode() if isinstance(a, bytes) else a.tolist() if hasattr(a, "tolist") else str(a)) for k, a in g.attrs.items() if k != "empty"}
    out["empty"] = str(type(g.attrs.get("empty")).__name__)
print(json.dumps(out))
`, path);
    expect(seen.f64).toMatchObject({ dtype: "float64", shape: [2, 2], chunks: null, v: ["1.5", "nan", "-inf", "1e-300"] });
    expect(seen.f32).toMatchObject({ dtype: "float32", v: ["0.25", "-3.0"] });
    expect(seen.i8).toMatchObject({ dtype: "int8", v: ["-128", "127"] });
    expect(seen.u16).toMatchObject({ dtype: "uint16", v: ["65535"] });
    expect(seen.i32).toMatchObject({ dtype: "int32", v: ["-5"] });
    expect(seen.u32).toMatchObject({ dtype: "uint32", v: ["4000000000"] });
    expect(seen.i64).toMatchObject({ dtype: "int64", v: [String(-(2n ** 62n))] });
    expect(seen.u64).toMatchObject({ dtype: "uint64", v: [String(2n ** 63n)] });
    expect(seen.c128).toMatchObject({ dtype: "complex128", v: [[1, -2]] });
    // h5py maps PyTables' 8-bit bitfield to uint8 and its own enum to bool.
    expect(seen.b).toMatchObject({ dtype: "uint8", v: ["1", "0"] });
    expect(seen.benum).toMatchObject({ dtype: "bool", v: [false, true] });
    expect(seen.grow).toMatchObject({ shape: [2, 2], maxshape: [null, 2], chunks: [4096, 2], compression: "gzip", shuffle: true, v: ["1.0", "2.0", "3.0", "4.0"] });
    expect(seen.attrs).toEqual({ fixed: "µ ok", vlen: "☃", n: 3, arr: [1, 2] });
    expect(seen.empty).toBe("Empty");
  });
});

describe("interop with PyTables", () => {
  it("sees CARRAY, EARRAY and VLARRAY nodes with their titles and data", () => {
    const path = tempPath();
    {
      using file = H5File.create(path);
      const root = file.root;
      for (const [k, v] of [["CLASS", "GROUP"], ["TITLE", "PyMoDAQ file"], ["VERSION", "1.0"], ["PYTABLES_FORMAT_VERSION", "2.1"]]) root.attrs.set(k as string, v as string);
      const raw = root.createGroup("RawData");
      raw.attrs.set("CLASS", "GROUP");
      raw.attrs.set("TITLE", "");
      raw.attrs.set("VERSION", "1.0");
      const carray = raw.createDataset("Data00", { dtype: "float64", shape: [3], maxshape: [8192], chunks: [8192] });
      carray.write(new Float64Array([1, 2, 3]));
      carray.attrs.set("CLASS", "CARRAY", { cset: "ascii" });
      carray.attrs.set("TITLE", "données", { cset: "ascii" });
      carray.attrs.set("VERSION", "1.1", { cset: "ascii" });
      const earray = raw.createDataset("EnlData00", { dtype: "int32", shape: [0, 2], maxshape: [null, 2], chunks: "auto", shuffle: true, deflate: 5 });
      earray.append(new Int32Array([1, 2, 3, 4, 5, 6]));
      earray.attrs.set("CLASS", "EARRAY", { cset: "ascii" });
      earray.attrs.set("EXTDIM", 0, { dtype: "int32" });
      earray.attrs.set("TITLE", "", { cset: "ascii" });
      earray.attrs.set("VERSION", "1.1", { cset: "ascii" });
      const log = raw.createVlenUint8("Logger", { chunks: [65536], shuffle: true, deflate: 5 });
      log.append([new Uint8Array([104, 105]), new Uint8Array([])]);
      log.attrs.set("CLASS", "VLARRAY");
      log.attrs.set("TITLE", "");
      log.attrs.set("VERSION", "1.4");
    }
    const seen = pythonJson<Record<string, unknown>>(`
import sys, json, tables
out = {}
with tables.open_file(sys.argv[1], "r") as f:
    out["title"] = f.title
    for node in f.walk_nodes("/RawData"):
        entry = {"class": node._v_attrs.CLASS, "title": node._v_title}
        if isinstance(node, tables.VLArray):
            entry["rows"] = [list(map(int, r)) for r in node.read()]
        elif isinstance(node, tables.Array):
            entry["shape"] = list(node.shape)
            entry["data"] = node.read().ravel().tolist()
            entry["filters"] = [node.filters.complevel, node.filters.shuffle]
        out[node._v_pathname] = entry
print(json.dumps(out, default=lambda o: o.item()))
`, path);
    expect(seen).toEqual({
      title: "PyMoDAQ file",
      "/RawData": { class: "GROUP", title: "" },
      "/RawData/Data00": { class: "CARRAY", title: "données", shape: [3], data: [1, 2, 3], filters: [0, false] },
      "/RawData/EnlData00": { class: "EARRAY", title: "", shape: [3, 2], data: [1, 2, 3, 4, 5, 6], filters: [5, true] },
      "/RawData/Logger": { class: "VLARRAY", title: "", rows: [[104, 105], []] },
    });
  });
});
