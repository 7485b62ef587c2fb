import { rmSync, statSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import path from "node:path";
import { tempDir } from "@pymodaq-ts/test-support";
import { beforeEach, describe, expect, it } from "vitest";
import { claimNewFile, findRepoRoot, invocationDir, newRunDir, prepareOutDir } from "../src/cli/out-dir.js";
import { UsageError } from "../src/errors.js";

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

  it("defaults to a new dated run folder under <repo root>/out/<example>/, outside the source tree", () => {
    const root = findRepoRoot() as string;
    const name = `test-outdir-${process.pid}`;
    const day = new Date(2026, 0, 5);
    try {
      const first = prepareOutDir(name, undefined, tmp, day);
      expect(first).toBe(path.join(root, "out", name, "2026", "20260105", "Dataset_20260105_000"));
      expect(statSync(first).isDirectory()).toBe(true);
      expect(prepareOutDir(name, undefined, tmp, day)).toBe(path.join(root, "out", name, "2026", "20260105", "Dataset_20260105_001"));
    } finally {
      rmSync(path.join(root, "out", name), { recursive: true, force: true });
    }
  });
});

describe("newRunDir", () => {
  it("numbers the datasets of a day after the highest present, as PyMoDAQ's H5Saver, and dates by local day", () => {
    const day = new Date(2025, 11, 31, 23, 59);
    mkdirSync(path.join(tmp, "2025", "20251231", "Dataset_20251231_007"), { recursive: true });
    mkdirSync(path.join(tmp, "2025", "20251231", "Dataset_20251231_notes"));
    expect(newRunDir(tmp, day)).toBe(path.join(tmp, "2025", "20251231", "Dataset_20251231_008"));
    expect(newRunDir(tmp, new Date(2026, 0, 1))).toBe(path.join(tmp, "2026", "20260101", "Dataset_20260101_000"));
  });
});

describe("claimNewFile", () => {
  it("creates the file empty, and refuses an existing one with a UsageError naming it (the file is untouched)", () => {
    const file = path.join(tmp, "run.h5");
    claimNewFile(file);
    expect(statSync(file).size).toBe(0);
    writeFileSync(file, "earlier run");
    expect(() => claimNewFile(file)).toThrow(UsageError);
    expect(() => claimNewFile(file)).toThrow(`${file} exists (an earlier run)`);
    expect(statSync(file).size).toBe(11);
  });
});
