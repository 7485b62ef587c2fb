/**
 * Temporary directories for tests, removed automatically: one created while a test runs (its
 * `beforeEach` included) is removed after that test; one created outside any test (module
 * scope, `beforeAll`) after the test file. Importing this module registers the hooks in the
 * importing test file; they run after the file's own `afterEach`/`afterAll` hooks (vitest runs
 * "after" hooks in reverse order of registration), so files are closed before their folder goes.
 *
 * @example
 * const path = tempPath("scan.h5");   // <tmp>/pymodaq-ts-XXXXXX/scan.h5, gone after the test
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach } from "vitest";

let inTest = false;
const testDirs: string[] = [];
const fileDirs: string[] = [];

function remove(dirs: string[]): void {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

beforeEach(() => {
  inTest = true;
});
afterEach(() => {
  inTest = false;
  remove(testDirs);
});
afterAll(() => remove(fileDirs));

/**
 * A new empty directory under the OS temporary directory.
 * @param prefix start of the directory name (letters, digits, `-`)
 * @throws Error when the prefix holds other characters, or the directory cannot be created
 */
export function tempDir(prefix = "pymodaq-ts"): string {
  if (!/^[A-Za-z0-9-]+$/.test(prefix)) throw new Error(`tempDir: invalid prefix ${JSON.stringify(prefix)}`);
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  (inTest ? testDirs : fileDirs).push(dir);
  return dir;
}

/**
 * A path inside a new temporary directory (the file itself does not exist yet).
 * @param name the file name
 * @param prefix as for {@link tempDir}
 */
export function tempPath(name = "test.h5", prefix?: string): string {
  return join(tempDir(prefix), name);
}
