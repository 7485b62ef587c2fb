/**
 * Public types of the binding: dtypes, their TypedArrays, attribute values and
 * dataset options. The classes (H5File, H5Group, H5Dataset, H5Attributes) implement
 * the interfaces below; `data-saving` codes against these shapes only.
 */

/** Element types a dataset or numeric attribute can hold. */
export type Dtype =
  | "int8" | "uint8" | "int16" | "uint16" | "int32" | "uint32" | "int64" | "uint64"
  | "float32" | "float64"
  | "complex64" | "complex128"
  | "bool";

/**
 * The TypedArray that carries each dtype. Complex values are interleaved (re, im) in a
 * float array of twice the element count; bool is one byte per element.
 */
export interface TypedArrayOf {
  int8: Int8Array; uint8: Uint8Array; int16: Int16Array; uint16: Uint16Array;
  int32: Int32Array; uint32: Uint32Array; int64: BigInt64Array; uint64: BigUint64Array;
  float32: Float32Array; float64: Float64Array;
  complex64: Float32Array; complex128: Float64Array;
  bool: Uint8Array;
}
export type AnyTypedArray = TypedArrayOf[Dtype];

/** What a dataset holds when it is not a plain numeric array. */
export type DatasetKind = Dtype | "vlen-uint8" | "string" | "vlen-string" | "compound" | "other";

export type NodeKind = "group" | "dataset" | "softlink" | "externallink" | "other";

export interface ChildInfo {
  name: string;
  kind: NodeKind;
}

/**
 * Options of `children()` and `childNames()`. `order: "name"` (default) lists by increasing
 * byte-wise name; `"native"` in the order libhdf5 keeps the links (`H5Literate` on the name
 * index with `H5_ITER_NATIVE`), the order PyTables' `_v_children` and h5py's iteration show:
 * name order in a symbol-table group, the link messages' order (creation order, until a link
 * is deleted) in a compact group, the order of the name hashes in a dense group.
 */
export interface ChildrenOptions {
  order?: "name" | "native";
}

/**
 * The link at a name: a hard link (to a group or dataset of this file), a soft link (an HDF5
 * path, resolved when the link is followed, possibly dangling), an external link (an object in
 * another file) or another (user-defined) link type.
 */
export type LinkInfo =
  | { type: "hard" }
  | { type: "soft"; target: string }
  | { type: "external"; file: string; target: string }
  | { type: "other" };

/**
 * How a group keeps its links: `symbol-table` (the pre-1.8 format PyTables and h5py write for
 * ASCII names), `compact` (link messages in the object header) or `dense` (fractal heap).
 */
export interface GroupInfo {
  links: number;
  storage: "symbol-table" | "compact" | "dense" | "unknown";
}

/**
 * Options of every asynchronous method. `signal` cancels the operation while it waits for the
 * file's earlier operations (it then rejects with H5AbortError); once started, it runs to the end.
 */
export interface AsyncOptions {
  signal?: AbortSignal;
}

/** A hyperslab: `start`, `count` per dimension, optional `stride` (default 1). */
export interface Selection {
  start: readonly number[];
  count: readonly number[];
  stride?: readonly number[];
}

export interface DatasetCreateOptions {
  dtype: Dtype;
  shape: readonly number[];
  /** `null` on a dimension means unlimited. Defaults to `shape`. */
  maxshape?: readonly (number | null)[];
  /** Explicit chunk shape, `"auto"` (see README for the rule), or omitted for contiguous
   *  storage when maxshape equals shape and no filter is set. */
  chunks?: readonly number[] | "auto";
  /** Fill value for unwritten elements (default 0). */
  fillValue?: number | bigint;
  /** When chunks are filled with the fill value: libhdf5's H5D_FILL_TIME_* (default "ifset"). */
  fillTime?: "alloc" | "ifset" | "never";
  /** When storage is allocated: H5D_ALLOC_TIME_* (default libhdf5's default for the layout). */
  allocTime?: "early" | "incr" | "late";
  /** Deflate (gzip/zlib) level 0-9; requires chunks. */
  deflate?: number;
  /** Byte-shuffle filter before deflate; requires chunks. */
  shuffle?: boolean;
  /** How bool elements are stored (see BoolEncoding). Default "bitfield". */
  boolEncoding?: BoolEncoding;
}

/**
 * The HDF5 type of bool elements: "bitfield" is PyTables' 8-bit bitfield (`H5T_STD_B8LE`,
 * `tables.BoolAtom`), "enum" h5py's enum `{FALSE: 0, TRUE: 1}` over `H5T_STD_I8LE`. Reading
 * accepts both, and an h5py-style FALSE/TRUE enum over any integer.
 */
export type BoolEncoding = "bitfield" | "enum";

export interface VlenCreateOptions {
  chunks: readonly [number];
  deflate?: number;
  shuffle?: boolean;
}

export interface FilterInfo {
  /** "deflate", "shuffle", "fletcher32", "szip", "nbit", "scaleoffset" or "filter-<id>". */
  name: string;
  id: number;
  params: number[];
}

/** How an attribute's string is stored. */
export interface StringAttrOptions {
  /** "fixed" (PyTables: size = UTF-8 byte length, NULLTERM, no terminator stored) or "vlen" (h5py). */
  storage?: "fixed" | "vlen";
  cset?: "utf8" | "ascii";
  /** Store "" as a NULL dataspace with a size-1 string, as PyTables does. Default true for fixed. */
  emptyAsNull?: boolean;
}

export interface NumericAttrOptions {
  /** Element type for a number (default float64 for non-integers, int64 for integers). */
  dtype?: Exclude<Dtype, "complex64" | "complex128">;
  /** How a bool attribute is stored (see BoolEncoding). Default "enum", h5py's type. */
  boolEncoding?: BoolEncoding;
}

/** Decoded attribute value: strings as UTF-8 text (trailing NULs stripped), numbers, arrays. */
export type AttrValue = string | number | bigint | boolean | AnyTypedArray | string[] | null;

/** Raw description of an attribute's storage (for layout checks and strict comparisons). */
export interface RawAttr {
  /** e.g. "string(fixed,57,utf8)", "string(vlen,utf8)", "int32", "float64", "bool", "other". */
  h5type: string;
  space: "scalar" | "null" | { simple: number[] };
  value: AttrValue;
}

export interface H5Attributes {
  names(): string[];
  has(name: string): boolean;
  get(name: string): AttrValue;
  getRaw(name: string): RawAttr;
  /** Writes (or overwrites: delete + create, as PyTables does) an attribute. */
  set(name: string, value: string, options?: StringAttrOptions): void;
  set(name: string, value: number | bigint | boolean | AnyTypedArray, options?: NumericAttrOptions): void;
  /** Several string attributes with one set of options, in one call to the addon. */
  setStrings(entries: ReadonlyArray<readonly [name: string, value: string]>, options?: StringAttrOptions): void;
  delete(name: string): void;
}

export interface H5Node {
  /**
   * The identity of the object in its file ("<fileno>:<address>"): equal for two paths that lead
   * to one object through hard links, e.g. a group linked under its own descendant.
   */
  objectId(): string;
  readonly file: H5FileLike;
  /** Absolute path, e.g. "/RawData/Data00". */
  readonly path: string;
  readonly name: string;
  readonly attrs: H5Attributes;
  readonly isOpen: boolean;
  close(): void;
  /** `close` once the file's earlier asynchronous operations have settled. */
  closeAsync(options?: AsyncOptions): Promise<void>;
}

export interface H5GroupLike extends H5Node {
  createGroup(name: string, options?: { createIntermediate?: boolean }): H5GroupLike;
  openGroup(name: string): H5GroupLike;
  exists(name: string): boolean;
  /** Kind of the object at a relative or absolute path, or null when nothing is there. */
  kindOf(name: string): NodeKind | null;
  /** Direct children with their kind, in byte-wise name order or libhdf5's native order (see ChildrenOptions). */
  children(options?: ChildrenOptions): ChildInfo[];
  /** The names of `children(options)`, in the same order, without looking up each child's kind (cheaper). */
  childNames(options?: ChildrenOptions): string[];
  info(): GroupInfo;
  /** What kind of link is at `name` and, for soft and external links, where it points; null when there is none. */
  linkInfo(name: string): LinkInfo | null;
  delete(name: string): void;
  move(from: string, to: string): void;
  createDataset(name: string, options: DatasetCreateOptions): H5DatasetLike;
  createVlenUint8(name: string, options: VlenCreateOptions): H5VlenLike;
  openDataset(name: string, options?: DatasetAccessOptions): H5DatasetLike;
  openVlen(name: string): H5VlenLike;
}

export interface H5DatasetLike extends H5Node {
  readonly kind: DatasetKind;
  /** Numeric dtype; throws for non-numeric datasets (see `kind`). */
  readonly dtype: Dtype;
  /** How bool elements are stored; null when the dtype is not bool. */
  boolEncoding(): BoolEncoding | null;
  shape(): number[];
  /** `null` = unlimited. */
  maxshape(): (number | null)[];
  chunks(): number[] | null;
  layout(): "contiguous" | "chunked" | "compact" | "virtual";
  filters(): FilterInfo[];
  storageSize(): number;
  read(selection?: Selection): AnyTypedArray;
  readInto(target: AnyTypedArray, selection?: Selection): void;
  write(data: AnyTypedArray, selection?: Selection): void;
  /** Repeated writes of same-shaped blocks at `leading` leading indexes. */
  blockWriter(leading: number): H5BlockWriterLike;
  resize(shape: readonly number[]): void;
  /** Grows axis 0 by `rows` and writes `data` (rows x shape[1:]) there, in one native call. */
  append(data: AnyTypedArray, rows?: number): void;
  /** `read` on the libuv pool, in issue order with the file's other asynchronous operations. */
  readAsync(selection?: Selection, options?: AsyncOptions): Promise<AnyTypedArray>;
  /** `readInto` on the libuv pool; do not touch `target` until the promise settles. */
  readIntoAsync(target: AnyTypedArray, selection?: Selection, options?: AsyncOptions): Promise<void>;
  /** `write` on the libuv pool; do not touch `data` until the promise settles. */
  writeAsync(data: AnyTypedArray, selection?: Selection, options?: AsyncOptions): Promise<void>;
  /** `append` on the libuv pool; do not touch `data` until the promise settles. */
  appendAsync(data: AnyTypedArray, rows?: number, options?: AsyncOptions): Promise<void>;
  /** `shape()` read on the libuv pool. */
  shapeAsync(options?: AsyncOptions): Promise<number[]>;
}

export interface H5BlockWriterLike {
  /** Element type of the dataset. */
  readonly dtype: Dtype;
  /** Number of leading (indexed) dimensions. */
  readonly leading: number;
  /** Element count of one block. */
  readonly blockSize: number;
  /** Writes `data` (blockSize elements of the dtype) at `index` (one integer per leading dimension). */
  write(index: readonly number[], data: AnyTypedArray): void;
}

export interface H5VlenLike extends H5Node {
  length(): number;
  append(rows: readonly Uint8Array[]): void;
  read(start?: number, count?: number): Uint8Array[];
  /** `read` on the libuv pool, in issue order with the file's other asynchronous operations. */
  readAsync(start?: number, count?: number, options?: AsyncOptions): Promise<Uint8Array[]>;
  /** `append` on the libuv pool; do not touch the rows until the promise settles. */
  appendAsync(rows: readonly Uint8Array[], options?: AsyncOptions): Promise<void>;
}

/** A raw-data chunk cache: hash slots, size in bytes, eviction weight of fully read/written chunks. */
export interface ChunkCacheOptions {
  slots: number;
  bytes: number;
  w0: number;
}

export interface FileAccessOptions {
  /** Raw-data chunk cache of every dataset: H5Pset_cache (PyTables: 521 slots, 2 MiB, w0 0). */
  chunkCache?: ChunkCacheOptions;
}

export interface DatasetAccessOptions {
  /**
   * This dataset's own chunk cache (H5Pset_chunk_cache). `bytes: 0` makes whole-dataset reads go
   * straight from the file into the target, without a copy through the cache. libhdf5 ignores it
   * when the dataset is already open through another handle.
   */
  chunkCache?: ChunkCacheOptions;
}

export interface H5FileLike {
  readonly filename: string;
  readonly isOpen: boolean;
  readonly mode: "r" | "r+";
  readonly root: H5GroupLike;
  flush(): void;
  close(): void;
  /** `flush` on the libuv pool, after the file's earlier asynchronous operations. */
  flushAsync(options?: AsyncOptions): Promise<void>;
  /** `close` after the file's earlier asynchronous operations, its writing done on the libuv pool. */
  closeAsync(options?: AsyncOptions): Promise<void>;
  [Symbol.dispose](): void;
}

/**
 * Character set recorded for the link and attribute names a file handle writes (the bytes are
 * UTF-8 either way). "auto" (default): a non-ASCII name is marked UTF-8. "ascii": every name is
 * marked ASCII, as PyTables does, which also keeps every group an old-style symbol table.
 * "h5py": as h5py 3's calls mark them: a non-ASCII group name UTF-8 (`create_group`), dataset
 * link names (`create_dataset`), attribute names and moved links ASCII. A UTF-8 link turns its
 * group into link-message storage, so this choice decides where a group changes storage and
 * hence its native link order.
 */
export type NameCset = "auto" | "ascii" | "h5py";
