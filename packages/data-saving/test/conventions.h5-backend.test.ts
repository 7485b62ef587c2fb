// file-format.md §10.1 (the original's backend_test.py): H1-H15 on H5Backend.
import { PyBytes, PyTuple } from "@pymodaq-ts/data-model";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tempDir } from "@pymodaq-ts/test-support";
import { f64 } from "./backend.helpers.js";
import { isInvalidValueError, isNodeError } from "../src/errors.js";
import { GROUP_TYPES, PYMODAQ_DATA_VERSION } from "../src/conventions/layout.js";
import { H5Backend } from "../src/conventions/h5-backend.js";
import { checkMandatoryAttrs } from "../src/conventions/nodes/attrs.js";
import { CARRAY, EARRAY } from "../src/conventions/nodes/arrays.js";
import { GROUP } from "../src/conventions/nodes/group.js";
import { StringARRAY } from "../src/conventions/nodes/vlarray.js";

let dir: string;
let h5: H5Backend;
beforeEach(() => {
  dir = tempDir("ds-backend");
  h5 = new H5Backend();
});
afterEach(() => {
  h5.closeFile();
});

function openNew(title = "this is a test file"): string {
  const path = join(dir, "test.h5");
  h5.openFile(path, "w", { title });
  return path;
}

describe("H5Backend (file-format.md §10.1)", () => {
  it("H1 open a new file with a title", () => {
    const path = openNew();
    expect(existsSync(path)).toBe(true);
    expect(h5.isopen()).toBe(true);
    expect(h5.root().attrs.get("TITLE")).toBe("this is a test file");
    expect(h5.root().title).toBe("this is a test file");
    expect(h5.root().attrs.get("pymodaq_data_version")).toBe(PYMODAQ_DATA_VERSION);
    h5.closeFile();
    expect(h5.isopen()).toBe(false);
  });

  it("H2 root attributes read back, names listed", () => {
    const path = openNew();
    const root = h5.root();
    root.attrs.set("attr1", "one attr");
    root.attrs.set("attr2", PyTuple.ofInts([10, 15]));
    root.attrs.set("attr3", 12.4);
    h5.closeFile();
    h5.openFile(path, "r");
    const r = h5.root();
    expect(r.attrs.get("attr1")).toBe("one attr");
    expect(r.attrs.get("attr2")).toEqual(new PyTuple([10n, 15n]));
    expect(r.attrs.get("attr3")).toBe(12.4);
    expect(r.attrs.names()).toEqual(expect.arrayContaining(["attr1", "attr2", "attr3"]));
  });

  it("H3 add_group for every GroupType; invalid type raises ValueError", () => {
    openNew();
    for (const type of GROUP_TYPES) {
      const name = `g3_${type}`;
      const g = h5.addGroup(name, type, h5.root(), "this is a group", { attr1: "attr1", attr2: 21.4 });
      expect(g.path).toBe(`/G3_${type}`);
      expect(g.attrs.get("TITLE")).toBe("this is a group");
      expect(g.attrs.get("CLASS")).toBe("GROUP");
      expect(g.attrs.get("type")).toBe(type);
      expect(g.attrs.get("attr1")).toBe("attr1");
      expect(g.attrs.get("attr2")).toBe(21.4);
      expect(g.attrs.get("backend")).toBe("tables");
    }
    let caught: unknown;
    try {
      h5.addGroup("g3", "this is not a valid group type", h5.root());
    } catch (e) {
      caught = e;
    }
    expect(isInvalidValueError(caught)).toBe(true);
  });

  it("H4 get-or-create groups, paths, titles, children, parents", () => {
    openNew();
    const g1 = h5.getSetGroup(h5.root(), "g1", "group1");
    const g2 = h5.getSetGroup("/", "g2");
    expect(g1.attrs.get("TITLE")).toBe("group1");
    expect(g1.attrs.get("CLASS")).toBe("GROUP");
    const g21 = h5.getSetGroup(g2, "g21");
    expect(g21.path).toBe("/g2/g21");
    expect(h5.isNodeInGroup(g2, "g21")).toBe(true);
    expect(h5.isNodeInGroup(g2, "G21")).toBe(true);
    const g22 = h5.getSetGroup("/g2", "g22", "group g22");
    expect(h5.getGroupByTitle("/g2", "group g22")?.path).toBe(g22.path);
    expect(h5.getGroupByTitle("/g2", "nothing")).toBeNull();
    expect([...h5.getChildren(g2).keys()]).toEqual(["g21", "g22"]);
    expect(h5.getParentNode(g22)?.path).toBe("/g2");
    expect(g22.parentNode?.path).toBe("/g2");
    expect(h5.getParentNode("/")).toBeNull();
    expect(h5.root().name).toBe("/");
    expect(h5.getSetGroup(h5.root(), "g1", "another title").title).toBe("group1");
    expect(h5.getNodeName(g21)).toBe("g21");
    expect(h5.getNodePath(g21)).toBe("/g2/g21");
  });

  it("H5 walk groups and walk nodes from the root", () => {
    openNew();
    const g1 = h5.getSetGroup("/", "g1");
    const g2 = h5.getSetGroup("/", "g2");
    const g21 = h5.getSetGroup(g2, "g21");
    h5.getSetGroup(g2, "g22");
    h5.createCarray(g1, "carray0", f64([3], (i) => i));
    h5.createCarray(g21, "carray1", f64([3], (i) => i));
    h5.createCarray("/", "carray2", f64([3], (i) => i));
    const groups = [...h5.walkGroups("/")];
    expect(groups.map((g) => g.path)).toEqual(["/", "/g1", "/g2", "/g2/g21", "/g2/g22"]);
    expect(groups.every((g) => g.attrs.get("CLASS") === "GROUP")).toBe(true);
    const nodes = [...h5.walkNodes("/")];
    expect(nodes.map((n) => n.path)).toEqual([
      "/", "/g1", "/g2", "/carray2", "/g1/carray0", "/g2/g21", "/g2/g22", "/g2/g21/carray1",
    ]);
    expect(nodes).toHaveLength(8);
  });

  it("H6 create_carray without data raises ValueError", () => {
    openNew();
    const g1 = h5.getSetGroup("/", "g1");
    expect(() => h5.createCarray(g1, "carray0", null)).toThrowError(expect.objectContaining({ pythonName: "ValueError" }));
  });

  it("H7 CARRAY from a 5x10 float array", () => {
    openNew();
    const g1 = h5.getSetGroup("/", "g1");
    const data = f64([5, 10], (i) => Math.sin(i));
    const title = "this is a carray";
    const array = h5.createCarray(g1, "carray", data, title);
    expect(array).toBeInstanceOf(CARRAY);
    expect(array.attrs.get("dtype")).toBe("float64");
    expect(array.attrs.get("TITLE")).toBe(title);
    expect(array.attrs.get("CLASS")).toBe("CARRAY");
    expect(array.attrs.get("shape")).toEqual(new PyTuple([5n, 10n]));
    expect(array.read().data).toEqual(data.data);
    expect(array.readAt([1, 2]).data[0]).toBe(data.data[12]);
  });

  for (const lib of ["gzip", "zlib"]) {
    for (const level of [0, 3, 6, 9]) {
      it(`H8 CARRAY/EARRAY with compression ${lib} level ${level}`, () => {
        h5.defineCompression(lib, level);
        openNew();
        const data = f64([5, 10], (i) => i * 0.5);
        const c = h5.createCarray("/", "carray", data);
        expect(c.read().data).toEqual(data.data);
        const e = h5.createEarray("/", "earray", "float64", [5, 10]);
        e.append(data);
        expect(e.read().data).toEqual(data.data);
        const filters = c.storageInfo().filters.map((f) => f.name);
        expect(filters).toEqual(level === 0 ? [] : ["shuffle", "deflate"]);
      });
    }
  }

  it("H9 EARRAY uint32 without data shape: append [10]", () => {
    openNew();
    const g1 = h5.getSetGroup("/", "g1");
    const array = h5.createEarray(g1, "earray", "uint32", null, "this is an earray");
    expect(array.attrs.get("shape")).toEqual(new PyTuple([0n]));
    array.append({ dtype: "uint32", shape: [1], data: Uint32Array.of(10) });
    expect(array.attrs.get("shape")).toEqual(new PyTuple([1n]));
    expect(array.shape).toEqual([1]);
    expect(h5.getChildren(g1).get("earray")).toBeInstanceOf(EARRAY);
  });

  it("H10 EARRAY uint32 with data shape (10,3): append twice", () => {
    openNew();
    const array = h5.createEarray("/", "earray", "uint32", [10, 3]);
    const row = (k: number) => ({ dtype: "uint32" as const, shape: [10, 3], data: Uint32Array.from({ length: 30 }, (_, i) => i + k) });
    array.append(row(0));
    expect(array.attrs.get("shape")).toEqual(new PyTuple([1n, 10n, 3n]));
    array.append(row(100));
    expect(array.attrs.get("shape")).toEqual(new PyTuple([2n, 10n, 3n]));
    expect(array.readAt([1]).data).toEqual(row(100).data);
  });

  it("H11 VLARRAY rows read back; only uint8/string rows are supported by the seam", () => {
    openNew();
    const array = h5.createVlarray("/", "vlarray", "uint8", "this is a vlarray");
    array.appendRow(Uint8Array.of(10, 12, 15));
    expect(array.rowAt(-1)).toEqual(Uint8Array.of(10, 12, 15));
    array.appendRow(Uint8Array.of(10, 4, 2, 4, 6, 4));
    expect(array.rowAt(-1)).toEqual(Uint8Array.of(10, 4, 2, 4, 6, 4));
    expect(array.attrs.get("CLASS")).toBe("VLARRAY");
    expect(array.attrs.get("dtype")).toBe("uint8");
    expect(() => h5.createVlarray("/", "v2", "uint32" as "uint8")).toThrow(/not supported/);
  });

  it("H12 VLARRAY 'string': dtype uint8, subdtype string; string -> bytes -> string", () => {
    openNew();
    const array = h5.createVlarray("/", "strings", "string");
    expect(array).toBeInstanceOf(StringARRAY);
    expect(array.attrs.get("dtype")).toBe("uint8");
    expect(array.attrs.get("subdtype")).toBe("string");
    const s = array as StringARRAY;
    for (const text of ["this is a string", "and another one", "été ☃ 😀"]) {
      s.append(text);
      expect(s.get(-1)).toBe(text);
      expect(StringARRAY.arrayToString(StringARRAY.stringToArray(text))).toBe(text);
    }
    expect(s.read()).toEqual(["this is a string", "and another one", "été ☃ 😀"]);
  });

  it("H13 children names: groups capitalized by add_group, arrays not", () => {
    openNew();
    const base = h5.addGroup("base group", "scan", h5.root());
    h5.createCarray(base, "n1", f64([2], (i) => i));
    h5.addGroup("n2", "data", base);
    h5.addGroup("m1", "data", base);
    expect(base.childrenName()).toEqual(["M1", "N2", "n1"]);
    expect([...base.childrenName()].sort()).toEqual(["M1", "N2", "n1"]);
  });

  it("H14 remove_children empties the group", () => {
    openNew();
    const base = h5.addGroup("base group", "scan", h5.root());
    h5.createCarray(base, "n1", f64([2], (i) => i));
    h5.addGroup("n2", "data", base);
    base.removeChildren();
    expect(base.childrenName()).toEqual([]);
    expect(() => h5.getNode("/Base group/N2")).toThrow(/Base group\/N2/);
  });

  it("H15 check_mandatory_attrs('TITLE', b'test') is 'test'", () => {
    const bytes = new TextEncoder().encode("test");
    expect(checkMandatoryAttrs("TITLE", new PyBytes(bytes))).toBe("test");
    expect(checkMandatoryAttrs("CLASS", bytes)).toBe("test");
    expect(checkMandatoryAttrs("label", bytes)).toBe(bytes);
  });

  it("H15b raw system attributes are strings (no JSON decoding, Q12)", () => {
    openNew();
    const g = h5.getSetGroup("/", "g", "1.5");
    const a = h5.createCarray(g, "a", f64([2], (i) => i), "true");
    expect(g.attrs.get("TITLE")).toBe("1.5");
    expect(a.attrs.get("TITLE")).toBe("true");
    expect(a.attrs.get("VERSION")).toBe("1.1");
    expect(h5.root().attrs.get("PYTABLES_FORMAT_VERSION")).toBe("2.1");
  });

  it("options are checked; filename is the open file's path", () => {
    expect(() => new H5Backend({ backnd: "tables" } as never)).toThrow(/unknown option 'backnd'/);
    expect(() => h5.openFile(join(dir, "x.h5"), "x" as never)).toThrow(/mode must be/);
    expect(() => h5.openFile(join(dir, "x.h5"), "w", { titel: "t" } as never)).toThrow(/unknown option 'titel'/);
    expect(h5.filename).toBeNull();
    const path = openNew();
    expect(h5.filename).toBe(path);
  });

  it("errors name the missing path and what was expected", () => {
    openNew();
    h5.getSetGroup("/", "g1");
    let caught: unknown;
    try {
      h5.getNode("/g1", "nothing");
    } catch (e) {
      caught = e;
    }
    expect(isNodeError(caught)).toBe(true);
    expect(String((caught as Error).message)).toContain("/g1/nothing");
    h5.createCarray("/g1", "arr", f64([2], (i) => i));
    expect(() => h5.getSetGroup("/g1", "arr")).toThrow(/\/g1\/arr: expected a group/);
    expect(() => h5.getGroup("/g1/arr/x")).toThrow(/\/g1\/arr: expected a group/);
    expect(h5.getNode("/g1")).toBeInstanceOf(GROUP);
  });
});
