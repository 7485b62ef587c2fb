/**
 * Reader-side proof: for every file written by the real pymodaq_data (fixtures/pymodaq of the
 * repository), the inspector's canonical load JSON (as `pymodaq-h5 inspect --json` prints it)
 * equals the fixture's `.expected.json`:
 *
 * - compareLoads (the fixtures README's comparison rules) finds no difference;
 * - compareTrees in strict mode finds none: tree, decoded attributes with their Python int / float
 *   types, raw attribute encodings, storage layout and VLEN lengths;
 * - compareLoads in strict mode differs only in `diagnostics` (the warning texts are our own
 *   wording, and numpy's RuntimeWarnings / pymodaq's log records are not reproduced);
 * - every number has the Python type (int or float) of the expectation, everywhere in the
 *   document (tree, loads, root loads), not only in the attributes compareTrees checks.
 */
import { compareLoads, compareTrees, fixtureJson, fixtureNames, fixturePath, numberTypeDifferences, parsePyJson } from "@pymodaq-ts/test-support";
import { describe, expect, it } from "vitest";
import { stringifyCanonical } from "../src/tools/canonical/json.js";
import { inspectFile } from "../src/tools/canonical/inspect.js";

const names = fixtureNames();

describe("canonical load JSON of the pymodaq_data fixtures", () => {
  it("finds the fixture corpus", () => {
    expect(names.length).toBeGreaterThanOrEqual(25);
  });

  for (const name of names) {
    it(`${name}.h5 matches ${name}.expected.json, Python number types and raw encodings included`, () => {
      const expected = fixtureJson(name, ".expected.json");
      const actual = parsePyJson(stringifyCanonical(inspectFile(fixturePath(name, ".h5"))));

      const loads = compareLoads(expected, actual);
      expect(loads.differences).toEqual([]);
      expect(loads.ok).toBe(true);

      expect(compareTrees(expected, actual, { strict: true }).differences).toEqual([]);

      const strict = compareLoads(expected, actual, { strict: true });
      expect(strict.details.filter((d) => !/\.diagnostics\b/.test(d.loc))).toEqual([]);

      const types = numberTypeDifferences(expected, actual);
      expect(types.differences).toEqual([]);
      expect(types.checked).toBeGreaterThan(0);
    });
  }
});
