/**
 * Writer-side proof: every `NAME.scenario.json` of the repository's fixtures/pymodaq, replayed
 * through our savers, writes a file whose canonical JSON (the inspector's, written with
 * stringifyCanonical, so Python floats stay floats: `1.0`, not `1`) matches the fixture's
 * `NAME.expected.json` itself, with no re-serialization of either side:
 *
 * (a) the same tree, compared in strict mode (compareTrees: decoded attributes with their Python
 *     int / float types, raw attribute encodings and storage layout, volatile attributes
 *     ignored), for scenarios recorded with either backend: each is replayed with its own
 *     backend, whose file profile it writes;
 * (b) the same loads (compareLoads with ignoreVolatile on the whole document); for PyTables
 *     scenarios the strict comparison may differ only in `diagnostics` (warning texts are our
 *     own wording);
 * (c) the file opens in Debian's python3-tables and python3-h5py;
 * (d) the same low-level storage the tree does not show: every group keeps its links the way the
 *     fixture's does, link and attribute names have the fixture's character set,
 *     and every dataset has the fixture's fill value status (libhdf5's default), fill time and
 *     allocation time.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { H5File, type H5GroupLike } from "@pymodaq-ts/h5-lowlevel";
import { compareLoads, compareTrees, fixtureJson, fixtureNames, fixturePath, parsePyJson, tempDir } from "@pymodaq-ts/test-support";
import { describe, expect, it } from "vitest";
import { stringifyCanonical } from "../src/tools/canonical/json.js";
import { inspectFile } from "../src/tools/canonical/inspect.js";
import { replayScenario } from "../src/tools/replay/index.js";

const names = fixtureNames(".scenario.json");
/** Debian's python3 has python3-tables and python3-h5py; a pyenv python3 may not. */
const PYTHON = existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
/** Opens a file with PyTables and h5py and reads every node and attribute (warnings are errors). */
const OPEN_IN_PYTHON = `
import sys, warnings, tables, h5py
warnings.simplefilter("error")
with tables.open_file(sys.argv[1]) as f:
    for n in f.walk_nodes("/"):
        n._v_attrs._f_list("all")
        if hasattr(n, "read"): n.read()
with h5py.File(sys.argv[1], "r") as f:
    f.visititems(lambda name, o: o[()] if isinstance(o, h5py.Dataset) else None)
print("OK")
`;
/**
 * Character sets of every link and attribute name (0 = ASCII, 1 = UTF-8) and the fill settings of
 * every dataset ([fill value status, fill time, allocation time], as libhdf5 numbers them), by path.
 */
const STORAGE_DETAILS = `
import sys, json, h5py
out = {}
def visit(group, path):
    for name in group:
        out["link " + path + name] = group.id.links.get_info(name.encode()).cset
        obj = group[name]
        for attr in obj.attrs:
            out["attr " + path + name + "@" + attr] = h5py.h5a.get_info(obj.id, name=attr.encode()).cset
        if isinstance(obj, h5py.Dataset):
            dcpl = obj.id.get_create_plist()
            out["fill " + path + name] = [dcpl.fill_value_defined(), dcpl.get_fill_time(), dcpl.get_alloc_time()]
        if isinstance(obj, h5py.Group): visit(obj, path + name + "/")
with h5py.File(sys.argv[1], "r") as f:
    visit(f, "/")
print(json.dumps(out, sort_keys=True))
`;
/** How each group of a file stores its links, by path. */
function groupStorage(path: string): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (group: H5GroupLike, at: string): void => {
    out[at] = group.info().storage;
    for (const child of group.children()) if (child.kind === "group") visit(group.openGroup(child.name), `${at === "/" ? "" : at}/${child.name}`);
  };
  using file = H5File.open(path);
  visit(file.root, "/");
  return out;
}
const work = tempDir("pymodaq-replay");

function recordedBackend(name: string): string {
  const doc = fixtureJson(name, ".scenario.json") as { summary?: { backend?: string } };
  return doc.summary?.backend ?? "tables";
}

describe("replay of the pymodaq_data scenarios", () => {
  it("finds the scenario corpus", () => {
    expect(names.length).toBeGreaterThanOrEqual(25);
  });

  for (const name of names) {
    it(`${name}: the replayed file has the fixture's tree and loads`, () => {
      const out = join(work, `${name}.h5`);
      const result = replayScenario(fixturePath(name, ".scenario.json"), out);
      expect(result.name).toBe(name);

      const actual = parsePyJson(stringifyCanonical(inspectFile(out)));
      const expected = fixtureJson(name, ".expected.json");
      const pytables = recordedBackend(name) !== "h5py";

      const tree = compareTrees(expected, actual, { strict: true });
      expect(tree.differences).toEqual([]);
      expect(tree.ok).toBe(true);

      const opened = spawnSync(PYTHON, ["-c", OPEN_IN_PYTHON, out], { encoding: "utf8" });
      if (opened.status !== 0) console.error(`${name} (PyTables/h5py):\n${opened.stdout}${opened.stderr}`);
      expect(opened.stdout.trim()).toBe("OK");

      expect(groupStorage(out)).toEqual(groupStorage(fixturePath(name, ".h5")));
      const details = (file: string): Record<string, unknown> => JSON.parse(spawnSync(PYTHON, ["-c", STORAGE_DETAILS, file], { encoding: "utf8" }).stdout);
      expect(details(out)).toEqual(details(fixturePath(name, ".h5")));

      const loads = compareLoads(expected, actual, { ignoreVolatile: true });
      expect(loads.differences).toEqual([]);
      expect(loads.ok).toBe(true);

      if (pytables) {
        // Diagnostics differ by design (wording), so only the other differences are shown.
        const strict = compareLoads(expected, actual, { ignoreVolatile: true, strict: true });
        expect(strict.details.filter((d) => !/\.diagnostics\b/.test(d.loc))).toEqual([]);
      }
    });
  }
});
