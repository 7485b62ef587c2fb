/**
 * Comparison of the `tree` sections (file structure and attributes) of two canonical load
 * documents: the writer-side check, where the expectation is a fixture's `.expected.json` and the
 * actual document describes the file our savers wrote when replaying the fixture's scenario.
 *
 * One unit per HDF5 path of either tree. A path matches when both trees have it and the entries
 * agree on kind, CLASS, TITLE, shape, dtype, every decoded attribute (with the number rules of
 * {@link compareLoads}, except that an int attribute never matches a float one: `12` is not
 * `12.0`, since PyMoDAQ writes the Python type into the file) and, unless `noValues`, the stored
 * dataset content and the Logger's strings. The volatile attributes ({@link VOLATILE_ATTRS}) are
 * always ignored; raw attribute encodings, storage settings and VLEN lengths only with `strict`.
 *
 * @example
 * const result = compareTrees(parsePyJson(expectedText), parsePyJson(actualText), { strict: true });
 * expect(result.differences).toEqual([]);
 */
import { checkKeys, collectUnits, DocumentComparer, shortText, type Comparison } from "./compare.js";
import { compareCodePoints, isPyObject, type PyJson, type PyJsonObject } from "./py-json.js";

/** Options of {@link compareTrees}. */
export interface TreeCompareOptions {
  /** Also compare raw attribute encodings, storage settings and VLEN lengths. */
  strict?: boolean;
  /** Compare structure and attributes only (not dataset content nor Logger strings). */
  noValues?: boolean;
  /** More attribute names to ignore. */
  ignoreAttrs?: readonly string[];
}

const VALUE_KEYS = new Set(["value", "strings", "value_error"]);

function treeOf(doc: PyJson, which: string): PyJsonObject {
  const tree = isPyObject(doc) ? doc.tree : undefined;
  if (!isPyObject(tree)) throw new TypeError(`compareTrees: the ${which} document has no "tree" object`);
  return tree;
}

function withoutValues(entry: PyJson | undefined): PyJson | undefined {
  return isPyObject(entry) ? Object.fromEntries(Object.entries(entry).filter(([k]) => !VALUE_KEYS.has(k))) : entry;
}

/**
 * Compares the trees of two canonical load documents (rules in the module comment).
 * @param expected the reference document
 * @param actual the document to check
 * @throws TypeError when either document has no `tree` object, or on an unknown option
 */
export function compareTrees(expected: PyJson, actual: PyJson, options: TreeCompareOptions = {}): Comparison {
  checkKeys(options, ["strict", "noValues", "ignoreAttrs"], "compareTrees");
  const [et, at] = [treeOf(expected, "expected"), treeOf(actual, "actual")];
  const c = new DocumentComparer({ strict: options.strict ?? false, ignoreVolatile: true, ignoreAttrs: options.ignoreAttrs ?? [], typedAttrs: true });
  const paths = [...new Set([...Object.keys(et), ...Object.keys(at)])].sort(compareCodePoints);
  const units = paths.map((p): [string, () => void] => [
    p,
    () => {
      if (!Object.hasOwn(at, p)) c.diff(p, "missing in actual");
      else if (!Object.hasOwn(et, p)) c.diff(p, `unexpected in actual (${shortText(isPyObject(at[p]) ? at[p].kind : undefined)})`);
      else if (options.noValues) c.value(p, withoutValues(et[p]), withoutValues(at[p]));
      else c.value(p, et[p], at[p]);
    },
  ]);
  return collectUnits(c, units, "");
}
