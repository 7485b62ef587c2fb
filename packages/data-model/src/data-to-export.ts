/**
 * `DataToExport` (data-model.md §7): a named, ordered collection of DataWithAxes produced by one
 * acquisition event. The savers walk it with `getDimPresents()` and
 * `getDataFromDim(dim)` (sorted by name, by code point, stable).
 *
 * @example
 * const dte = new DataToExport("scan", { data: [dwa1D, dwa2D] });
 * dte.getDimPresents();                         // ["Data1D", "Data2D"]
 * dte.getDataFromDim("Data1D").data;            // name-sorted DWAs
 */
import { DataLowLevel } from "./data-base.js";
import type { DataOperand } from "./data-ops.js";
import { DataWithAxes } from "./data-with-axes.js";
import { describe } from "./dtype.js";
import { enumChecker, enumEquals } from "./enum-base.js";
import { DataDim, DataSource, type DataDimName } from "./enums.js";
import { ModelIndexError, ModelTypeError, ModelValueError } from "./errors.js";
import { checkOptions } from "./options.js";
import { Slice } from "./slice.js";

/** Options of `new DataToExport(name, {...})`. */
export interface DataToExportOptions {
  /** The DataWithAxes to hold (the list is copied, the objects are shared). */
  data?: readonly DataWithAxes[];
  /** Overrides the construction time (seconds since the epoch). */
  timestamp?: number;
  /** Python's extra keyword arguments: plain attributes of the DTE, neither tracked nor saved. */
  attributes?: Record<string, unknown>;
}

/** Every field of a DataToExport as the object holds it (what `DataToExport.fromFields` takes). */
export interface DataToExportFields {
  readonly name: string;
  readonly timestamp: number;
  readonly data: readonly DataWithAxes[];
  readonly attributes: ReadonlyMap<string, unknown>;
}

/** Orders strings by Unicode code point (Python's `str` ordering), not by UTF-16 unit. */
export function compareCodePoints(a: string, b: string): number {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done || y.done) return x.done && y.done ? 0 : x.done ? -1 : 1;
    const cx = x.value.codePointAt(0) as number;
    const cy = y.value.codePointAt(0) as number;
    if (cx !== cy) return cx - cy;
  }
}

/** An attribute of a DWA by name: an extra attribute first, then a property (snake_case names map to camelCase). */
function attributeOf(dwa: DataWithAxes, attribute: string): { found: boolean; value: unknown } {
  if (dwa.extraAttributes.has(attribute)) return { found: true, value: dwa.extraAttributes.get(attribute) };
  const camel = attribute.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  for (const key of [attribute, camel]) {
    if (key in dwa) {
      const value = (dwa as unknown as Record<string, unknown>)[key];
      if (typeof value !== "function") return { found: true, value };
    }
  }
  return { found: false, value: undefined };
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  return enumEquals(a, b);
}

function checkDwa(value: unknown): asserts value is DataWithAxes {
  if (!(value instanceof DataWithAxes)) {
    throw new ModelTypeError(`data stored in a DataToExport should be DataWithAxes objects, got ${describe(value)}`);
  }
}

export class DataToExport extends DataLowLevel {
  private _data: DataWithAxes[] = [];
  /** Free attributes given at construction (Python's extra keyword arguments; never saved). */
  readonly attributes: Map<string, unknown>;

  /**
   * @param name the identifier of this collection; DWAs with an empty origin get it as origin.
   * @param options `{ data, timestamp, attributes }`.
   * @throws ModelTypeError when `data` is not a list of DataWithAxes, or for an unknown option.
   */
  constructor(name: string, options?: DataToExportOptions) {
    super(name);
    const o = checkOptions(options, ["data", "timestamp", "attributes"], "DataToExport") as DataToExportOptions;
    this.data = o.data ?? [];
    if (o.timestamp !== undefined) {
      if (typeof o.timestamp !== "number") throw new ModelTypeError(`timestamp should be a number, got ${describe(o.timestamp)}`);
      this.timestamp = o.timestamp;
    }
    this.attributes = new Map(Object.entries(o.attributes ?? {}));
  }

  /**
   * The DataToExport holding exactly these fields, built without validation (the DWAs are
   * neither checked nor given this name as origin, the timestamp is the one given): for fields
   * read from a DataToExport that was validated when it was made, e.g. one rebuilt on another
   * thread. The DWAs are adopted, not copied.
   */
  static fromFields(fields: DataToExportFields): DataToExport {
    const dte = Object.create(DataToExport.prototype) as DataToExport;
    dte.name = fields.name;
    dte.timestamp = fields.timestamp;
    dte._data = [...fields.data];
    // The readonly field is set once here, as the constructor sets it.
    (dte as { attributes: Map<string, unknown> }).attributes = new Map(fields.attributes);
    return dte;
  }

  /** The DWAs. Assigning checks them, copies the list and gives empty origins this name. */
  get data(): readonly DataWithAxes[] {
    return this._data;
  }
  set data(list: readonly DataWithAxes[]) {
    if (!Array.isArray(list)) throw new ModelTypeError(`the data of a DataToExport should be a list of DataWithAxes, got ${describe(list)}`);
    list.forEach(checkDwa);
    this._data = [...list];
    this.affectNameToOriginIfNone();
  }

  /** Gives this collection's name to every DWA whose origin is empty (the data setter does it too). */
  affectNameToOriginIfNone(): void {
    for (const dwa of this._data) if (dwa.origin === "" || dwa.origin === null) dwa.origin = this.name;
  }

  get length(): number {
    return this._data.length;
  }

  [Symbol.iterator](): Iterator<DataWithAxes> {
    return this._data[Symbol.iterator]();
  }

  /** The i-th DWA, `0 <= i < length` only. @throws ModelIndexError */
  at(i: number): DataWithAxes {
    if (!Number.isInteger(i) || i < 0 || i >= this.length) {
      throw new ModelIndexError(`the index should be a positive integer lower than the data length (${this.length}), got ${String(i)}`);
    }
    return this._data[i] as DataWithAxes;
  }

  /** A DTE with the same name holding the DWAs at `start:stop:step` (not copied). */
  slice(start: number | null = null, stop: number | null = null, step: number | null = null): DataToExport {
    const { start: s, step: st, count } = new Slice(start, stop, step).indices(this.length);
    return this.sub(Array.from({ length: count }, (_, k) => this._data[s + k * st] as DataWithAxes));
  }

  /** Replaces the i-th DWA. @throws ModelIndexError for a bad index or a non-DWA */
  setAt(i: number, dwa: DataWithAxes): void {
    this.at(i);
    if (!(dwa instanceof DataWithAxes)) throw new ModelIndexError("the value should be a DataWithAxes");
    this._data[i] = dwa;
  }

  private sub(list: DataWithAxes[]): DataToExport {
    return new DataToExport(this.name, { data: list });
  }

  /** A DTE named `'Copy'` holding deep copies. */
  deepcopy(): DataToExport {
    return new DataToExport("Copy", { data: this._data.map((d) => d.deepcopy()) });
  }

  /** Removes and returns the DWA at `i`. @throws ModelIndexError */
  pop(i: number): DataWithAxes {
    this.at(i);
    return this._data.splice(i, 1)[0] as DataWithAxes;
  }

  /** Removes `dwa` (see `index`) and returns it. @throws ModelValueError when absent */
  remove(dwa: DataWithAxes): DataWithAxes {
    return this.pop(this.index(dwa));
  }

  /** The first position holding a DWA of the same name that equals `dwa`. @throws ModelValueError when none */
  index(dwa: DataWithAxes): number {
    const i = this._data.findIndex((d) => d === dwa || (d.name === dwa.name && d.equals(dwa)));
    if (i < 0) throw new ModelValueError(`${String(dwa)} is not in the DataToExport`);
    return i;
  }

  /**
   * Appends deep copies (data-model.md §7.3): a DWA replaces the entry with its name and origin
   * (by name only when its origin is empty) and goes to the end; a list or another DTE
   * is appended item by item; anything else is ignored. Origins are not changed.
   */
  append(data: DataWithAxes | readonly DataWithAxes[] | DataToExport | unknown): void {
    if (data instanceof DataToExport) return this.append([...data._data]);
    if (Array.isArray(data)) {
      for (const d of data) this.append(d);
      return;
    }
    if (!(data instanceof DataWithAxes)) return;
    this.insert(data.deepcopy());
  }

  /**
   * `append` without the deep copies, for producers that hand over objects nobody else holds
   * (the loader's freshly read arrays): the same replacement rules, but the given DataWithAxes
   * themselves are stored, so later changes to them show in this collection.
   * @param data a DWA, a list of DWAs or another DTE (its DWAs are taken, not copied).
   * @throws ModelTypeError when an item is not a DataWithAxes.
   */
  appendOwned(data: DataWithAxes | readonly DataWithAxes[] | DataToExport): void {
    const list = data instanceof DataToExport ? data._data : data instanceof DataWithAxes ? [data] : data;
    if (!Array.isArray(list)) throw new ModelTypeError(`appendOwned takes DataWithAxes, a list of them or a DataToExport, got ${describe(data)}`);
    for (const d of list) {
      checkDwa(d);
      this.insert(d);
    }
  }

  /** Stores `dwa` at the end, removing the entry with its name and origin. */
  private insert(dwa: DataWithAxes): void {
    const existing = this.getDataFromNameOrigin(dwa.name, dwa.origin);
    if (existing !== null) this._data.splice(this._data.indexOf(existing), 1);
    this._data.push(dwa);
  }

  /** DWA names in list order, or of `getDataFromDim(dim)` (name-sorted). @throws ModelValueError */
  getNames(dim?: DataDim | string | null): string[] {
    return this.filtered(dim).map((d) => d.name);
  }
  /** `origin/name` per DWA, same ordering rules as `getNames`. */
  getFullNames(dim?: DataDim | string | null): string[] {
    return this.filtered(dim).map((d) => d.getFullName());
  }
  /** The distinct origins (first-seen order). */
  getOrigins(dim?: DataDim | string | null): string[] {
    return [...new Set(this.filtered(dim).map((d) => d.origin))];
  }
  private filtered(dim: DataDim | string | null | undefined): readonly DataWithAxes[] {
    return dim === undefined || dim === null ? this._data : this.getDataFromDim(dim)._data;
  }

  /** The first DWA with that name, or null. */
  getDataFromName(name: string): DataWithAxes | null {
    return this._data.find((d) => d.name === name) ?? null;
  }
  /** A DTE with every DWA whose name is listed, in list order. */
  getDataFromNames(names: readonly string[]): DataToExport {
    return this.sub(this._data.filter((d) => names.includes(d.name)));
  }
  /** The first DWA with that name and origin (by name only for an empty origin), or null. */
  getDataFromNameOrigin(name: string, origin = ""): DataWithAxes | null {
    const i = this.indexFromNameOrigin(name, origin);
    return i < 0 ? null : (this._data[i] as DataWithAxes);
  }
  /** The position of `getDataFromNameOrigin(name, origin)`, or -1. */
  indexFromNameOrigin(name: string, origin = ""): number {
    return this._data.findIndex((d) => d.name === name && (origin === "" || d.origin === origin));
  }
  /**
   * The DWA named by `'origin/name'` (`'/name'` matches by name only).
   * @throws ModelIndexError for a string without '/'; ModelTypeError for a value that is not a string.
   */
  getDataFromFullName(fullName: string, deepcopy = false): DataWithAxes | null {
    if (typeof fullName !== "string") throw new ModelTypeError(`a full name 'origin/name' should be a string, got ${describe(fullName)}`);
    const parts = fullName.split("/");
    if (parts.length < 2) throw new ModelIndexError(`'${fullName}' is not a full name 'origin/name'`);
    const found = this.getDataFromNameOrigin(parts[1] as string, parts[0] as string);
    return deepcopy && found !== null ? found.deepcopy() : found;
  }
  /** A DTE of the DWAs named by full names (missing ones are skipped). */
  getDataFromFullNames(fullNames: readonly string[], deepcopy = false): DataToExport {
    return this.sub(fullNames.map((f) => this.getDataFromFullName(f, deepcopy)).filter((d): d is DataWithAxes => d !== null));
  }

  /**
   * A DTE holding every DWA whose attribute equals `value` (enum members equal their
   * name), sorted by name (code point order, stable). Attributes are properties
   * (`dim`, `source`, `origin`... or their snake_case names) or extra attributes.
   */
  getDataFromAttribute(attribute: string, value: unknown, deepcopy = false): DataToExport {
    const picked = this._data.filter((d) => {
      const a = attributeOf(d, attribute);
      return a.found && sameValue(a.value, value);
    });
    picked.sort((x, y) => compareCodePoints(x.name, y.name));
    return this.sub(deepcopy ? picked.map((d) => d.deepcopy()) : picked);
  }
  /** The DWAs of one dim (member or name, any case), sorted by name. @throws ModelValueError */
  getDataFromDim(dim: DataDim | string, deepcopy = false): DataToExport {
    return this.getDataFromAttribute("dim", enumChecker(DataDim, dim), deepcopy);
  }
  /** The concatenation of `getDataFromDim` over `dims`. @throws ModelValueError */
  getDataFromDims(dims: readonly (DataDim | string)[], deepcopy = false): DataToExport {
    return this.sub(dims.flatMap((dim) => [...this.getDataFromDim(dim, deepcopy)._data]));
  }
  /** The DWAs of one source, sorted by name. @throws ModelValueError */
  getDataFromSource(source: DataSource | string, deepcopy = false): DataToExport {
    return this.getDataFromAttribute("source", enumChecker(DataSource, source), deepcopy);
  }
  /** The DWAs lacking an attribute, in list order. */
  getDataFromMissingAttribute(attribute: string, deepcopy = false): DataToExport {
    const picked = this._data.filter((d) => !attributeOf(d, attribute).found);
    return this.sub(deepcopy ? picked.map((d) => d.deepcopy()) : picked);
  }
  /** The DWAs whose data has `n` dimensions. */
  getDataFromNaxes(n: number, deepcopy = false): DataToExport {
    return this.pick((d) => d.shape.length === n, deepcopy);
  }
  /** The DWAs with `n` signal dimensions. */
  getDataFromSigAxes(n: number, deepcopy = false): DataToExport {
    return this.pick((d) => d.sigIndexes.length === n, deepcopy);
  }
  /** The DWAs with at most `n` axes. */
  getDataWithNaxesLowerThan(n = 2, deepcopy = false): DataToExport {
    return this.pick((d) => d.nAxes <= n, deepcopy);
  }
  private pick(test: (d: DataWithAxes) => boolean, deepcopy: boolean): DataToExport {
    const picked = this._data.filter(test);
    return this.sub(deepcopy ? picked.map((d) => d.deepcopy()) : picked);
  }

  /** The DataDim names, in enum order, that have at least one DWA. */
  getDimPresents(): DataDimName[] {
    return DataDim.names().filter((dim) => this._data.some((d) => d.dim.name === dim));
  }

  private zipWith(other: unknown, op: "add" | "subtract"): DataToExport {
    if (!(other instanceof DataToExport) || other.length !== this.length) {
      throw new ModelTypeError(`could not ${op} a ${describe(other)} and a DataToExport of a different length`);
    }
    return this.mapped((d, i) => d[op](other.at(i)));
  }
  private mapped(fn: (d: DataWithAxes, i: number) => DataWithAxes): DataToExport {
    const out = new DataToExport(this.name, { data: this._data.map(fn), timestamp: this.timestamp });
    return out;
  }

  /** Element-wise sum per DWA. @throws ModelTypeError for another length; ModelValueError for bad shapes */
  add(other: DataToExport): DataToExport {
    return this.zipWith(other, "add");
  }
  /** Element-wise difference per DWA. @throws ModelTypeError, ModelValueError */
  subtract(other: DataToExport): DataToExport {
    return this.zipWith(other, "subtract");
  }
  /** Each DWA times a number. @throws ModelTypeError for a non-number */
  multiply(k: number): DataToExport {
    if (typeof k !== "number") throw new ModelTypeError(`could not multiply a DataToExport by ${describe(k)}`);
    return this.mapped((d) => d.multiply(k as DataOperand));
  }
  /** Each DWA divided by a number. @throws ModelTypeError for a non-number */
  divide(k: number): DataToExport {
    if (typeof k !== "number") throw new ModelTypeError(`could not divide a DataToExport by ${describe(k)}`);
    return this.multiply(1 / k);
  }
  /** Weighted average per DWA (data-model.md §6.11). @throws ModelTypeError for another length */
  average(other: DataToExport, weight: number): DataToExport {
    if (!(other instanceof DataToExport) || other.length !== this.length) {
      throw new ModelTypeError("could not average DataToExport objects of different lengths");
    }
    return this.mapped((d, i) => d.average(other.at(i), weight));
  }

  /**
   * Merges the DWAs of one dim into a copy of the first, appending those of the same
   * shape and distribution; named `name` (default: this name). Null when none matches.
   * @throws ModelValueError for an invalid dim.
   */
  mergeAsDwa(dim: DataDim | string, name?: string): DataWithAxes | null {
    const [first, ...rest] = this.getDataFromDim(dim)._data;
    if (first === undefined) return null;
    const dwa = first.deepcopy();
    for (const other of rest) {
      if (other.shape.length === dwa.shape.length && other.shape.every((s, k) => s === dwa.shape[k]) && other.distribution === dwa.distribution) {
        dwa.append(other);
      }
    }
    dwa.name = name ?? this.name;
    return dwa;
  }

  /** `DataToExport: <name> <len:N>` then one line per DWA. */
  override toString(): string {
    return [`DataToExport: ${this.name} <len:${this.length}>`, ...this._data.map((d) => `    * ${String(d)}`)].join("\n");
  }
}

/** Type guard for DataToExport. */
export function isDataToExport(value: unknown): value is DataToExport {
  return value instanceof DataToExport;
}

DataWithAxes.dteFactory = (name, data) => new DataToExport(name, { data });
