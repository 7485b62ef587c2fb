/**
 * The storage interface implemented on `@pymodaq-ts/h5-lowlevel`, our native libhdf5 binding.
 * Thin adapters: every call maps to one binding call (but whole reads of arrays larger than the
 * chunk cache, see LowLevelArray.read), handles are the binding's (owned by the file).
 */
import { constants as fsConstants, copyFileSync } from "node:fs";
import {
  dtypeItemSize,
  H5File,
  H5FileInUseError,
  isH5AbortError,
  type DatasetAccessOptions,
  type H5Attributes,
  type H5DatasetLike,
  type H5FileLike,
  type H5GroupLike,
  type H5VlenLike,
} from "@pymodaq-ts/h5-lowlevel";
import { closeSync, fsyncSync, openSync } from "node:fs";
import type {
  AnyTypedArray,
  ArrayCreateSpec,
  AttributeStore,
  ChildEntry,
  ChildKind,
  ChildrenOptions,
  Dtype,
  FileSettings,
  Hyperslab,
  LinkTarget,
  StorageArray,
  StorageAsyncOptions,
  StorageReadOptions,
  Storage,
  StorageBlockWriter,
  StorageFollow,
  StorageFile,
  StorageGroup,
  StorageLayoutInfo,
  StorageVlen,
  StoredAttr,
  StringStorage,
  VlenCreateSpec,
} from "./types.js";
import { FileStateError, StorageError } from "../errors.js";
import { fromBindingError, translateBindingErrors } from "./libhdf5-errors.js";

/** "file.h5:/path" of a binding node, for error messages. */
function whereOf(h: { readonly path: string; readonly file: H5FileLike }): string {
  return `${h.file.filename}:${h.path}`;
}

class LowLevelAttrs implements AttributeStore {
  /**
   * @param attrsOf the live attribute set (a released array is reopened on access)
   * @param where "file.h5:/path" of the node, for error messages
   */
  constructor(
    private readonly attrsOf: () => H5Attributes,
    readonly where: () => string,
  ) {}
  names(): string[] {
    return this.attrsOf().names();
  }
  has(name: string): boolean {
    return this.attrsOf().has(name);
  }
  getValue(name: string): StoredAttr["value"] {
    return this.attrsOf().get(name);
  }
  getStored(name: string): StoredAttr {
    return this.attrsOf().getRaw(name);
  }
  setStrings(entries: readonly (readonly [name: string, value: string])[], storage: StringStorage): void {
    this.attrsOf().setStrings(entries, { storage: storage.storage, cset: storage.cset, emptyAsNull: storage.emptyAsNull });
  }
  setInteger(name: string, value: number, dtype: "int32" | "int64"): void {
    this.attrsOf().set(name, value, { dtype });
  }
  delete(name: string): void {
    this.attrsOf().delete(name);
  }
}

translateBindingErrors(LowLevelAttrs, ["names", "has", "getValue", "getStored", "setStrings", "setInteger", "delete"]);

function layoutOf(ds: H5DatasetLike): StorageLayoutInfo {
  return {
    layout: ds.layout(),
    chunks: ds.chunks(),
    maxshape: ds.maxshape(),
    filters: ds.filters().map((f) => ({ name: f.name, params: f.params })),
    boolEncoding: ds.boolEncoding(),
  };
}

/**
 * The layout of a dataset opened for the question only, closed at once: left to the garbage
 * collector, its close would be a libhdf5 call on the main thread at any later time (behind an
 * asynchronous read, a wait for the read's end).
 */
function layoutOfOpened(ds: H5DatasetLike): StorageLayoutInfo {
  try {
    return layoutOf(ds);
  } finally {
    ds.close();
  }
}

/** Path, name and attributes: what every adapted node shares. */
abstract class LowLevelNode<H extends { readonly path: string; readonly name: string; readonly attrs: H5Attributes; readonly file: H5FileLike }> {
  readonly attrs: AttributeStore;
  constructor(protected h: H) {
    this.attrs = new LowLevelAttrs(() => this.live().attrs, () => this.where());
  }
  where(): string {
    return whereOf(this.h);
  }
  /** The binding's node, open. */
  protected live(): H {
    return this.h;
  }
  get path(): string {
    return this.h.path;
  }
  get name(): string {
    return this.h.name;
  }
}

/** A dataset access that reads from the file straight into the target (no chunk cache). */
const UNCACHED: DatasetAccessOptions = { chunkCache: { slots: 0, bytes: 0, w0: 0 } };

class LowLevelGroup extends LowLevelNode<H5GroupLike> implements StorageGroup {
  /** @param cacheBytes size of the file's chunk cache (whole reads of larger arrays bypass it) */
  constructor(
    h: H5GroupLike,
    private readonly cacheBytes: number,
  ) {
    super(h);
  }
  children(options?: ChildrenOptions): ChildEntry[] {
    return this.h.children(options).map((c) => ({ name: c.name, kind: c.kind }));
  }
  childNames(options?: ChildrenOptions): string[] {
    return this.h.childNames(options);
  }
  childCount(): number {
    return this.h.info().links;
  }
  childKind(name: string): ChildKind | null {
    return this.h.kindOf(name);
  }
  linkTarget(name: string): LinkTarget | null {
    const info = this.h.linkInfo(name);
    if (info?.type === "soft") return { kind: "softlink", target: info.target };
    if (info?.type === "external") return { kind: "externallink", file: info.file, target: info.target };
    return null;
  }
  objectId(): string {
    return this.h.objectId();
  }
  openGroup(name: string): StorageGroup {
    return new LowLevelGroup(this.h.openGroup(name), this.cacheBytes);
  }
  createGroup(name: string): StorageGroup {
    return new LowLevelGroup(this.h.createGroup(name), this.cacheBytes);
  }
  openArray(name: string): StorageArray {
    return new LowLevelArray(this.h.openDataset(name), (access) => this.h.openDataset(name, access), this.cacheBytes);
  }
  openVlen(name: string): StorageVlen {
    return new LowLevelVlen(this.h.openVlen(name), () => layoutOfOpened(this.h.openDataset(name)));
  }
  createArray(name: string, spec: ArrayCreateSpec): StorageArray {
    const ds = this.h.createDataset(name, {
      dtype: spec.dtype,
      boolEncoding: spec.boolEncoding,
      shape: spec.shape,
      maxshape: spec.maxshape,
      ...(spec.chunks === null ? {} : { chunks: spec.chunks }),
      ...(spec.deflate === null ? {} : { deflate: spec.deflate }),
      ...(spec.shuffle ? { shuffle: true } : {}),
      fillTime: spec.fillTime,
      allocTime: spec.allocTime,
    });
    return new LowLevelArray(ds, (access) => this.h.openDataset(name, access), this.cacheBytes);
  }
  createVlen(name: string, spec: VlenCreateSpec): StorageVlen {
    const vl = this.h.createVlenUint8(name, {
      chunks: [spec.chunk],
      ...(spec.deflate === null ? {} : { deflate: spec.deflate }),
      ...(spec.shuffle ? { shuffle: true } : {}),
    });
    return new LowLevelVlen(vl, () => layoutOfOpened(this.h.openDataset(name)));
  }
  remove(name: string): void {
    this.h.delete(name);
  }
}

translateBindingErrors(LowLevelGroup, [
  "children", "childNames", "childCount", "childKind", "linkTarget", "objectId", "openGroup", "createGroup", "openArray", "openVlen", "createArray",
  "createVlen", "remove",
]);

class LowLevelArray extends LowLevelNode<H5DatasetLike> implements StorageArray {
  /** True after release(): the next use reopens the dataset by name (its path is fixed). */
  private released = false;
  /** True once written through this object (see readAsync). */
  private written = false;
  constructor(
    ds: H5DatasetLike,
    private readonly reopen: (access?: DatasetAccessOptions) => H5DatasetLike,
    private readonly cacheBytes: number,
  ) {
    super(ds);
  }
  protected override live(): H5DatasetLike {
    if (this.released) {
      this.h = this.reopen();
      this.released = false;
    }
    return this.h;
  }
  get dtype(): Dtype {
    // a getter, so not wrapped by translateBindingErrors: a dataset of strings, vlen rows or
    // compounds (a corrupt CLASS can make the loader take one for an array) has no dtype
    try {
      return this.live().dtype;
    } catch (e) {
      throw fromBindingError("dtype", this.where(), e);
    }
  }
  shape(): number[] {
    return this.live().shape();
  }
  layoutInfo(): StorageLayoutInfo {
    return layoutOf(this.live());
  }
  read(slab?: Hyperslab): AnyTypedArray {
    if (slab !== undefined) return this.live().read({ start: slab.start, count: slab.count });
    const ds = this.live();
    if (ds.kind !== ds.dtype || ds.shape().reduce((a, b) => a * b, dtypeItemSize(ds.dtype)) <= this.cacheBytes) return ds.read();
    // Larger than the chunk cache: read from the file straight into the result rather than
    // chunk by chunk through the cache (one copy fewer: 17-22 -> 13 ms for W3's 16 MB in C).
    // Closing first flushes this handle's cache; the next use reopens it with the file's cache.
    this.release();
    const direct = this.reopen(UNCACHED);
    try {
      return direct.read();
    } finally {
      direct.close();
    }
  }
  /**
   * `read` on the libuv pool (the binding's promise form). A whole array larger than the chunk
   * cache is read past the cache, as `read` does, through a second handle: the first may have
   * reads of its own waiting in the file's queue, so it is not closed; an array written through
   * this handle is read through it instead (its cache may hold chunks not yet in the file).
   */
  async readAsync(slab?: Hyperslab, options?: StorageReadOptions): Promise<AnyTypedArray> {
    try {
      return await this.readOnPool(slab, options);
    } catch (e) {
      // A cancelled read stays an AbortError, as Node's own cancelled operations.
      if (isH5AbortError(e)) throw e;
      throw fromBindingError("readAsync", this.where(), e);
    }
  }
  private async readOnPool(slab: Hyperslab | undefined, options: StorageReadOptions | undefined): Promise<AnyTypedArray> {
    const access = options?.signal === undefined ? undefined : { signal: options.signal };
    const ds = this.live();
    const target = options?.target;
    if (slab !== undefined && target !== undefined) {
      await ds.readIntoAsync(target, { start: slab.start, count: slab.count }, access);
      return target;
    }
    if (slab !== undefined) return ds.readAsync({ start: slab.start, count: slab.count }, access);
    // An array written through this handle may have changed its extent: the read asks it on the pool.
    if (this.written || ds.kind !== ds.dtype) return ds.readAsync(undefined, access);
    // Otherwise the extent is known on this thread (a read-only file's, kept by the binding), and
    // given to the read as its selection: the read is then one operation on the pool, not two
    // (the extent, then the data), each a round trip through the event loop before the file's
    // next operation may start.
    const shape = ds.shape();
    const whole = shape.length > 0 && shape.every((n) => n > 0) ? { start: shape.map(() => 0), count: shape } : undefined;
    if (shape.reduce((a, b) => a * b, dtypeItemSize(ds.dtype)) <= this.cacheBytes) return ds.readAsync(whole, access);
    const direct = this.reopen(UNCACHED);
    try {
      return await direct.readAsync(whole, access);
    } finally {
      // Queued: a close on the main thread now would wait for libhdf5's lock behind the file's next read.
      await direct.closeAsync();
    }
  }
  write(data: AnyTypedArray, slab?: Hyperslab): void {
    this.written = true;
    if (slab === undefined) this.live().write(data);
    else this.live().write(data, { start: slab.start, count: slab.count });
  }
  blockWriter(leading: number): StorageBlockWriter {
    // The binding's writer is bound to one handle: after a release (close, or a whole read that
    // bypassed the cache) a new one is made on the reopened handle.
    this.written = true;
    let handle = this.live();
    let writer = handle.blockWriter(leading);
    return {
      dtype: writer.dtype,
      blockSize: writer.blockSize,
      write: (index, data) => {
        if (this.released || handle !== this.h) {
          handle = this.live();
          writer = handle.blockWriter(leading);
        }
        try {
          writer.write(index, data);
        } catch (e) {
          throw fromBindingError("blockWriter.write", this.where(), e);
        }
      },
    };
  }
  resize(shape: readonly number[]): void {
    this.written = true;
    this.live().resize(shape);
  }
  release(): void {
    if (!this.released) this.h.close();
    this.released = true;
  }
  append(data: AnyTypedArray, rows: number): void {
    this.written = true;
    this.live().append(data, rows);
  }
}

translateBindingErrors(LowLevelArray, ["shape", "layoutInfo", "read", "write", "blockWriter", "resize", "release", "append"]);

class LowLevelVlen extends LowLevelNode<H5VlenLike> implements StorageVlen {
  constructor(
    vl: H5VlenLike,
    private readonly layout: () => StorageLayoutInfo,
  ) {
    super(vl);
  }
  length(): number {
    return this.h.length();
  }
  append(rows: readonly Uint8Array[]): void {
    this.h.append(rows);
  }
  read(start?: number, count?: number): Uint8Array[] {
    return this.h.read(start, count);
  }
  layoutInfo(): StorageLayoutInfo {
    return this.layout();
  }
}

translateBindingErrors(LowLevelVlen, ["length", "append", "read", "layoutInfo"]);

class LowLevelFile implements StorageFile {
  readonly root: StorageGroup;
  constructor(
    private readonly file: H5FileLike,
    settings: FileSettings,
  ) {
    this.root = new LowLevelGroup(file.root, settings.chunkCache.bytes);
  }
  get path(): string {
    return this.file.filename;
  }
  get writable(): boolean {
    return this.file.mode === "r+";
  }
  get isOpen(): boolean {
    return this.file.isOpen;
  }
  flush(): void {
    this.file.flush();
  }
  sync(): void {
    // fsync applies to the file, not to the descriptor: a descriptor of our own does it without
    // reaching into libhdf5 (whose lock is an flock on its own descriptor, untouched by closing ours).
    const fd = openSync(this.file.filename, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
  close(): void {
    if (this.file.isOpen) this.file.close();
  }
  /** Written out and its memory given back on the libuv pool (H5File.closeAsync). */
  async closeAsync(): Promise<void> {
    try {
      await this.file.closeAsync();
    } catch (e) {
      throw fromBindingError("close", this.where(), e);
    }
  }
  /** A byte copy of the flushed file (the caller flushes). @throws FileStateError when `destination` exists */
  copyTo(destination: string): void {
    try {
      copyFileSync(this.file.filename, destination, fsConstants.COPYFILE_EXCL);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EEXIST") {
        throw new FileStateError(`file ${destination} already exists; it is not overwritten`, { path: destination, cause: e });
      }
      throw new StorageError("copyTo", destination, e);
    }
  }
  where(): string {
    return this.file.filename;
  }
}

translateBindingErrors(LowLevelFile, ["flush", "sync", "close"]);

/** A writable file whose metadata reaches the disk only at flush and close (crash safety). */
function heldUntilFlush(file: H5File): H5File {
  try {
    file.holdMetadataUntilFlush();
  } catch (e) {
    file.close();
    throw e;
  }
  return file;
}

/**
 * Following a file another process writes: the writers of this storage hold their metadata until
 * flush (`heldUntilFlush`), which also announces each flush (`H5File.flushState`).
 */
const libhdf5Follow: StorageFollow = {
  flushState(path: string) {
    try {
      return H5File.flushState(path);
    } catch (e) {
      throw fromBindingError("flushState", path, e);
    }
  },
  openUnlocked(path: string, settings: FileSettings): StorageFile {
    try {
      return new LowLevelFile(H5File.open(path, { locking: false, access: { chunkCache: settings.chunkCache }, nameCset: settings.nameCset ?? "ascii" }), settings);
    } catch (e) {
      throw fromBindingError("open", path, e);
    }
  },
  isInUse(e: unknown): boolean {
    for (let cause = e; cause instanceof Error; cause = cause.cause) if (cause instanceof H5FileInUseError) return true;
    return false;
  },
};

/**
 * The default backend: libhdf5 through `@pymodaq-ts/h5-lowlevel`. Link names get the character
 * set of `settings.nameCset` (ASCII by default, as PyTables writes them).
 */
export const libhdf5Storage: Storage = {
  name: "h5-lowlevel",
  follow: libhdf5Follow,
  create(path: string, settings: FileSettings): StorageFile {
    try {
      return new LowLevelFile(heldUntilFlush(H5File.create(path, { ifExists: "truncate", access: { chunkCache: settings.chunkCache }, nameCset: settings.nameCset ?? "ascii" })), settings);
    } catch (e) {
      throw fromBindingError("create", path, e);
    }
  },
  open(path: string, mode: "r" | "r+", settings: FileSettings): StorageFile {
    try {
      const file = H5File.open(path, { mode, access: { chunkCache: settings.chunkCache }, nameCset: settings.nameCset ?? "ascii" });
      return new LowLevelFile(mode === "r+" ? heldUntilFlush(file) : file, settings);
    } catch (e) {
      throw fromBindingError("open", path, e);
    }
  },
  async openAsync(path: string, mode: "r" | "r+", settings: FileSettings, options: StorageAsyncOptions = {}): Promise<StorageFile> {
    try {
      const file = await H5File.openAsync(path, {
        mode, access: { chunkCache: settings.chunkCache }, nameCset: "ascii", ...(options.signal === undefined ? {} : { signal: options.signal }),
      });
      return new LowLevelFile(file, settings);
    } catch (e) {
      if (isH5AbortError(e)) throw e;
      throw fromBindingError("open", path, e);
    }
  },
};
