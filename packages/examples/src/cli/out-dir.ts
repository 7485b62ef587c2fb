/**
 * Where an example writes its files: `--out DIR` when given, else `<repo root>/out/<example>/` (the
 * repository's `out/` folder is git-ignored, so the source tree stays clean).
 */
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

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
export function prepareOutDir(example: string, out: string | undefined, baseDir: string): string {
  const dir =
    out !== undefined ? path.resolve(baseDir, out) : path.join(findRepoRoot() ?? baseDir, "out", example);
  mkdirSync(dir, { recursive: true });
  return dir;
}
