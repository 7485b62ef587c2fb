/**
 * The storage interface: the small set of HDF5 operations the PyMoDAQ conventions layer, the
 * savers and the loaders need. `libhdf5.ts` implements it on our native binding; another storage
 * (h5wasm in a browser, an HSDS client) implements these interfaces and is handed to
 * `H5SaverLowLevel` through its `storage` option. Nothing here knows about PyMoDAQ.
 *
 * Conventions: paths are absolute HDF5 paths; names are single path components; handles are
 * owned by their file (closing the file closes them); every failing call throws.
 */

/** Element types (NumPy spelling) and their TypedArrays: data-model's, so NDArrays pass straight through. */
import type { AnyTypedArray, Dtype } from "@pymodaq-ts/data-model";
export type { AnyTypedArray, Dtype, TypedArrayOf } from "@pymodaq-ts/data-model";

/**
 * What sits at a name inside a group: a group or dataset (hard link), a soft or external link
 * (not followed), or anything else (a named datatype, a user-defined link).
 */
export type ChildKind = "group" | "dataset" | "softlink" | "externallink" | "other";

/** Where a soft or external link points (`StorageGroup.linkTarget`). */
export type LinkTarget =
  | { readonly kind: "softlink"; readonly target: string }
  | { readonly kind: "externallink"; readonly file: string; readonly target: string };

export interface ChildEntry {
  readonly name: string;
  readonly kind: ChildKind;
}

/** Options of the optional asynchronous calls. */
export interface StorageAsyncOptions {
  /** Cancels the call while it has not started (it rejects with an AbortError then). */
  readonly signal?: AbortSignal;
}

/** Options of `StorageArray.readAsync`. */
export interface StorageReadOptions extends StorageAsyncOptions {
  /**
   * Where the read may land: a TypedArray of the array's dtype holding exactly the elements
   * read, which the storage fills and returns instead of a new one (no new memory, as a stream
   * reusing its buffers wants). A storage may ignore it and return a new array.
   */
  readonly target?: AnyTypedArray;
}

/** A hyperslab: `start` and `count` per dimension. */
export interface Hyperslab {
  readonly start: readonly number[];
  readonly count: readonly number[];
}

/** How a string attribute is stored (PyTables: fixed/NULL-space for ""; h5py: vlen). */
export interface StringStorage {
  readonly storage: "fixed" | "vlen";
  readonly cset: "utf8" | "ascii";
  /** Store "" as a NULL dataspace (PyTables). */
  readonly emptyAsNull: boolean;
}

/** An attribute as stored: its decoded raw value plus a description of its storage. */
export interface StoredAttr {
  /** e.g. "string(fixed,57,utf8)", "string(vlen,utf8)", "int32", "int64", "float64". */
  readonly h5type: string;
  readonly space: "scalar" | "null" | { readonly simple: readonly number[] };
  /**
   * Strings decoded as UTF-8 with trailing NULs stripped ("" for a NULL dataspace); numbers as
   * number/bigint; anything else as the storage gives it.
   */
  readonly value: string | number | bigint | boolean | AnyTypedArray | string[] | null;
}

export interface AttributeStore {
  names(): string[];
  has(name: string): boolean;
  /** The raw stored value (see StoredAttr.value). Throws if the attribute is missing. */
  getValue(name: string): StoredAttr["value"];
  /** Value plus storage description (for layout checks). */
  getStored(name: string): StoredAttr;
  /** Writes or overwrites scalar string attributes of one storage kind, in order (one storage call). */
  setStrings(entries: readonly (readonly [name: string, value: string])[], storage: StringStorage): void;
  /** Writes or overwrites a scalar integer attribute of the given width (EXTDIM). */
  setInteger(name: string, value: number, dtype: "int32" | "int64"): void;
  delete(name: string): void;
}

interface StorageNode {
  readonly path: string;
  readonly name: string;
  readonly attrs: AttributeStore;
}

/**
 * The HDF5 type of bool elements: "bitfield" is PyTables' (`H5T_STD_B8LE`), "enum" h5py's
 * (an enum FALSE=0, TRUE=1 over int8). Either reads as dtype "bool".
 */
export type BoolEncoding = "bitfield" | "enum";

/** Dataset-creation settings; the conventions layer fills every field (layout.ts). */
export interface ArrayCreateSpec {
  readonly dtype: Dtype;
  /** The type bool elements are stored as (a storage that has one type only, HSDS, uses it for both). */
  readonly boolEncoding: BoolEncoding;
  readonly shape: readonly number[];
  /** `null` on a dimension = unlimited. */
  readonly maxshape: readonly (number | null)[];
  /** Chunk shape, or null for contiguous storage. */
  readonly chunks: readonly number[] | null;
  readonly deflate: number | null;
  readonly shuffle: boolean;
  readonly fillTime: "alloc" | "ifset" | "never";
  readonly allocTime: "early" | "incr" | "late";
}

export interface VlenCreateSpec {
  readonly chunk: number;
  readonly deflate: number | null;
  readonly shuffle: boolean;
}

/**
 * The order in which a group lists its children. `"name"` (default): increasing byte-wise UTF-8
 * name. `"native"`: the order libhdf5 iterates the group's name index natively (`H5Literate`,
 * `H5_ITER_NATIVE`), the order PyTables builds `_v_children` from: name order in a symbol-table
 * group (every group PyTables writes), the link messages' order in a compact group (creation
 * order, as h5py writes groups with UTF-8 names), the order of the name hashes in a dense group.
 */
export type ChildOrder = "name" | "native";

export interface ChildrenOptions {
  readonly order?: ChildOrder;
}

export interface StorageGroup extends StorageNode {
  /** Direct children, in name order or the native order (see ChildOrder). */
  children(options?: ChildrenOptions): ChildEntry[];
  /** The names of `children(options)`, in the same order, without the kinds (no child is opened). */
  childNames(options?: ChildrenOptions): string[];
  /** Kind of the direct child `name`, or null when there is none. */
  childKind(name: string): ChildKind | null;
  /**
   * Where the soft or external link `name` points, without following it; null for anything
   * else. Optional: a storage without links leaves it out.
   */
  linkTarget?(name: string): LinkTarget | null;
  /**
   * The identity of this group's object in its file, the same through every hard link to it
   * (walks use it to detect a group linked under its own descendant). Optional: a storage in
   * which a group has one path only leaves it out.
   */
  objectId?(): string;
  /**
   * The number of children as the file declares it, asked before listing them (the listing's
   * memory budget). Optional: a storage without it is listed unchecked.
   */
  childCount?(): number;
  /** Opens a group, following a soft link (`childKind` "softlink") to one. */
  openGroup(name: string): StorageGroup;
  createGroup(name: string): StorageGroup;
  /**
   * Opens any dataset as an array. For a dataset whose elements are not numeric (the Logger's
   * variable-length rows, strings, compounds) `dtype` and the data calls throw; such a dataset
   * is read with `openVlen` when it holds vlen uint8 rows.
   */
  openArray(name: string): StorageArray;
  openVlen(name: string): StorageVlen;
  createArray(name: string, spec: ArrayCreateSpec): StorageArray;
  createVlen(name: string, spec: VlenCreateSpec): StorageVlen;
  /** Unlinks the child `name` (group or dataset). */
  remove(name: string): void;
}

export interface StorageLayoutInfo {
  readonly layout: "contiguous" | "chunked" | "compact" | "virtual";
  readonly chunks: number[] | null;
  readonly maxshape: (number | null)[];
  readonly filters: { name: string; params: number[] }[];
  /** How a bool array's elements are stored; null for any other element type. */
  readonly boolEncoding: BoolEncoding | null;
}

export interface StorageArray extends StorageNode {
  readonly dtype: Dtype;
  shape(): number[];
  layoutInfo(): StorageLayoutInfo;
  read(slab?: Hyperslab): AnyTypedArray;
  /**
   * Optional: `read` off the main thread. A storage without it is read with `read` (on the main
   * thread) by the asynchronous loads. `signal` cancels a read not yet started; `target`, when
   * given and used, is the array returned.
   */
  readAsync?(slab?: Hyperslab, options?: StorageReadOptions): Promise<AnyTypedArray>;
  write(data: AnyTypedArray, slab?: Hyperslab): void;
  /** A writer of the blocks at `leading` leading indexes (the trailing extent fixed now). */
  blockWriter(leading: number): StorageBlockWriter;
  resize(shape: readonly number[]): void;
  /** Grows dimension 0 by `rows` and writes `data` (rows x shape[1:]) there. */
  append(data: AnyTypedArray, rows: number): void;
  /**
   * Releases the handle (its chunk cache is flushed now). The array stays usable: the next call
   * reopens it by path.
   */
  release(): void;
}

/** Repeated writes of same-shaped blocks at leading indexes of one array (checked once when made). */
export interface StorageBlockWriter {
  /** Element type of the array. */
  readonly dtype: Dtype;
  /** Elements per block. */
  readonly blockSize: number;
  /** Writes `data` (blockSize elements of dtype) at `index`, one integer per leading dimension. */
  write(index: readonly number[], data: AnyTypedArray): void;
}

export interface StorageVlen extends StorageNode {
  length(): number;
  append(rows: readonly Uint8Array[]): void;
  read(start?: number, count?: number): Uint8Array[];
  layoutInfo(): StorageLayoutInfo;
}

/** Chunk-cache and creation settings applied when a file is opened or created. */
export interface FileSettings {
  readonly chunkCache: { readonly slots: number; readonly bytes: number; readonly w0: number };
  /**
   * Character set of new link and attribute names: `"ascii"` (default) marks every name ASCII
   * whatever its bytes, as PyTables does, so groups stay symbol tables; `"auto"` marks every
   * non-ASCII name UTF-8; `"h5py"` marks them as h5py 3 does: a non-ASCII group name UTF-8,
   * dataset and attribute names ASCII. A group given a UTF-8 link keeps its links in its header
   * (compact) from then on, so the rule decides the group's native child order.
   */
  readonly nameCset?: "ascii" | "auto" | "h5py";
}

export interface StorageFile {
  readonly path: string;
  readonly writable: boolean;
  readonly isOpen: boolean;
  readonly root: StorageGroup;
  /**
   * Writes everything buffered to the file. A writable file keeps its metadata out of the file
   * until this call (or close), so that a process killed in between leaves the last flushed state.
   */
  flush(): void;
  /** Asks the operating system to put the file's written bytes on the disk (fsync); optional. */
  sync?(): void;
  /** Idempotent; closes every handle opened through this file. */
  close(): void;
  /**
   * `close` with its slow parts off the calling thread (optional: a storage without it is closed
   * with `close`). Idempotent.
   */
  closeAsync?(): Promise<void>;
  /**
   * Writes a copy of the file, as flushed, at `destination`. Optional: a storage that cannot
   * copy files leaves it out. Throws when `destination` exists (nothing is overwritten).
   */
  copyTo?(destination: string): void;
}

/** A way to open and create HDF5 files: the one object a new storage must provide. */
export interface Storage {
  /** Informational name ("h5-lowlevel", "h5wasm", ...). */
  readonly name: string;
  /** Creates (truncating an existing file) a writable file. */
  create(path: string, settings: FileSettings): StorageFile;
  /** Opens an existing file read-only (`"r"`) or read-write (`"r+"`). */
  open(path: string, mode: "r" | "r+", settings: FileSettings): StorageFile;
  /**
   * `open` off the calling thread (optional: a storage without it is opened with `open`).
   * Rejects with an AbortError when `options.signal` aborts before the file is opened.
   */
  openAsync?(path: string, mode: "r" | "r+", settings: FileSettings, options?: StorageAsyncOptions): Promise<StorageFile>;
  /** True when `path` names an existing file; when absent, the local file system is asked. */
  exists?(path: string): boolean;
  /** Reading files another process writes (`FileFollower`); optional: absent, they cannot be followed. */
  readonly follow?: StorageFollow;
  /**
   * True when every read crosses a network (HSDS): an array read once is then worth keeping
   * rather than reading again (the inspector does). Absent or false for local files, which the
   * page cache keeps.
   */
  readonly remote?: boolean;
}

/**
 * Where a file stands in the flushes of the process writing it, as that writer announces them:
 * `session` tells one opening for writing from another, `flushes` counts the flushes completed
 * since, `changing` is true while the file on disk is being written (before the first flush
 * ends, during each flush and the close).
 */
export interface StorageFlushState {
  readonly session: number;
  readonly flushes: number;
  readonly changing: boolean;
}

/**
 * What a storage offers readers of a file another process writes. Its writable files announce
 * their flushes, and the file on disk changes only during them.
 */
export interface StorageFollow {
  /** The flush state announced by the process writing `path`, or null when no process announces one. */
  flushState(path: string): StorageFlushState | null;
  /** Opens `path` read-only without taking the file's lock (another process may be writing it). */
  openUnlocked(path: string, settings: FileSettings): StorageFile;
  /** Whether `e`, thrown by `open`, says another process has the file open for writing. */
  isInUse(e: unknown): boolean;
}
