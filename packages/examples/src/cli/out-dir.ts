/**
 * Where an example writes its files: `--out DIR` when given, else a new run folder under
 * `<repo root>/out/<example>/` (git-ignored, so the source tree stays clean) dated and numbered as
 * PyMoDAQ's H5Saver does it: `<YYYY>/<YYYYMMDD>/Dataset_<YYYYMMDD>_<NNN>/`, the next free number of
 * the day. An earlier run is never overwritten: each run gets its own folder, and a file given by
 * `--out` that exists already is refused ({@link claimNewFile}).
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { UsageError } from "../errors.js";

/**
 * The monorepo root: the nearest ancestor of this module holding `pnpm-workspace.yaml`, or undefined
 * when the package runs outside the repository (installed from a registry).
 */
export function findRepoRoot(from: string = path.dirname(fileURLToPath(import.meta.url))): string | undefined {
  let dir = path.resolve(from);
  for (;;) {
    if (existsSync(path.join(dir, "pnpm-workspace.yaml"))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * The directory a relative `--out` is taken from: the user's shell directory. Under a package script
 * (`pnpm demo`), the process runs in the package folder and pnpm/npm pass the caller's folder as
 * `INIT_CWD`.
 * @param env the environment (process.env)
 * @param cwd the process's working directory
 */
export function invocationDir(env: NodeJS.ProcessEnv, cwd: string): string {
  const init = env.INIT_CWD;
  return env.npm_lifecycle_event !== undefined && init !== undefined && init !== "" ? init : cwd;
}

/**
 * Resolves and creates the output directory of an example.
 * @param example the example's name (the default folder's last part)
 * @param out the `--out` flag, if given (absolute, or relative to `baseDir`)
 * @param baseDir the directory a relative `out` is resolved from, and the fallback root
 * @returns the absolute path, which exists on return
 * @throws the file system's error when the directory cannot be created
 */
export function prepareOutDir(example: string, out: string | undefined, baseDir: string, today: Date = new Date()): string {
  if (out === undefined) return newRunDir(path.join(findRepoRoot() ?? baseDir, "out", example), today);
  const dir = path.resolve(baseDir, out);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Creates the next dataset folder of the day under `base`: `<YYYY>/<YYYYMMDD>/Dataset_<YYYYMMDD>_<NNN>`
 * (local date, NNN from 000), numbered after the highest one present. The folder is claimed with an
 * exclusive mkdir, so two runs started together get different folders.
 * @param base the folder holding the years
 * @param today the date of the run (default: now)
 * @returns the absolute path of the new, empty folder
 * @throws the file system's error when a folder cannot be created
 */
export function newRunDir(base: string, today: Date = new Date()): string {
  const year = String(today.getFullYear());
  const day = `${year}${String(today.getMonth() + 1).padStart(2, "0")}${String(today.getDate()).padStart(2, "0")}`;
  const dayDir = path.join(path.resolve(base), year, day);
  mkdirSync(dayDir, { recursive: true });
  const prefix = `Dataset_${day}_`;
  const taken = readdirSync(dayDir)
    .filter((n) => n.startsWith(prefix) && /^\d{3,}$/.test(n.slice(prefix.length)))
    .map((n) => Number(n.slice(prefix.length)));
  for (let index = taken.length === 0 ? 0 : Math.max(...taken) + 1; ; index++) {
    const dir = path.join(dayDir, `${prefix}${String(index).padStart(3, "0")}`);
    try {
      mkdirSync(dir);
      return dir;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
  }
}

/**
 * Claims `file` for a new run: creates it empty and exclusively, so that an existing file (an
 * earlier run, or a run going on) is never truncated by the saver that creates it next.
 * @param file the file an example is about to create
 * @throws UsageError naming the file when it exists; the file system's error otherwise
 */
export function claimNewFile(file: string): void {
  try {
    closeSync(openSync(file, "wx"));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    throw new UsageError(`${file} exists (an earlier run): examples never overwrite a file; give another --out or remove it`);
  }
}
