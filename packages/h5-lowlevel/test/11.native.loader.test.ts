/**
 * The addon is loaded on first use, not on import, and the loader explains what to do when the
 * compiled addon is missing.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { tempPath } from "@pymodaq-ts/test-support";

const dist = resolve(dirname(fileURLToPath(import.meta.url)), "../dist/index.js");

/** Runs an ES module script in a fresh node that counts every native module it loads. */
function runCountingDlopen(script: string): { dlopens: number; out: Record<string, unknown> } {
  const child = spawnSync(process.execPath, ["--input-type=module", "-e", `
let dlopens = 0;
const dlopen = process.dlopen;
process.dlopen = (...args) => { dlopens++; return dlopen(...args); };
const out = {};
${script}
console.log(JSON.stringify({ dlopens, out }));`], { encoding: "utf8" });
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

  it("throws an actionable message with the original error at first use when the addon is missing", () => {
    const pkg = dirname(tempPath("pkg"));
    mkdirSync(join(pkg, "dist"));
    copyFileSync(dist, join(pkg, "dist", "index.js"));
    const { out } = runCountingDlopen(`
const h5 = await import(${JSON.stringify(join(pkg, "dist", "index.js"))});
out.imported = true;
try { h5.H5File.create(${JSON.stringify(join(pkg, "x.h5"))}); out.created = true; }
catch (e) { out.message = e.message; out.cause = String(e.cause); }`);
    expect(out.imported).toBe(true);
    expect(out.created).toBeUndefined();
    expect(out.message).toContain("cannot load the native addon build/Release/h5lowlevel.node");
    expect(out.message).toContain("npm run setup");
    expect(out.message).toContain("apt install libhdf5-dev");
    expect(out.message).toContain("Cannot find module");
    expect(out.cause).toContain("Cannot find module");
  });
});
