/**
 * Where the fixture files written by the real PyMoDAQ are (one place for every test that reads
 * them), and their names.
 */
import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

/** The directory of the PyMoDAQ-written fixtures. */
export const fixtureDir = resolve(repoRoot, "../shared/fixtures/pymodaq");

/** The path of the fixture `name` (`.h5` unless `ext` says otherwise). */
export function fixturePath(name: string, ext = ".h5"): string {
  return join(fixtureDir, name + ext);
}

/** The names of the `.h5` fixtures, sorted. */
export function fixtureNames(): string[] {
  if (!existsSync(fixtureDir)) return [];
  return readdirSync(fixtureDir).filter((f) => f.endsWith(".h5")).map((f) => f.slice(0, -3)).sort();
}
