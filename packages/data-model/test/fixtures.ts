// Shared arrays of data-model.md §10 (data_test.py notation).
import { Axis, NDArray, captureWarnings } from "../src/index.js";

export const DATA0D = (): NDArray => NDArray.from("float64", [1], [2.7]);
export const DATA1D = (): NDArray => NDArray.arange(10);
export const DATA2D = (): NDArray => NDArray.arange(30).reshape([5, 6]);
export const DATAND = (): NDArray => NDArray.arange(90).reshape([5, 6, 3]);
export const LIN20 = (): NDArray<"float64"> =>
  NDArray.from("float64", [20], Array.from({ length: 20 }, (_, i) => -20.4 + 0.22 * i));

export const f64 = (values: number[]): NDArray<"float64"> => NDArray.from("float64", [values.length], values);

/** A linear axis 0..n-1 (float data, so offset/scaling are float64) at `index`. */
export const linAxis = (label: string, n: number, index: number, spreadOrder = 0): Axis =>
  new Axis(label, "", NDArray.arange(0, n, 1, "float64"), { index, spreadOrder });

/** Runs `fn`, returning its result and the names of the warnings it emitted. */
export function warned<T>(fn: () => T): { result: T; names: string[] } {
  const { result, warnings } = captureWarnings(fn);
  return { result, names: warnings.map((w) => w.name) };
}

/** The `name` of the error `fn` throws, or "no error". */
export function errName(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).name;
  }
  return "no error";
}
