/**
 * The quick start of the root README: its two files run in the monorepo (TypeScript through tsx,
 * CommonJS with node), print what the README says, and are the README's code blocks verbatim.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const src = resolve(dirname(fileURLToPath(import.meta.url)), "../src");
const readme = readFileSync(resolve(src, "../../../README.md"), "utf8");
const tsxCli = createRequire(import.meta.url).resolve("tsx/cli");
const out = mkdtempSync(join(tmpdir(), "quickstart-"));
const PRINTED = "spectrum: DataND, shape [3,4,256], nav indexes [0,1]\naxes: wavelength (nm), x (mm), y (mm)\n";

afterAll(() => rmSync(out, { recursive: true, force: true }));

function run(args: string[]): string {
  const child = spawnSync(process.execPath, args, { encoding: "utf8" });
  expect(child.stderr).toBe("");
  expect(child.status).toBe(0);
  return child.stdout;
}

describe("quick start", () => {
  it("in TypeScript with `using`, saves the scan and loads it back", () => {
    expect(run([tsxCli, join(src, "quickstart.ts"), join(out, "ts.h5")])).toBe(PRINTED);
  });

  it("in CommonJS with try/finally, does the same", () => {
    expect(run([join(src, "quickstart.cjs"), join(out, "cjs.h5")])).toBe(PRINTED);
  });

  it("is in the root README verbatim, with what it prints", () => {
    expect(readme).toContain("```ts\n" + readFileSync(join(src, "quickstart.ts"), "utf8") + "```\n");
    expect(readme).toContain("```js\n" + readFileSync(join(src, "quickstart.cjs"), "utf8") + "```\n");
    expect(readme).toContain(PRINTED);
  });
});
