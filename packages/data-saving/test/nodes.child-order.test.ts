/**
 * Child order is the file's own order, as PyTables gives it: files written by h5py and by
 * PyTables (as PyMoDAQ's two backends write nodes: groups with raw TITLE/CLASS, arrays with
 * enveloped PyMoDAQ attributes) whose children were created out of name order, with non-ASCII
 * names. The expected orders come from PyTables on the same file, through the original's code
 * paths: `get_children` (`_v_children`), `walk_nodes` (PyTables' `walk_groups`, then
 * `_v_children` of each group) and `DataLoader.load_all` (recurse into groups, stop at the first
 * data node).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { NDArray } from "@pymodaq-ts/data-model";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { H5SaverLowLevel } from "../src/conventions/h5-saver-lowlevel.js";
import { DataLoader } from "../src/loader/data-loader.js";
import { libhdf5Storage } from "../src/storage/libhdf5.js";
import { FILE_SETTINGS } from "../src/conventions/layout.js";

// The Debian python3 carries h5py and tables (python3-h5py, python3-tables); another python3 first on PATH may not.
const python = existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
const dir = mkdtempSync(join(tmpdir(), "ds-child-order-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes the file with `backend`, then prints PyTables' view of it as JSON. */
const SCRIPT = String.raw`
import json, sys
import numpy as np
import warnings
import h5py, tables

warnings.filterwarnings('ignore', category=tables.NaturalNameWarning)
path, backend = sys.argv[1], sys.argv[2]

def envelope(v):
    return json.dumps({"module": type(v).__module__, "type": type(v).__name__, "data": repr(v)})

def pymodaq_attrs(title, data_type, label):
    return dict(shape=(3,), dtype='float64', subdtype='', backend=backend, data_type=data_type,
                data_dimension='Data1D', timestamp=0.0, label=label, units='', source='raw',
                distribution='uniform', origin='', nav_indexes=())

# (parent, name, kind, title): created in this order, which is not name order
TREE = [
    ('/', 'RawData', 'group', 'raw'),
    ('/RawData', 'Zgroup', 'group', 'z'),
    ('/RawData', 'Data01', 'data', 'rootdata'),
    ('/RawData', '\U0001F4C1 donn\u00e9es', 'group', 'folder'),
    ('/RawData', 'Agroup', 'group', 'a'),
    ('/RawData/Zgroup', 'b', 'data', 'zb'),
    ('/RawData/Zgroup', 'a', 'data', 'za'),
    ('/RawData/Zgroup', '\u00e9a', 'data', 'zea'),
    ('/RawData/Zgroup', 'ab', 'data', 'zab'),
    ('/RawData/\U0001F4C1 donn\u00e9es', 'Logger0', 'data', 'logger0'),
    ('/RawData/\U0001F4C1 donn\u00e9es', '\u00c9t\u00e9', 'group', 'ete'),
    ('/RawData/\U0001F4C1 donn\u00e9es', 'Once', 'group', 'once'),
    ('/RawData/\U0001F4C1 donn\u00e9es/Once', 'Data00', 'data', 'once0'),
    ('/RawData/\U0001F4C1 donn\u00e9es/\u00c9t\u00e9', 'Data00', 'data', 'ete0'),
    ('/RawData/Agroup', 'Data00', 'data', 'a0'),
]

def join(parent, name):
    return ('' if parent == '/' else parent) + '/' + name

if backend == 'h5py':
    with h5py.File(path, 'w') as f:
        f.attrs['TITLE'] = envelope('PyMoDAQ file')
        for parent, name, kind, title in TREE:
            if kind == 'group':
                g = f[parent].create_group(name)
                g.attrs['TITLE'] = title
                g.attrs['CLASS'] = 'GROUP'
            else:
                d = f[parent].create_dataset(name, data=np.arange(3.0))
                d.attrs['TITLE'] = title
                d.attrs['CLASS'] = 'CARRAY'
                for k, v in pymodaq_attrs(title, 'data', name).items():
                    d.attrs[k] = envelope(v)
else:
    with tables.open_file(path, 'w', title='PyMoDAQ file') as f:
        for parent, name, kind, title in TREE:
            if kind == 'group':
                f.create_group(parent, name, title)
            else:
                a = f.create_carray(parent, name, obj=np.arange(3.0), title=title)
                for k, v in pymodaq_attrs(title, 'data', name).items():
                    a._v_attrs[k] = envelope(v)

def title(node):
    return node._v_attrs['TITLE']

def data_type(node):
    return json.loads(node._v_attrs['data_type'])['data'].strip("'")

def load_all(group, out):
    loaded = []
    for child in group._v_children.values():
        if isinstance(child, tables.Group):
            load_all(child, out)
            continue
        if 'data' in data_type(child):
            loaded.append(title(child))
            break
    out.append([group._v_name, loaded])
    return out

with tables.open_file(path, 'r') as f:
    walk = [f.get_node('/RawData')._v_pathname]
    for g in f.walk_groups('/RawData'):
        walk.extend(c._v_pathname for c in g._v_children.values())
    print(json.dumps({
        'children': {g._v_pathname: list(g._v_children) for g in f.walk_groups('/')},
        'walkGroups': [g._v_pathname for g in f.walk_groups('/RawData')],
        'walkNodes': walk,
        'loadAll': load_all(f.get_node('/RawData'), []),
    }))
`;

interface PyTablesView {
  children: Record<string, string[]>;
  walkGroups: string[];
  walkNodes: string[];
  loadAll: [string, string[]][];
}

function writeWithPython(backend: "h5py" | "tables"): { path: string; expected: PyTablesView } {
  const path = join(dir, `order_${backend}.h5`);
  const run = spawnSync(python, ["-c", SCRIPT, path, backend], { encoding: "utf8" });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  return { path, expected: JSON.parse(run.stdout) as PyTablesView };
}

describe.each(["h5py", "tables"] as const)("a file written by %s with children out of name order", (backend) => {
  let path: string;
  let expected: PyTablesView;
  beforeAll(() => {
    ({ path, expected } = writeWithPython(backend));
  });

  it("lists every group's children as PyTables' _v_children does (sub-groups first, each part in native order)", () => {
    const h5 = new H5SaverLowLevel();
    h5.openFile(path, "r");
    try {
      const got = Object.fromEntries(Object.keys(expected.children).map((g) => [g, [...h5.getChildren(g).keys()]]));
      expect(got).toEqual(expected.children);
    } finally {
      h5.closeFile();
    }
  });

  it("walks groups and nodes in PyMoDAQ's walk order", () => {
    const h5 = new H5SaverLowLevel();
    h5.openFile(path, "r");
    try {
      expect([...h5.walkGroups("/RawData")].map((g) => g.path)).toEqual(expected.walkGroups);
      expect([...h5.walkNodes("/RawData")].map((n) => n.path)).toEqual(expected.walkNodes);
    } finally {
      h5.closeFile();
    }
  });

  it("loads in DataLoader.load_all's order", () => {
    using loader = new DataLoader(path);
    const all = loader.loadAll("/RawData");
    expect(all.data.map((d) => d.name)).toEqual(expected.loadAll.flatMap(([, names]) => names));
  });
});

describe("the files tell the orders apart", () => {
  it("the h5py file has a group in creation order, not name order, and PyTables lists it so", () => {
    const { path, expected } = writeWithPython("h5py");
    const file = libhdf5Storage.open(path, "r", FILE_SETTINGS);
    try {
      const folder = file.root.openGroup("RawData").openGroup("\u{1F4C1} donn\u00e9es");
      expect(folder.childNames({ order: "native" })).toEqual(["Logger0", "\u00c9t\u00e9", "Once"]);
      expect(folder.childNames()).toEqual(["Logger0", "Once", "\u00c9t\u00e9"]);
    } finally {
      file.close();
    }
    expect(expected.children["/RawData/\u{1F4C1} donn\u00e9es"]).toEqual(["\u00c9t\u00e9", "Once", "Logger0"]);
  });
});

/**
 * The h5py profile writes a group's links as PyMoDAQ's h5py backend does (get_set_group:
 * create_group + TITLE + CLASS; create_carray: create_dataset(data=...) + TITLE + CLASS + the
 * enveloped attributes), so each group leaves the symbol-table format at the same link and lists
 * its children natively in the same order as the original's file.
 */
describe("the h5py profile gives a group h5py's native child order", () => {
  type Step = [kind: "group" | "data", name: string];
  const many = (names: string[]): Step[] => names.map((n, i): Step => [i % 3 === 1 ? "data" : "group", n]);
  const CASES: Record<string, Step[]> = {
    asciiOnly: [["group", "b"], ["group", "a"], ["data", "ab"], ["group", "Z"]],
    nonAsciiFirst: [["group", "éa"], ["group", "b"], ["group", "a"], ["group", "ab"]],
    nonAsciiMiddle: [["group", "b"], ["group", "a"], ["group", "éa"], ["group", "ab"]],
    nonAsciiLast: [["group", "b"], ["group", "a"], ["group", "ab"], ["group", "éa"]],
    nonAsciiData: [["data", "b"], ["data", "a"], ["data", "éa"], ["data", "ab"], ["group", "gb"], ["group", "ga"], ["group", "gé"], ["group", "gaa"]],
    dense: many(["z", "b", "a", "éa", "ab", "Data10", "Data02", "y", "µ", "c", "Z", "Été"]),
  };
  const H5PY_BACKEND = String.raw`
import sys, json, numpy as np, h5py
cases = json.loads(sys.argv[2])
def envelope(v):
    return json.dumps({"module": type(v).__module__, "type": type(v).__name__, "data": repr(v)})
def get_set_group(parent, name, title):
    g = parent.create_group(name)
    g.attrs['TITLE'] = title
    g.attrs['CLASS'] = 'GROUP'
    return g
with h5py.File(sys.argv[1], 'w') as f:
    f.attrs['TITLE'] = 'PyMoDAQ file'
    for case, steps in cases.items():
        g = get_set_group(f, case, case)
        for kind, name in steps:
            if kind == 'group':
                get_set_group(g, name, name)
            else:
                a = g.create_dataset(name, data=np.arange(3.0))
                a.attrs['TITLE'] = name
                a.attrs['CLASS'] = 'CARRAY'
                for k, v in (('shape', (3,)), ('dtype', 'float64'), ('subdtype', ''), ('backend', 'h5py')):
                    a.attrs[k] = envelope(v)
`;

  function nativeOrders(path: string): Record<string, string[]> {
    const file = libhdf5Storage.open(path, "r", FILE_SETTINGS);
    try {
      return Object.fromEntries(Object.keys(CASES).map((c) => [c, file.root.openGroup(c).childNames({ order: "native" })]));
    } finally {
      file.close();
    }
  }

  it("for ASCII-only names, a non-ASCII name first, in the middle or last, and past 8 links", () => {
    const theirs = join(dir, "h5py-backend.h5");
    const run = spawnSync(python, ["-c", H5PY_BACKEND, theirs, JSON.stringify(CASES)], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    const ours = join(dir, "h5py-profile.h5");
    const h5 = new H5SaverLowLevel({ backend: "h5py" });
    h5.openFile(ours, "w");
    for (const [c, steps] of Object.entries(CASES)) {
      h5.getSetGroup("/", c, c);
      for (const [kind, name] of steps) {
        if (kind === "group") h5.getSetGroup(`/${c}`, name, name);
        else h5.createCarray(`/${c}`, name, NDArray.from("float64", [3], [0, 1, 2]), name);
      }
    }
    h5.closeFile();
    const expected = nativeOrders(theirs);
    expect(nativeOrders(ours)).toEqual(expected);
    expect(expected["nonAsciiMiddle"]).toEqual(["a", "b", "éa", "ab"]);
    expect(expected["nonAsciiData"]).toEqual(["a", "ab", "b", "ga", "gb", "éa", "gé", "gaa"]);
  });
});
