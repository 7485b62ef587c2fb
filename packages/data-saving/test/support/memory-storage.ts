/**
 * An in-memory implementation of the storage interface: proof that the savers, loaders and
 * tools need nothing beyond `src/storage/types.ts`, and a reference the libhdf5 storage is
 * compared with. Files live in a Map of this storage instance (path -> root group), so a file
 * written, closed and reopened keeps its content. It stores what libhdf5 would report (string
 * attribute types sized in UTF-8 bytes, names in byte order) but never touches a disk.
 *
 * Native child order: libhdf5's storage writes every group as a symbol table (names marked
 * ASCII), whose native order is name order, so that is what a group of this storage gives by
 * default. A storage made with `{ groups: "compact" }` stands for groups kept as link messages
 * (h5py's with UTF-8 names), whose native order is the order the links were made in; libhdf5
 * turns such a group into a dense one (name-hash order) past 8 links, so this storage refuses a
 * 9th link there rather than give an order libhdf5 would not. A file opened with
 * `FileSettings.nameCset` "auto" marks non-ASCII names UTF-8 ("h5py": group names only) as
 * libhdf5 does: a symbol-table group given such a link turns compact, its links so far in name
 * order, then in creation order.
 */
import { allocate, lanesOf, type AnyTypedArray, type Dtype } from "@pymodaq-ts/data-model";
import type {
  ArrayCreateSpec, AttributeStore, ChildEntry, ChildKind, ChildrenOptions, FileSettings, Hyperslab, Storage, StorageArray,
  StorageBlockWriter, StorageFile, StorageGroup, StorageLayoutInfo, StorageVlen, StoredAttr, StringStorage,
  VlenCreateSpec,
} from "../../src/storage/types.js";

const utf8 = new TextEncoder();

/** HDF5's order of link and attribute names: byte-wise on their UTF-8 encoding. */
function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}

class MemoryAttrs implements AttributeStore {
  private readonly stored = new Map<string, StoredAttr>();
  constructor(private readonly path: string) {}
  names(): string[] {
    return [...this.stored.keys()].sort(byteOrder);
  }
  has(name: string): boolean {
    return this.stored.has(name);
  }
  getValue(name: string): StoredAttr["value"] {
    const a = this.getStored(name);
    return a.space === "null" && a.h5type.startsWith("string(") ? "" : a.value;
  }
  getStored(name: string): StoredAttr {
    const a = this.stored.get(name);
    if (a === undefined) throw new Error(`${this.path}: no attribute ${name}`);
    return a;
  }
  setStrings(entries: readonly (readonly [name: string, value: string])[], storage: StringStorage): void {
    for (const [name, value] of entries) {
      const nullSpace = value === "" && storage.emptyAsNull;
      const h5type = storage.storage === "vlen"
        ? `string(vlen,${storage.cset})`
        : `string(fixed,${Math.max(1, utf8.encode(value).length)},${storage.cset})`;
      this.stored.set(name, { h5type, space: nullSpace ? "null" : "scalar", value: nullSpace ? null : value });
    }
  }
  setInteger(name: string, value: number, dtype: "int32" | "int64"): void {
    this.stored.set(name, { h5type: dtype, space: "scalar", value: dtype === "int64" ? BigInt(value) : value });
  }
  delete(name: string): void {
    if (!this.stored.delete(name)) throw new Error(`${this.path}: no attribute ${name}`);
  }
}

abstract class MemoryNode {
  readonly attrs: MemoryAttrs;
  constructor(readonly path: string, readonly name: string) {
    this.attrs = new MemoryAttrs(path);
  }
}

function childPath(parent: string, name: string): string {
  return parent === "/" ? `/${name}` : `${parent}/${name}`;
}

/** How a memory group keeps its links (see the module comment). */
export type MemoryGroupStorage = "symbol-table" | "compact";

/** libhdf5's default maximum number of links in a compact group (H5Pset_link_phase_change). */
const MAX_COMPACT_LINKS = 8;

/** How the open file stores new groups and marks new link names (FileSettings.nameCset), shared by its groups. */
interface NameMarking {
  readonly groups: MemoryGroupStorage;
  cset: NonNullable<FileSettings["nameCset"]>;
}

class MemoryGroup extends MemoryNode implements StorageGroup {
  /** The links in the order they were made (a Map keeps insertion order, also after a delete). */
  private links = new Map<string, MemoryGroup | MemoryArray | MemoryVlen>();
  constructor(
    path: string,
    name: string,
    public storage: MemoryGroupStorage,
    private readonly marking: NameMarking,
  ) {
    super(path, name);
  }
  children(options?: ChildrenOptions): ChildEntry[] {
    return this.childNames(options).map((name) => ({ name, kind: this.childKind(name)! }));
  }
  childNames(options?: ChildrenOptions): string[] {
    const names = [...this.links.keys()];
    const native = (options?.order ?? "name") === "native";
    return native && this.storage === "compact" ? names : names.sort(byteOrder);
  }
  childKind(name: string): ChildKind | null {
    const c = this.links.get(name);
    return c === undefined ? null : c instanceof MemoryGroup ? "group" : "dataset";
  }
  openGroup(name: string): StorageGroup {
    return this.open(name, MemoryGroup);
  }
  createGroup(name: string): StorageGroup {
    return this.add(new MemoryGroup(childPath(this.path, name), name, this.marking.groups, this.marking));
  }
  openArray(name: string): StorageArray {
    const c = this.links.get(name);
    return c instanceof MemoryVlen ? c.asArray() : this.open(name, MemoryArray);
  }
  openVlen(name: string): StorageVlen {
    return this.open(name, MemoryVlen);
  }
  createArray(name: string, spec: ArrayCreateSpec): StorageArray {
    return this.add(new MemoryArray(childPath(this.path, name), name, spec));
  }
  createVlen(name: string, spec: VlenCreateSpec): StorageVlen {
    return this.add(new MemoryVlen(childPath(this.path, name), name, spec));
  }
  remove(name: string): void {
    if (!this.links.delete(name)) throw new Error(`${this.path}: no child ${name}`);
  }
  /** Whether the link to `node` is marked UTF-8 (h5py marks only its groups' non-ASCII names). */
  private utf8Link(node: MemoryGroup | MemoryArray | MemoryVlen): boolean {
    const { cset } = this.marking;
    if (cset === "ascii" || (cset === "h5py" && !(node instanceof MemoryGroup))) return false;
    return [...node.name].some((c) => c.charCodeAt(0) > 0x7f);
  }
  private open<T>(name: string, kind: abstract new (...args: never[]) => T): T {
    const c = this.links.get(name);
    if (!(c instanceof kind)) throw new Error(`${childPath(this.path, name)}: not a ${kind.name}`);
    return c;
  }
  private add<T extends MemoryGroup | MemoryArray | MemoryVlen>(node: T): T {
    if (this.links.has(node.name)) throw new Error(`${node.path}: exists already`);
    // A UTF-8 link cannot go into a symbol table: libhdf5 converts the group to link messages.
    if (this.storage === "symbol-table" && this.utf8Link(node)) {
      this.links = new Map([...this.links].sort(([a], [b]) => byteOrder(a, b)));
      this.storage = "compact";
    }
    if (this.storage === "compact" && this.links.size === MAX_COMPACT_LINKS) {
      throw new Error(`${node.path}: a compact group of more than ${MAX_COMPACT_LINKS} links turns dense, which this storage does not model`);
    }
    this.links.set(node.name, node);
    return node;
  }
}

function product(dims: readonly number[]): number {
  return dims.reduce((a, b) => a * b, 1);
}

/** Row-major strides (in elements) of `shape`. */
function strides(shape: readonly number[]): number[] {
  const out = new Array<number>(shape.length).fill(1);
  for (let i = shape.length - 2; i >= 0; i--) out[i] = out[i + 1]! * shape[i + 1]!;
  return out;
}

/** Calls `visit(fileOffset, slabOffset)` for every element of the slab, in C order. */
function forEachInSlab(shape: readonly number[], slab: Hyperslab, visit: (at: number, i: number) => void): void {
  const st = strides(shape);
  const n = product(slab.count);
  const idx = new Array<number>(slab.count.length).fill(0);
  for (let i = 0; i < n; i++) {
    let at = 0;
    for (let d = 0; d < idx.length; d++) at += (slab.start[d]! + idx[d]!) * st[d]!;
    visit(at, i);
    for (let d = idx.length - 1; d >= 0; d--) {
      if (++idx[d]! < slab.count[d]!) break;
      idx[d] = 0;
    }
  }
}

class MemoryArray extends MemoryNode implements StorageArray {
  readonly dtype: Dtype;
  private dims: number[];
  private data: AnyTypedArray;
  constructor(path: string, name: string, private readonly spec: ArrayCreateSpec) {
    super(path, name);
    this.dtype = spec.dtype;
    this.dims = [...spec.shape];
    this.data = allocate(spec.dtype, product(spec.shape));
  }
  shape(): number[] {
    return [...this.dims];
  }
  layoutInfo(): StorageLayoutInfo {
    const filters = this.spec.deflate === null ? [] : [
      ...(this.spec.shuffle ? [{ name: "shuffle", params: [lanesOf(this.dtype) * itemBytes(this.dtype)] }] : []),
      { name: "deflate", params: [this.spec.deflate] },
    ];
    return {
      layout: this.spec.chunks === null ? "contiguous" : "chunked",
      chunks: this.spec.chunks === null ? null : [...this.spec.chunks],
      maxshape: [...this.spec.maxshape],
      filters,
      boolEncoding: this.dtype === "bool" ? this.spec.boolEncoding : null,
    };
  }
  read(slab?: Hyperslab): AnyTypedArray {
    if (slab === undefined) return this.data.slice();
    this.check(slab);
    const lanes = lanesOf(this.dtype);
    const out = allocate(this.dtype, product(slab.count));
    forEachInSlab(this.dims, slab, (at, i) => {
      for (let l = 0; l < lanes; l++) (out as Float64Array)[i * lanes + l] = (this.data as Float64Array)[at * lanes + l]!;
    });
    return out;
  }
  write(data: AnyTypedArray, slab?: Hyperslab): void {
    const s = slab ?? { start: this.dims.map(() => 0), count: this.dims };
    this.check(s);
    const lanes = lanesOf(this.dtype);
    forEachInSlab(this.dims, s, (at, i) => {
      for (let l = 0; l < lanes; l++) (this.data as Float64Array)[at * lanes + l] = (data as Float64Array)[i * lanes + l]!;
    });
  }
  blockWriter(leading: number): StorageBlockWriter {
    const trailing = this.dims.slice(leading);
    return {
      dtype: this.dtype,
      blockSize: product(trailing),
      write: (index, data) => this.write(data, { start: [...index, ...trailing.map(() => 0)], count: [...index.map(() => 1), ...trailing] }),
    };
  }
  resize(shape: readonly number[]): void {
    const old = this.data;
    const oldDims = this.dims;
    this.dims = [...shape];
    this.data = allocate(this.dtype, product(shape));
    const common = oldDims.map((d, i) => Math.min(d, shape[i]!));
    if (product(common) > 0) {
      const lanes = lanesOf(this.dtype);
      const slab = { start: common.map(() => 0), count: common };
      const src = strides(oldDims);
      const dst = strides(this.dims);
      forEachInSlab(common, slab, (_at, i) => {
        let from = 0;
        let to = 0;
        let rest = i;
        for (let d = common.length - 1; d >= 0; d--) {
          const k = rest % common[d]!;
          rest = Math.floor(rest / common[d]!);
          from += k * src[d]!;
          to += k * dst[d]!;
        }
        for (let l = 0; l < lanes; l++) (this.data as Float64Array)[to * lanes + l] = (old as Float64Array)[from * lanes + l]!;
      });
    }
  }
  append(data: AnyTypedArray, rows: number): void {
    const start = this.dims[0]!;
    this.resize([start + rows, ...this.dims.slice(1)]);
    this.write(data, { start: this.dims.map((_, i) => (i === 0 ? start : 0)), count: [rows, ...this.dims.slice(1)] });
  }
  release(): void {}
  private check(slab: Hyperslab): void {
    slab.count.forEach((c, d) => {
      if (slab.start[d]! + c > this.dims[d]!) throw new Error(`${this.path}: selection beyond the extent`);
    });
  }
}

function itemBytes(dtype: Dtype): number {
  return allocate(dtype, 1).BYTES_PER_ELEMENT;
}

class MemoryVlen extends MemoryNode implements StorageVlen {
  private readonly rows: Uint8Array[] = [];
  constructor(path: string, name: string, private readonly spec: VlenCreateSpec) {
    super(path, name);
  }
  length(): number {
    return this.rows.length;
  }
  append(rows: readonly Uint8Array[]): void {
    for (const r of rows) this.rows.push(r.slice());
  }
  read(start = 0, count = this.rows.length - start): Uint8Array[] {
    return this.rows.slice(start, start + count).map((r) => r.slice());
  }
  /** The vlen dataset opened as an array, as libhdf5 opens it: its elements have no dtype. */
  asArray(): StorageArray {
    const notNumeric = (): never => {
      throw new Error(`${this.path}: the elements are variable-length, not numeric`);
    };
    return {
      path: this.path,
      name: this.name,
      attrs: this.attrs,
      get dtype(): Dtype {
        return notNumeric();
      },
      shape: () => [this.rows.length],
      layoutInfo: () => this.layoutInfo(),
      read: notNumeric,
      write: notNumeric,
      blockWriter: notNumeric,
      resize: notNumeric,
      append: notNumeric,
      release: () => undefined,
    };
  }
  layoutInfo(): StorageLayoutInfo {
    const filters = this.spec.deflate === null ? [] : [
      ...(this.spec.shuffle ? [{ name: "shuffle", params: [] }] : []),
      { name: "deflate", params: [this.spec.deflate] },
    ];
    return { layout: "chunked", chunks: [this.spec.chunk], maxshape: [null], filters, boolEncoding: null };
  }
}

class MemoryFile implements StorageFile {
  isOpen = true;
  constructor(readonly path: string, readonly writable: boolean, readonly root: MemoryGroup) {}
  flush(): void {}
  close(): void {
    this.isOpen = false;
  }
}

/** A new in-memory storage; its files exist as long as the object does. */
export function memoryStorage(options: { groups?: MemoryGroupStorage } = {}): Storage & { readonly files: ReadonlyMap<string, StorageGroup> } {
  const groups = options.groups ?? "symbol-table";
  const files = new Map<string, MemoryGroup>();
  const marking: NameMarking = { groups, cset: "ascii" };
  return {
    name: "memory",
    files,
    create(path: string, settings: FileSettings): StorageFile {
      marking.cset = settings.nameCset ?? "ascii";
      const root = new MemoryGroup("/", "", groups, marking);
      files.set(path, root);
      return new MemoryFile(path, true, root);
    },
    open(path: string, mode: "r" | "r+", settings: FileSettings): StorageFile {
      marking.cset = settings.nameCset ?? "ascii";
      const root = files.get(path);
      if (root === undefined) throw new Error(`${path}: no such file in this memory storage`);
      return new MemoryFile(path, mode === "r+", root);
    },
  };
}
