/**
 * compareLoads / compareTrees / numberTypeDifferences on the vendored fixtures: every
 * expectation equals itself, and deliberately altered copies are reported at the right place
 * (or accepted, where the rules allow a difference).
 */
import { describe, expect, it } from "vitest";
import { compareLoads } from "../src/compare.js";
import { fixtureJson, fixtureNames } from "../src/fixtures.js";
import { numberTypeDifferences } from "../src/number-types.js";
import type { PyJson, PyJsonObject } from "../src/py-json.js";
import { compareTrees } from "../src/tree-compare.js";

/** A deep copy of a fixture's expectation, to alter. */
function expectation(name: string): PyJsonObject {
  return structuredClone(fixtureJson(name, ".expected.json")) as PyJsonObject;
}

/** The object at `keys` below `doc`. */
function at(doc: PyJson, ...keys: (string | number)[]): PyJsonObject {
  let v: PyJson = doc;
  for (const k of keys) v = (v as Record<string | number, PyJson>)[k] as PyJson;
  return v as PyJsonObject;
}

const DATA = "/RawData/Data2D/CH00/Data00";

describe("every fixture expectation equals itself", () => {
  it.each(fixtureNames())("%s", (name) => {
    const doc = fixtureJson(name, ".expected.json");
    const loads = compareLoads(doc, structuredClone(doc), { strict: true });
    expect(loads.differences).toEqual([]);
    expect(loads.summary).toBe(`OK ${loads.unitCount}/${loads.unitCount} nodes`);
    expect(loads.unitCount).toBeGreaterThan(2);
    expect(compareTrees(doc, structuredClone(doc), { strict: true }).differences).toEqual([]);
    expect(numberTypeDifferences(doc, doc).checked).toBeGreaterThan(0);
  });
});

describe("compareLoads on altered documents", () => {
  it("reports a float64 value off by more than 1e-12 (relative to the array's largest value), accepts less", () => {
    const doc = expectation("dtypes_tables");
    const values = at(doc, "tree", "/RawData/Data1D/CH02/Data00", "value", "values") as unknown as number[];
    const [expected, actual] = [structuredClone(doc), doc];
    values[1] = (values[1] as number) + 1e-15;
    expect(compareLoads(expected, actual).ok).toBe(true);
    values[1] = (values[1] as number) + 1e-3;
    const result = compareLoads(expected, actual);
    expect(result.failingUnits).toEqual(["/RawData/Data1D/CH02/Data00"]);
    expect(result.differences).toEqual([expect.stringMatching(/^\/RawData\/Data1D\/CH02\/Data00 \[tree\]\.value: 1\/\d+ values differ \(rtol=1e-12\): \[1\]/)]);
    expect(result.summary).toMatch(/^FAIL 1\/\d+ nodes$/);
  });

  it("accepts float32 arrays within 1e-6 and integer arrays only when equal", () => {
    const doc = expectation("dtypes_tables");
    const expected = structuredClone(doc);
    const f32 = at(doc, "tree", "/RawData/Data1D/CH01/Data00", "value", "values") as unknown as number[];
    f32[0] = (f32[0] as number) * (1 + 1e-8);
    expect(compareLoads(expected, doc).ok).toBe(true);
    const i32 = at(doc, "tree", "/RawData/Data1D/CH03/Data00", "value", "values") as unknown as bigint[];
    i32[0] = (i32[0] as bigint) + 1n;
    expect(compareLoads(expected, doc).failingUnits).toEqual(["/RawData/Data1D/CH03/Data00"]);
  });

  it("reports missing and unexpected nodes", () => {
    const doc = expectation("edge_big_tables");
    const expected = structuredClone(doc);
    delete at(doc, "nodes")[DATA];
    at(doc, "tree")["/RawData/Extra"] = { kind: "group", CLASS: "GROUP", TITLE: "", attrs: {} };
    expect(compareLoads(expected, doc).differences).toEqual([
      `${DATA} [loads]: node not loaded in actual`,
      "/RawData/Extra [tree]: unexpected in actual",
    ]);
    expect(compareLoads(expected, doc, { loadsOnly: true }).differences).toEqual([`${DATA} [loads]: node not loaded in actual`]);
  });

  it("matches an expected error with any error, and reports a result where an error is expected", () => {
    const doc = expectation("edge_loaderror_h5py");
    const expected = structuredClone(doc);
    const node = at(doc, "nodes", DATA);
    node.load = { error: "another message" };
    expect(compareLoads(expected, doc).ok).toBe(true);
    node.load = at(doc, "nodes", "/RawData/Data1D/CH00/Data00", "load");
    expect(compareLoads(expected, doc).differences).toEqual([expect.stringMatching(/^\/RawData\/Data2D\/CH00\/Data00 \[loads\]\.load: expected an error/)]);
  });

  it("compares volatile attributes and timestamps unless told to ignore them", () => {
    const doc = expectation("dte_mixed_tables");
    const expected = structuredClone(doc);
    at(doc, "tree", "/").attrs = { ...at(doc, "tree", "/", "attrs"), date: "2030-01-01" };
    at(doc, "load_all_root", "data", 0).timestamp = 1;
    expect(compareLoads(expected, doc).differences).toEqual([
      "/ [tree].attrs.date: expected \"2024-01-02\", got \"2030-01-01\"",
      expect.stringMatching(/^load_all_root\.data\[0\]\.timestamp: expected /),
    ]);
    expect(compareLoads(expected, doc, { ignoreVolatile: true }).ok).toBe(true);
    expect(compareLoads(expected, doc, { ignoreAttrs: ["date"] }).failingUnits).toEqual(["<load_all_root>"]);
  });

  it("accepts a digest whose sha256 differs when counts and sums agree (with a note), reports a changed sum", () => {
    const doc = expectation("edge_big_tables");
    const expected = structuredClone(doc);
    const value = at(doc, "tree", DATA, "value");
    value.sha256 = "0".repeat(64);
    const noted = compareLoads(expected, doc);
    expect(noted.ok).toBe(true);
    expect(noted.notes).toEqual([`${DATA} [tree].value: sha256 differs but sum/first/last agree within tolerance`]);
    value.sum = (value.sum as number) + 1e-3 * (value.sum_abs as number);
    expect(compareLoads(expected, doc).differences).toEqual([expect.stringMatching(/^\/RawData\/Data2D\/CH00\/Data00 \[tree\]\.value: digest differs: sum /)]);
  });

  it("compares storage, raw attribute encodings and diagnostics only when strict", () => {
    const doc = expectation("dte_mixed_tables");
    const expected = structuredClone(doc);
    at(doc, "tree", "/RawData/Logger", "storage").chunks = [1n];
    expect(compareLoads(expected, doc).ok).toBe(true);
    expect(compareLoads(expected, doc, { strict: true }).differences).toEqual([expect.stringMatching(/^\/RawData\/Logger \[tree\]\.storage\.chunks\[0\]: expected 65536, got 1$/)]);
  });

  it("rejects unknown options", () => {
    const doc = expectation("logger_h5py");
    expect(() => compareLoads(doc, doc, { strictt: true } as never)).toThrow(/unknown option "strictt"/);
    expect(() => compareTrees(doc, doc, { loadsOnly: true } as never)).toThrow(/unknown option "loadsOnly"/);
  });
});

describe("compareTrees and numberTypeDifferences on altered documents", () => {
  it("an int attribute does not match a float one in trees; compareLoads compares them as numbers", () => {
    const doc = expectation("edge_big_tables");
    const expected = structuredClone(doc);
    at(doc, "tree", "/RawData/Data2D/CH00/Axis00", "attrs").size = 200;
    expect(compareTrees(expected, doc).differences).toEqual(["/RawData/Data2D/CH00/Axis00.attrs.size: expected int 200, got float 200.0"]);
    expect(compareLoads(expected, doc).ok).toBe(true);
    const types = numberTypeDifferences(expected, doc);
    expect(types.differences).toEqual([".tree./RawData/Data2D/CH00/Axis00.attrs.size: expected int 200, got float 200.0"]);
  });

  it("ignores volatile attributes always, dataset values with noValues, and reports a missing path", () => {
    const doc = expectation("dtypes_h5py");
    const expected = structuredClone(doc);
    at(doc, "tree", "/").attrs = { ...at(doc, "tree", "/", "attrs"), pymodaq_data_version: "9.9.9" };
    (at(doc, "tree", "/RawData/Data1D/CH02/Data00", "value", "values") as unknown as number[])[0] = 42;
    expect(compareTrees(expected, doc, { noValues: true }).ok).toBe(true);
    const result = compareTrees(expected, doc);
    expect(result.failingUnits).toEqual(["/RawData/Data1D/CH02/Data00"]);
    delete at(doc, "tree")["/RawData/Logger"];
    expect(compareTrees(expected, doc, { noValues: true }).differences).toEqual(["/RawData/Logger: missing in actual"]);
    expect(() => compareTrees({}, doc)).toThrow(/expected document has no "tree"/);
  });
});

describe("the two backends' fixtures of one scenario", () => {
  it("dte_mixed_tables and dte_mixed_h5py differ only by PyTables' own attributes and give the same loads", () => {
    const [tables, h5py] = [fixtureJson("dte_mixed_tables", ".expected.json"), fixtureJson("dte_mixed_h5py", ".expected.json")];
    const trees = compareTrees(tables, h5py, { ignoreAttrs: ["VERSION", "PYTABLES_FORMAT_VERSION", "EXTDIM"] });
    expect(trees.differences).toEqual([]);
    expect(trees.summary).toBe("OK 29/29");
    expect(compareTrees(tables, h5py).failingUnits.length).toBeGreaterThan(0);
    expect(compareLoads(tables, h5py, { loadsOnly: true, ignoreVolatile: true }).differences).toEqual([]);
  });
});
