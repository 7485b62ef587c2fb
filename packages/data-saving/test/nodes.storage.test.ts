// Node wrappers: attribute storage flavours (PyTables profile), child order, EARRAY append
// semantics (file-format.md §4.3), deferred shape attributes, handle reuse, read-only safety.
import { NDArray, PyTuple } from "@pymodaq-ts/data-model";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tempDir } from "@pymodaq-ts/test-support";
import { f64 } from "./backend.helpers.js";
import { isFileStateError, isIndexOutOfRangeError, isInvalidValueError } from "../src/errors.js";
import { H5Backend } from "../src/conventions/h5-backend.js";
import { EARRAY } from "../src/conventions/nodes/arrays.js";
import { GROUP } from "../src/conventions/nodes/group.js";

let dir: string;
let h5: H5Backend;
let path: string;
beforeEach(() => {
  dir = tempDir("ds-nodes");
  path = join(dir, "nodes.h5");
  h5 = new H5Backend();
  h5.openFile(path, "w");
});
afterEach(() => {
  h5.closeFile();
});

describe("attribute storage (file-format.md §2.6, §8.1)", () => {
  it("root: fixed-length UTF-8 system strings sized to the byte length", () => {
    const root = h5.root();
    expect(root.attrs.getStored("CLASS")).toMatchObject({ h5type: "string(fixed,5,utf8)", space: "scalar", value: "GROUP" });
    expect(root.attrs.getStored("TITLE")).toMatchObject({ h5type: "string(fixed,12,utf8)", value: "PyMoDAQ file" });
    expect(root.attrs.getStored("VERSION")).toMatchObject({ h5type: "string(fixed,3,utf8)", value: "1.0" });
    expect(root.attrs.getStored("PYTABLES_FORMAT_VERSION").value).toBe("2.1");
    const env = root.attrs.getStored("pymodaq_version");
    expect(env.value).toBe(`{"module": "builtins", "type": "str", "data": "'0.0.0'"}`);
    expect(env.h5type).toBe(`string(fixed,${Buffer.byteLength(String(env.value))},utf8)`);
  });

  it("empty TITLE is a NULL dataspace and reads as ''", () => {
    const g = h5.getSetGroup("/", "Data0D");
    expect(g.attrs.getStored("TITLE").space).toBe("null");
    expect(g.attrs.get("TITLE")).toBe("");
    expect(g.title).toBe("");
  });

  it("CARRAY/EARRAY system strings are ASCII cset even for UTF-8 bytes; EXTDIM int32", () => {
    const c = h5.createCarray("/", "c", f64([3]), "données µ");
    expect(c.attrs.getStored("TITLE")).toMatchObject({ h5type: "string(fixed,11,ascii)", value: "données µ" });
    expect(c.attrs.get("TITLE")).toBe("données µ");
    expect(c.attrs.getStored("CLASS").h5type).toBe("string(fixed,6,ascii)");
    expect(c.attrs.getStored("VERSION")).toMatchObject({ h5type: "string(fixed,3,ascii)", value: "1.1" });
    expect(c.attrs.getStored("dtype").h5type).toMatch(/^string\(fixed,\d+,utf8\)$/);
    const e = h5.createEarray("/", "e", "float64", [2]);
    expect(e.attrs.getStored("EXTDIM")).toMatchObject({ h5type: "int32", space: "scalar", value: 0 });
    expect(e.attrs.get("EXTDIM")).toBe(0n);
    expect(e.attrs.getStored("CLASS").h5type).toBe("string(fixed,6,ascii)");
  });

  it("VLARRAY: UTF-8 cset, empty TITLE as NULL, VERSION 1.4, no EXTDIM", () => {
    const v = h5.createVlarray("/", "Logger", "string");
    expect(v.attrs.getStored("CLASS").h5type).toBe("string(fixed,7,utf8)");
    expect(v.attrs.getStored("TITLE").space).toBe("null");
    expect(v.attrs.get("VERSION")).toBe("1.4");
    expect(v.attrs.has("EXTDIM")).toBe(false);
    expect(v.storageInfo()).toMatchObject({ layout: "chunked", chunks: [65536], maxshape: [null] });
  });

  it("array attributes in the original's order with their Python types", () => {
    const c = h5.createCarray("/", "c", { dtype: "int64", shape: [5, 6], data: new BigInt64Array(30) });
    expect(c.attrs.names().filter((n) => !["CLASS", "TITLE", "VERSION"].includes(n)).sort()).toEqual(["backend", "dtype", "shape", "subdtype"]);
    expect(c.attrs.getStored("shape").value).toBe(`{"module": "builtins", "type": "tuple", "data": "(5, 6)"}`);
    expect(c.attrs.get("subdtype")).toBe("");
    expect(c.attrs.get("backend")).toBe("tables");
    expect(c.storageInfo()).toMatchObject({ layout: "chunked", chunks: [1365, 6], maxshape: [1365, 6], filters: [] });
  });
});

describe("child order (file-format.md §7.5)", () => {
  it("sub-groups by name, then arrays by name in the symbol-table groups this package writes; childrenName sorted", () => {
    h5.createCarray("/", "Logger", f64([1]));
    h5.createCarray("/", "Data02", f64([1]));
    h5.getSetGroup("/", "Zgroup");
    h5.createCarray("/", "Data01", f64([1]));
    h5.getSetGroup("/", "Agroup");
    expect(h5.root().children().map((n) => n.name)).toEqual(["Agroup", "Zgroup", "Data01", "Data02", "Logger"]);
    expect(h5.root().childrenName()).toEqual(["Agroup", "Data01", "Data02", "Logger", "Zgroup"]);
    expect(h5.root().children()[0]).toBeInstanceOf(GROUP);
  });

  it("wrappers are opened once and reused", () => {
    const g = h5.getSetGroup("/", "g");
    h5.createEarray(g, "e", "float64", [1]);
    const a = h5.getNode("/g/e");
    expect(h5.getNode("/g", "e")).toBe(a);
    expect(g.children()[0]).toBe(a);
  });
});

describe("EARRAY append (file-format.md §4.3)", () => {
  it("a row of the row shape adds 1; data with the enlargeable dim adds shape[0]", () => {
    const e = h5.createEarray("/", "e", "float64", [3]);
    e.append(f64([3]));
    expect(e.shape).toEqual([1, 3]);
    e.append(f64([2, 3]));
    expect(e.shape).toEqual([3, 3]);
    expect(e.attrs.get("shape")).toEqual(new PyTuple([3n, 3n]));
  });

  it("0-D data: shape (1,) rows of an (n,1) array; 1-D (k,) expands to (k,1)", () => {
    const e = h5.createEarray("/", "e", "float64", [1]);
    e.append(f64([1], () => 2.5));
    e.append(f64([4]));
    expect(e.shape).toEqual([5, 1]);
    expect(Array.from(e.read().data as ArrayLike<number>)).toEqual([2.5, 0, 1, 2, 3]);
  });

  it("enlargeable axes (n,): expand=false appends k values", () => {
    const e = h5.createEarray("/", "axis", "float64", null);
    e.append(f64([1], () => 7), { expand: false });
    e.append(f64([2], (i) => 8 + i), { expand: false });
    expect(Array.from(e.read().data as ArrayLike<number>)).toEqual([7, 8, 9]);
    expect(() => e.append(f64([2]))).toThrow(/cannot append data of shape \(2\)/);
  });

  it("converts the values to the array's dtype and rejects non-arrays", () => {
    const e = h5.createEarray("/", "i", "int64", [2]);
    e.append(f64([2], (i) => i + 0.7));
    expect(e.read().data).toEqual(BigInt64Array.of(0n, 1n));
    expect(() => e.append([1, 2] as never)).toThrowError(expect.objectContaining({ pythonName: "TypeError" }));
  });
});

describe("deferred shape/size attributes", () => {
  it("the shape attribute is exact in the file after flush and after close", () => {
    const e = h5.createEarray("/", "e", "float64", [1]);
    for (let i = 0; i < 5; i++) e.append(f64([1], () => i));
    e.attrs.setDeferred("size", 5n);
    expect(e.attrs.get("shape")).toEqual(new PyTuple([5n, 1n]));
    // not yet in the file
    expect(e.attrs.getStored("shape").value).toBe(`{"module": "builtins", "type": "tuple", "data": "(0, 1)"}`);
    h5.flush();
    expect(e.attrs.getStored("shape").value).toBe(`{"module": "builtins", "type": "tuple", "data": "(5, 1)"}`);
    expect(e.attrs.getStored("size").value).toBe(`{"module": "builtins", "type": "int", "data": "5"}`);
    e.append(f64([1]));
    h5.closeFile();
    h5.openFile(path, "r");
    const r = h5.getNode("/e");
    expect(r.attrs.get("shape")).toEqual(new PyTuple([6n, 1n]));
    expect((r as EARRAY).shape).toEqual([6, 1]);
  });

  it("the Logger shape follows its rows", () => {
    const v = h5.createVlarray("/", "Logger", "string");
    v.appendRow(Uint8Array.of(1));
    v.appendRow(Uint8Array.of(2));
    h5.closeFile();
    h5.openFile(path, "r");
    expect(h5.getNode("/Logger").attrs.get("shape")).toEqual(new PyTuple([2n]));
  });
});

describe("read-only and closed files", () => {
  it("a file opened read-only refuses every write and is left unchanged", () => {
    h5.createEarray("/", "e", "float64", [1]);
    h5.closeFile();
    h5.openFile(path, "r");
    const e = h5.getNode("/e") as EARRAY;
    const attempts = [
      () => e.append(f64([1])),
      () => e.attrs.set("x", 1),
      () => h5.getSetGroup("/", "new"),
      () => h5.root().removeChildren(),
    ];
    for (const attempt of attempts) {
      let caught: unknown;
      try {
        attempt();
      } catch (err) {
        caught = err;
      }
      expect(isFileStateError(caught)).toBe(true);
    }
    expect(e.shape).toEqual([0, 1]);
  });

  it("closing twice is fine; nodes of a closed file throw", () => {
    const g = h5.getSetGroup("/", "g");
    h5.closeFile();
    h5.closeFile();
    expect(() => g.children()).toThrow(/closed/);
    expect(() => h5.root()).toThrow(/no file is open/);
  });

  it("writeAt of NDArrays (block-writer path) matches plain writes; conversions and errors unchanged", () => {
    const c = h5.createCarray("/", "scan", f64([2, 3, 4], () => 0));
    const point = (p: number) => NDArray.from("float64", [4], [p, p + 0.25, p + 0.5, p + 0.75]);
    for (let ix = 0; ix < 2; ix++) for (let iy = 0; iy < 3; iy++) c.writeAt([ix, iy], point(ix * 3 + iy));
    expect(Array.from(c.read().data as Float64Array)).toEqual(Array.from({ length: 24 }, (_, k) => Math.floor(k / 4) + (k % 4) / 4));
    c.writeAt([1, 2], NDArray.from("int32", [2, 2], [7, 8, 9, 10])); // other dtype and shape: converted
    expect(Array.from(c.readAt([1, 2]).data as Float64Array)).toEqual([7, 8, 9, 10]);
    c.writeAt([0], NDArray.from("float64", [3, 4], Array.from({ length: 12 }, () => -1)));
    expect(Array.from(c.readAt([0, 1]).data as Float64Array)).toEqual([-1, -1, -1, -1]);
    for (const bad of [[2, 0], [0, -1], [0, 0.5], [0, 0, 0, 0]]) {
      expect(() => c.readAt(bad)).toThrow(/\/scan: /);
      let caught: unknown;
      try {
        c.writeAt(bad, point(0));
      } catch (e) {
        caught = e;
      }
      expect(isIndexOutOfRangeError(caught)).toBe(true);
    }
    expect(() => c.writeAt([0, 0], NDArray.from("float64", [3], [1, 2, 3]))).toThrow(/\/scan: expected data of shape \(4\)/);
  });

  it("scan points written after a whole read of an array larger than the chunk cache still land", () => {
    const L = 4096; // 8 x 12 points of 32 KiB: 3 MiB, read around the 2 MiB cache
    const c = h5.createCarray("/", "bigscan", { dtype: "float64", shape: [8, 12, L] });
    const point = (p: number) => NDArray.from("float64", [L], new Float64Array(L).fill(p));
    c.writeAt([0, 0], point(1));
    expect((c.read().data as Float64Array)[0]).toBe(1);
    c.writeAt([7, 11], point(2)); // through the block writer made before the read
    const all = c.read().data as Float64Array;
    expect([all[0], all[L], all[all.length - 1]]).toEqual([1, 0, 2]);
    expect(Array.from(c.readAt([7, 11]).data as Float64Array).every((v) => v === 2)).toBe(true);
  });

  it("releaseNode closes a CARRAY's handle; the wrapper reopens it on its next use", () => {
    const c = h5.createCarray("/", "frame", f64([2, 2], () => 0));
    c.writeAt([0], NDArray.from("float64", [2], [1, 2]));
    c.attrs.set("label", "img");
    h5.releaseNode(c);
    h5.releaseNode(c); // idempotent
    expect(c.attrs.get("label")).toBe("img");
    c.writeAt([1], NDArray.from("float64", [2], [3, 4])); // block writers made again
    h5.releaseNode(c);
    expect(Array.from(c.read().data as Float64Array)).toEqual([1, 2, 3, 4]);
    expect(h5.getNode("/frame")).toBe(c);
    const e = h5.createEarray("/", "rows", "float64", [2]);
    e.append(f64([1, 2]));
    h5.releaseNode(e); // EARRAYs stay open (deferred shape attribute)
    e.append(f64([1, 2]));
    expect(e.shape).toEqual([2, 2]);
  });

  it("invalid values name the node", () => {
    const c = h5.createCarray("/", "c", f64([2, 2]));
    let caught: unknown;
    try {
      c.writeAt([0], f64([3]));
    } catch (e) {
      caught = e;
    }
    expect(isInvalidValueError(caught)).toBe(true);
    expect((caught as Error).message).toContain("/c");
    expect(() => c.readAt([2])).toThrow(/\/c: block start/);
  });
});
