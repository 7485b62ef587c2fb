/**
 * The one error model of data-saving: every error it throws is a `DataSavingError` with a `code`
 * (what went wrong, stable across versions), a `pythonName` (the exception the Python original
 * raises in the same case, file-format.md §7.8), the HDF5 path concerned when there is one, and
 * the `cause` it wraps. Errors of the storage underneath (libhdf5's `H5Error`) arrive as a
 * `StorageError` whose `cause` is the original error.
 *
 * Guards check a brand and the code rather than `instanceof`, so they also recognise errors
 * thrown by another copy of this package loaded in the same process.
 *
 * @example
 * try { loader.loadData("/RawData/missing"); }
 * catch (e) { if (isNodeError(e)) console.log(e.code, e.path, e.expected); else throw e; }
 */

import { BRAND, guardFor } from "./error-guard.js";

/** The Python exception classes this package's errors stand for. */
export type PythonErrorName =
  | "NodeError" | "ValueError" | "TypeError" | "KeyError" | "IndexError" | "IOError" | "AxisError" | "MemoryError";

/** What went wrong; one code per error class. */
export type DataSavingErrorCode =
  | "NODE" | "INVALID_VALUE" | "INVALID_TYPE" | "MISSING_ATTRIBUTE" | "INDEX_OUT_OF_RANGE" | "FILE_STATE"
  | "STORAGE" | "LOAD" | "AXIS" | "PY_LITERAL" | "PICKLE_FORMAT" | "PY_JSON" | "PY_ENCODE"
  | "SCENARIO_FORMAT" | "SCENARIO_VALUE" | "REPLAY_STEP" | "USAGE" | "LIMIT" | "READER_DIED";

export interface DataSavingErrorOptions {
  /** The HDF5 path (or file) concerned. */
  path?: string;
  cause?: unknown;
}

/** Base class of every error thrown by data-saving. */
export class DataSavingError extends Error {
  readonly [BRAND] = true;
  /** What went wrong (one code per subclass). */
  readonly code: DataSavingErrorCode;
  /** The class the Python original raises for the same case. */
  readonly pythonName: PythonErrorName;
  /** The HDF5 path concerned, when there is one. */
  readonly path: string | undefined;

  constructor(code: DataSavingErrorCode, pythonName: PythonErrorName, message: string, options?: DataSavingErrorOptions) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = "DataSavingError";
    this.code = code;
    this.pythonName = pythonName;
    this.path = options?.path;
  }
}

/** A node path or name does not exist, or the node is not of the expected kind. */
export class NodeError extends DataSavingError {
  /** What the caller expected to find there ("a group", "an array node", "a child named X"). */
  readonly expected: string;
  constructor(path: string, expected: string, options?: { cause?: unknown; detail?: string }) {
    super("NODE", "NodeError", `${path}: expected ${expected}${options?.detail ? ` (${options.detail})` : ""}`, {
      path,
      cause: options?.cause,
    });
    this.name = "NodeError";
    this.expected = expected;
  }
}

/** Invalid argument value: unknown GroupType/SaveType/DataType name, a CARRAY without data... */
export class InvalidValueError extends DataSavingError {
  constructor(message: string, options?: DataSavingErrorOptions) {
    super("INVALID_VALUE", "ValueError", message, options);
    this.name = "InvalidValueError";
  }
}

/** Argument of the wrong kind: appending something that is not an array, a bad option type. */
export class InvalidTypeError extends DataSavingError {
  constructor(message: string, options?: DataSavingErrorOptions) {
    super("INVALID_TYPE", "TypeError", message, options);
    this.name = "InvalidTypeError";
  }
}

/** A required attribute is missing on a node (Python raises KeyError). */
export class MissingAttributeError extends DataSavingError {
  readonly attribute: string;
  constructor(path: string, attribute: string) {
    super("MISSING_ATTRIBUTE", "KeyError", `${path}: expected an attribute named '${attribute}'`, { path });
    this.name = "MissingAttributeError";
    this.attribute = attribute;
  }
}

/** An index out of range (extended saves, slices). */
export class IndexOutOfRangeError extends DataSavingError {
  constructor(message: string, options?: DataSavingErrorOptions) {
    super("INDEX_OUT_OF_RANGE", "IndexError", message, options);
    this.name = "IndexOutOfRangeError";
  }
}

/** The file is closed, or a write was attempted on a file opened read-only. */
export class FileStateError extends DataSavingError {
  constructor(message: string, options?: DataSavingErrorOptions) {
    super("FILE_STATE", "IOError", message, options);
    this.name = "FileStateError";
  }
}

/**
 * The storage underneath failed (libhdf5 reported an error, the file is corrupt or unwritable,
 * a server refused a request). `cause` is the storage's own error (e.g. h5-lowlevel's `H5Error`
 * with libhdf5's error stack).
 */
export class StorageError extends DataSavingError {
  /** The storage operation that failed ("read", "createArray", "open", ...). */
  readonly operation: string;
  constructor(operation: string, path: string, cause: unknown) {
    super("STORAGE", "IOError", `${path}: ${operation} failed: ${cause instanceof Error ? cause.message : String(cause)}`, {
      path,
      cause,
    });
    this.name = "StorageError";
    this.operation = operation;
  }
}

/**
 * A read would exceed a limit (the memory budget of a load, computed from the declared shapes and
 * dtypes before anything is allocated). Raise the limit (the loader's `maxLoadBytes`) to read
 * anyway.
 */
export class LimitError extends DataSavingError {
  /** What the read needs (bytes). */
  readonly needed: number;
  /** The limit in force (bytes). */
  readonly limit: number;
  constructor(path: string, needed: number, limit: number) {
    super("LIMIT", "MemoryError", `${path}: reading it needs ${needed} bytes, above the memory budget of ${limit} bytes ` +
      "(raise it with the loader's maxLoadBytes option)", { path });
    this.name = "LimitError";
    this.needed = needed;
    this.limit = limit;
  }
}

/** How a supervised reader process ended without answering (see `runUntrusted`). */
export type ReaderDeath = "crash" | "hang" | "memory";

/**
 * A file read in a supervised child process (an untrusted file) killed its reader: a crash inside
 * libhdf5 (a signal), no answer within the time limit, or resident memory past the limit. The
 * calling process is unaffected; the file is corrupt or hostile (or the limits too low for it).
 */
export class ReaderDiedError extends DataSavingError {
  /** crash, hang or memory. */
  readonly death: ReaderDeath;
  /** The signal that ended the reader (SIGSEGV, SIGABRT, ...; SIGKILL for the supervisor's limits). */
  readonly signal: string | null;
  constructor(file: string, death: ReaderDeath, detail: string, signal: string | null) {
    super("READER_DIED", "IOError", `cannot read ${file}: ${detail}: the file is corrupt or hostile`, { path: file });
    this.name = "ReaderDiedError";
    this.death = death;
    this.signal = signal;
  }
}

export const isDataSavingError = guardFor<DataSavingError>();
export const isNodeError = guardFor<NodeError>("NODE");
export const isInvalidValueError = guardFor<InvalidValueError>("INVALID_VALUE");
export const isInvalidTypeError = guardFor<InvalidTypeError>("INVALID_TYPE");
export const isMissingAttributeError = guardFor<MissingAttributeError>("MISSING_ATTRIBUTE");
export const isIndexOutOfRangeError = guardFor<IndexOutOfRangeError>("INDEX_OUT_OF_RANGE");
export const isFileStateError = guardFor<FileStateError>("FILE_STATE");
export const isStorageError = guardFor<StorageError>("STORAGE");
export const isLimitError = guardFor<LimitError>("LIMIT");
export const isReaderDiedError = guardFor<ReaderDiedError>("READER_DIED");

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
  if (isDataSavingError(e)) return `${e.pythonName}: ${e.message}`;
  if (e instanceof Error) return `${MODEL_ERROR_NAMES[e.name] ?? e.name}: ${e.message}`;
  return `Exception: ${String(e)}`;
}
