/**
 * H5File.holdMetadataUntilFlush: between two flushes the file on disk is the last flushed state.
 * A copy of the file taken while the writer keeps it open is exactly what a process killed at
 * that moment leaves behind (the kernel keeps every byte written, nothing more), so the copies
 * stand for kills here; packages/reliability kills real processes.
 */
import { copyFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { H5File } from "../src/index.js";
import { tempPath } from "@pymodaq-ts/test-support";
import { pythonJson } from "./python.js";

/** What h5py sees in a file: every group and dataset with its shape, and the root attributes. */
const H5PY_TREE = `
import sys, json, h5py
out = {}
with h5py.File(sys.argv[1], "r") as f:
    f.visititems(lambda name, obj: out.__setitem__(name, list(obj.shape) if isinstance(obj, h5py.Dataset) else "group"))
    out["@attrs"] = sorted(f.attrs.keys())
    if "rows" in f: out["@rows"] = f["rows"][...].sum().item()
print(json.dumps(out))
`;

function snapshot(path: string, name: string): string {
  const copy = tempPath(name);
  copyFileSync(path, copy);
  return copy;
}

describe("H5File.holdMetadataUntilFlush", () => {
  it("a file copied between two flushes opens in h5py with exactly the flushed state", () => {
    const path = tempPath();
    using file = H5File.create(path);
    file.holdMetadataUntilFlush();
    const rows = file.root.createDataset("rows", { dtype: "float64", shape: [0, 4], maxshape: [null, 4], chunks: [16, 4] });
    for (let i = 0; i < 10; i++) rows.append(new Float64Array([i, i, i, i]));
    file.root.createGroup("flushed");
    file.flush();
    // Far more metadata than the default 2 MiB cache holds: without the hold, libhdf5 would
    // evict (write) part of it before the next flush.
    for (let i = 0; i < 3000; i++) {
      const g = file.root.createGroup(`later${String(i).padStart(4, "0")}`);
      g.attrs.set("TITLE", `group ${i} with a title long enough to take room in the cache`);
    }
    for (let i = 10; i < 500; i++) rows.append(new Float64Array([i, i, i, i]));
    file.attrs.set("unflushed", "not on disk yet");
    const killed = snapshot(path, "killed.h5");
    expect(pythonJson(H5PY_TREE, killed)).toEqual({ rows: [10, 4], flushed: "group", "@attrs": [], "@rows": 4 * 45 });

    file.flush();
    const tree = pythonJson<Record<string, unknown>>(H5PY_TREE, snapshot(path, "flushed.h5"));
    expect(tree.rows).toEqual([500, 4]);
    expect(tree["@rows"]).toBe(4 * ((499 * 500) / 2));
    expect(tree["@attrs"]).toEqual(["unflushed"]);
    expect(Object.keys(tree).filter((k) => k.startsWith("later"))).toHaveLength(3000);
  });

  it("a file created and flushed at once is a valid empty file on disk", () => {
    const path = tempPath();
    using file = H5File.create(path);
    file.holdMetadataUntilFlush();
    file.flush();
    file.root.createGroup("g");
    expect(pythonJson(H5PY_TREE, snapshot(path, "empty.h5"))).toEqual({ "@attrs": [] });
  });

  it("is allowed on a read-only file and throws H5ClosedError on a closed one", () => {
    const path = tempPath();
    H5File.create(path).close();
    const file = H5File.open(path);
    file.holdMetadataUntilFlush();
    file.close();
    expect(() => file.holdMetadataUntilFlush()).toThrow(/closed/);
  });
});
