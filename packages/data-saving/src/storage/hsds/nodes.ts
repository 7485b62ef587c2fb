/**
 * The storage interface's groups, arrays, VLARRAYs and attributes on HSDS objects. Each object is
 * described once (its links, attributes, shape and type fetched on first use, or taken from the
 * domain's description, fetched at an asynchronous open or after a walk's first look-ups:
 * described.ts, DomainSession.describedOf) and then kept up to date locally: a
 * domain has one writer, so the cache stays exact and a saver's calls cost only the requests that
 * change something.
 */
import { allocate } from "@pymodaq-ts/data-model";
import { NodeError } from "../../errors.js";
import type {
  AnyTypedArray, ArrayCreateSpec, AttributeStore, ChildEntry, ChildKind, Dtype, Hyperslab, StorageArray,
  StorageBlockWriter, StorageGroup, StorageLayoutInfo, StorageReadOptions, StorageVlen, StoredAttr, StringStorage, VlenCreateSpec,
} from "../types.js";
import { AppendBuffer, type BatchPolicy, type PendingWrites } from "./batching.js";
import { HsdsError, HsdsUnsavedRowsError } from "./errors.js";
import type { Json } from "./client.js";
import { attributesOf, linksOf, type LinkJson } from "./described.js";
import type { DomainSession } from "./domain.js";
import {
  creationProperties, dtypeOfType, layoutInfoOf, storedAttrOf, stringTypeJson, typeJson, VLEN_UINT8_TYPE, type AttrJson,
} from "./types-map.js";

type Collection = "groups" | "datasets";

const joinPath = (parent: string, name: string): string => (parent === "/" ? `/${name}` : `${parent}/${name}`);
const byteOrder = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b));
const bytesOf = (a: ArrayBufferView): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
const seg = (name: string): string => encodeURIComponent(name);

/** HSDS's `select` for a hyperslab: `[a:b,c:d]`. */
export function selectOf(slab: Hyperslab): string {
  return `[${slab.start.map((s, i) => `${s}:${s + slab.count[i]!}`).join(",")}]`;
}

/** Most bytes per value request: larger reads and writes go in slices along dimension 0. */
const MAX_REQUEST_BYTES = 32 * 1024 * 1024;

/** One value request of a read: its query, where its bytes land in the result, how many. */
interface ReadPart {
  readonly params: Record<string, string>;
  readonly at: number;
  readonly bytes: number;
}

/** The one attribute store of object `id` in its domain (`fresh`: just created, so it has none). */
function attrsOf(s: DomainSession, collection: Collection, id: string, path: string, fresh: boolean): HsdsAttrs {
  const key = `attrs:${id}`;
  let a = s.objects.get(key) as HsdsAttrs | undefined;
  if (a === undefined) {
    a = new HsdsAttrs(s, collection, id, path, fresh);
    s.objects.set(key, a);
  }
  return a;
}

class HsdsAttrs implements AttributeStore {
  private cache: Map<string, AttrJson> | null;
  constructor(
    private readonly s: DomainSession,
    private readonly collection: Collection,
    private readonly id: string,
    private readonly path: string,
    fresh: boolean,
  ) {
    this.cache = fresh ? new Map() : null;
  }

  private all(): Map<string, AttrJson> {
    this.s.check(this.path);
    if (this.cache !== null) return this.cache;
    const described = this.s.describedOf(this.id);
    const list = (described !== undefined
      ? attributesOf(described)
      : this.s.client.json("GET", `/${this.collection}/${this.id}/attributes`, { params: { IncludeData: 1 }, nodePath: this.path })["attributes"] ?? []) as unknown as (AttrJson & { name: string })[];
    this.cache = new Map(list.map((a) => [a.name, { type: a.type, shape: a.shape, value: a.value ?? null }]));
    return this.cache;
  }

  names(): string[] {
    return [...this.all().keys()].sort(byteOrder);
  }
  has(name: string): boolean {
    return this.all().has(name);
  }
  getStored(name: string): StoredAttr {
    const a = this.all().get(name);
    if (a === undefined) throw new NodeError(this.path, `an attribute named '${name}'`);
    return storedAttrOf(a);
  }
  getValue(name: string): StoredAttr["value"] {
    return this.getStored(name).value;
  }

  /** Writes or replaces attributes: held by the domain and sent with the next batch (attr-batch.ts). */
  private put(items: [string, AttrJson][]): void {
    this.s.checkWritable(this.path);
    const cache = this.all();
    const attributes: Record<string, Json> = {};
    for (const [name, a] of items) {
      // The service refuses a value with a NULL dataspace, and `"H5S_SCALAR"` as a string (500).
      attributes[name] = a.shape === "H5S_NULL" ? { type: a.type, shape: "H5S_NULL" } : { type: a.type, value: a.value };
    }
    this.s.buffered(this.s.attrs, this.s.attrs.add(this.collection, this.id, this.path, attributes, this.s.batch));
    for (const [name, a] of items) cache.set(name, { type: a.type, shape: a.shape === null ? { class: "H5S_SCALAR" } : { class: "H5S_NULL" }, value: a.value });
  }

  setStrings(entries: readonly (readonly [name: string, value: string])[], storage: StringStorage): void {
    if (entries.length === 0) return;
    this.put(entries.map(([name, value]): [string, AttrJson] => {
      if (storage.storage === "vlen") return [name, { type: stringTypeJson("vlen", storage.cset), shape: null, value }];
      const size = Buffer.byteLength(value, "utf8");
      // libhdf5 has no zero-sized string type: "" takes one byte, or a NULL dataspace (PyTables).
      if (size === 0 && storage.emptyAsNull) return [name, { type: stringTypeJson(1, storage.cset), shape: "H5S_NULL", value: null }];
      return [name, { type: stringTypeJson(Math.max(size, 1), storage.cset), shape: null, value }];
    }));
  }
  setInteger(name: string, value: number, dtype: "int32" | "int64"): void {
    this.put([[name, { type: typeJson(dtype), shape: null, value }]]);
  }
  delete(name: string): void {
    this.s.checkWritable(this.path);
    if (this.s.attrs.holds(this.id)) this.s.flushOne(this.s.attrs);
    this.s.client.json("DELETE", `/${this.collection}/${this.id}/attributes/${seg(name)}`, { nodePath: this.path });
    this.all().delete(name);
  }
}

interface Link {
  readonly id: string | null;
  readonly kind: ChildKind;
}

export class HsdsGroup implements StorageGroup {
  readonly attrs: AttributeStore;
  private links: Map<string, Link> | null;
  /** @param fresh just created: no links and no attributes to fetch */
  constructor(
    private readonly s: DomainSession,
    readonly id: string,
    readonly path: string,
    fresh = false,
  ) {
    this.attrs = attrsOf(s, "groups", id, path, fresh);
    this.links = fresh ? new Map() : null;
  }
  get name(): string {
    return this.path === "/" ? "" : this.path.slice(this.path.lastIndexOf("/") + 1);
  }

  private all(): Map<string, Link> {
    this.s.check(this.path);
    if (this.links !== null) return this.links;
    const described = this.s.describedOf(this.id);
    const list = (described !== undefined
      ? linksOf(described)
      : this.s.client.json("GET", `/groups/${this.id}/links`, { nodePath: this.path })["links"] ?? []) as unknown as LinkJson[];
    this.links = new Map(list.map((l) => [l.title, {
      id: l.id ?? null,
      kind: l.class !== "H5L_TYPE_HARD" ? "other" : l.collection === "groups" ? "group" : l.collection === "datasets" ? "dataset" : "other",
    }]));
    return this.links;
  }
  private link(name: string, kind: ChildKind, expected: string): string {
    const l = this.all().get(name);
    if (l === undefined || l.kind !== kind || l.id === null) {
      throw new NodeError(joinPath(this.path, name), expected, { detail: l === undefined ? "no such child" : `found ${l.kind}` });
    }
    return l.id;
  }

  children(): ChildEntry[] {
    return [...this.all().entries()].map(([name, l]) => ({ name, kind: l.kind })).sort((a, b) => byteOrder(a.name, b.name));
  }
  childNames(): string[] {
    return [...this.all().keys()].sort(byteOrder);
  }
  childKind(name: string): ChildKind | null {
    return this.all().get(name)?.kind ?? null;
  }
  openGroup(name: string): StorageGroup {
    const id = this.link(name, "group", "a group");
    const known = this.s.objects.get(id);
    if (known instanceof HsdsGroup) return known;
    const g = new HsdsGroup(this.s, id, joinPath(this.path, name));
    this.s.objects.set(id, g);
    return g;
  }
  createGroup(name: string): StorageGroup {
    const path = this.checkNew(name);
    const res = this.s.client.json("POST", "/groups", { body: { link: { id: this.id, name } }, nodePath: path });
    const id = String(res["id"]);
    this.all().set(name, { id, kind: "group" });
    const g = new HsdsGroup(this.s, id, path, true);
    this.s.objects.set(id, g);
    return g;
  }
  /**
   * The dataset `name`, described once: the same object for every open, so that its shape and
   * its buffered rows are shared by all who hold it.
   */
  private dataset(name: string): HsdsArray | HsdsVlen {
    const id = this.link(name, "dataset", "a dataset");
    const known = this.s.objects.get(id);
    if (known instanceof HsdsArray || known instanceof HsdsVlen) return known;
    const path = joinPath(this.path, name);
    const d: Record<string, Json> = { ...(this.s.describedOf(id) ?? this.s.client.json("GET", `/datasets/${id}`, { nodePath: path })), path };
    const dtype = dtypeOfType(d["type"] ?? null);
    const made = dtype === "vlen-uint8" ? new HsdsVlen(this.s, d) : new HsdsArray(this.s, d, dtype);
    this.s.objects.set(id, made);
    return made;
  }
  /** Any dataset opens as an array; one of another element type fails at `dtype` (as libhdf5's). */
  openArray(name: string): StorageArray {
    const ds = this.dataset(name);
    return ds instanceof HsdsArray ? ds : new HsdsArray(this.s, ds.described, null);
  }
  openVlen(name: string): StorageVlen {
    const ds = this.dataset(name);
    if (!(ds instanceof HsdsVlen)) throw new NodeError(ds.path, "a VLARRAY of uint8", { detail: `HSDS type ${JSON.stringify(ds.described["type"])}` });
    return ds;
  }
  private checkNew(name: string): string {
    const path = joinPath(this.path, name);
    this.s.checkWritable(path);
    if (this.all().has(name)) throw new NodeError(path, "a free name", { detail: "a child of that name exists" });
    return path;
  }
  private createDataset(name: string, body: Record<string, Json>): Record<string, Json> {
    const path = this.checkNew(name);
    const res = this.s.client.json("POST", "/datasets", { body: { ...body, link: { id: this.id, name } }, nodePath: path });
    const id = String(res["id"]);
    this.all().set(name, { id, kind: "dataset" });
    return { ...res, type: res["type"] ?? body["type"] ?? null, creationProperties: body["creationProperties"] ?? null, shape: res["shape"] ?? null, id, path, fresh: true };
  }
  private remember<T extends HsdsArray | HsdsVlen>(ds: T): T {
    this.s.objects.set(ds.id, ds);
    return ds;
  }
  createArray(name: string, spec: ArrayCreateSpec): StorageArray {
    const d = this.createDataset(name, {
      type: typeJson(spec.dtype),
      shape: [...spec.shape],
      maxdims: spec.maxshape.map((m) => m ?? 0),
      creationProperties: creationProperties({ chunks: spec.chunks, deflate: spec.deflate, shuffle: spec.shuffle, fillTime: spec.fillTime, allocTime: spec.allocTime }),
    });
    return this.remember(new HsdsArray(this.s, d, spec.dtype));
  }
  createVlen(name: string, spec: VlenCreateSpec): StorageVlen {
    const d = this.createDataset(name, {
      type: VLEN_UINT8_TYPE,
      shape: [0],
      maxdims: [0],
      creationProperties: creationProperties({ chunks: [spec.chunk], deflate: spec.deflate, shuffle: spec.shuffle }),
    });
    return this.remember(new HsdsVlen(this.s, d));
  }
  remove(name: string): void {
    const path = joinPath(this.path, name);
    this.s.checkWritable(path);
    if (!this.all().has(name)) throw new NodeError(path, "a child to remove", { detail: "no such child" });
    // Held writes may name the object (or one below it) that the unlink may orphan.
    this.s.flushAll();
    this.s.client.json("DELETE", `/groups/${this.id}/links/${seg(name)}`, { nodePath: path });
    this.all().delete(name);
  }
}

/** What every dataset node shares: identity, attributes, the described JSON. */
abstract class HsdsDataset {
  readonly attrs: AttributeStore;
  readonly id: string;
  readonly path: string;
  constructor(
    protected readonly s: DomainSession,
    /** The dataset's JSON (as described by HSDS, or as created). */
    readonly described: Record<string, Json>,
  ) {
    const d = described;
    this.id = String(d["id"]);
    this.path = String(d["path"]);
    this.attrs = attrsOf(s, "datasets", this.id, this.path, d["fresh"] === true);
  }
  get name(): string {
    return this.path.slice(this.path.lastIndexOf("/") + 1);
  }
  protected dims(): number[] {
    const shape = this.described["shape"] as { dims?: number[] } | number[] | null;
    return Array.isArray(shape) ? [...shape] : [...(shape?.dims ?? [])];
  }
  protected value(): string {
    return `/datasets/${this.id}/value`;
  }
}

class ArrayRows extends AppendBuffer<Uint8Array> {
  constructor(private readonly array: HsdsArray, persisted: number) {
    super(array.path, persisted);
  }
  protected send(rows: Uint8Array[], count: number): void {
    this.array.sendAppend(Buffer.concat(rows), count);
  }
}

export class HsdsArray extends HsdsDataset implements StorageArray {
  private shapeState: number[];
  private readonly rows: ArrayRows;
  /** Blocks held by this array's block writers. */
  private readonly runs = new Set<BlockRun>();
  /** @param elementType null for an element type the interface has no dtype for */
  constructor(s: DomainSession, d: Record<string, Json>, private readonly elementType: Dtype | null) {
    super(s, d);
    this.shapeState = this.dims();
    this.rows = new ArrayRows(this, this.shapeState[0] ?? 0);
  }
  get dtype(): Dtype {
    if (this.elementType === null) throw new NodeError(this.path, "a numeric array", { detail: `HSDS type ${JSON.stringify(this.described["type"])}` });
    return this.elementType;
  }
  private get itemBytes(): number {
    return allocate(this.dtype, 1).byteLength;
  }

  shape(): number[] {
    this.s.check(this.path);
    return this.shapeState.length === 0 ? [] : [this.rows.length, ...this.shapeState.slice(1)];
  }
  layoutInfo(): StorageLayoutInfo {
    return layoutInfoOf(this.described, this.elementType === null ? [] : [this.itemBytes]);
  }
  /** Sends buffered rows of this array before any other access to its values. */
  private settle(): void {
    this.s.check(this.path);
    this.s.flushOne(this.rows);
    for (const run of this.runs) this.s.flushOne(run);
  }
  private rowBytes(shape: readonly number[]): number {
    return shape.slice(1).reduce((a, b) => a * b, this.itemBytes);
  }

  /**
   * The value requests of a read of `slab` (the whole array by default): slices of whole rows
   * along dimension 0, each under the request size limit (one request for a scalar), with the
   * byte offset in the result where each lands and its expected length.
   */
  private readParts(slab: Hyperslab | undefined): { elements: number; parts: ReadPart[] } {
    const shape = this.shape();
    const whole: Hyperslab = slab ?? { start: shape.map(() => 0), count: shape };
    const elements = whole.count.reduce((a, b) => a * b, 1);
    if (elements === 0) return { elements, parts: [] };
    if (shape.length === 0) return { elements, parts: [{ params: {}, at: 0, bytes: this.itemBytes }] };
    const rowBytes = this.rowBytes(whole.count);
    const step = Math.max(1, Math.floor(MAX_REQUEST_BYTES / Math.max(rowBytes, 1)));
    const parts: ReadPart[] = [];
    for (let r = 0; r < whole.count[0]!; r += step) {
      const rows = Math.min(step, whole.count[0]! - r);
      const part: Hyperslab = { start: [whole.start[0]! + r, ...whole.start.slice(1)], count: [rows, ...whole.count.slice(1)] };
      parts.push({ params: { select: selectOf(part) }, at: r * rowBytes, bytes: rows * rowBytes });
    }
    return { elements, parts };
  }

  /** Puts the answer to a read request where it lands, once its length is checked. */
  private land(target: Uint8Array, part: ReadPart, bytes: Uint8Array): void {
    if (bytes.byteLength !== part.bytes) throw new NodeError(this.path, `${part.bytes} bytes for ${part.params["select"] ?? "its value"}`, { detail: `HSDS sent ${bytes.byteLength}` });
    target.set(bytes, part.at);
  }

  read(slab?: Hyperslab): AnyTypedArray {
    this.settle();
    const { elements, parts } = this.readParts(slab);
    const out = allocate(this.dtype, elements);
    const target = bytesOf(out);
    for (const part of parts) this.land(target, part, this.s.client.readBinary(this.value(), part.params, this.path));
    return out;
  }

  /**
   * `read` without blocking the calling thread on the service: the requests go out one after the
   * other, and the event loop runs while each is under way. Buffered appends of this array are
   * sent first (blocking, as `read` does). `options.target`, a TypedArray of the dtype with the
   * read's element count, receives the values when given.
   * @throws (rejects) HsdsError for a failed request; an AbortError when `options.signal` aborts
   *   before a request is sent
   */
  async readAsync(slab?: Hyperslab, options: StorageReadOptions = {}): Promise<AnyTypedArray> {
    this.settle();
    const { elements, parts } = this.readParts(slab);
    const given = options.target;
    const fits = given !== undefined && given.constructor === allocate(this.dtype, 0).constructor && given.byteLength === elements * this.itemBytes;
    const out = fits ? given : allocate(this.dtype, elements);
    const target = bytesOf(out);
    for (const part of parts) this.land(target, part, await this.s.client.readBinaryAsync(this.value(), part.params, this.path, options.signal));
    return out;
  }

  write(data: AnyTypedArray, slab?: Hyperslab): void {
    this.s.checkWritable(this.path);
    this.settle();
    const shape = this.shape();
    const whole: Hyperslab = slab ?? { start: shape.map(() => 0), count: shape };
    const bytes = bytesOf(data);
    if (shape.length === 0) {
      this.s.client.writeBinary(this.value(), {}, bytes, this.path);
      return;
    }
    const rowBytes = this.rowBytes(whole.count);
    if (rowBytes === 0 || whole.count[0] === 0) return;
    const step = Math.max(1, Math.floor(MAX_REQUEST_BYTES / rowBytes));
    for (let r = 0; r < whole.count[0]!; r += step) {
      const rows = Math.min(step, whole.count[0]! - r);
      const part: Hyperslab = { start: [whole.start[0]! + r, ...whole.start.slice(1)], count: [rows, ...whole.count.slice(1)] };
      this.s.client.writeBinary(this.value(), { select: selectOf(part) }, bytes.subarray(r * rowBytes, (r + rows) * rowBytes), this.path);
    }
  }

  /**
   * Blocks written at consecutive indexes of the last leading dimension (a scan's points, in
   * order) are held and sent as one hyperslab, under the same limits as appends.
   */
  blockWriter(leading: number): StorageBlockWriter {
    this.s.checkWritable(this.path);
    const trailing = this.shape().slice(leading);
    const run = new BlockRun(this, leading, trailing);
    this.runs.add(run);
    return {
      dtype: this.dtype,
      blockSize: run.blockSize,
      write: (index, data) => {
        if (index.length !== leading) throw new NodeError(this.path, `an index of ${leading} leading dimensions`, { detail: `got [${index.join(", ")}]` });
        if (data.length * (this.dtype.startsWith("complex") ? 0.5 : 1) !== run.blockSize) {
          throw new NodeError(this.path, `blocks of ${run.blockSize} elements`, { detail: `got ${data.length}` });
        }
        this.s.checkWritable(this.path);
        if (!run.extends(index)) this.s.flushOne(run);
        this.s.buffered(run, run.add(index, data, this.s.batch));
      },
    };
  }

  /** Sends blocks held by a block writer (called by its run). */
  sendBlocks(slab: Hyperslab, body: Uint8Array): void {
    this.s.client.writeBinary(this.value(), { select: selectOf(slab) }, body, this.path);
  }

  resize(shape: readonly number[]): void {
    this.s.checkWritable(this.path);
    this.settle();
    this.s.client.json("PUT", `/datasets/${this.id}/shape`, { body: { shape: [...shape] }, nodePath: this.path });
    this.shapeState = [...shape];
    this.rows.reset(shape[0] ?? 0);
  }

  append(data: AnyTypedArray, rows: number): void {
    this.s.checkWritable(this.path);
    const bytes = bytesOf(data);
    // A copy: the caller may reuse its buffer once append returns.
    this.s.append(this.rows, Uint8Array.from(bytes), bytes.byteLength, rows);
  }

  /** One `append=N` request (called by the buffer). */
  sendAppend(body: Uint8Array, rows: number): void {
    this.s.client.writeBinary(this.value(), { append: rows }, body, this.path);
  }

  /** Sends what this array holds (the HTTP connection is the domain's: nothing else to release). */
  release(): void {
    if (this.s.open) this.settle();
  }
}

/** Consecutive blocks of one block writer, held until sent as one hyperslab. */
class BlockRun implements PendingWrites {
  readonly blockSize: number;
  private first: number[] | null = null;
  private parts: Uint8Array[] = [];
  private bytes = 0;
  pending = 0;
  since = 0;
  constructor(
    private readonly array: HsdsArray,
    private readonly leading: number,
    private readonly trailing: readonly number[],
  ) {
    this.blockSize = trailing.reduce((a, b) => a * b, 1);
  }
  /** True when `index` is the block right after the held ones (or nothing is held). */
  extends(index: readonly number[]): boolean {
    if (this.first === null) return true;
    const last = this.leading - 1;
    return index.every((v, i) => (i === last ? v === this.first![i]! + this.pending : v === this.first![i]));
  }
  /** Holds a block; true when the limits say send now. */
  add(index: readonly number[], data: AnyTypedArray, policy: BatchPolicy): boolean {
    if (this.first === null) {
      this.first = [...index];
      this.since = Date.now();
    }
    // A copy: the caller may reuse its buffer.
    this.parts.push(Uint8Array.from(bytesOf(data)));
    this.bytes += data.byteLength;
    this.pending++;
    return this.pending >= policy.maxRows || this.bytes >= policy.maxBytes;
  }
  flush(): void {
    const first = this.first;
    if (first === null) return;
    const count = this.pending;
    const body = Buffer.concat(this.parts);
    this.first = null;
    this.parts = [];
    this.bytes = 0;
    this.pending = 0;
    const last = this.leading - 1;
    try {
      this.array.sendBlocks({
        start: [...first, ...this.trailing.map(() => 0)],
        count: [...first.map((_, i) => (i === last ? count : 1)), ...this.trailing],
      }, body);
    } catch (e) {
      if (!(e instanceof HsdsError)) throw e;
      throw new HsdsUnsavedRowsError(e, [{ path: this.array.path, start: first[last]!, count, index: first }]);
    }
  }
}

class VlenRows extends AppendBuffer<Uint8Array> {
  constructor(private readonly vlen: HsdsVlen, persisted: number) {
    super(vlen.path, persisted);
  }
  protected send(rows: Uint8Array[], count: number): void {
    this.vlen.sendAppend(rows, count);
  }
}

export class HsdsVlen extends HsdsDataset implements StorageVlen {
  private readonly rows: VlenRows;
  constructor(s: DomainSession, d: Record<string, Json>) {
    super(s, d);
    this.rows = new VlenRows(this, this.dims()[0] ?? 0);
  }
  length(): number {
    this.s.check(this.path);
    return this.rows.length;
  }
  append(rows: readonly Uint8Array[]): void {
    this.s.checkWritable(this.path);
    for (const row of rows) this.s.append(this.rows, Uint8Array.from(row), row.byteLength + 4, 1);
  }
  /** One `append=N` request; VLEN values travel as JSON lists. */
  sendAppend(rows: Uint8Array[], count: number): void {
    this.s.client.json("PUT", this.value(), { params: { append: count }, body: { value: rows.map((r) => Array.from(r)) }, nodePath: this.path, idempotent: false });
    this.s.client.countAppend(count);
  }
  read(start = 0, count?: number): Uint8Array[] {
    this.s.check(this.path);
    this.s.flushOne(this.rows);
    const n = count ?? this.rows.length - start;
    if (n <= 0) return [];
    // Binary VLEN answers: each element is a little-endian uint32 byte count, then the bytes.
    const body = Buffer.from(this.s.client.readBinary(this.value(), { select: `[${start}:${start + n}]` }, this.path));
    const out: Uint8Array[] = [];
    let at = 0;
    while (at + 4 <= body.byteLength && out.length < n) {
      const len = body.readUInt32LE(at);
      out.push(Uint8Array.from(body.subarray(at + 4, at + 4 + len)));
      at += 4 + len;
    }
    if (out.length !== n) throw new NodeError(this.path, `${n} rows from ${start}`, { detail: `HSDS sent ${out.length}` });
    return out;
  }
  layoutInfo(): StorageLayoutInfo {
    return layoutInfoOf(this.described, []);
  }
}
