/**
 * The files fuzzing starts from: PyMoDAQ files written by this repository's savers from the saver
 * scenarios vendored in `corpus/` (always available), plus every `*.h5` of a corpus directory of
 * files written by the real PyMoDAQ when one is given or present in the repository.
 */
import { existsSync, readdirSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { replayScenario } from "@pymodaq-ts/data-saving/tools";

const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** The repository's PyMoDAQ fixtures, the default corpus directory. */
export const DEFAULT_CORPUS_DIR = resolve(packageRoot, "../../fixtures/pymodaq");

/** The vendored saver scenarios (see corpus/README.md). */
export const SCENARIO_DIR = join(packageRoot, "corpus");

/** Writes one seed file per vendored scenario into `dir` with the TypeScript savers. */
export function writeSeeds(dir: string): string[] {
  return readdirSync(SCENARIO_DIR)
    .filter((f) => f.endsWith(".scenario.json"))
    .sort()
    .map((f) => {
      const out = join(dir, `seed-${basename(f, ".scenario.json")}.h5`);
      replayScenario(join(SCENARIO_DIR, f), out);
      return out;
    });
}

/**
 * The `*.h5` files of `dir` (sorted); `dir` undefined means the default directory when it
 * exists, else none.
 */
export function corpusFiles(dir?: string): string[] {
  const chosen = dir ?? (existsSync(DEFAULT_CORPUS_DIR) ? DEFAULT_CORPUS_DIR : undefined);
  if (chosen === undefined) return [];
  if (!existsSync(chosen)) throw new Error(`corpus directory ${chosen} does not exist`);
  return readdirSync(chosen).filter((f) => f.endsWith(".h5")).sort().map((f) => join(chosen, f));
}
