/**
 * Writer-side proof (issue 4): every `NAME.scenario.json` of shared/fixtures/pymodaq, replayed
 * through our savers, writes a file whose (a) tree matches the fixture's `tree` except the
 * volatile attributes (shared/tools/tree_compare.py; for scenarios recorded with the h5py
 * backend `VERSION`, `PYTABLES_FORMAT_VERSION` and `EXTDIM` may differ, since we always write
 * the PyTables profile; scenarios recorded with PyTables must match with --strict: raw
 * attribute encodings and storage layout too) and (b) loads back to the fixture's expected loads
 * (shared/tools/compare.py --loads-only --ignore-volatile on the inspector's JSON); the file
 * also opens in Debian's python3-tables and python3-h5py.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { inspectFile } from "../src/loader/canonical.js";
import { replayScenario } from "../src/replay/index.js";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const shared = resolve(repoRoot, "../shared");
const fixtures = join(shared, "fixtures/pymodaq");
const tools = join(shared, "tools");
const names = readdirSync(fixtures)
  .filter((f) => f.endsWith(".scenario.json"))
  .map((f) => f.slice(0, -".scenario.json".length))
  .sort();
/** Debian's python3 has python3-tables and python3-h5py; a pyenv python3 may not. */
const PYTHON = existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
/** Opens a file with PyTables and h5py and reads every node and attribute (warnings are errors). */
const OPEN_IN_PYTHON = `
import sys, warnings, tables, h5py
warnings.simplefilter("error")
with tables.open_file(sys.argv[1]) as f:
    for n in f.walk_nodes("/"):
        n._v_attrs._f_list("all")
        if hasattr(n, "read"): n.read()
with h5py.File(sys.argv[1], "r") as f:
    f.visititems(lambda name, o: o[()] if isinstance(o, h5py.Dataset) else None)
print("OK")
`;
const work = mkdtempSync(join(tmpdir(), "pymodaq-replay-"));

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs a comparison tool; prints its report when it fails. */
function runTool(tool: string, args: string[], label: string): { status: number | null; last: string } {
  const run = spawnSync("python3", [join(tools, tool), ...args], { encoding: "utf8" });
  if (run.status !== 0) console.error(`${label} (${tool}):\n${run.stdout}${run.stderr}`);
  return { status: run.status, last: run.stdout.trim().split("\n").pop() ?? "" };
}

/**
 * The expectation re-serialized by JSON.stringify, as the inspector's output is: JS numbers
 * cannot tell 1.0 from 1, so the inspector writes Python floats with integral values as JSON
 * integers, and tree_compare.py would report `VERSION: expected float 1.0, got int 1`. Passing
 * both sides through the same serializer keeps every other check; the Python types of what we
 * write are checked on the raw envelopes (`raw_attrs`, compared with --strict).
 */
function sameNumberForm(path: string): string {
  return JSON.stringify(JSON.parse(readFileSync(path, "utf8")));
}

function recordedBackend(name: string): string {
  const doc = JSON.parse(readFileSync(join(fixtures, `${name}.scenario.json`), "utf8")) as { summary?: { backend?: string } };
  return doc.summary?.backend ?? "tables";
}

describe("replay of the pymodaq_data scenarios", () => {
  it("finds the scenario corpus", () => {
    expect(names.length).toBeGreaterThanOrEqual(25);
  });

  for (const name of names) {
    it(`${name}: the replayed file has the fixture's tree and loads`, () => {
      const out = join(work, `${name}.h5`);
      const result = replayScenario(join(fixtures, `${name}.scenario.json`), out);
      expect(result.name).toBe(name);

      const actual = join(work, `${name}.actual.json`);
      writeFileSync(actual, JSON.stringify(inspectFile(out)));
      const expected = join(work, `${name}.expected.json`);
      writeFileSync(expected, sameNumberForm(join(fixtures, `${name}.expected.json`)));

      // Scenarios recorded with PyTables are held to --strict: the raw attribute encodings (so the
      // exact envelope text, Python types included) and the storage layout must match too.
      const options = recordedBackend(name) === "h5py"
        ? ["--ignore-attr", "VERSION", "--ignore-attr", "PYTABLES_FORMAT_VERSION", "--ignore-attr", "EXTDIM"]
        : ["--strict"];
      const tree = runTool("tree_compare.py", [expected, actual, ...options], name);
      expect(tree.last).toMatch(/^OK /);
      expect(tree.status).toBe(0);

      const opened = spawnSync(PYTHON, ["-c", OPEN_IN_PYTHON, out], { encoding: "utf8" });
      if (opened.status !== 0) console.error(`${name} (PyTables/h5py):\n${opened.stdout}${opened.stderr}`);
      expect(opened.stdout.trim()).toBe("OK");

      const loads = runTool("compare.py", [expected, actual, "--loads-only", "--ignore-volatile"], name);
      expect(loads.last).toMatch(/^OK /);
      expect(loads.status).toBe(0);
    });
  }
});
