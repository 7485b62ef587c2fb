/**
 * Attributes of one node, decoded and encoded per file-format.md §2: pymodaq attributes as JSON
 * envelopes, system attributes (CLASS, TITLE, VERSION, ...) raw. Decoded values are cached
 * (this session is the only writer), and `shape`/`size` updates made by appends are kept in
 * memory and written at the next flush or close (`setDeferred`).
 */
import { PyBytes, type PyValue } from "@pymodaq-ts/data-model";
import type { AttributeStore, StoredAttr, StringStorage } from "../../storage/types.js";
import { decodeAttr, decodeRawText, encodeAttr } from "../../codec/envelope.js";
import { MissingAttributeError } from "../../errors.js";
import { ATTR, SYSTEM_ATTRS, type FileProfile, type NodeClass, type SystemAttr } from "../layout.js";

/** What the attribute set needs from its session: write permission, the dirty set, the file's profile. */
export interface AttrsOwner {
  readonly profile: FileProfile;
  assertWritable(path: string): void;
  markDirty(attrs: NodeAttrs): void;
}

/** Python's `attrs['title']` is `TITLE`. */
function canonicalName(name: string): string {
  return name === "title" ? ATTR.TITLE : name;
}

/** Raw stored value -> PyValue, following §2.4 (pymodaq attributes) and §2.6 (system ones). */
export function decodeStored(name: string, stored: StoredAttr): PyValue {
  const raw = stored.space === "null" ? "" : stored.value;
  // A raw bool attribute (h5py's enum or PyTables' bitfield, not written by PyMoDAQ, which
  // envelopes its values): what get_attr returns, NumPy's bool or array of bools.
  if (stored.h5type === "bool" && raw !== null && typeof raw !== "string") return boolsOf(raw);
  if (typeof raw === "string") return SYSTEM_ATTRS.has(name) ? decodeRawText(raw) : decodeAttr(raw);
  if (typeof raw === "number") return stored.h5type.startsWith("int") || stored.h5type.startsWith("uint") ? BigInt(raw) : raw;
  if (typeof raw === "bigint" || typeof raw === "boolean" || raw === null) return raw;
  if (Array.isArray(raw)) return raw.map((s) => decodeAttr(s));
  // A numeric array attribute: not written by PyMoDAQ; give its elements as a list.
  return Array.from(raw as ArrayLike<number | bigint>, (v) => v);
}

/** A stored bool value (a boolean, or 0/1 from a storage that gives the enum's integers) or array of them. */
function boolsOf(raw: Exclude<StoredAttr["value"], string | null>): boolean | boolean[] {
  if (typeof raw === "boolean") return raw;
  if (typeof raw === "number" || typeof raw === "bigint") return raw !== 0 && raw !== 0n;
  return Array.from(raw as ArrayLike<unknown>, (v) => v !== 0 && v !== 0n && v !== false);
}

/**
 * Python `check_mandatory_attrs`: bytes values of `TITLE`, `CLASS` and `EXTDIM` are decoded as
 * UTF-8 text; anything else is returned unchanged (H15).
 */
export function checkMandatoryAttrs(name: string, value: PyValue | Uint8Array): PyValue | Uint8Array {
  if (name !== ATTR.TITLE && name !== ATTR.CLASS && name !== ATTR.EXTDIM) return value;
  if (value instanceof PyBytes) return new TextDecoder().decode(value.bytes);
  if (value instanceof Uint8Array) return new TextDecoder().decode(value);
  return value;
}

const NONE: ReadonlySet<string> = new Set();

export class NodeAttrs {
  private readonly cache = new Map<string, PyValue>();
  private readonly pending = new Map<string, PyValue>();
  /** Stored attribute names, listed once (this session is the only writer). */
  private stored: Set<string> | null = null;
  /**
   * The stored names in the storage's order, listed once until this session writes (a new name
   * takes its place in that order): a libhdf5 call on the main thread waits behind any read
   * running on the pool, so a load repeated over a stream's slabs lists them once.
   */
  private listed: string[] | null = null;

  constructor(
    private readonly owner: AttrsOwner,
    private readonly store: AttributeStore,
    /** Path of the node, for error messages. */
    readonly path: string,
    private readonly nodeClass: NodeClass,
  ) {}

  /** Attribute names as stored (deferred values are already stored under the same names). */
  names(): string[] {
    this.listed ??= this.store.names();
    const names = [...this.listed];
    for (const n of this.pending.keys()) if (!names.includes(n)) names.push(n);
    return names;
  }

  has(name: string): boolean {
    const n = canonicalName(name);
    return this.pending.has(n) || this.cache.has(n) || this.storedNames().has(n);
  }

  private storedNames(): Set<string> {
    this.stored ??= new Set(this.store.names());
    return this.stored;
  }

  /**
   * The decoded value (file-format.md §2.4/§2.6): envelopes decoded with the safe literal parser, raw
   * TITLE/CLASS/VERSION kept as strings, a NULL-dataspace string as `''`, integer attributes
   * (EXTDIM) as bigint.
   * @throws MissingAttributeError when the node has no such attribute.
   */
  get(name: string): PyValue {
    const n = canonicalName(name);
    const p = this.pending.get(n);
    if (p !== undefined) return p;
    const c = this.cache.get(n);
    if (c !== undefined) return c;
    if (!this.storedNames().has(n)) throw new MissingAttributeError(this.path, n);
    const value = decodeStored(n, this.store.getStored(n));
    this.cache.set(n, value);
    return value;
  }

  /**
   * Reads the stored values of `names` (default: every attribute) into the cache now, so that the
   * `get`s that follow do not ask the storage; an absent or undecodable attribute is left for
   * `get` to report. A load reads its attributes while it plans, on the calling thread with
   * nothing running on the pool: a storage call while it builds may wait behind the next read.
   */
  prefetch(names: readonly string[] = this.names()): void {
    for (const name of names) {
      const n = canonicalName(name);
      if (this.pending.has(n) || this.cache.has(n) || !this.storedNames().has(n)) continue;
      try {
        this.cache.set(n, decodeStored(n, this.store.getStored(n)));
      } catch {
        // reported by get, where the load asks for it
      }
    }
  }

  /** The decoded value, or `fallback` when the attribute is absent. */
  getOr<T extends PyValue | undefined>(name: string, fallback: T): PyValue | T {
    return this.has(name) ? this.get(name) : fallback;
  }

  /**
   * Python `Attributes.to_dict`: every attribute (system ones included), decoded as by `get`,
   * in the order of `names()`.
   * @throws the decoding errors of `get`
   */
  toDict(): Map<string, PyValue> {
    return new Map(this.names().map((n) => [n, this.get(n)]));
  }

  /** Storage description and raw value (layout checks). */
  getStored(name: string): StoredAttr {
    const n = canonicalName(name);
    if (!this.store.has(n)) throw new MissingAttributeError(this.path, n);
    return this.store.getStored(n);
  }

  /**
   * Writes an attribute now. System attributes (CLASS, TITLE, VERSION, PYTABLES_FORMAT_VERSION)
   * are written raw in this node's PyTables flavour, EXTDIM as int32; everything else as a JSON
   * envelope (fixed-length UTF-8).
   * @throws FileStateError on a read-only or closed file.
   */
  set(name: string, value: PyValue): void {
    this.setMany([[name, value]]);
  }

  /**
   * `set` for several attributes, in order. Consecutive attributes of the same storage (system
   * strings, envelopes) go to the storage in one call, so a new node's attribute set costs a
   * few calls rather than one per attribute. System attributes named in `enveloped` are
   * written as pymodaq attributes (the h5py backend's root CLASS/TITLE).
   * @throws FileStateError on a read-only or closed file.
   */
  setMany(entries: Iterable<readonly [name: string, value: PyValue]>, enveloped: ReadonlySet<string> = NONE): void {
    this.owner.assertWritable(this.path);
    let batch: [string, string][] = [];
    let values: PyValue[] = [];
    let batchStorage: StringStorage | null = null;
    // Values are cached once stored, so a failed write leaves no cached value behind.
    const stored = (n: string, value: PyValue): void => {
      this.pending.delete(n);
      this.cache.set(n, value);
      this.stored?.add(n);
      this.listed = null;
    };
    const flush = (): void => {
      if (batchStorage !== null && batch.length > 0) this.store.setStrings(batch, batchStorage);
      batch.forEach(([n], i) => stored(n, values[i]!));
      batch = [];
      values = [];
    };
    const profile = this.owner.profile;
    for (const [name, value] of entries) {
      const n = canonicalName(name);
      if (n === ATTR.EXTDIM) {
        flush();
        this.store.setInteger(n, Number(value), profile.extdimDtype);
        stored(n, BigInt(Number(value)));
        continue;
      }
      const system = SYSTEM_ATTRS.has(n) && typeof value === "string" && !enveloped.has(n);
      const storage = system ? profile.systemStringStorage(this.nodeClass) : profile.attrStorage;
      if (storage !== batchStorage) {
        flush();
        batchStorage = storage;
      }
      batch.push([n, system ? (value as string) : encodeAttr(value)]);
      values.push(value);
    }
    flush();
  }

  /**
   * Records a new value in memory; it is written at the next `flush()` of the file (or at
   * close). Used for `shape` (appends) and `size` (enlargeable axes).
   * @throws FileStateError on a read-only or closed file.
   */
  setDeferred(name: string, value: PyValue): void {
    this.owner.assertWritable(this.path);
    const n = canonicalName(name);
    if (this.pending.size === 0) this.owner.markDirty(this);
    this.pending.set(n, value);
  }

  /** Deletes an attribute. */
  delete(name: string): void {
    const n = canonicalName(name);
    this.owner.assertWritable(this.path);
    this.pending.delete(n);
    this.cache.delete(n);
    this.store.delete(n);
    this.stored?.delete(n);
    this.listed = null;
  }

  /** True when deferred values wait to be written. */
  get isDirty(): boolean {
    return this.pending.size > 0;
  }

  /** Writes the deferred values. Called by the session's flush/close. */
  writePending(): void {
    const entries = [...this.pending];
    this.pending.clear();
    this.setMany(entries);
  }

  /** Writes the system attributes of a new node (FileProfile.systemAttributes). */
  writeSystem(entries: readonly SystemAttr[]): void {
    this.setMany(
      entries.map((e) => [e.name, e.value] as const),
      new Set(entries.filter((e) => e.envelope === true).map((e) => e.name)),
    );
  }
}
