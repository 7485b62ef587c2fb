/**
 * Errors of the read side. `LoadError` carries the Python exception class the original raises in
 * the same situation (file-format.md §7.8), so the canonical inspector can report
 * `IndexError: ...` like the expectations do. `AxisError` is the seed's exception for loading an
 * Axis from a node that is not an axis node.
 */
import { guardFor } from "../error-guard.js";
import { DataSavingError, type PythonErrorName } from "../errors.js";

/** A load failed for a reason the original reports with a builtin Python exception. */
export class LoadError extends DataSavingError {
  constructor(pythonName: PythonErrorName, message: string, options?: { path?: string; cause?: unknown }) {
    super("LOAD", pythonName, options?.path === undefined ? message : `${options.path}: ${message}`, options);
    this.name = "LoadError";
  }
}

/** The seed's `AxisError`: `loadAxis` was given a node whose `data_type` is not `axis`. */
export class AxisError extends DataSavingError {
  declare readonly path: string;
  constructor(path: string, found: unknown) {
    super("AXIS", "AxisError", `${path}: could not create an Axis object from this node: expected data_type 'axis', found ${
      found === undefined ? "no data_type attribute" : JSON.stringify(String(found))}`, { path });
    this.name = "AxisError";
  }
}

export const isLoadError = guardFor<LoadError>("LOAD");
export const isAxisError = guardFor<AxisError>("AXIS");
