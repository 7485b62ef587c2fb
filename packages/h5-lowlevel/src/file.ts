/**
 * H5File: an HDF5 file opened through the system libhdf5.
 *
 * @example
 * ```ts
 * import { H5File } from "@pymodaq-ts/h5-lowlevel";
 * using file = H5File.create("/tmp/demo.h5");
 * const ds = file.root.createDataset("x", { dtype: "float64", shape: [0, 3], maxshape: [null, 3], chunks: "auto" });
 * ds.append(new Float64Array([1, 2, 3]));
 * file.root.attrs.set("TITLE", "demo");
 * ```
 *
 * The file owns every group and dataset opened through it: `close()` closes them first, and
 * any later use throws H5ClosedError. Files left open are closed by the garbage collector or,
 * at the latest, when the process or worker exits.
 *
 * The `...Async` methods run libhdf5 on the libuv pool; a file's asynchronous operations run one
 * at a time in the order they were issued (see the README, "Asynchronous calls").
 */
import { existsSync } from "node:fs";
import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { checkSignal, queueOf, signalOf, throwIfAborted } from "./async.js";
import { argumentError, H5Error, H5FileInUseError } from "./errors.js";
import { H5Group } from "./group.js";
import { native, type NativeCache, type NativeFile } from "./native.js";
import type { AsyncOptions, H5Attributes, NameCset } from "./types.js";
import type { FileAccessOptions, H5FileLike } from "./types.js";
import { checkChunkCache, checkEnum, checkOptions } from "./validate.js";


export interface FileCreateOptions {
  /** What to do when the file exists: "truncate" (default) or "fail". */
  ifExists?: "truncate" | "fail";
  access?: FileAccessOptions;
  nameCset?: NameCset;
}

export interface FileOpenOptions {
  /** "r" (default, read-only) or "r+" (read-write). */
  mode?: "r" | "r+";
  access?: FileAccessOptions;
  nameCset?: NameCset;
  /**
   * Whether libhdf5 locks the file while it is open (default true): a writer's exclusive lock
   * refuses readers, a reader's shared lock refuses writers. `false` (read-only only) opens a
   * file another process is writing; what it then reads is consistent only between that writer's
   * flushes (see `H5File.flushState`). The environment variable HDF5_USE_FILE_LOCKING, when set,
   * overrides it.
   */
  locking?: boolean;
}

/**
 * Where a file stands in the flushes of the process writing it, as that writer announces them
 * (`H5File.holdMetadataUntilFlush`): `session` tells one opening of the file for writing from
 * another (drawn at random among 2^20), `flushes` counts the flushes completed since, `changing`
 * is true while the file on disk is being written (before the first flush ends, and during each
 * flush and the close).
 */
export interface FlushState {
  readonly session: number;
  readonly flushes: number;
  readonly changing: boolean;
}

function checkNameCset(value: unknown): NameCset {
  return checkEnum(value ?? "auto", "options.nameCset", ["auto", "ascii", "h5py"] as const);
}

function checkAccess(access: FileAccessOptions | undefined): NativeCache {
  const opts = checkOptions(access, ["chunkCache"], "options.access");
  return opts.chunkCache === undefined ? null : checkChunkCache(opts.chunkCache, "options.access.chunkCache");
}

function checkPath(path: unknown): string {
  if (typeof path !== "string" || path.length === 0) throw argumentError("path", "must be a non-empty string");
  if (path.includes("\0")) throw argumentError("path", "must not contain NUL characters");
  return resolve(path);
}

/** The addon's arguments of createFile / createFileAsync. */
function createArgs(path: string, options: FileCreateOptions | undefined, extra: readonly string[] = []) {
  const filename = checkPath(path);
  const opts = checkOptions(options, ["ifExists", "access", "nameCset", ...extra]);
  const ifExists = checkEnum(opts.ifExists ?? "truncate", "options.ifExists", ["truncate", "fail"] as const);
  return { filename, truncate: ifExists === "truncate", cache: checkAccess(opts.access), nameCset: checkNameCset(opts.nameCset) };
}

/** The addon's arguments of openFile / openFileAsync. */
function openArgs(path: string, options: FileOpenOptions | undefined, extra: readonly string[] = []) {
  const filename = checkPath(path);
  const opts = checkOptions(options, ["mode", "access", "nameCset", ...extra]);
  const mode = checkEnum(opts.mode ?? "r", "options.mode", ["r", "r+"] as const);
  return { filename, mode, cache: checkAccess(opts.access), nameCset: checkNameCset(opts.nameCset) };
}

function checkLocking(locking: unknown, mode: "r" | "r+"): boolean {
  if (locking === undefined) return true;
  if (typeof locking !== "boolean") throw argumentError("options.locking", "must be a boolean");
  if (!locking && mode === "r+") throw argumentError("options.locking", "false is allowed only read-only (mode \"r\")");
  return locking;
}

const existsError = (filename: string) => argumentError("path", `${filename} already exists (ifExists: "fail")`);
const missingError = (filename: string) => argumentError("path", `no such file ${filename}`);

async function fileExists(filename: string): Promise<boolean> {
  return stat(filename).then(() => true, () => false);
}

function inUseError(operation: string, filename: string, cause?: H5Error): H5FileInUseError {
  const message = `${operation} ${filename} failed: in use by another process (or another handle of this one)`;
  return new H5FileInUseError(message, { operation, target: filename, frames: cause?.frames ?? [] }, { cause });
}

/** libhdf5's own lock refusal (minor "Unable to lock file") as H5FileInUseError. */
function asInUseError(e: unknown): unknown {
  if (e instanceof H5Error && e.frames.some((f) => /unable to lock file/i.test(f.minor))) return inUseError(e.operation, e.target, e);
  return e;
}

function withInUseError(open: () => NativeFile): NativeFile {
  try {
    return open();
  } catch (e) {
    throw asInUseError(e);
  }
}

/**
 * libhdf5 1.10 opens with O_TRUNC before it takes its lock: a truncating create tests the lock
 * first, or it empties the file of a running writer.
 */
function checkNotInUse(filename: string, exists: boolean): void {
  if (exists && native().fileInUse(filename)) throw inUseError("create file", filename);
}

export class H5File implements H5FileLike {
  private rootGroup: H5Group | undefined;

  private constructor(
    private readonly handle: NativeFile,
    readonly filename: string,
    readonly mode: "r" | "r+",
  ) {}

  /**
   * Creates a file (default creation properties: superblock v0, symbol-table groups, as PyTables).
   * @param path file path (resolved against the working directory)
   * @throws H5ArgumentError when the file exists and ifExists is "fail"; H5FileInUseError when
   *   another process has the file open (it is left untouched); H5Error when libhdf5 fails
   */
  static create(path: string, options?: FileCreateOptions): H5File {
    const { filename, truncate, cache, nameCset } = createArgs(path, options);
    const exists = existsSync(filename);
    if (!truncate && exists) throw existsError(filename);
    checkNotInUse(filename, exists);
    return new H5File(withInUseError(() => native().createFile(filename, truncate, cache, nameCset)), filename, "r+");
  }

  /**
   * `create` with libhdf5's work on the libuv pool.
   * @param options the options of `create`, and `signal`: an already aborted signal rejects with
   *   H5AbortError; the creation itself, once started, runs to the end
   * @returns a promise of the new file; rejected with the errors `create` throws
   */
  static async createAsync(path: string, options?: FileCreateOptions & AsyncOptions): Promise<H5File> {
    const { filename, truncate, cache, nameCset } = createArgs(path, options, ["signal"]);
    const signal = signalOf(options);
    throwIfAborted(signal, filename);
    const exists = await fileExists(filename);
    if (!truncate && exists) throw existsError(filename);
    checkNotInUse(filename, exists);
    throwIfAborted(signal, filename);
    return new H5File(await native().createFileAsync(filename, truncate, cache, nameCset).catch((e: unknown) => {
      throw asInUseError(e);
    }), filename, "r+");
  }

  /**
   * Opens an existing file read-only ("r", default) or read-write ("r+").
   * @param options.locking false opens read-only without libhdf5's file lock (see FileOpenOptions)
   * @throws H5ArgumentError when the file does not exist, or for `locking: false` with "r+";
   *   H5FileInUseError when another process holds the file's lock (a writer, or readers when
   *   opening "r+"); H5Error when it is not HDF5
   */
  static open(path: string, options?: FileOpenOptions): H5File {
    const { filename, mode, cache, nameCset } = openArgs(path, options, ["locking"]);
    const locking = checkLocking(options?.locking, mode);
    if (!existsSync(filename)) throw missingError(filename);
    return new H5File(withInUseError(() => native().openFile(filename, mode === "r+", cache, nameCset, locking)), filename, mode);
  }

  /**
   * The flush state announced by the process writing `path`, or null when no process announces
   * one (nobody writes the file, or its writer does not hold its metadata until flush, or the
   * platform lacks open-file-description locks: Linux has them). Reads nothing of the file: it
   * asks the kernel for the writer's mark (a lock far past the file's end, see
   * `holdMetadataUntilFlush`). A reader that saw the same state, not changing, before and after
   * reading (through a handle opened with `locking: false` after the first look) read the state
   * of that flush.
   * @throws H5ArgumentError for a path that is not a non-empty string without NUL
   */
  static flushState(path: string): FlushState | null {
    const mark = native().flushMark(checkPath(path));
    if (mark === null) return null;
    const [session, length] = mark;
    return { session, flushes: Math.floor(length / 2), changing: length % 2 === 1 };
  }

  /**
   * `open` with libhdf5's work on the libuv pool.
   * @param options the options of `open`, and `signal`: an already aborted signal rejects with
   *   H5AbortError; the opening itself, once started, runs to the end
   * @returns a promise of the open file; rejected with the errors `open` throws
   */
  static async openAsync(path: string, options?: FileOpenOptions & AsyncOptions): Promise<H5File> {
    const { filename, mode, cache, nameCset } = openArgs(path, options, ["locking", "signal"]);
    const locking = checkLocking(options?.locking, mode);
    const signal = signalOf(options);
    throwIfAborted(signal, filename);
    if (!(await fileExists(filename))) throw missingError(filename);
    throwIfAborted(signal, filename);
    return new H5File(await native().openFileAsync(filename, mode === "r+", cache, nameCset, locking).catch((e: unknown) => {
      throw asInUseError(e);
    }), filename, mode);
  }

  get isOpen(): boolean {
    return this.handle.isOpen();
  }

  /** The root group "/" (reopened if it was closed). @throws H5ClosedError once the file is closed */
  get root(): H5Group {
    if (this.rootGroup === undefined || !this.rootGroup.isOpen) {
      this.rootGroup = new H5Group(this, this.handle.openRoot(), "/");
    }
    return this.rootGroup;
  }

  /** Attributes of the root group. */
  get attrs(): H5Attributes {
    return this.root.attrs;
  }

  /** Writes buffered data and metadata to disk. */
  flush(): void {
    this.handle.flush();
  }

  /**
   * From now on, libhdf5 writes this file's metadata only in `flush()` and `close()`: its metadata
   * cache no longer evicts dirty entries (nor resizes itself), so between two flushes the file on
   * disk keeps the structure of the last flush and a process killed then leaves that state.
   * The cache grows with the metadata changed since the last flush (flush regularly). Raw data
   * still reaches the file when the chunk cache evicts, into chunks the file already indexes or
   * space it does not reference yet. Meaningless on a read-only file (nothing to write).
   *
   * The flushes are then announced to other processes (`H5File.flushState`) until the file
   * closes: the mark says "changing" from now until the first flush ends, and during every flush
   * and the close; it goes when the file closes or the process ends.
   * @throws H5ClosedError once the file is closed; H5Error when libhdf5 refuses the configuration
   */
  holdMetadataUntilFlush(): void {
    const root = this.handle.openRoot();
    try {
      native().holdMetadataUntilFlush(root);
    } finally {
      root.close();
    }
  }

  /**
   * Closes every object opened through this file, then the file. Idempotent. An asynchronous
   * operation running on the pool finishes first (close waits for it); those still waiting in
   * the file's queue then reject with H5ClosedError.
   */
  close(): void {
    this.handle.close();
  }

  /**
   * `flush` on the libuv pool, once the file's earlier asynchronous operations have settled.
   * @param options.signal cancels the flush while it waits (rejects with H5AbortError)
   * @throws (rejects) H5ClosedError on a closed file; H5Error when libhdf5 fails
   */
  async flushAsync(options?: AsyncOptions): Promise<void> {
    const signal = checkSignal(options);
    return queueOf(this).run(() => this.handle.flushAsync(), signal);
  }

  /**
   * `close` once the file's earlier asynchronous operations have settled (all of them run): the
   * data and metadata are written out on the libuv pool (H5Fflush), then the handles released on
   * the main thread, with no I/O left to do there, and the memory freed given back to the system
   * on the pool (which `close` does on the calling thread: milliseconds after large reads). Idempotent.
   * @param options.signal cancels the close while it waits (rejects with H5AbortError)
   * @throws (rejects) H5Error when libhdf5 fails to write or close (the file is closed all the same, as by `close`)
   */
  async closeAsync(options?: AsyncOptions): Promise<void> {
    const signal = checkSignal(options);
    const open = this.handle.isOpen();
    try {
      await queueOf(this).run(() => this.handle.closeAsync(), signal);
    } finally {
      // A failed close released the file all the same.
      if (open) await native().trimMemoryAsync();
    }
  }

  [Symbol.dispose](): void {
    this.close();
  }
}

/** libhdf5's version, e.g. [1, 10, 8]. */
export function libraryVersion(): [number, number, number] {
  return native().libraryVersion();
}

/** Files currently open in this environment (diagnostics, tests). */
export function openFileCount(): number {
  return native().openFileCount();
}
