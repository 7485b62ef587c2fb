/**
 * H5Group.linkInfo and H5Node.objectId on a file written by h5py with soft links (one dangling,
 * one a cycle), an external link and a hard link to the root under a sub-group.
 */
import { describe, expect, it } from "vitest";
import { H5File } from "../src/index.js";
import { tempPath } from "@pymodaq-ts/test-support";
import { runPython } from "./python.js";

function linkedFile(): string {
  const path = tempPath("links.h5");
  const other = tempPath("other.h5");
  runPython(`
import sys, h5py
with h5py.File(sys.argv[2], 'w') as f:
    f.create_group('there')
with h5py.File(sys.argv[1], 'w') as f:
    g = f.create_group('g')
    g.create_dataset('d', data=[1, 2])
    f['soft'] = h5py.SoftLink('/g')
    f['dangling'] = h5py.SoftLink('/nowhere')
    g['loop'] = h5py.SoftLink('/g')
    f['ext'] = h5py.ExternalLink(sys.argv[2], '/there')
    g['up'] = f['/']
`, path, other);
  return path;
}

describe("H5Group.linkInfo", () => {
  it("tells hard, soft and external links apart and gives their targets without following them", () => {
    using file = H5File.open(linkedFile());
    const root = file.root;
    expect(root.linkInfo("g")).toEqual({ type: "hard" });
    expect(root.linkInfo("soft")).toEqual({ type: "soft", target: "/g" });
    expect(root.linkInfo("dangling")).toEqual({ type: "soft", target: "/nowhere" });
    expect(root.linkInfo("/g/loop")).toEqual({ type: "soft", target: "/g" });
    expect(root.linkInfo("ext")).toMatchObject({ type: "external", target: "/there" });
    expect((root.linkInfo("ext") as { file: string }).file).toMatch(/other\.h5$/);
    expect(root.linkInfo("missing")).toBeNull();
    expect(root.linkInfo("/g/missing/deeper")).toBeNull();
  });
});

describe("H5Node.objectId", () => {
  it("is the same for every hard link to an object and differs between objects", () => {
    using file = H5File.open(linkedFile());
    const root = file.root;
    const g = root.openGroup("g");
    expect(root.openGroup("/g/up").objectId()).toBe(root.objectId());
    expect(root.openGroup("/g/up/g").objectId()).toBe(g.objectId());
    expect(root.openGroup("soft").objectId()).toBe(g.objectId());
    expect(g.objectId()).not.toBe(root.objectId());
    expect(g.openDataset("d").objectId()).not.toBe(g.objectId());
  });
});
