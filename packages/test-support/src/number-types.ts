/**
 * Where two documents hold numbers of different Python types (int vs float; bools are not
 * numbers), walking both along the expectation: the check that every number we write has the
 * type the reference has, everywhere in a canonical load document and not only in the
 * attributes {@link compareTrees} looks at.
 */
import { isPyNumber, isPyObject, pyTypeName, type PyJson } from "./py-json.js";
import { shortText } from "./compare.js";

/** Keys that are informational or worded differently on purpose (never compared). */
const IGNORED = new Set(["diagnostics", "generator", "corpus", "file", "loader_backend"]);

/**
 * @param expected the reference document (parsed with parsePyJson)
 * @param actual the document to check
 * @returns how many number pairs were compared, and one line per pair of different types
 */
export function numberTypeDifferences(expected: PyJson, actual: PyJson): { checked: number; differences: string[] } {
  const differences: string[] = [];
  let checked = 0;
  const walk = (e: PyJson | undefined, a: PyJson | undefined, loc: string): void => {
    if (isPyObject(e) && isPyObject(a)) {
      for (const k of Object.keys(e)) if (Object.hasOwn(a, k) && !IGNORED.has(k)) walk(e[k], a[k], `${loc}.${k}`);
    } else if (Array.isArray(e) && Array.isArray(a) && e.length === a.length) {
      e.forEach((x, i) => walk(x, a[i], `${loc}[${i}]`));
    } else if (isPyNumber(e) && isPyNumber(a)) {
      checked++;
      if (typeof e !== typeof a) differences.push(`${loc}: expected ${pyTypeName(e)} ${shortText(e)}, got ${pyTypeName(a)} ${shortText(a)}`);
    }
  };
  walk(expected, actual, "");
  return { checked, differences };
}
