/** Paths of the child-process scripts (plain JavaScript, run by `node` directly). */
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const childrenDir = resolve(dirname(fileURLToPath(import.meta.url)), "children");

export const WRITER = resolve(childrenDir, "writer.mjs");
export const CYCLES = resolve(childrenDir, "cycles.mjs");
