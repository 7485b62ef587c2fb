/** Test helpers: a fresh temporary directory per test, removed afterwards. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach } from "vitest";

const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A path inside a new temporary directory (the file itself does not exist yet). */
export function tempPath(name = "test.h5"): string {
  const dir = mkdtempSync(join(tmpdir(), "h5-lowlevel-"));
  dirs.push(dir);
  return join(dir, name);
}
