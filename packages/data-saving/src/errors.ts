/**
 * Typed errors of the HDF5 conventions layer (file-format.md §7.8). Every error names the
 * node path it concerns and what was expected; `pythonName` gives the exception class the Python
 * original raises in the same situation. Each class has a type guard; `cause` is kept.
 */

/** Python exception names of §7.8 that this layer maps to. */
export type PythonErrorName = "NodeError" | "ValueError" | "TypeError" | "KeyError" | "IndexError" | "IOError";

/** Base class of every error thrown by the conventions layer. */
export class DataSavingError extends Error {
  /** The class the Python original raises for the same case. */
  readonly pythonName: PythonErrorName;
  /** The HDF5 path concerned, when there is one. */
  readonly path: string | undefined;

  constructor(pythonName: PythonErrorName, message: string, options?: { path?: string; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = "DataSavingError";
    this.pythonName = pythonName;
    this.path = options?.path;
  }
}

/** A node path or name does not exist, or the node is not of the expected kind. */
export class NodeError extends DataSavingError {
  /** What the caller expected to find there ("a group", "an array node", "a child named X"). */
  readonly expected: string;
  constructor(path: string, expected: string, options?: { cause?: unknown; detail?: string }) {
    super("NodeError", `${path}: expected ${expected}${options?.detail ? ` (${options.detail})` : ""}`, {
      path,
      cause: options?.cause,
    });
    this.name = "NodeError";
    this.expected = expected;
  }
}

/** Invalid argument value: unknown GroupType/SaveType/DataType name, a CARRAY without data... */
export class InvalidValueError extends DataSavingError {
  constructor(message: string, options?: { path?: string; cause?: unknown }) {
    super("ValueError", message, options);
    this.name = "InvalidValueError";
  }
}

/** Argument of the wrong kind: appending something that is not an array, a bad option type. */
export class InvalidTypeError extends DataSavingError {
  constructor(message: string, options?: { path?: string; cause?: unknown }) {
    super("TypeError", message, options);
    this.name = "InvalidTypeError";
  }
}

/** A required attribute is missing on a node (Python raises KeyError). */
export class MissingAttributeError extends DataSavingError {
  readonly attribute: string;
  constructor(path: string, attribute: string) {
    super("KeyError", `${path}: expected an attribute named '${attribute}'`, { path });
    this.name = "MissingAttributeError";
    this.attribute = attribute;
  }
}

/** An index out of range (extended saves, slices). */
export class IndexOutOfRangeError extends DataSavingError {
  constructor(message: string, options?: { path?: string }) {
    super("IndexError", message, options);
    this.name = "IndexOutOfRangeError";
  }
}

/** The file is closed, or a write was attempted on a file opened read-only. */
export class FileStateError extends DataSavingError {
  constructor(message: string, options?: { path?: string }) {
    super("IOError", message, options);
    this.name = "FileStateError";
  }
}

/** A type guard for one error class (and its subclasses). */
function guardFor<T>(cls: abstract new (...args: never[]) => T): (e: unknown) => e is T {
  return (e: unknown): e is T => e instanceof cls;
}

export const isDataSavingError = guardFor(DataSavingError);
export const isNodeError = guardFor(NodeError);
export const isInvalidValueError = guardFor(InvalidValueError);
export const isInvalidTypeError = guardFor(InvalidTypeError);
export const isMissingAttributeError = guardFor(MissingAttributeError);
export const isIndexOutOfRangeError = guardFor(IndexOutOfRangeError);
export const isFileStateError = guardFor(FileStateError);

const MODEL_ERROR_NAMES: Readonly<Record<string, string>> = {
  ModelIndexError: "IndexError",
  ModelTypeError: "TypeError",
  ModelValueError: "ValueError",
  ModelNotImplementedError: "NotImplementedError",
};

/**
 * `"<Python exception name>: <message>"` for an error thrown by a load: the text PyMoDAQ's loader
 * reports for the same failure (data-model errors map to the Python built-in they stand for).
 */
export function pythonErrorText(e: unknown): string {
  if (e instanceof DataSavingError) return `${e.pythonName}: ${e.message}`;
  if (e instanceof Error) return `${MODEL_ERROR_NAMES[e.name] ?? e.name}: ${e.message}`;
  return `Exception: ${String(e)}`;
}
