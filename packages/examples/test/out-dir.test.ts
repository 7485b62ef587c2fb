import { rmSync, statSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import path from "node:path";
import { tempDir } from "@pymodaq-ts/test-support";
import { beforeEach, describe, expect, it } from "vitest";
import { findRepoRoot, invocationDir, prepareOutDir } from "../src/cli/out-dir.js";

let tmp: string;
beforeEach(() => {
  tmp = tempDir("examples-outdir");
});

describe("findRepoRoot", () => {
  it("finds the monorepo holding this package", () => {
    const root = findRepoRoot();
    expect(root).toBeDefined();
    expect(existsSync(path.join(root as string, "pnpm-workspace.yaml"))).toBe(true);
    expect(existsSync(path.join(root as string, "packages", "examples", "package.json"))).toBe(true);
  });

  it("walks up from a nested folder, and gives undefined outside any workspace", () => {
    writeFileSync(path.join(tmp, "pnpm-workspace.yaml"), "packages: []\n");
    mkdirSync(path.join(tmp, "a", "b"), { recursive: true });
    expect(findRepoRoot(path.join(tmp, "a", "b"))).toBe(tmp);
    expect(findRepoRoot("/")).toBeUndefined();
  });
});

describe("invocationDir", () => {
  it("uses INIT_CWD only under a package script", () => {
    expect(invocationDir({ INIT_CWD: "/home/u", npm_lifecycle_event: "demo" }, "/repo/pkg")).toBe("/home/u");
    expect(invocationDir({ INIT_CWD: "/home/u" }, "/repo/pkg")).toBe("/repo/pkg");
    expect(invocationDir({}, "/here")).toBe("/here");
  });
});

describe("prepareOutDir", () => {
  it("resolves a relative --out against the base directory and creates it", () => {
    const dir = prepareOutDir("scan2d", "results/run1", tmp);
    expect(dir).toBe(path.join(tmp, "results", "run1"));
    expect(statSync(dir).isDirectory()).toBe(true);
  });

  it("keeps an absolute --out and accepts an existing directory", () => {
    const abs = path.join(tmp, "abs");
    mkdirSync(abs);
    expect(prepareOutDir("logger", abs, "/somewhere/else")).toBe(abs);
  });

  it("defaults to <repo root>/out/<example>/, outside the source tree", () => {
    const root = findRepoRoot() as string;
    const name = `test-outdir-${process.pid}`;
    const dir = prepareOutDir(name, undefined, tmp);
    try {
      expect(dir).toBe(path.join(root, "out", name));
      expect(statSync(dir).isDirectory()).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
