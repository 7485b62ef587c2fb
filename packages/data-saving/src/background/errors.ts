/**
 * Errors of the background saver: a failure in its worker as the caller sees it, and the
 * cancellation of a call waiting for room in the queue.
 */
import { DataSavingError, type DataSavingErrorCode, type PythonErrorName } from "../errors.js";
import type { WireError } from "./protocol.js";

const PYTHON_NAMES: readonly PythonErrorName[] = ["NodeError", "ValueError", "TypeError", "KeyError", "IndexError", "IOError", "AxisError"];
const CODES: readonly DataSavingErrorCode[] = [
  "NODE", "INVALID_VALUE", "INVALID_TYPE", "MISSING_ATTRIBUTE", "INDEX_OUT_OF_RANGE", "FILE_STATE", "STORAGE", "LOAD", "AXIS",
];

/**
 * A call of the background saver failed in its worker (or the worker itself failed). `cause` is
 * the worker's error rebuilt (same name, message and stack); `code`, `pythonName` and `path` are
 * its own when it was a DataSavingError, `STORAGE` and IOError otherwise.
 */
export class BackgroundSaverError extends DataSavingError {
  /** The operation that failed (`addData`, `initFile`...), or `worker` when the thread failed. */
  readonly operation: string;

  constructor(operation: string, error: WireError, file: string | null) {
    const cause = Object.assign(new Error(error.message), { name: error.name, stack: error.stack });
    const pythonName = PYTHON_NAMES.find((n) => n === error.pythonName) ?? "IOError";
    const code = CODES.find((c) => c === error.code) ?? "STORAGE";
    super(code, pythonName, `${file ?? "background saver"}: ${operation} failed in the saver's worker: ${error.name}: ${error.message}`, {
      ...(error.path === undefined ? {} : { path: error.path }), cause,
    });
    this.name = "BackgroundSaverError";
    this.operation = operation;
  }
}

/**
 * A call cancelled through its `signal` while it waited for room in the queue: nothing of it was
 * queued. Named "AbortError" with code "ABORT_ERR" like Node's own aborted operations.
 */
export class BackgroundAbortError extends Error {
  override readonly name = "AbortError";
  readonly code = "ABORT_ERR";
  constructor(operation: string, reason: unknown) {
    super(`${operation} was aborted before it was queued`, { cause: reason });
  }
}

export function isBackgroundSaverError(e: unknown): e is BackgroundSaverError {
  return e instanceof BackgroundSaverError;
}

export function isBackgroundAbortError(e: unknown): e is BackgroundAbortError {
  return e instanceof BackgroundAbortError;
}
