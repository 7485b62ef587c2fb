/** The tree report lists a crafted file whose group is hard-linked inside itself without looping. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { DataLoader } from "@pymodaq-ts/data-saving";
import { afterAll, describe, expect, it } from "vitest";
import { dataNodePaths, treeLines } from "../src/report/tree.js";

const tmp = mkdtempSync(path.join(os.tmpdir(), "examples-tree-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("treeLines", () => {
  it("lists a group hard-linked under its own child once, without entering it again", () => {
    const file = path.join(tmp, "cycle.h5");
    // Debian's python3 carries python3-h5py (a python3 earlier on PATH may not).
    const made = spawnSync("/usr/bin/python3", ["-c", `
import h5py, sys
with h5py.File(sys.argv[1], "w") as f:
    g = f.create_group("RawData/Scan000")
    g.attrs["CLASS"] = "GROUP"
    f["RawData/Scan000/loop"] = f["RawData"]
`, file], { encoding: "utf8" });
    expect(made.stderr).toBe("");
    using loader = new DataLoader(file);
    const lines = treeLines(loader);
    expect(lines).toEqual(["/", "  RawData/", "    Scan000/", "      loop/"]);
    expect(dataNodePaths(loader)).toEqual([]);
  });
});
