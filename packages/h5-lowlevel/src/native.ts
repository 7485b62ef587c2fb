/**
 * Loads the compiled addon (see addon-loader.ts) and describes its raw interface.
 * Only the classes of this package call it; the typed API is in file.ts, group.ts, dataset.ts.
 */
import { loadAddonModule } from "./addon-loader.js";
import { H5ArgumentError, H5ClosedError, H5Error } from "./errors.js";
import type { AnyTypedArray, BoolEncoding, ChildInfo, Dtype, GroupInfo, LinkInfo, NameCset, NodeKind } from "./types.js";

export interface NativeRawAttr {
  h5type: string;
  space: "scalar" | "null" | number[];
  value: string | number | bigint | boolean | AnyTypedArray | string[] | null;
}

export interface NativeStorage {
  layout: "contiguous" | "chunked" | "compact" | "virtual";
  chunks: number[] | null;
  filters: { name: string; id: number; params: number[] }[];
  storageSize: number;
}

export interface NativeDatasetSpec {
  dtype: Dtype;
  shape: number[];
  /** -1 = unlimited. */
  maxshape: number[];
  chunks: number[] | null;
  fill: AnyTypedArray | null;
  fillTime: string | null;
  allocTime: string | null;
  deflate: number | null;
  shuffle: boolean;
  boolEnum: boolean;
}

export interface NativeNode {
  close(): void;
  isOpen(): boolean;
  path(): string;
  objectType(): "group" | "dataset" | "other";
  /** "<fileno>:<address>" (H5Oget_info). */
  objectId(): string;
  /** The create methods return null when something is at `name` already. */
  createGroup(name: string, intermediate: boolean): NativeNode | null;
  openObject(name: string, cache: NativeCache): NativeNode;
  exists(name: string): boolean;
  kindOf(name: string): NodeKind | null;
  /** `native`: libhdf5's own link order (H5_ITER_NATIVE) instead of increasing name order. */
  children(native?: boolean): ChildInfo[];
  childNames(native?: boolean): string[];
  groupInfo(): GroupInfo;
  linkInfo(name: string): LinkInfo | null;
  deleteLink(name: string): void;
  moveLink(from: string, to: string): void;
  attrNames(): string[];
  attrExists(name: string): boolean;
  attrRead(name: string): NativeRawAttr;
  attrWriteString(name: string, value: string, vlen: boolean, utf8: boolean, emptyAsNull: boolean): void;
  attrWriteStrings(names: string[], values: string[], vlen: boolean, utf8: boolean, emptyAsNull: boolean): void;
  attrWriteNumeric(name: string, dtype: string, value: AnyTypedArray, scalar: boolean, boolEnum: boolean): void;
  attrDelete(name: string): void;
  createDataset(name: string, spec: NativeDatasetSpec): NativeNode | null;
  createVlen(name: string, chunks: number[], deflate: number | null, shuffle: boolean): NativeNode | null;
  typeInfo(): { kind: string; dtype: string | null; boolEncoding?: BoolEncoding };
  shape(): number[];
  maxshape(): (number | null)[];
  storage(): NativeStorage;
  /** Selections are arrays of integers or Float64Arrays of them (read in one call). */
  read(target: AnyTypedArray, start?: NativeDims, count?: NativeDims, stride?: NativeDims): void;
  write(data: AnyTypedArray, start?: NativeDims, count?: NativeDims, stride?: NativeDims): void;
  resize(shape: readonly number[]): void;
  append(data: AnyTypedArray, rows: number): void;
  vlenAppend(rows: readonly Uint8Array[]): void;
  vlenRead(start: number, count: number): Uint8Array[];
  /** Promise forms (async_dataset.cpp): the same arguments, run on the libuv pool. */
  readAsync(target: AnyTypedArray, start?: NativeDims, count?: NativeDims, stride?: NativeDims): Promise<void>;
  writeAsync(data: AnyTypedArray, start?: NativeDims, count?: NativeDims, stride?: NativeDims): Promise<void>;
  appendAsync(data: AnyTypedArray, rows: number): Promise<void>;
  shapeAsync(): Promise<number[]>;
  vlenReadAsync(start: number, count: number): Promise<Uint8Array[]>;
  vlenAppendAsync(rows: readonly Uint8Array[]): Promise<void>;
}

export interface NativeFile {
  close(): void;
  flush(): void;
  isOpen(): boolean;
  openRoot(): NativeNode;
  /** Promise forms (async_file.cpp). closeAsync flushes on the pool, then closes, leaving the freed memory to trimMemoryAsync. */
  flushAsync(): Promise<void>;
  closeAsync(): Promise<void>;
}

/** [slots, bytes, w0] or null. */
export type NativeCache = [number, number, number] | null;

/** Dimensions or indexes given to the addon: integers, as an array or a Float64Array. */
export type NativeDims = readonly number[] | Float64Array;

export interface NativeAddon {
  createFile(path: string, truncate: boolean, cache: NativeCache, nameCset: NameCset): NativeFile;
  openFile(path: string, readWrite: boolean, cache: NativeCache, nameCset: NameCset, locking: boolean): NativeFile;
  createFileAsync(path: string, truncate: boolean, cache: NativeCache, nameCset: NameCset): Promise<NativeFile>;
  openFileAsync(path: string, readWrite: boolean, cache: NativeCache, nameCset: NameCset, locking: boolean): Promise<NativeFile>;
  /** Gives the memory freed by closed files back to the system, on the pool (glibc's malloc_trim; nothing elsewhere). */
  trimMemoryAsync(): Promise<void>;
  /** Whether another open file description holds libhdf5's flock on `path`. */
  fileInUse(path: string): boolean;
  /** [session, length] of the flush-mark lock another descriptor holds on `path` (flush_marks.hpp), or null. */
  flushMark(path: string): [number, number] | null;
  setErrorClasses(h5: typeof H5Error, argument: typeof H5ArgumentError, closed: typeof H5ClosedError): void;
  libraryVersion(): [number, number, number];
  openFileCount(): number;
  holdMetadataUntilFlush(node: NativeNode): void;
}

function load(): NativeAddon {
  const addon = loadAddonModule() as NativeAddon;
  addon.setErrorClasses(H5Error, H5ArgumentError, H5ClosedError);
  return addon;
}

let addon: NativeAddon | undefined;

/**
 * The addon, loaded on first use: importing this package loads no native code, so a library built
 * on it can be imported (and offer other storages) where the binary is missing.
 */
export function native(): NativeAddon {
  return (addon ??= load());
}
