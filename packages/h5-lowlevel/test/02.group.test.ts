import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { H5ArgumentError, H5File } from "../src/index.js";
import { tempPath } from "@pymodaq-ts/test-support";
import { runPython } from "./python.js";

function fresh(): H5File {
  return H5File.create(tempPath());
}

describe("H5Group.createGroup / openGroup", () => {
  it("creates nested groups with createIntermediate and opens them by relative or absolute path", () => {
    using file = fresh();
    const deep = file.root.createGroup("a/b/c", { createIntermediate: true });
    expect(deep.path).toBe("/a/b/c");
    expect(deep.name).toBe("c");
    const b = file.root.openGroup("/a/b");
    expect(b.openGroup("c").path).toBe("/a/b/c");
    expect(b.openGroup("/a").path).toBe("/a");
    expect(b.createGroup("d").path).toBe("/a/b/d");
    expect(b.createGroup("/top").path).toBe("/top");
    expect(file.root.kindOf("/top")).toBe("group");
    expect(file.root.openGroup("a").path).toBe("/a");
    expect(b.openGroup("./c").path).toBe("/a/b/c");
    expect(file.root.openGroup("a//b/./c").path).toBe("/a/b/c");
  });

  it("refuses a missing parent without createIntermediate, and an existing name", () => {
    using file = fresh();
    expect(() => file.root.createGroup("x/y")).toThrow(/create group/);
    file.root.createGroup("x");
    expect(() => file.root.createGroup("x")).toThrow(H5ArgumentError);
    expect(() => file.root.createGroup("x")).toThrow(/name: \/x in .* already exists/);
    expect(() => file.root.createGroup("")).toThrow(/name: must be a non-empty string/);
    expect(() => file.root.createGroup("g", { intermediate: true } as never)).toThrow(/unknown option "intermediate"/);
  });

  it("openGroup rejects missing paths and datasets with argument errors", () => {
    using file = fresh();
    file.root.createDataset("d", { dtype: "uint8", shape: [1] });
    expect(() => file.root.openGroup("nope")).toThrow(/name: no object at \/nope/);
    expect(() => file.root.openGroup("nope/deeper")).toThrow(H5ArgumentError);
    expect(() => file.root.openGroup("d")).toThrow(/is a dataset, not a group/);
    expect(() => file.root.openDataset("/")).toThrow(/is a group, not a dataset/);
  });
});

describe("H5Group.exists / kindOf", () => {
  it("answers false for missing intermediate groups and paths through datasets", () => {
    using file = fresh();
    file.root.createGroup("g/h", { createIntermediate: true });
    file.root.createDataset("g/d", { dtype: "int8", shape: [2] });
    expect(file.root.exists("g")).toBe(true);
    expect(file.root.exists("/g/h")).toBe(true);
    expect(file.root.exists("g/h/")).toBe(true);
    expect(file.root.exists("missing/h")).toBe(false);
    expect(file.root.exists("g/missing/x")).toBe(false);
    expect(file.root.exists("g/d/x")).toBe(false);
    expect(file.root.exists("/")).toBe(true);
    expect(file.root.openGroup("g").exists("h")).toBe(true);
    expect(file.root.openGroup("g").exists("/g/d")).toBe(true);
    expect(file.root.kindOf("g")).toBe("group");
    expect(file.root.kindOf("g/d")).toBe("dataset");
    expect(file.root.kindOf("g/d/x")).toBeNull();
    expect(file.root.kindOf("/")).toBe("group");
  });

  it("reports soft and external links written by h5py, and lists them as children", () => {
    const path = tempPath();
    runPython(`
import h5py, sys
with h5py.File(sys.argv[1], "w") as f:
    f.create_group("target")
    f["soft"] = h5py.SoftLink("/target")
    f["dangling"] = h5py.SoftLink("/nowhere")
    f["ext"] = h5py.ExternalLink("other.h5", "/x")
`, path);
    using file = H5File.open(path);
    expect(file.root.kindOf("soft")).toBe("softlink");
    expect(file.root.kindOf("dangling")).toBe("softlink");
    expect(file.root.kindOf("ext")).toBe("externallink");
    expect(file.root.exists("soft")).toBe(true);
    expect(file.root.children()).toEqual([
      { name: "dangling", kind: "softlink" },
      { name: "ext", kind: "externallink" },
      { name: "soft", kind: "softlink" },
      { name: "target", kind: "group" },
    ]);
    expect(file.root.childNames()).toEqual(["dangling", "ext", "soft", "target"]);
  });

  it("opens groups and datasets through soft links and rejects dangling ones", () => {
    const path = tempPath();
    runPython(`
import h5py, sys
with h5py.File(sys.argv[1], "w") as f:
    f.create_group("g").attrs["x"] = 1
    f["d"] = [1.5, 2.5]
    f["toG"] = h5py.SoftLink("/g")
    f["toD"] = h5py.SoftLink("/d")
    f["dangling"] = h5py.SoftLink("/nowhere")
`, path);
    using file = H5File.open(path);
    expect(file.root.openGroup("toG").attrs.get("x")).toBe(1n);
    expect(file.root.openDataset("toD").read()).toEqual(new Float64Array([1.5, 2.5]));
    expect(() => file.root.openGroup("toD")).toThrow(/toD in .* leads to a dataset, not a group/);
    expect(() => file.root.openDataset("dangling")).toThrow(/name: the link '\/dangling' in .* is dangling/);
  });
});

describe("H5Group.children", () => {
  it("lists direct children in byte-wise name order whatever the creation order", () => {
    using file = fresh();
    for (const name of ["b", "Z", "a", "é", "Data10", "Data02", "zz"]) file.root.createGroup(name);
    file.root.createDataset("m", { dtype: "float32", shape: [1] });
    file.root.createGroup("a/inner", { createIntermediate: true });
    expect(file.root.children()).toEqual([
      { name: "Data02", kind: "group" },
      { name: "Data10", kind: "group" },
      { name: "Z", kind: "group" },
      { name: "a", kind: "group" },
      { name: "b", kind: "group" },
      { name: "m", kind: "dataset" },
      { name: "zz", kind: "group" },
      { name: "é", kind: "group" },
    ]);
    expect(file.root.childNames()).toEqual(["Data02", "Data10", "Z", "a", "b", "m", "zz", "é"]);
    expect(file.root.openGroup("a").childNames()).toEqual(["inner"]);
  });

  it("keeps non-ASCII names intact across a reopen", () => {
    const path = tempPath();
    {
      using file = H5File.create(path);
      file.root.createGroup("📁 données").createGroup("Détecteur µ");
    }
    using file = H5File.open(path);
    expect(file.root.children()).toEqual([{ name: "📁 données", kind: "group" }]);
    expect(file.root.openGroup("/📁 données").children()).toEqual([{ name: "Détecteur µ", kind: "group" }]);
  });
});

/** Writes groups named in creation order with h5py and PyTables, and lists them as each library does. */
const LISTINGS = `
import h5py, tables, sys, json, os, warnings
warnings.simplefilter("ignore", tables.NaturalNameWarning)
d = sys.argv[1]
cases = {
    "compact": ["b", "a", "éa", "ab"],
    "logger": ["Logger0", "📁 données", "Once"],
    "dense": ["z", "b", "a", "éa", "ab", "Data10", "Data02", "y", "µ", "c", "Z"],
}
with h5py.File(os.path.join(d, "h5py.h5"), "w") as f:
    for case, names in cases.items():
        g = f.create_group(case)
        for n in names:
            g.create_group(n)
    f["logger"].create_dataset("d", data=[1.0])
with tables.open_file(os.path.join(d, "tables.h5"), "w") as f:
    for n in cases["compact"]:
        f.create_group("/", n)
out = {}
with h5py.File(os.path.join(d, "h5py.h5"), "r") as f:
    out["h5py:h5py"] = {case: list(f[case]) for case in cases}
with tables.open_file(os.path.join(d, "h5py.h5")) as f:
    out["h5py:tables"] = {case: list(f.get_node("/" + case)._v_children) for case in cases}
with h5py.File(os.path.join(d, "tables.h5"), "r") as f:
    out["tables:h5py"] = {"/": list(f)}
with tables.open_file(os.path.join(d, "tables.h5")) as f:
    out["tables:tables"] = {"/": list(f.root._v_children)}
print(json.dumps(out, ensure_ascii=False))
`;

describe("H5Group.children { order }", () => {
  type Listings = Record<string, Record<string, string[]>>;

  it("lists in h5py's order by default and in PyTables' _v_children order with order: native", () => {
    const dir = dirname(tempPath());
    const listed = JSON.parse(runPython(LISTINGS, dir)) as Listings;
    {
      using file = H5File.open(join(dir, "h5py.h5"));
      for (const name of ["compact", "logger", "dense"]) {
        const group = file.root.openGroup(name);
        expect(group.childNames()).toEqual(listed["h5py:h5py"]?.[name]);
        // PyTables lists the sub-groups first, then the other nodes, each in native order.
        const native = group.children({ order: "native" });
        const groupsFirst = [...native.filter((c) => c.kind === "group"), ...native.filter((c) => c.kind !== "group")];
        expect(groupsFirst.map((c) => c.name)).toEqual(listed["h5py:tables"]?.[name]);
        expect(group.childNames({ order: "native" })).toEqual(native.map((c) => c.name));
      }
      // The cases: a UTF-8 name turned the symbol table into link messages after "b" and
      // "a" (copied over in name order); the later links follow in creation order.
      const compact = file.root.openGroup("compact");
      expect(compact.info().storage).toBe("compact");
      expect(compact.childNames({ order: "native" })).toEqual(["a", "b", "éa", "ab"]);
      expect(compact.childNames()).toEqual(["a", "ab", "b", "éa"]);
      expect(file.root.openGroup("logger").children({ order: "native" }).filter((c) => c.kind === "group").map((c) => c.name))
        .toEqual(["Logger0", "📁 données", "Once"]);
      const dense = file.root.openGroup("dense");
      expect(dense.info().storage).toBe("dense");
      expect(dense.childNames({ order: "native" })).not.toEqual(dense.childNames());
      expect([...dense.childNames({ order: "native" })].sort()).toEqual([...dense.childNames()].sort());
    }
    using file = H5File.open(join(dir, "tables.h5"));
    expect(file.root.info().storage).toBe("symbol-table");
    expect(file.root.childNames({ order: "native" })).toEqual(listed["tables:tables"]?.["/"]);
    expect(file.root.childNames()).toEqual(listed["tables:h5py"]?.["/"]);
    expect(file.root.childNames({ order: "native" })).toEqual(["a", "ab", "b", "éa"]);
  });

  it("keeps name order for a group this binding writes with ASCII names, and checks the option", () => {
    using file = fresh();
    for (const name of ["b", "a", "ab"]) file.root.createGroup(name);
    expect(file.root.childNames({ order: "native" })).toEqual(["a", "ab", "b"]);
    expect(file.root.childNames({ order: "name" })).toEqual(["a", "ab", "b"]);
    expect(() => file.root.children({ order: "creation" as "name" })).toThrow(/options.order: must be "name" or "native", got "creation"/);
    expect(() => file.root.childNames({ sort: true } as never)).toThrow(/unknown option "sort"/);
  });
});

describe("H5Group.delete / move", () => {
  it("deletes groups and datasets, and rejects missing names", () => {
    using file = fresh();
    file.root.createGroup("g/h", { createIntermediate: true });
    file.root.createDataset("d", { dtype: "int16", shape: [3] });
    file.root.delete("g/h");
    file.root.delete("/d");
    expect(file.root.children()).toEqual([{ name: "g", kind: "group" }]);
    expect(() => file.root.delete("d")).toThrow(/name: no object at \/d/);
  });

  it("moves and renames links, keeping their content", () => {
    using file = fresh();
    const g = file.root.createGroup("g");
    g.createDataset("d", { dtype: "int32", shape: [2] }).write(new Int32Array([4, 5]));
    file.root.createGroup("other");
    file.root.move("g/d", "other/renamed");
    g.move("/other", "/g/moved");
    expect(file.root.children()).toEqual([{ name: "g", kind: "group" }]);
    expect(Array.from(file.root.openDataset("g/moved/renamed").read() as Int32Array)).toEqual([4, 5]);
    expect(() => file.root.move("nope", "x")).toThrow(/from: no object/);
    expect(() => file.root.move("g", "g/moved")).toThrow(/to: .* already exists/);
  });
});

describe("name character sets and group storage", () => {
  it("keeps ASCII names plain and groups as symbol tables, as PyTables and h5py write them", () => {
    const path = tempPath();
    {
      using file = H5File.create(path);
      const raw = file.root.createGroup("RawData");
      raw.attrs.set("TITLE", "raw");
      raw.createGroup("a/b", { createIntermediate: true });
      raw.createDataset("Data00", { dtype: "float64", shape: [2] }).attrs.set("units", "µm");
      expect(file.root.info()).toEqual({ links: 1, storage: "symbol-table" });
      expect(raw.info()).toEqual({ links: 2, storage: "symbol-table" });
    }
    // 0 = H5T_CSET_ASCII, 1 = H5T_CSET_UTF8 (the value's own cset is the string type's, not the name's)
    const csets = runPython(
      `
import sys, h5py
f = h5py.File(sys.argv[1], "r")
raw, data = f["RawData"].id, f["RawData/Data00"].id
print(f.id.links.get_info(b"RawData").cset, raw.links.get_info(b"a").cset,
      h5py.h5a.get_info(raw, name=b"TITLE").cset, h5py.h5a.get_info(data, name=b"units").cset)`,
      path,
    );
    expect(csets.trim()).toBe("0 0 0 0");
  });

  it("marks non-ASCII names UTF-8, which turns their group into link-message storage (as h5py for links)", () => {
    const path = tempPath();
    {
      using file = H5File.create(path);
      const g = file.root.createGroup("données");
      g.attrs.set("µ", "x");
      file.root.createGroup("plain");
      expect(file.root.info()).toEqual({ links: 2, storage: "compact" });
      expect(g.info()).toEqual({ links: 0, storage: "symbol-table" });
    }
    const csets = runPython(
      `
import sys, h5py
f = h5py.File(sys.argv[1], "r")
g = f["données"].id
print(f.id.links.get_info("données".encode()).cset, f.id.links.get_info(b"plain").cset,
      h5py.h5a.get_info(g, name="µ".encode()).cset)`,
      path,
    );
    expect(csets.trim()).toBe("1 0 1");
  });

  it("nameCset 'ascii' marks every name ASCII and keeps symbol tables, as PyTables does", () => {
    const path = tempPath();
    {
      using file = H5File.create(path, { nameCset: "ascii" });
      file.root.createGroup("données").attrs.set("µ", "x");
      expect(file.root.info()).toEqual({ links: 1, storage: "symbol-table" });
    }
    {
      using again = H5File.open(path, { mode: "r+", nameCset: "ascii" });
      again.root.createGroup("ünïcode");
      expect(again.root.info()).toEqual({ links: 2, storage: "symbol-table" });
      expect(again.root.children().map((c) => c.name)).toEqual(["données", "ünïcode"]);
    }
    const csets = runPython(
      `
import sys, h5py
f = h5py.File(sys.argv[1], "r")
g = f["données"].id
print(f.id.links.get_info("données".encode()).cset, h5py.h5a.get_info(g, name="µ".encode()).cset)`,
      path,
    );
    expect(csets.trim()).toBe("0 0");
    expect(() => H5File.create(tempPath(), { nameCset: "utf8" as never })).toThrow(/options.nameCset/);
  });

  it("info() of a closed group is a clear error", () => {
    using file = fresh();
    const g = file.root.createGroup("g");
    g.close();
    expect(() => g.info()).toThrow(/closed/);
  });
});
