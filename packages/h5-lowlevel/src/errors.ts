/**
 * Typed errors of the binding. Native code receives these classes at load time, so failures
 * raised in C++ arrive as real instances:
 * - `H5Error`: libhdf5 itself failed; carries HDF5's error stack as structured frames.
 * - `H5ArgumentError`: an argument was rejected before libhdf5 was called (message names it).
 * - `H5ClosedError`: a file, group or dataset was used after `close()`.
 */

/** One entry of libhdf5's error stack. `frames[0]` is the innermost (where HDF5 detected it). */
export interface H5ErrorFrame {
  major: string;
  minor: string;
  func: string;
  file?: string;
  line?: number;
  message: string;
}

export interface H5ErrorDetails {
  /** What the binding was doing, e.g. "open file", "read dataset". */
  operation: string;
  /** The path or object concerned, e.g. "'/RawData/Data00' in /tmp/x.h5". */
  target: string;
  frames: H5ErrorFrame[];
  /** The system error number when a system call failed (28 ENOSPC disk full, 27 EFBIG file too large, 5 EIO). */
  errno?: number;
}

/** A libhdf5 failure. */
export class H5Error extends Error {
  override readonly name: string = "H5Error";
  readonly operation: string;
  readonly target: string;
  readonly frames: H5ErrorFrame[];
  /** See H5ErrorDetails.errno. */
  readonly errno: number | undefined;

  constructor(message: string, details: H5ErrorDetails, options?: { cause?: unknown }) {
    super(message, options);
    this.operation = details.operation;
    this.target = details.target;
    this.frames = details.frames;
    this.errno = details.errno;
  }
}

/**
 * A file another process (or another handle of this one) has open: libhdf5's file lock, or the
 * binding's check of that lock before a truncating create, refused it. Nothing was written.
 */
export class H5FileInUseError extends H5Error {
  override readonly name: string = "H5FileInUseError";
}

/** An invalid argument, rejected before libhdf5 was called. */
export class H5ArgumentError extends TypeError {
  override readonly name = "H5ArgumentError";
}

/** Use of a closed file or node. */
export class H5ClosedError extends Error {
  override readonly name = "H5ClosedError";
}

export function isH5Error(e: unknown): e is H5Error {
  return e instanceof H5Error;
}

export function isH5ArgumentError(e: unknown): e is H5ArgumentError {
  return e instanceof H5ArgumentError;
}

export function isH5ClosedError(e: unknown): e is H5ClosedError {
  return e instanceof H5ClosedError;
}

/** Formats every invalid-argument error the same way: `<argument>: <problem>`. */
export function argumentError(argument: string, problem: string): H5ArgumentError {
  return new H5ArgumentError(`${argument}: ${problem}`);
}

/**
 * An asynchronous operation cancelled through its `signal` before it started. Named
 * "AbortError" with code "ABORT_ERR", as Node's own aborted operations are, so that generic
 * abort handling recognises it; `cause` is the signal's reason.
 */
export class H5AbortError extends Error {
  override readonly name = "AbortError";
  readonly code = "ABORT_ERR";
}

export function isH5AbortError(e: unknown): e is H5AbortError {
  return e instanceof H5AbortError;
}
