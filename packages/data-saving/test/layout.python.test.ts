// A file written by this layer, opened by Debian's python3 `tables` (PyTables 3.7) and `h5py`:
// same tree, same classes, same walk order, same values, pickles readable, PyTables chunk shapes.
import { PyTuple } from "@pymodaq-ts/data-model";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "@pymodaq-ts/test-support";
import type { EARRAY } from "../src/conventions/nodes/arrays.js";
import type { Node } from "../src/conventions/nodes/node.js";
import { H5SaverLowLevel } from "../src/conventions/h5-saver-lowlevel.js";

const PYTHON = ["/usr/bin/python3", "python3"].find((p) => p === "python3" || existsSync(p)) ?? "python3";

const TABLES_DUMP = `
import sys, json, pickle, tables
out = []
def pymodaq_walk(f):
    # pymodaq's H5Backend.walk_nodes: the node, then the children (dict order) of each walked group
    yield f.root
    for group in f.walk_groups(f.root):
        yield from group._v_children.values()
with tables.open_file(sys.argv[1], "r") as f:
    for node in pymodaq_walk(f):
        attrs = node._v_attrs
        d = {"path": node._v_pathname, "pyclass": type(node).__name__,
             "CLASS": attrs.CLASS if "CLASS" in attrs._v_attrnames else None,
             "title": node._v_title, "attrs": sorted(attrs._v_attrnames)}
        if isinstance(node, tables.Leaf):
            d["shape"] = [int(x) for x in node.shape]
            d["chunkshape"] = [int(x) for x in node.chunkshape] if node.chunkshape else None
            d["filters"] = [int(node.filters.complevel), bool(node.filters.shuffle)]
            if isinstance(node, tables.VLArray):
                d["strings"] = [pickle.loads(bytes(r)) for r in node.read()]
            else:
                d["values"] = node.read().ravel().tolist()
                d["dtype"] = str(node.dtype)
        out.append(d)
print(json.dumps(out))
`;

const H5PY_DUMP = `
import sys, json, h5py
out = {}
def visit(name, obj):
    attrs = {}
    for k, v in obj.attrs.items():
        attrs[k] = v.decode() if isinstance(v, bytes) else v.item() if hasattr(v, "item") else str(v)
    d = {"kind": "group" if isinstance(obj, h5py.Group) else "dataset", "attrs": attrs}
    if isinstance(obj, h5py.Dataset):
        d["shape"] = [int(x) for x in obj.shape]; d["maxshape"] = [int(m) if m is not None else -1 for m in obj.maxshape]
        d["chunks"] = [int(x) for x in obj.chunks] if obj.chunks else None
    out["/" + name] = d
with h5py.File(sys.argv[1], "r") as f:
    visit("", f)
    f.visititems(visit)
print(json.dumps(out))
`;

const execFileAsync = promisify(execFile);

/** Runs a python3 snippet on `file` (asynchronously: a test worker must not block for long). */
async function runPython(script: string, file: string): Promise<unknown> {
  const { stdout } = await execFileAsync(PYTHON, ["-c", script, file], { encoding: "utf8" });
  return JSON.parse(stdout);
}

let dir: string;
let file: string;
let ourWalk: { path: string; cls: string; title: unknown }[];

beforeAll(() => {
  dir = tempDir("ds-python");
  file = join(dir, "cross.h5");
  const h5 = new H5SaverLowLevel({ saveType: "scan" });
  h5.defineCompression("zlib", 5);
  h5.initFile(file, { newFile: true, metadata: { operator: "µ-tester" }, clock: { date: "2024-01-02", time: "03:04:05" } });
  h5.addLog("Scan started");
  h5.addLog("été ☃ 😀");
  h5.addLog("x".repeat(300));
  const scan = h5.addScanGroup(h5.rawGroup, "my scan");
  const det = h5.addDetGroup(scan, "mydet");
  const ch = h5.getSetGroup(h5.getSetGroup(det, "Data1D"), "CH00", "données µ");
  h5.addArray(ch, "Data00", "data", {
    data: { dtype: "int64", shape: [2, 3], data: BigInt64Array.of(1n, 2n, 3n, 4n, 5n, 6n) },
    title: "données µ", dataDimension: "Data1D", metadata: { nav_indexes: PyTuple.ofInts([0]) },
  });
  const enl = h5.addArray(ch, "EnlData00", "data_enlargeable", { enlargeable: true, dataShape: [3], dataDimension: "Data1D" });
  for (let i = 0; i < 4; i++) (enl as EARRAY).append({ dtype: "float64", shape: [3], data: Float64Array.of(i, i + 0.5, i + 0.25) });
  const nav = h5.getSetGroup(det, "NavAxes");
  h5.addArray(nav, "Axis00", "axis", { data: { dtype: "float64", shape: [5], data: Float64Array.of(0, 1, 2, 3, 4) }, title: "x", dataDimension: "Data1D" });
  h5.getSetGroup(h5.rawGroup, "Agroup");
  h5.flush();
  const walk = (n: Node) => ({ path: n.path, cls: n.nodeClass, title: n.title });
  ourWalk = [...h5.walkNodes("/")].map(walk);
  h5.closeFile();
});

describe("a file written here, read by PyTables and h5py", () => {
  it("PyTables sees the same tree, classes, titles and walk order", async () => {
    const dump = (await runPython(TABLES_DUMP, file)) as { path: string; pyclass: string; CLASS: string; title: string }[];
    expect(dump.map((d) => d.path)).toEqual(ourWalk.map((n) => n.path));
    const pyClass: Record<string, string> = { GROUP: "Group", CARRAY: "CArray", EARRAY: "EArray", VLARRAY: "VLArray" };
    for (const [i, d] of dump.entries()) {
      const ours = ourWalk[i];
      expect(d.pyclass, d.path).toBe(d.path === "/" ? "RootGroup" : pyClass[ours?.cls ?? ""]);
      expect(d.CLASS, d.path).toBe(ours?.cls);
      expect(d.title, d.path).toBe(ours?.title);
    }
  });

  it("PyTables reads the values, the pickled Logger, chunk shapes and filters", async () => {
    const dump = (await runPython(TABLES_DUMP, file)) as Record<string, unknown>[];
    const at = (p: string) => dump.find((d) => d.path === p) as Record<string, unknown>;
    expect(at("/RawData/Logger")).toMatchObject({ strings: ["Scan started", "été ☃ 😀", "x".repeat(300)], shape: [3], chunkshape: [65536], filters: [5, true] });
    const data = at("/RawData/Scan000/Detector000/Data1D/CH00/Data00");
    expect(data).toMatchObject({ values: [1, 2, 3, 4, 5, 6], shape: [2, 3], dtype: "int64", chunkshape: [2730, 3] });
    expect(data.attrs).toEqual(["CLASS", "TITLE", "VERSION", "backend", "data_dimension", "data_type", "dtype", "nav_indexes", "shape", "subdtype"]);
    const enl = at("/RawData/Scan000/Detector000/Data1D/CH00/EnlData00");
    expect(enl).toMatchObject({ shape: [4, 3], chunkshape: [2730, 3], values: [0, 0.5, 0.25, 1, 1.5, 1.25, 2, 2.5, 2.25, 3, 3.5, 3.25] });
    expect(at("/RawData/Scan000/Detector000/NavAxes/Axis00")).toMatchObject({ values: [0, 1, 2, 3, 4], chunkshape: [8192] });
  });

  it("h5py sees the attributes, shapes and max shapes", async () => {
    const dump = (await runPython(H5PY_DUMP, file)) as Record<string, { kind: string; attrs: Record<string, unknown>; shape?: number[]; maxshape?: number[]; chunks?: number[] }>;
    expect(Object.keys(dump).sort()).toEqual(ourWalk.map((n) => n.path).sort());
    expect(dump["/RawData/Scan000/Detector000/Data1D"]?.attrs.TITLE).toBe("Empty(dtype=dtype('S1'))");
    expect(dump["/"]?.attrs).toMatchObject({ CLASS: "GROUP", TITLE: "PyMoDAQ file", VERSION: "1.0", PYTABLES_FORMAT_VERSION: "2.1" });
    expect(dump["/"]?.attrs.time).toBe(`{"module": "builtins", "type": "str", "data": "'03:04:05'"}`);
    expect(dump["/RawData"]?.attrs.operator).toBe(`{"module": "builtins", "type": "str", "data": "'\\u00b5-tester'"}`);
    const enl = dump["/RawData/Scan000/Detector000/Data1D/CH00/EnlData00"];
    expect(enl).toMatchObject({ shape: [4, 3], maxshape: [-1, 3], chunks: [2730, 3] });
    expect(enl?.attrs).toMatchObject({ EXTDIM: 0, CLASS: "EARRAY", shape: `{"module": "builtins", "type": "tuple", "data": "(4, 3)"}` });
    expect(dump["/RawData/Scan000/Detector000/Data1D/CH00/Data00"]).toMatchObject({ shape: [2, 3], maxshape: [2730, 3] });
    expect(dump["/RawData/Scan000"]?.attrs.scan_done).toBe(`{"module": "builtins", "type": "bool", "data": "False"}`);
  });
});

describe("reading a file written by plain h5py", () => {
  it("classifies by CLASS only: groups without CLASS are groups, a soft link is followed by path, nothing is written", async () => {
    const path = join(dir, "plain.h5");
    await execFileAsync(PYTHON, ["-c", `
import sys, h5py, numpy as np
with h5py.File(sys.argv[1], "w") as f:
    g = f.create_group("plain")
    d = g.create_dataset("arr", data=np.arange(3.0))
    d.attrs["CLASS"] = "CARRAY"
    g.create_dataset("noclass", data=np.arange(2))
    g["link"] = h5py.SoftLink("/plain/arr")
`, path]);
    const ro = H5SaverLowLevel.openReadOnly(path);
    try {
      const plain = ro.getGroup("/plain");
      expect(plain.attrs.has("CLASS")).toBe(false);
      expect(plain.title).toBe("");
      expect(ro.getNode("/plain/arr").nodeClass).toBe("CARRAY");
      expect(() => ro.getNode("/plain/noclass")).toThrow(/\/plain\/noclass: expected a CLASS attribute/);
      expect(ro.getNode("/plain/link")).toMatchObject({ nodeClass: "CARRAY", path: "/plain/link" });
      expect(() => plain.childrenName()).toThrow(/noclass/);
    } finally {
      ro.closeFile();
    }
    const { stdout: check } = await execFileAsync(PYTHON, ["-c", `
import sys, h5py
with h5py.File(sys.argv[1], "r") as f:
    print(sorted(f["plain"].attrs.keys()), sorted(f["plain"].keys()))
`, path], { encoding: "utf8" });
    expect(check.trim()).toBe("[] ['arr', 'link', 'noclass']");
  });
});
