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
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { argumentError, H5Error, H5FileInUseError } from "./errors.js";
import { H5Group } from "./group.js";
import { native, type NativeCache, type NativeFile } from "./native.js";
import type { H5Attributes } from "./types.js";
import type { FileAccessOptions, H5FileLike } from "./types.js";
import { checkChunkCache, checkEnum, checkOptions } from "./validate.js";

/**
 * Character set recorded for the link and attribute names this handle writes (the bytes are
 * UTF-8 either way): "auto" (default) marks a non-ASCII name UTF-8, as h5py does for link names;
 * "ascii" marks every name ASCII, as PyTables does, which also keeps every group an old-style
 * symbol table.
 */
export type NameCset = "auto" | "ascii";

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
}

function checkNameCset(value: unknown): boolean {
  return checkEnum(value ?? "auto", "options.nameCset", ["auto", "ascii"] as const) === "ascii";
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

function inUseError(operation: string, filename: string, cause?: H5Error): H5FileInUseError {
  const message = `${operation} ${filename} failed: in use by another process (or another handle of this one)`;
  return new H5FileInUseError(message, { operation, target: filename, frames: cause?.frames ?? [] }, { cause });
}

// libhdf5's own lock refusal (minor "Unable to lock file") becomes H5FileInUseError.
function withInUseError(open: () => NativeFile): NativeFile {
  try {
    return open();
  } catch (e) {
    if (e instanceof H5Error && e.frames.some((f) => /unable to lock file/i.test(f.minor))) throw inUseError(e.operation, e.target, e);
    throw e;
  }
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
    const filename = checkPath(path);
    const opts = checkOptions(options, ["ifExists", "access", "nameCset"]);
    const ifExists = checkEnum(opts.ifExists ?? "truncate", "options.ifExists", ["truncate", "fail"] as const);
    const cache = checkAccess(opts.access);
    const asciiNames = checkNameCset(opts.nameCset);
    if (existsSync(filename)) {
      if (ifExists === "fail") throw argumentError("path", `${filename} already exists (ifExists: "fail")`);
      // libhdf5 truncates before it takes its lock: test the lock first, or a running writer's file is emptied.
      if (native().fileInUse(filename)) throw inUseError("create file", filename);
    }
    return new H5File(withInUseError(() => native().createFile(filename, ifExists === "truncate", cache, asciiNames)), filename, "r+");
  }

  /**
   * Opens an existing file read-only ("r", default) or read-write ("r+").
   * @throws H5ArgumentError when the file does not exist; H5FileInUseError when another process
   *   holds the file's lock (a writer, or readers when opening "r+"); H5Error when it is not HDF5
   */
  static open(path: string, options?: FileOpenOptions): H5File {
    const filename = checkPath(path);
    const opts = checkOptions(options, ["mode", "access", "nameCset"]);
    const mode = checkEnum(opts.mode ?? "r", "options.mode", ["r", "r+"] as const);
    const cache = checkAccess(opts.access);
    const asciiNames = checkNameCset(opts.nameCset);
    if (!existsSync(filename)) throw argumentError("path", `no such file ${filename}`);
    return new H5File(withInUseError(() => native().openFile(filename, mode === "r+", cache, asciiNames)), filename, mode);
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

  /** Closes every object opened through this file, then the file. Idempotent. */
  close(): void {
    this.handle.close();
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
