/**
 * Errors of the read side. `LoadError` carries the Python exception class the original raises in
 * the same situation (file-format.md §7.8), so the canonical inspector can report
 * `IndexError: ...` like the expectations do. `AxisError` is the seed's exception for loading an
 * Axis from a node that is not an axis node.
 */
import { DataSavingError, type PythonErrorName } from "../errors.js";

/** A load failed for a reason the original reports with a builtin Python exception. */
export class LoadError extends DataSavingError {
  constructor(pythonName: PythonErrorName, message: string, options?: { path?: string; cause?: unknown }) {
    super(pythonName, options?.path === undefined ? message : `${options.path}: ${message}`, options);
    this.name = "LoadError";
  }
}

/** The seed's `AxisError`: `loadAxis` was given a node whose `data_type` is not `axis`. */
export class AxisError extends Error {
  /** The node that was not an axis node. */
  readonly path: string;
  constructor(path: string, found: unknown) {
    super(`${path}: could not create an Axis object from this node: expected data_type 'axis', found ${
      found === undefined ? "no data_type attribute" : JSON.stringify(String(found))}`);
    this.name = "AxisError";
    this.path = path;
  }
}

export function isLoadError(e: unknown): e is LoadError {
  return e instanceof LoadError;
}

export function isAxisError(e: unknown): e is AxisError {
  return e instanceof AxisError;
}
