/**
 * Links, on a file written by h5py: soft links (to a group, to a dataset, dangling, a cycle of
 * two), an external link, and a hard link to the root under a sub-group (a cycle). What the
 * original's libraries do, checked here on the same file (see the comments), and what we do:
 * - PyTables and h5py follow a soft link met on a path (`/soft/d`): so do we;
 * - PyTables lists links after groups and leaves in `_v_children`, and PyMoDAQ's `children()`
 *   then fails on them (KeyError: a link has no attributes): we leave them out of `children()`;
 * - PyTables' `walk_groups` never ends on the hard-link cycle: our walks throw a NodeError there;
 * - the inspector lists links as links with their target, and marks the cycle.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { H5SaverLowLevel } from "../src/conventions/h5-saver-lowlevel.js";
import { CARRAY } from "../src/conventions/nodes/arrays.js";
import { GROUP } from "../src/conventions/nodes/group.js";
import { isNodeError } from "../src/errors.js";
import { DataLoader } from "../src/loader/data-loader.js";
import { inspectFile } from "../src/tools/canonical/inspect.js";
import { canonicalTree } from "../src/tools/canonical/tree.js";
import { renderInspectText } from "../src/cli/inspect-text.js";

const python = existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
const dir = mkdtempSync(join(tmpdir(), "ds-links-"));
const path = join(dir, "links.h5");
const other = join(dir, "other.h5");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes the file, then prints what PyTables and h5py give for the paths through links. */
const SCRIPT = `
import json, sys, warnings
import h5py, tables
warnings.simplefilter('ignore')
path, other = sys.argv[1], sys.argv[2]
with h5py.File(other, 'w') as f:
    f.create_group('there')
with h5py.File(path, 'w') as f:
    g = f.create_group('g')
    g.attrs['CLASS'] = 'GROUP'
    g.attrs['TITLE'] = 'g'
    d = g.create_dataset('d', data=[1.0, 2.0])
    d.attrs['CLASS'] = 'CARRAY'
    d.attrs['TITLE'] = 'd'
    f['soft'] = h5py.SoftLink('/g')
    f['softd'] = h5py.SoftLink('/g/d')
    f['dangling'] = h5py.SoftLink('/nowhere')
    f['c1'] = h5py.SoftLink('/c2')
    f['c2'] = h5py.SoftLink('/c1')
    g['loop'] = h5py.SoftLink('/g')
    f['ext'] = h5py.ExternalLink(other, '/there')
    g['up'] = f['/']
out = {}
with tables.open_file(path) as t:
    out['tables'] = {p: type(t.get_node(p)).__name__ for p in ['/soft/d', '/g/loop/d', '/g/loop/loop/d']}
    out['tables_children'] = {k: type(v).__name__ for k, v in t.root._v_children.items()}
    walk = t.walk_groups('/')
    out['tables_walk'] = [next(walk)._v_pathname for _ in range(5)]
with h5py.File(path, 'r') as f:
    out['h5py'] = {p: f[p][:].tolist() for p in ['/soft/d', '/g/loop/d', '/softd']}
print(json.dumps(out))
`;

let python_: {
  tables: Record<string, string>;
  tables_children: Record<string, string>;
  tables_walk: string[];
  h5py: Record<string, number[]>;
};
let h5: H5SaverLowLevel;
beforeAll(() => {
  const run = spawnSync(python, ["-c", SCRIPT, path, other], { encoding: "utf8" });
  expect(run.stderr).toBe("");
  python_ = JSON.parse(run.stdout) as typeof python_;
  h5 = H5SaverLowLevel.openReadOnly(path);
});
afterAll(() => h5.closeFile());

function errorOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected an error");
}

describe("soft links on a path are followed, as PyTables and h5py do", () => {
  it("through a link to a group, also a link to its own group", () => {
    expect(python_.tables).toEqual({ "/soft/d": "CArray", "/g/loop/d": "CArray", "/g/loop/loop/d": "CArray" });
    expect(python_.h5py["/soft/d"]).toEqual([1, 2]);
    for (const p of ["/soft/d", "/g/loop/d", "/g/loop/loop/d"]) {
      const node = h5.getNode(p);
      expect(node).toBeInstanceOf(CARRAY);
      expect(node.path).toBe(p);
      expect(Array.from((node as CARRAY).read().data as Float64Array)).toEqual([1, 2]);
    }
    expect(h5.getNode("/soft")).toBeInstanceOf(GROUP);
    expect(Array.from((h5.getNode("/softd") as CARRAY).read().data as Float64Array)).toEqual(python_.h5py["/softd"]);
  });

  it("a dangling link, a cycle of soft links and an external link are NodeErrors naming the link", () => {
    const dangling = errorOf(() => h5.getNode("/dangling"));
    expect(isNodeError(dangling)).toBe(true);
    expect((dangling as Error).message).toMatch(/\/dangling.*soft link to \/nowhere/);
    const cycle = errorOf(() => h5.getNode("/c1/x"));
    expect(isNodeError(cycle)).toBe(true);
    expect((cycle as Error).message).toMatch(/\/c1.*soft link to \/c2/);
    const ext = errorOf(() => h5.getNode("/ext"));
    expect(isNodeError(ext)).toBe(true);
    expect((ext as Error).message).toMatch(/external link to .*other\.h5:\/there, which is not followed/);
  });
});

describe("children and walks", () => {
  it("children() leaves the links out (PyTables lists them last, and PyMoDAQ fails on them)", () => {
    expect(Object.values(python_.tables_children).slice(1)).toEqual(["SoftLink", "SoftLink", "SoftLink", "SoftLink", "SoftLink", "ExternalLink"]);
    expect(h5.root().childrenName()).toEqual(["g"]);
    expect(h5.getGroup("/g").childrenName()).toEqual(["up", "d"].sort());
  });

  it("a group hard-linked under its own descendant stops the walks with a NodeError (PyTables' walk never ends)", () => {
    expect(python_.tables_walk).toEqual(["/", "/g", "/g/up", "/g/up/g", "/g/up/g/up"]);
    const walk = errorOf(() => [...h5.walkNodes("/")]);
    expect(isNodeError(walk)).toBe(true);
    expect((walk as Error).message).toMatch(/\/g\/up.*it is \/ again \(a hard-link cycle\)/);
    expect(isNodeError(errorOf(() => [...h5.walkGroups("/g")]))).toBe(true);
    const loader = new DataLoader(h5);
    expect((errorOf(() => loader.loadAll("/")) as Error).message).toMatch(/hard-link cycle/);
  });
});

describe("the inspector", () => {
  it("lists soft and external links with their targets and marks the hard-link cycle", () => {
    const tree = canonicalTree(path);
    expect(tree["/soft"]).toMatchObject({ kind: "softlink", target: "/g" });
    expect(tree["/dangling"]).toMatchObject({ kind: "softlink", target: "/nowhere" });
    expect(tree["/g/loop"]).toMatchObject({ kind: "softlink", target: "/g" });
    expect(tree["/ext"]).toMatchObject({ kind: "externallink", target: "/there" });
    expect(tree["/ext"]?.file).toMatch(/other\.h5$/);
    expect(tree["/g/up"]).toMatchObject({ kind: "group", cycle: "/" });
    expect(Object.keys(tree).filter((p) => p.startsWith("/g/up/"))).toEqual([]);
  });

  it("pymodaq-h5 inspect shows them and ends", () => {
    const text = renderInspectText(inspectFile(path));
    expect(text).toContain("soft [softlink]  -> /g");
    expect(text).toMatch(/ext \[externallink\] {2}-> .*other\.h5:\/there/);
    expect(text).toContain("up [group]  (hard link to /: a cycle, not entered)");
  });
});
