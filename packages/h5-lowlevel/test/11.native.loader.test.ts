/**
 * The addon is loaded on first use, not on import, and the loader explains what to do when no
 * binary is there or the one found does not load.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { tempPath } from "@pymodaq-ts/test-support";

const dist = resolve(dirname(fileURLToPath(import.meta.url)), "../dist/index.js");

/** The environment without `PREBUILDS_ONLY`: these tests choose which binaries the package has. */
const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== "PREBUILDS_ONLY"));

/** Runs an ES module script in a fresh node that counts every native module it loads. */
function runCountingDlopen(script: string): { dlopens: number; out: Record<string, unknown> } {
  const child = spawnSync(process.execPath, ["--input-type=module", "-e", `
let dlopens = 0;
const dlopen = process.dlopen;
process.dlopen = (...args) => { dlopens++; return dlopen(...args); };
const out = {};
${script}
console.log(JSON.stringify({ dlopens, out }));`], { encoding: "utf8", env });
  expect(child.stderr).toBe("");
  return JSON.parse(child.stdout) as { dlopens: number; out: Record<string, unknown> };
}

describe("native loader", () => {
  it("loads no native code on import, and the addon on the first file opened", () => {
    const file = tempPath("lazy.h5");
    const { dlopens, out } = runCountingDlopen(`
const h5 = await import(${JSON.stringify(dist)});
out.afterImport = dlopens;
h5.H5File.create(${JSON.stringify(file)}).close();
out.afterCreate = dlopens;`);
    expect(out.afterImport).toBe(0);
    expect(out.afterCreate).toBe(1);
    expect(dlopens).toBe(1);
  });

  /** A copy of the built package without any binary: dist/index.js, and the dependencies linked. */
  function packageWithoutBinary(): string {
    const pkg = dirname(tempPath("pkg"));
    mkdirSync(join(pkg, "dist"));
    copyFileSync(dist, join(pkg, "dist", "index.js"));
    symlinkSync(resolve(dirname(dist), "../node_modules"), join(pkg, "node_modules"));
    return pkg;
  }

  /** Imports the package copy, then creates a file: what the first use throws. */
  function firstUse(pkg: string): Record<string, unknown> {
    const { out } = runCountingDlopen(`
const h5 = await import(${JSON.stringify(join(pkg, "dist", "index.js"))});
out.imported = true;
try { h5.H5File.create(${JSON.stringify(join(pkg, "x.h5"))}); out.created = true; }
catch (e) { out.message = e.message; out.cause = String(e.cause); }`);
    expect(out.imported).toBe(true);
    expect(out.created).toBeUndefined();
    return out;
  }

  /** The advice every load failure ends with: what to install, per OS, and the rebuild command. */
  function expectBuildAdvice(message: unknown): void {
    expect(message).toContain("sudo apt install libhdf5-dev pkg-config g++ make python3");
    expect(message).toContain("sudo dnf install hdf5-devel");
    expect(message).toContain("brew install hdf5 pkg-config");
    expect(message).toContain("npm rebuild @pymodaq-ts/h5-lowlevel");
  }

  it("says at first use that no binary matches the platform, what to install, and the loader's error", () => {
    const pkg = packageWithoutBinary();
    const out = firstUse(pkg);
    expect(out.message).toContain(`no native addon for ${process.platform}-${process.arch}`);
    expect(out.message).toContain(join(pkg, "build", "Release"));
    expectBuildAdvice(out.message);
    expect(out.cause).toContain("No native build was found");
  });

  it("says which binary was found but failed to load, and why", () => {
    const pkg = packageWithoutBinary();
    mkdirSync(join(pkg, "build", "Release"), { recursive: true });
    writeFileSync(join(pkg, "build", "Release", "h5lowlevel.node"), "not a shared object");
    const out = firstUse(pkg);
    expect(out.message).toContain(`${join(pkg, "build", "Release", "h5lowlevel.node")} was found but could not be loaded`);
    expect(out.message).toContain("h5lowlevel.node: file too short");  // dlopen's own reason
    expectBuildAdvice(out.message);
  });
});
