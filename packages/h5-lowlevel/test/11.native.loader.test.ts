/** The loader explains what to do when the compiled addon is missing. */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { tempPath } from "./helpers.js";

const dist = resolve(dirname(fileURLToPath(import.meta.url)), "../dist/index.js");

describe("native loader", () => {
  it("throws an actionable message with the original error when the addon is missing", () => {
    const pkg = dirname(tempPath("pkg"));
    mkdirSync(join(pkg, "dist"));
    copyFileSync(dist, join(pkg, "dist", "index.js"));
    const child = spawnSync(process.execPath, ["--input-type=module", "-e", `
try { await import(${JSON.stringify(join(pkg, "dist", "index.js"))}); console.log("loaded"); }
catch (e) { console.log(JSON.stringify({ message: e.message, cause: String(e.cause) })); }`], { encoding: "utf8" });
    const out = JSON.parse(child.stdout) as { message: string; cause: string };
    expect(out.message).toContain("cannot load the native addon build/Release/h5lowlevel.node");
    expect(out.message).toContain("npm run setup");
    expect(out.message).toContain("apt install libhdf5-dev");
    expect(out.message).toContain("Cannot find module");
    expect(out.cause).toContain("Cannot find module");
  });
});
