/**
 * Every PyMoDAQ fixture file (written by pymodaq_data through PyTables or h5py) opens and its
 * whole tree reads back as the `tree` section of its `.expected.json` describes: paths and
 * kinds, dataset shapes, dtypes, values, storage, every attribute's raw storage, Logger rows.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fixtureNames, fixturePath } from "@pymodaq-ts/test-support";
import { H5File } from "../src/index.js";
import { checkRawAttrs, checkStorage, checkValue, checkVlenRows, walk, type TreeEntry } from "./fixture-checks.js";

const names = fixtureNames();

describe("PyMoDAQ fixtures", () => {
  it("are found in the repository", () => {
    expect(names.length).toBeGreaterThanOrEqual(25);
  });

  for (const name of names) {
    it(`${name}.h5 reads back as its expected tree`, () => {
      const expected = JSON.parse(readFileSync(fixturePath(name, ".expected.json"), "utf8")) as { tree: Record<string, TreeEntry> };
      using file = H5File.open(fixturePath(name, ".h5"));
      const found = walk(file.root);
      expect(Object.fromEntries(found)).toEqual(Object.fromEntries(Object.entries(expected.tree).map(([p, e]) => [p, e.kind])));
      for (const [path, entry] of Object.entries(expected.tree)) {
        if (entry.kind === "group") {
          const group = path === "/" ? file.root : file.root.openGroup(path);
          checkRawAttrs(group, entry.raw_attrs ?? {});
          continue;
        }
        const ds = file.root.openDataset(path);
        expect(ds.kind).toBe(entry.dtype);
        expect(ds.shape()).toEqual(entry.shape);
        checkRawAttrs(ds, entry.raw_attrs ?? {});
        if (entry.storage) checkStorage(ds, entry.storage);
        if (entry.value) checkValue(ds, entry.value);
        if (entry.dtype === "vlen-uint8") checkVlenRows(file, path, entry);
        ds.close();
      }
    });
  }
});
