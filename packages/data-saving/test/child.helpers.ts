/**
 * What tests that run a script in a child process (tsx) import: the package's sources and the
 * data model by absolute path, since the script lives in a temporary folder.
 */
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
/** The tsx executable of the workspace. */
export const TSX = resolve(here, "../../../node_modules/.bin/tsx");
/** The package's main entry, as source. */
export const SRC = resolve(here, "../src/index.ts");
/** The data model's built entry. */
export const MODEL = resolve(here, "../node_modules/@pymodaq-ts/data-model/dist/index.js");
