// Shared by the conventions-layer tests (backend.*, nodes.*, saver-lowlevel.*, layout.*): small
// float64 arrays.

/** A float64 ArrayData of `shape` whose element i is `fill(i)` (default i). */
export function f64(shape: number[], fill: (i: number) => number = (i) => i) {
  const n = shape.reduce((a, b) => a * b, 1);
  return { dtype: "float64" as const, shape, data: Float64Array.from({ length: n }, (_, i) => fill(i)) };
}
