/**
 * `nameCset: "h5py"`: names marked as h5py 3's calls mark them (a non-ASCII group name UTF-8,
 * dataset and attribute names ASCII), so that a group leaves the symbol-table format at the same
 * link as in h5py and lists its children in h5py's native order. Each case makes the same calls
 * in h5py and here (groups and datasets with their TITLE/CLASS attributes, as PyMoDAQ's h5py
 * backend writes nodes) and compares the native order (`H5Literate`, `H5_ITER_NATIVE`) of the
 * group and the character set of every link and attribute name.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { H5File, type H5Group } from "../src/index.js";
import { tempDir } from "@pymodaq-ts/test-support";
import { pythonJson, runPython } from "./python.js";

type Step = [kind: "g" | "d", name: string];

const many = (names: string[]): Step[] => names.map((n, i): Step => [i % 3 === 1 ? "d" : "g", n]);

/** Creation sequences, each made in its own group. */
const CASES: Record<string, Step[]> = {
  ascii: [["g", "b"], ["g", "a"], ["d", "ab"], ["g", "Z"]],
  firstNonAscii: [["g", "éa"], ["g", "b"], ["g", "a"], ["g", "ab"]],
  middleNonAscii: [["g", "b"], ["g", "a"], ["g", "éa"], ["g", "ab"]],
  lastNonAscii: [["g", "b"], ["g", "a"], ["g", "ab"], ["g", "éa"]],
  // h5py links datasets with ASCII-marked names, so only the group "gé" converts the group.
  datasetsNonAscii: [["d", "b"], ["d", "a"], ["d", "éa"], ["d", "ab"], ["g", "gb"], ["g", "ga"], ["g", "gé"], ["g", "gaa"]],
  logger: [["d", "Logger0"], ["g", "📁 données"], ["g", "Once"]],
  // Past 8 links libhdf5 moves the links to dense storage (a name index in a B-tree).
  dense: many(["z", "b", "a", "éa", "ab", "Data10", "Data02", "y", "µ", "c", "Z", "Été"]),
  denseAscii: many(["z", "b", "a", "ab", "Data10", "Data02", "y", "c", "Z", "Data00"]),
};

/** Makes every case with h5py, then prints for the given files each case's native order and name character sets. */
const H5PY_WRITE_AND_LIST = `
import sys, json, numpy as np, h5py
cases = json.loads(sys.argv[1])
with h5py.File(sys.argv[2], "w") as f:
    for case, steps in cases.items():
        g = f.create_group(case)
        for kind, name in steps:
            node = g.create_group(name) if kind == "g" else g.create_dataset(name, data=np.arange(3.0))
            node.attrs["TITLE"] = name
            node.attrs["CLASS"] = "GROUP" if kind == "g" else "CARRAY"
            node.attrs["é"] = 1
`;

const LIST = `
import sys, json, h5py
out = {}
for path in sys.argv[2:]:
    with h5py.File(path, "r") as f:
        seen = {}
        for case in json.loads(sys.argv[1]):
            g = f[case]
            native = []
            g.id.links.iterate(lambda n: native.append(n.decode()), idx_type=h5py.h5.INDEX_NAME, order=h5py.h5.ITER_NATIVE)
            csets = {n: [g.id.links.get_info(n.encode()).cset] + [h5py.h5a.get_info(g[n].id, name=a.encode()).cset for a in ("TITLE", "é")]
                     for n in native}
            seen[case] = {"native": native, "csets": csets}
        out[path] = seen
print(json.dumps(out))
`;

function makeCase(group: H5Group, steps: Step[]): void {
  for (const [kind, name] of steps) {
    const node = kind === "g" ? group.createGroup(name) : group.createDataset(name, { dtype: "float64", shape: [3] });
    node.attrs.set("TITLE", name, { storage: "vlen" });
    node.attrs.set("CLASS", kind === "g" ? "GROUP" : "CARRAY", { storage: "vlen" });
    node.attrs.set("é", 1);
  }
}

describe('H5File nameCset "h5py"', () => {
  it("gives a group the native child order h5py gives it for the same calls", () => {
    const dir = tempDir();
    const theirs = join(dir, "h5py.h5");
    const ours = join(dir, "ours.h5");
    const auto = join(dir, "auto.h5");
    runPython(H5PY_WRITE_AND_LIST, JSON.stringify(CASES), theirs);
    for (const [path, nameCset] of [[ours, "h5py"], [auto, "auto"]] as const) {
      using file = H5File.create(path, { nameCset });
      for (const [name, steps] of Object.entries(CASES)) makeCase(file.root.createGroup(name), steps);
    }
    const seen = pythonJson<Record<string, Record<string, { native: string[]; csets: Record<string, number[]> }>>>(LIST, JSON.stringify(CASES), theirs, ours, auto);
    for (const name of Object.keys(CASES)) expect(seen[ours]![name], name).toEqual(seen[theirs]![name]);

    // The facts the cases rest on (1 = UTF-8): the expected orders are h5py's own.
    const h5py = seen[theirs]!;
    expect(h5py["middleNonAscii"]!.native).toEqual(["a", "b", "éa", "ab"]);
    expect(h5py["middleNonAscii"]!.csets["éa"]).toEqual([1, 0, 0]);
    expect(h5py["datasetsNonAscii"]!.native).toEqual(["a", "ab", "b", "ga", "gb", "éa", "gé", "gaa"]);
    expect(h5py["datasetsNonAscii"]!.csets["éa"]).toEqual([0, 0, 0]);
    expect(h5py["logger"]!.native).toEqual(["Logger0", "📁 données", "Once"]);
    // "auto" marks the dataset "éa" UTF-8 too, which converts its group earlier: another order.
    expect(seen[auto]!["datasetsNonAscii"]!.csets["éa"]).toEqual([1, 0, 1]);
    expect(seen[auto]!["datasetsNonAscii"]!.native).not.toEqual(h5py["datasetsNonAscii"]!.native);

    // And this binding's own listing of its file agrees with h5py's listing of it.
    using file = H5File.open(ours);
    for (const name of Object.keys(CASES)) expect(file.root.openGroup(name).childNames({ order: "native" }), name).toEqual(h5py[name]!.native);
    expect(file.root.openGroup("dense").info().storage).toBe("dense");
    expect(file.root.openGroup("middleNonAscii").info().storage).toBe("compact");
    expect(file.root.openGroup("ascii").info().storage).toBe("symbol-table");
  });

  it("marks moved links ASCII, as h5py's Group.move does", () => {
    const path = join(tempDir(), "move.h5");
    {
      using file = H5File.create(path, { nameCset: "h5py" });
      file.root.createGroup("a");
      file.root.move("a", "dé");
      expect(file.root.info().storage).toBe("symbol-table");
    }
    expect(runPython(`import sys, h5py; f = h5py.File(sys.argv[1], "r"); print(f.id.links.get_info("dé".encode()).cset)`, path).trim()).toBe("0");
  });
});
