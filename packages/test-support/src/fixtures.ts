/**
 * The PyMoDAQ fixture corpus vendored at `fixtures/pymodaq/` of the repository (files written
 * by the real pymodaq_data; see that folder's README for what each file kind holds).
 *
 * @example
 * for (const name of fixtureNames()) inspectFile(fixturePath(name, ".h5"));
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parsePyJson, type PyJson } from "./py-json.js";

/** The repository root: this module is one folder below the package (src/ or dist/). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

/** Absolute path of the fixture folder inside this repository. */
export const fixtureDir = join(repoRoot, "fixtures", "pymodaq");

/** The suffixes of the three files each fixture has. */
export type FixtureSuffix = ".h5" | ".expected.json" | ".scenario.json";

/**
 * The fixture names (file stems), sorted.
 * @param suffix which files to list (default `.h5`)
 * @throws Error when the fixture folder is missing or holds no such file: a test over the corpus
 *   must fail rather than run zero cases
 */
export function fixtureNames(suffix: FixtureSuffix = ".h5"): string[] {
  if (!existsSync(fixtureDir)) throw new Error(`the fixture folder ${fixtureDir} is missing`);
  const names = readdirSync(fixtureDir)
    .filter((f) => f.endsWith(suffix))
    .map((f) => f.slice(0, -suffix.length))
    .sort();
  if (names.length === 0) throw new Error(`no *${suffix} file in ${fixtureDir}`);
  return names;
}

/**
 * Path of one fixture file.
 * @param name the fixture name (`dte_mixed_tables`)
 * @param suffix which of its files
 * @throws Error when that file does not exist
 */
export function fixturePath(name: string, suffix: FixtureSuffix): string {
  const path = join(fixtureDir, name + suffix);
  if (!existsSync(path)) throw new Error(`no fixture file ${name}${suffix} in ${fixtureDir}`);
  return path;
}

/**
 * One of a fixture's JSON files, parsed with Python's int / float distinction kept.
 * @param name the fixture name
 * @param suffix `.expected.json` (canonical load document) or `.scenario.json` (saver calls)
 * @throws Error when the file does not exist; PyJsonSyntaxError when it is not JSON
 */
export function fixtureJson(name: string, suffix: ".expected.json" | ".scenario.json"): PyJson {
  return parsePyJson(readFileSync(fixturePath(name, suffix), "utf8"));
}
