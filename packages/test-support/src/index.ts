/**
 * What the tests of every package share: the PyMoDAQ fixture corpus vendored in the repository,
 * temporary directories removed after each test, the runtime import graph of a source folder
 * (cycles are checked in every package), and the comparisons of canonical load JSON
 * documents (reader side: {@link compareLoads}; writer side: {@link compareTrees}), and the
 * fields of an object graph as plain data ({@link ownFields}).
 *
 * @example
 * import { fixtureNames, fixturePath, parsePyJson, compareLoads } from "@pymodaq-ts/test-support";
 * for (const name of fixtureNames()) {
 *   const expected = parsePyJson(readFileSync(fixturePath(name, ".expected.json"), "utf8"));
 *   expect(compareLoads(expected, parsePyJson(ourJson(name))).differences).toEqual([]);
 * }
 */
import "./event-loop.js";
export { fixtureDir, fixtureJson, fixtureNames, fixturePath, repoRoot, type FixtureSuffix } from "./fixtures.js";
export { tempDir, tempPath } from "./temp.js";
export { isPyNumber, isPyObject, parsePyJson, pyEquals, PyJsonSyntaxError, pyTypeName, type PyJson, type PyJsonObject } from "./py-json.js";
export { compareLoads, VOLATILE_ATTRS, type CompareOptions, type Comparison, type Difference } from "./compare.js";
export { compareTrees, type TreeCompareOptions } from "./tree-compare.js";
export { numberTypeDifferences } from "./number-types.js";
export { ownFields } from "./object-fields.js";
export { findCycles, runtimeImportGraph, runtimeSpecifiers, type ImportGraph } from "./import-graph.js";
