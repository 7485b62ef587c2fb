import { describe, expect, it } from "vitest";
import { H5ArgumentError, H5File, type NumericAttrOptions } from "../src/index.js";
import { tempPath } from "@pymodaq-ts/test-support";
import { runPython } from "./python.js";

function fresh(): H5File {
  return H5File.create(tempPath());
}

describe("attrs.set / getRaw: strings", () => {
  it("writes PyTables-style fixed-length UTF-8 strings sized to their bytes", () => {
    using file = fresh();
    const attrs = file.root.createGroup("g").attrs;
    attrs.set("TITLE", "données µ");
    expect(attrs.getRaw("TITLE")).toEqual({ h5type: "string(fixed,11,utf8)", space: "scalar", value: "données µ" });
    expect(attrs.get("TITLE")).toBe("données µ");
    attrs.set("CLASS", "CARRAY", { cset: "ascii" });
    expect(attrs.getRaw("CLASS")).toEqual({ h5type: "string(fixed,6,ascii)", space: "scalar", value: "CARRAY" });
  });

  it("stores an empty fixed string as a NULL dataspace of size 1 unless told otherwise", () => {
    using file = fresh();
    const attrs = file.root.attrs;
    attrs.set("empty", "");
    expect(attrs.getRaw("empty")).toEqual({ h5type: "string(fixed,1,utf8)", space: "null", value: null });
    expect(attrs.get("empty")).toBe("");
    attrs.set("scalarEmpty", "", { emptyAsNull: false });
    expect(attrs.getRaw("scalarEmpty")).toEqual({ h5type: "string(fixed,1,utf8)", space: "scalar", value: "" });
  });

  it("writes h5py-style variable-length strings, empty ones as scalars", () => {
    using file = fresh();
    const attrs = file.root.attrs;
    attrs.set("v", "☃ snow", { storage: "vlen" });
    attrs.set("va", "plain", { storage: "vlen", cset: "ascii" });
    attrs.set("ve", "", { storage: "vlen" });
    expect(attrs.getRaw("v")).toEqual({ h5type: "string(vlen,utf8)", space: "scalar", value: "☃ snow" });
    expect(attrs.getRaw("va")).toEqual({ h5type: "string(vlen,ascii)", space: "scalar", value: "plain" });
    expect(attrs.getRaw("ve")).toEqual({ h5type: "string(vlen,utf8)", space: "scalar", value: "" });
  });

  it("overwrites by delete + create, so type and size follow the new value", () => {
    using file = fresh();
    const attrs = file.root.attrs;
    attrs.set("x", "a long first value");
    attrs.set("x", "short");
    expect(attrs.getRaw("x").h5type).toBe("string(fixed,5,utf8)");
    attrs.set("x", 1.5);
    expect(attrs.getRaw("x")).toEqual({ h5type: "float64", space: "scalar", value: 1.5 });
    expect(attrs.names()).toEqual(["x"]);
  });

  it("rejects bad options and values with argument errors", () => {
    using file = fresh();
    const attrs = file.root.attrs;
    expect(() => attrs.set("s", "x", { storage: "fixd" } as never)).toThrow(/options.storage: must be one of/);
    expect(() => attrs.set("s", "x", { encoding: "utf8" } as never)).toThrow(/unknown option "encoding"/);
    expect(() => attrs.set("s", "a\0b")).toThrow(/value: must not contain NUL/);
    expect(() => attrs.set("", "x")).toThrow(H5ArgumentError);
    expect(() => attrs.set("o", {} as never)).toThrow(/unsupported attribute value/);
    expect(attrs.names()).toEqual([]);
  });
});

describe("attrs.setStrings", () => {
  it("writes each entry as set() would, in order, overwriting existing ones", () => {
    using file = fresh();
    const viaSet = file.root.createGroup("a").attrs;
    const viaMany = file.root.createGroup("b").attrs;
    viaMany.set("units", "old value, longer than the new one");
    const entries = [["TITLE", "données µ"], ["empty", ""], ["units", "mm"]] as const;
    for (const [name, value] of entries) viaSet.set(name, value, { cset: "ascii" });
    viaMany.setStrings(entries, { cset: "ascii" });
    for (const [name] of entries) expect(viaMany.getRaw(name)).toEqual(viaSet.getRaw(name));
    expect(viaMany.getRaw("empty")).toEqual({ h5type: "string(fixed,1,ascii)", space: "null", value: null });
    viaMany.setStrings([["v", "x"]], { storage: "vlen" });
    expect(viaMany.getRaw("v").h5type).toBe("string(vlen,utf8)");
    viaMany.setStrings([]);
    expect(viaMany.names().sort()).toEqual(["TITLE", "empty", "units", "v"]);
  });

  it("checks every entry before writing anything", () => {
    using file = fresh();
    const attrs = file.root.createGroup("g").attrs;
    expect(() => attrs.setStrings([["a", "1"], ["b", "nul\0"]])).toThrow(/value of b: must not contain NUL/);
    expect(() => attrs.setStrings([["a", "1"], ["", "2"]])).toThrow(/name: must be a non-empty string/);
    expect(() => attrs.setStrings([["a", 3 as never]])).toThrow(/value of a: must be a string/);
    expect(() => attrs.setStrings([["a"] as never])).toThrow(/entries: must be an array of \[name, value\] pairs/);
    expect(() => attrs.setStrings("a" as never)).toThrow(H5ArgumentError);
    expect(() => attrs.setStrings([["a", "1"]], { cset: "latin1" as never })).toThrow(/options.cset/);
    expect(attrs.names()).toEqual([]);
  });

  it("is a clear error on a closed node", () => {
    using file = fresh();
    const g = file.root.createGroup("g");
    const attrs = g.attrs;
    g.close();
    expect(() => attrs.setStrings([["a", "1"]])).toThrow(/closed/);
  });

  // The addon reuses one string type per (cset, size) up to 256 bytes and one scalar and one
  // NULL dataspace across all writes: every combination must still come back as written.
  it("keeps sizes, csets, storages and dataspaces apart across files and writes", () => {
    const sizes = [1, 2, 17, 255, 256, 257, 300, 1000];
    for (const path of [tempPath(), tempPath()]) {
      using file = H5File.create(path);
      const attrs = file.root.createGroup("g").attrs;
      for (const n of sizes) {
        attrs.setStrings([[`a${n}`, "a".repeat(n)], [`e${n}`, ""]], { cset: "ascii" });
        attrs.setStrings([[`u${n}`, "é".repeat(Math.ceil(n / 2))]]);
        attrs.setStrings([[`v${n}`, "v".repeat(n)]], { storage: "vlen" });
        attrs.set(`x${n}`, n + 0.5);
        attrs.set(`y${n}`, new Float64Array([n, -n]));
      }
      for (const n of sizes) {
        const u = Math.ceil(n / 2);
        expect(attrs.getRaw(`a${n}`)).toEqual({ h5type: `string(fixed,${n},ascii)`, space: "scalar", value: "a".repeat(n) });
        expect(attrs.getRaw(`e${n}`)).toEqual({ h5type: "string(fixed,1,ascii)", space: "null", value: null });
        expect(attrs.getRaw(`u${n}`)).toEqual({ h5type: `string(fixed,${2 * u},utf8)`, space: "scalar", value: "é".repeat(u) });
        expect(attrs.getRaw(`v${n}`)).toEqual({ h5type: "string(vlen,utf8)", space: "scalar", value: "v".repeat(n) });
        expect(attrs.get(`x${n}`)).toBe(n + 0.5);
        expect(attrs.get(`y${n}`)).toEqual(new Float64Array([n, -n]));
      }
    }
  });
});

describe("attrs.set / get: numbers and booleans", () => {
  const cases: [NonNullable<NumericAttrOptions["dtype"]>, number | bigint, string][] = [
    ["int8", -128, "int8"], ["uint8", 255, "uint8"], ["int16", -32768, "int16"], ["uint16", 65535, "uint16"],
    ["int32", -2147483648, "int32"], ["uint32", 4294967295, "uint32"],
    ["int64", -(2n ** 63n), "int64"], ["uint64", 2n ** 64n - 1n, "uint64"],
    ["float32", 0.5, "float32"], ["float64", -1e300, "float64"],
  ];
  for (const [dtype, value, h5type] of cases) {
    it(`writes a ${dtype} scalar at the edge of its range`, () => {
      using file = fresh();
      file.root.attrs.set("a", value, { dtype });
      expect(file.root.attrs.getRaw("a")).toEqual({ h5type, space: "scalar", value });
    });
  }

  it("defaults to int64 for integers, float64 otherwise, and bool for booleans", () => {
    using file = fresh();
    const attrs = file.root.attrs;
    attrs.set("i", 7);
    attrs.set("f", 0.25);
    attrs.set("b", false);
    attrs.set("big", 2n ** 60n);
    expect(attrs.getRaw("i")).toEqual({ h5type: "int64", space: "scalar", value: 7n });
    expect(attrs.getRaw("f")).toEqual({ h5type: "float64", space: "scalar", value: 0.25 });
    expect(attrs.getRaw("b")).toEqual({ h5type: "bool", space: "scalar", value: false });
    expect(attrs.get("big")).toBe(2n ** 60n);
  });

  it("writes 1-d arrays of every numeric TypedArray", () => {
    using file = fresh();
    const attrs = file.root.attrs;
    const arrays = {
      int8: new Int8Array([-1, 2]), uint8: new Uint8Array([1, 255]), int16: new Int16Array([-3]),
      uint16: new Uint16Array([9, 8, 7]), int32: new Int32Array([1, -2]), uint32: new Uint32Array([4e9]),
      int64: new BigInt64Array([-5n, 6n]), uint64: new BigUint64Array([2n ** 63n]),
      float32: new Float32Array([1.5, -2.5]), float64: new Float64Array([Math.PI, NaN, Infinity]),
    };
    for (const [name, arr] of Object.entries(arrays)) attrs.set(name, arr);
    attrs.set("flags", new Uint8Array([1, 0, 1]), { dtype: "bool" });
    for (const [name, arr] of Object.entries(arrays)) {
      expect(attrs.getRaw(name)).toEqual({ h5type: name, space: { simple: [arr.length] }, value: arr });
    }
    expect(attrs.getRaw("flags")).toEqual({ h5type: "bool", space: { simple: [3] }, value: new Uint8Array([1, 0, 1]) });
  });

  it("rejects values outside the dtype, mismatched arrays, complex and empty arrays", () => {
    using file = fresh();
    const attrs = file.root.attrs;
    expect(() => attrs.set("a", 256, { dtype: "uint8" })).toThrow(/value: 256 is not representable as uint8/);
    expect(() => attrs.set("a", 1.5, { dtype: "int32" })).toThrow(/not representable as int32/);
    expect(() => attrs.set("a", 2n ** 64n)).toThrow(/not representable as int64/);
    expect(() => attrs.set("a", -1n, { dtype: "uint64" })).toThrow(/not representable as uint64/);
    expect(() => attrs.set("a", new Float32Array([1]), { dtype: "float64" })).toThrow(/value: must be a Float64Array for dtype float64, got Float32Array/);
    expect(() => attrs.set("a", 1, { dtype: "complex128" } as never)).toThrow(/complex attributes/);
    expect(() => attrs.set("a", 1, { dtype: "float16" } as never)).toThrow(/options.dtype: unknown dtype/);
    expect(() => attrs.set("a", new Float64Array(0))).toThrow(/at least one element/);
    expect(attrs.names()).toEqual([]);
  });
});

describe("attrs.names / has / delete", () => {
  it("lists, tests and deletes attributes on files, groups and datasets", () => {
    using file = fresh();
    const ds = file.root.createDataset("d", { dtype: "float64", shape: [1] });
    for (const attrs of [file.attrs, file.root.createGroup("g").attrs, ds.attrs]) {
      attrs.set("b", "x");
      attrs.set("a", 1);
      expect(attrs.names()).toEqual(["a", "b"]);
      expect(attrs.has("a")).toBe(true);
      expect(attrs.has("zz")).toBe(false);
      attrs.delete("a");
      expect(attrs.names()).toEqual(["b"]);
      expect(() => attrs.delete("a")).toThrow(/name: no attribute "a"/);
      expect(() => attrs.get("missing")).toThrow(H5ArgumentError);
      expect(() => attrs.getRaw("missing")).toThrow(/name: no attribute 'missing'/);
    }
  });
});

describe("attrs: reading what h5py and PyTables write", () => {
  it("decodes every string padding, string arrays, 1-element arrays and both boolean encodings", () => {
    const path = tempPath();
    runPython(`
import sys, h5py, numpy as np, tables
path = sys.argv[1]
with h5py.File(path, "w") as f:
    g = f.create_group("g")
    def fixed(name, data, pad, cset=h5py.h5t.CSET_ASCII, space=None):
        t = h5py.h5t.C_S1.copy(); t.set_size(len(data) if data else 1); t.set_strpad(pad); t.set_cset(cset)
        s = space if space is not None else h5py.h5s.create(h5py.h5s.SCALAR)
        a = h5py.h5a.create(g.id, name.encode(), t, s)
        if data: a.write(np.array(data, dtype="S%d" % len(data)), mtype=t)
    fixed("nullpad", b"ab\\0\\0", h5py.h5t.STR_NULLPAD)
    fixed("spacepad", b"ab  ", h5py.h5t.STR_SPACEPAD)
    fixed("nullterm", b"abc", h5py.h5t.STR_NULLTERM, h5py.h5t.CSET_UTF8)
    fixed("null", b"", h5py.h5t.STR_NULLTERM, space=h5py.h5s.create(h5py.h5s.NULL))
    g.attrs["vlen"] = "été"
    g.attrs.create("vascii", "plain", dtype=h5py.string_dtype("ascii"))
    g.attrs["strs"] = np.array(["a", "bc"], dtype=h5py.string_dtype())
    g.attrs["one"] = np.array([42], dtype=np.int32)
    g.attrs["bool"] = np.bool_(True)
    g.attrs["EXTDIM"] = np.int64(0)
    g.attrs["cplx"] = np.complex128(1 + 2j)
with tables.open_file(path, "a") as t:
    n = t.get_node("/g")
    n._v_attrs.tbool = np.bool_(False)
    n._v_attrs.tint = np.int32(0)
`, path);
    using file = H5File.open(path);
    const attrs = file.root.openGroup("g").attrs;
    expect(attrs.getRaw("nullpad")).toEqual({ h5type: "string(fixed,4,ascii)", space: "scalar", value: "ab" });
    expect(attrs.getRaw("spacepad")).toEqual({ h5type: "string(fixed,4,ascii)", space: "scalar", value: "ab" });
    expect(attrs.getRaw("nullterm")).toEqual({ h5type: "string(fixed,3,utf8)", space: "scalar", value: "abc" });
    expect(attrs.getRaw("null")).toEqual({ h5type: "string(fixed,1,ascii)", space: "null", value: null });
    expect(attrs.get("null")).toBe("");
    expect(attrs.getRaw("vlen")).toEqual({ h5type: "string(vlen,utf8)", space: "scalar", value: "été" });
    expect(attrs.getRaw("vascii")).toEqual({ h5type: "string(vlen,ascii)", space: "scalar", value: "plain" });
    expect(attrs.getRaw("strs")).toEqual({ h5type: "string(vlen,utf8)", space: { simple: [2] }, value: ["a", "bc"] });
    expect(attrs.getRaw("one")).toEqual({ h5type: "int32", space: { simple: [1] }, value: new Int32Array([42]) });
    expect(attrs.get("bool")).toBe(true);
    expect(attrs.get("EXTDIM")).toBe(0n);
    expect(attrs.getRaw("cplx")).toEqual({ h5type: "other", space: "scalar", value: null });
    expect(attrs.get("cplx")).toBeNull();
    expect(attrs.getRaw("tbool").h5type).toBe("bool");
    expect(attrs.get("tbool")).toBe(false);
    expect(attrs.get("tint")).toBe(0);
  });
});
