/**
 * Reader-side proof (issue 4): for every file written by the real pymodaq_data in
 * shared/fixtures/pymodaq, the inspector's canonical load JSON (as `pymodaq-h5 inspect --json`
 * prints it) equals the fixture's `.expected.json`:
 *
 * - compare.py (the README's comparison rules) passes;
 * - tree_compare.py --strict passes: tree, decoded attributes with their Python int / float
 *   types, raw attribute encodings, storage layout and VLEN lengths;
 * - compare.py --strict differs only in `diagnostics` (the warning texts are our own wording, and
 *   numpy's RuntimeWarnings / pymodaq's log records are not reproduced);
 * - every number has the Python type (int or float) of the expectation, everywhere in the
 *   document (tree, loads, root loads), not only in the attributes tree_compare.py checks.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { stringifyCanonical } from "../src/tools/canonical/json.js";
import { inspectFile } from "../src/tools/canonical/inspect.js";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const shared = resolve(repoRoot, "../shared");
const fixtures = join(shared, "fixtures/pymodaq");
const tools = join(shared, "tools");
const names = readdirSync(fixtures).filter((f) => f.endsWith(".h5")).map((f) => f.slice(0, -3)).sort();
const work = mkdtempSync(join(tmpdir(), "pymodaq-fixtures-"));

/**
 * Walks both documents along the expectation and lists the places where both hold a number of
 * different Python types (int vs float; bools are not numbers). Prints the differences, then
 * "CHECKED n" with the number of numbers compared.
 */
const SAME_NUMBER_TYPES = `
import json, sys
IGNORED = {"diagnostics", "generator", "corpus", "file", "loader_backend"}
exp, act = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:3])
checked = 0
def num(x): return isinstance(x, (int, float)) and not isinstance(x, bool)
def walk(e, a, loc):
    global checked
    if isinstance(e, dict) and isinstance(a, dict):
        for k in e:
            if k in a and k not in IGNORED: walk(e[k], a[k], f"{loc}.{k}")
    elif isinstance(e, list) and isinstance(a, list) and len(e) == len(a):
        for i, (x, y) in enumerate(zip(e, a)): walk(x, y, f"{loc}[{i}]")
    elif num(e) and num(a):
        checked += 1
        if type(e) is not type(a): print(f"TYPE {loc}: expected {type(e).__name__} {e!r}, got {type(a).__name__} {a!r}")
walk(exp, act, "")
print(f"CHECKED {checked}")
`;

afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Run {
  status: number | null;
  lines: string[];
}

/** Runs python3 on a script file or `-c` source; prints the output when it fails. */
function python(args: string[], label: string): Run {
  const run = spawnSync("python3", args, { encoding: "utf8" });
  if (run.status !== 0) console.error(`${label}:\n${run.stdout}${run.stderr}`);
  return { status: run.status, lines: run.stdout.trim().split("\n") };
}

describe("canonical load JSON of the pymodaq_data fixtures", () => {
  it("finds the fixture corpus", () => {
    expect(names.length).toBeGreaterThanOrEqual(25);
  });

  for (const name of names) {
    it(`${name}.h5 matches ${name}.expected.json, Python number types and raw encodings included`, () => {
      const expected = join(fixtures, `${name}.expected.json`);
      const actual = join(work, `${name}.actual.json`);
      writeFileSync(actual, stringifyCanonical(inspectFile(join(fixtures, `${name}.h5`))));

      const loads = python([join(tools, "compare.py"), expected, actual], `${name} compare.py`);
      expect(loads.lines.at(-1)).toMatch(/^OK /);
      expect(loads.status).toBe(0);

      const tree = python([join(tools, "tree_compare.py"), expected, actual, "--strict"], `${name} tree_compare.py --strict`);
      expect(tree.lines.at(-1)).toMatch(/^OK /);
      expect(tree.status).toBe(0);

      const strict = spawnSync("python3", [join(tools, "compare.py"), expected, actual, "--strict", "--max-diffs", "100000"], {
        encoding: "utf8",
      });
      const diffs = strict.stdout.split("\n").filter((l) => l.startsWith("DIFF "));
      expect(diffs.filter((l) => !/^DIFF [^:]*\.diagnostics\b/.test(l))).toEqual([]);
      expect(strict.status).toBe(diffs.length === 0 ? 0 : 1);

      const types = python(["-c", SAME_NUMBER_TYPES, expected, actual], `${name} number types`);
      expect(types.lines.filter((l) => l.startsWith("TYPE "))).toEqual([]);
      expect(Number(types.lines.at(-1)?.replace("CHECKED ", ""))).toBeGreaterThan(0);
    });
  }
});
