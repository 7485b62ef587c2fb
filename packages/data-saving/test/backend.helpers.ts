// Shared by the conventions-layer tests (backend.*, nodes.*, saver-lowlevel.*, layout.*): a fresh
// temp directory per test and small float64 arrays.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A new empty directory under the OS temp dir. */
export function makeTempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `${prefix}-`));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** A float64 ArrayData of `shape` whose element i is `fill(i)` (default i). */
export function f64(shape: number[], fill: (i: number) => number = (i) => i) {
  const n = shape.reduce((a, b) => a * b, 1);
  return { dtype: "float64" as const, shape, data: Float64Array.from({ length: n }, (_, i) => fill(i)) };
}
