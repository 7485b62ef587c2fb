/**
 * The quick start of the root README: its files run in the monorepo (TypeScript through tsx,
 * CommonJS with node), print what the README says, and are the README's code blocks verbatim.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { PRINTED, PRINTED_ASYNC } from "./printed.js";

const src = resolve(dirname(fileURLToPath(import.meta.url)), "../src");
const readme = readFileSync(resolve(src, "../../../README.md"), "utf8");
const tsxCli = createRequire(import.meta.url).resolve("tsx/cli");
const out = mkdtempSync(join(tmpdir(), "quickstart-"));

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

  it("without holding up the event loop (a BackgroundSaver, then reads on the pool by slabs), saves a scan and reads it back", () => {
    expect(run([tsxCli, join(src, "quickstart-async.ts"), join(out, "async.h5")])).toBe(PRINTED_ASYNC);
  });

  it("is in the root README verbatim, with what it prints", () => {
    expect(readme).toContain("```ts\n" + readFileSync(join(src, "quickstart.ts"), "utf8") + "```\n");
    expect(readme).toContain("```js\n" + readFileSync(join(src, "quickstart.cjs"), "utf8") + "```\n");
    expect(readme).toContain(PRINTED);
    expect(readme).toContain("```ts\n" + readFileSync(join(src, "quickstart-async.ts"), "utf8") + "```\n");
    expect(readme).toContain(PRINTED_ASYNC);
  });
});
