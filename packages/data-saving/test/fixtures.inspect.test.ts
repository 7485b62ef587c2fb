/**
 * Reader-side proof (issue 4): for every file written by the real pymodaq_data in
 * shared/fixtures/pymodaq, the inspector's canonical load JSON equals the fixture's
 * `.expected.json` under the README's comparison rules (shared/tools/compare.py, exit 0).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { stringifyCanonical } from "../src/canonical/json.js";
import { inspectFile } from "../src/loader/canonical.js";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const shared = resolve(repoRoot, "../shared");
const fixtures = join(shared, "fixtures/pymodaq");
const compareTool = join(shared, "tools/compare.py");
const names = readdirSync(fixtures).filter((f) => f.endsWith(".h5")).map((f) => f.slice(0, -3)).sort();
const work = mkdtempSync(join(tmpdir(), "pymodaq-fixtures-"));

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("canonical load JSON of the pymodaq_data fixtures", () => {
  it("finds the fixture corpus", () => {
    expect(names.length).toBeGreaterThanOrEqual(25);
  });

  for (const name of names) {
    it(`${name}.h5 matches ${name}.expected.json`, () => {
      const actual = join(work, `${name}.actual.json`);
      writeFileSync(actual, stringifyCanonical(inspectFile(join(fixtures, `${name}.h5`))));
      const run = spawnSync("python3", [compareTool, join(fixtures, `${name}.expected.json`), actual], {
        encoding: "utf8",
      });
      if (run.status !== 0) console.error(`${name}:\n${run.stdout}${run.stderr}`);
      expect(run.stdout.trim().split("\n").pop()).toMatch(/^OK /);
      expect(run.status).toBe(0);
    });
  }
});
