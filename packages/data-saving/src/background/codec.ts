/**
 * The codec of the values that cross to the background saver's worker: the data-model classes
 * (DataToExport, DataWithAxes and its subclasses, Axis, NDArray), Python values (PyValue) and
 * the plain objects, arrays and Maps of saver options. `decodeValue(encodeValue(x))` rebuilds
 * `x` with the same classes, fields and Python types, so the worker's saver writes what the
 * caller's would.
 *
 * The encoded form is a tape: one flat array holding the number of arrays, the arrays
 * (TypedArrays), then the fields: each value a tag followed by its fields in a fixed order, an
 * array field standing for the next array. The structured clone of `postMessage` pays for every
 * object and array it meets, on both threads: a DataToExport of one spectrum is about twenty
 * small objects as a tree, one array as a tape, which crosses in about half the CPU time. The
 * arrays up front are found without reading the fields (`encodedBytes`, `crossArrays`).
 *
 * @example
 * const tape = encodeValue(dte);
 * worker.postMessage(tape, crossArrays(tape, false, null));   // in the worker: decodeValue(msg)
 */
import {
  Axis, className, DataCalculated, DataFromRoi, DataRaw, DataToExport, DataWithAxes, NDArray, NpScalar, PyBytes, PyComplex,
  PyDict, PyRepr, PyTuple, shapeSize, type AnyTypedArray, type DataDimName, type DataDistributionName, type DataSourceName,
  type Dtype, type NumberKind, type NumpyScalarType, type PyValue,
} from "@pymodaq-ts/data-model";
import { InvalidTypeError, InvalidValueError } from "../errors.js";

/** A tape slot: what the structured clone copies exactly. */
export type Slot = null | undefined | boolean | number | bigint | string | AnyTypedArray | Uint8Array;
/** The encoded form of a value: its tape (`[arrays.length, ...arrays, ...fields]`). */
export type Encoded = Slot[];

/** An array slot of the tape: the data of an NDArray, or bytes. */
export type ArraySlot = AnyTypedArray | Uint8Array;

/** A field standing for the next array of the tape. */
const ARRAY = "array";

/** The tag opening each value on the tape. */
const enum Tag {
  Primitive, List, Tuple, Dict, Map, Object, Bytes, Complex, NpScalar, NpComplex, Repr, NDArray, Axis, Dwa, Dte,
}

const DWA_CLASSES = [DataWithAxes, DataRaw, DataCalculated, DataFromRoi] as const;

function dwaClassIndex(d: DataWithAxes): number {
  // The most derived class first: DataFromRoi is a DataCalculated.
  if (d instanceof DataFromRoi) return 3;
  if (d instanceof DataCalculated) return 2;
  if (d instanceof DataRaw) return 1;
  return 0;
}

/** A copy of the bytes (never the caller's buffer, which the caller may still write).
 * @throws InvalidValueError when their buffer was detached */
function copyBytes(value: PyBytes): Uint8Array {
  try {
    return value.bytes.slice();
  } catch (e) {
    throw new InvalidValueError("the background saver cannot send bytes whose buffer was detached (moved elsewhere)", { cause: e });
  }
}

/** Writes values on a tape. */
class TapeWriter {
  /** The fields; `finish` puts the arrays in front of them. */
  private readonly tape: Slot[] = [];
  private readonly arrays: ArraySlot[] = [];

  finish(): Encoded {
    return [this.arrays.length, ...this.arrays, ...this.tape];
  }

  /** An array field: the array goes to the arrays up front. */
  private arrayField(data: ArraySlot): typeof ARRAY {
    this.arrays.push(data);
    return ARRAY;
  }

  value(value: unknown): void {
    const t = this.tape;
    if (value === null || value === undefined) {
      t.push(Tag.Primitive, value);
      return;
    }
    switch (typeof value) {
      case "boolean": case "number": case "bigint": case "string": t.push(Tag.Primitive, value); return;
      case "object": break;
      default: throw new InvalidTypeError(`the background saver cannot send a ${typeof value} to its worker`);
    }
    if (value instanceof NDArray) this.array(value);
    else if (value instanceof Axis) this.axis(value);
    else if (value instanceof DataWithAxes) this.dwa(value);
    else if (value instanceof DataToExport) this.dte(value);
    else if (Array.isArray(value)) this.items(Tag.List, value);
    else if (value instanceof PyTuple) this.items(Tag.Tuple, value.items);
    else if (value instanceof PyDict) this.entries(Tag.Dict, value.entries);
    else if (value instanceof Map) this.entries(Tag.Map, [...value]);
    // Bytes are copied now, never moved from the caller: `transfer` moves NDArray data only.
    else if (value instanceof PyBytes) t.push(Tag.Bytes, this.arrayField(copyBytes(value)));
    else if (value instanceof PyComplex) t.push(Tag.Complex, value.re, value.im);
    else if (value instanceof NpScalar) {
      const v = value.value;
      if (Array.isArray(v)) t.push(Tag.NpComplex, value.type, v[0], v[1]);
      else t.push(Tag.NpScalar, value.type, v as number | bigint | boolean);
    } else if (value instanceof PyRepr) t.push(Tag.Repr, value.repr);
    else if (isPlainObject(value)) {
      const entries = Object.entries(value);
      t.push(Tag.Object, entries.length);
      for (const [k, v] of entries) {
        t.push(k);
        this.value(v);
      }
    } else throw new InvalidTypeError(`the background saver cannot send a ${className(value)} to its worker`);
  }

  private items(tag: Tag, items: readonly unknown[]): void {
    this.tape.push(tag, items.length);
    for (const item of items) this.value(item);
  }

  private entries(tag: Tag, entries: readonly (readonly [unknown, unknown])[]): void {
    this.tape.push(tag, entries.length);
    for (const [k, v] of entries) {
      this.value(k);
      this.value(v);
    }
  }

  private array(a: NDArray): void {
    // A detached buffer (moved by an earlier call with `transfer`, or by the caller) reads as
    // empty: refused here rather than failing later in a copy or a move.
    if (a.data.length === 0 && shapeSize(a.shape) !== 0) {
      throw new InvalidValueError(`the background saver cannot send a ${a.dtype} array of shape [${a.shape.join(", ")}] holding no data: its buffer was detached (moved elsewhere)`);
    }
    this.tape.push(Tag.NDArray, a.dtype, a.shape.length, ...a.shape, this.arrayField(a.data));
  }

  private ndarrays(list: readonly NDArray[]): void {
    this.tape.push(list.length);
    for (const a of list) this.array(a);
  }

  private axis(a: Axis): void {
    this.tape.push(Tag.Axis, a.label, a.units, a.index, a.spreadOrder, a.size, a.offset, a.offsetKind, a.scaling, a.scalingKind);
    if (a.data === null) this.tape.push(null);
    else this.array(a.data);
  }

  private dwa(d: DataWithAxes): void {
    const t = this.tape;
    t.push(Tag.Dwa, dwaClassIndex(d), d.name, d.timestamp, d.source.name, d.dim.name, d.distribution.name, d.units, d.origin);
    t.push(d.labels.length, ...d.labels);
    this.ndarrays(d.data);
    t.push(d.extraAttributes.size);
    for (const [k, v] of d.extraAttributes) {
      t.push(k);
      this.value(v);
    }
    t.push(d.axes.length);
    for (const a of d.axes) this.axis(a);
    t.push(d.navIndexes.length, ...d.navIndexes);
    if (d.errors === null) t.push(null);
    else this.ndarrays(d.errors);
  }

  private dte(d: DataToExport): void {
    this.tape.push(Tag.Dte, d.name, d.timestamp, d.data.length);
    for (const dwa of d.data) this.dwa(dwa);
    this.tape.push(d.attributes.size);
    for (const [k, v] of d.attributes) {
      this.tape.push(k);
      this.value(v);
    }
  }
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * The encoded form of `value`. Its array slots are the caller's arrays, as they are: before the
 * tape crosses to another thread, `crossArrays` gives it arrays of its own.
 * @throws InvalidTypeError for a value of another class (a function, a Date, a bare TypedArray).
 */
export function encodeValue(value: unknown): Encoded {
  const writer = new TapeWriter();
  writer.value(value);
  return writer.finish();
}

/** Reads the values of a tape, in order. */
class TapeReader {
  /** The next field. */
  private at: number;
  /** The next array. */
  private nextArray = 1;
  private readonly arraysEnd: number;

  constructor(private readonly tape: readonly Slot[]) {
    const n = tape[0];
    if (typeof n !== "number" || !Number.isInteger(n) || n < 0 || n >= tape.length) throw new InvalidTypeError("not an encoded value: no array count");
    this.arraysEnd = 1 + n;
    this.at = this.arraysEnd;
  }

  /** The array an array field stands for. */
  private array<T extends ArraySlot>(): T {
    if (this.next() !== ARRAY || this.nextArray >= this.arraysEnd) throw new InvalidTypeError("not an encoded value: an array is missing");
    const data = this.tape[this.nextArray++];
    if (!ArrayBuffer.isView(data)) throw new InvalidTypeError("not an encoded value: an array slot holds no array");
    return data as T;
  }

  private next<T extends Slot>(): T {
    if (this.at >= this.tape.length) throw new InvalidTypeError("not an encoded value: the tape ends early");
    return this.tape[this.at++] as T;
  }

  private count(): number {
    return this.next<number>();
  }

  value(): unknown {
    const tag = this.next<Tag>();
    switch (tag) {
      case Tag.Primitive: return this.next();
      case Tag.List: return this.list(() => this.value());
      case Tag.Tuple: return new PyTuple(this.list(() => this.value() as PyValue));
      case Tag.Dict: return new PyDict(this.list(() => [this.value() as PyValue, this.value() as PyValue] as const));
      case Tag.Map: return new Map(this.list(() => [this.value(), this.value()] as const));
      case Tag.Object: return Object.fromEntries(this.list(() => [this.next<string>(), this.value()] as const));
      case Tag.Bytes: return new PyBytes(this.array<Uint8Array>());
      case Tag.Complex: return new PyComplex(this.next<number>(), this.next<number>());
      case Tag.NpScalar: return new NpScalar(this.next<NumpyScalarType>(), this.next<number | bigint | boolean>());
      case Tag.NpComplex: return new NpScalar(this.next<NumpyScalarType>(), [this.next<number>(), this.next<number>()]);
      case Tag.Repr: return new PyRepr(this.next<string>());
      case Tag.NDArray: return this.ndarray();
      case Tag.Axis: return this.axis();
      case Tag.Dwa: return this.dwa();
      case Tag.Dte: return this.dte();
      default: throw new InvalidTypeError(`not an encoded value: tag ${JSON.stringify(tag)}`);
    }
  }

  private list<T>(item: () => T): T[] {
    const n = this.count();
    const out = new Array<T>(n);
    for (let i = 0; i < n; i++) out[i] = item();
    return out;
  }

  private expect(tag: Tag): void {
    const got = this.next();
    if (got !== tag) throw new InvalidTypeError(`not an encoded value: tag ${JSON.stringify(got)} where ${tag} belongs`);
  }

  private ndarray(): NDArray {
    const dtype = this.next<Dtype>();
    const shape = this.list(() => this.next<number>());
    return new NDArray(dtype, shape, this.array<AnyTypedArray>());
  }

  private ndarrays(): NDArray[] {
    return this.list(() => this.ndarrayField());
  }

  // The caller's objects were validated when they were made: they are rebuilt field for field
  // (`fromFields`), without the constructors' checks and recomputations (an axis' linearity
  // test, data normalization, a new timestamp), which would cost the worker more than the write.
  /** Reads `null` (nothing) or what `read` reads. */
  private optional<T>(read: () => T): T | null {
    if (this.tape[this.at] !== null) return read();
    this.at++;
    return null;
  }

  private axisField(): Axis {
    this.expect(Tag.Axis);
    return this.axis();
  }

  private ndarrayField(): NDArray {
    this.expect(Tag.NDArray);
    return this.ndarray();
  }

  // The fields are read in the order they are written: an object literal's values are
  // evaluated in source order.
  private axis(): Axis {
    return Axis.fromFields({
      label: this.next<string>(), units: this.next<string>(), index: this.next<number>(), spreadOrder: this.next<number>(),
      size: this.next<number>(), offset: this.next<number | null>(), offsetKind: this.next<NumberKind | null>(),
      scaling: this.next<number | null>(), scalingKind: this.next<NumberKind | null>(), data: this.optional(() => this.ndarrayField()),
    });
  }

  private dwa(): DataWithAxes {
    const cls = DWA_CLASSES[this.next<number>()];
    if (cls === undefined) throw new InvalidTypeError("not an encoded value: unknown DataWithAxes class");
    return cls.fromFields({
      name: this.next<string>(), timestamp: this.next<number>(), source: this.next<DataSourceName>(), dim: this.next<DataDimName>(),
      distribution: this.next<DataDistributionName>(), units: this.next<string>(), origin: this.next<string>(),
      labels: this.list(() => this.next<string>()),
      data: this.ndarrays(),
      extraAttributes: new Map(this.list(() => [this.next<string>(), this.value() as PyValue] as const)),
      axes: this.list(() => this.axisField()),
      navIndexes: this.list(() => this.next<number>()),
      errors: this.optional(() => this.ndarrays()),
    });
  }

  private dte(): DataToExport {
    const name = this.next<string>();
    const timestamp = this.next<number>();
    const data = this.list(() => {
      this.expect(Tag.Dwa);
      return this.dwa();
    });
    const attributes = new Map(this.list(() => [this.next<string>(), this.value()] as const));
    return DataToExport.fromFields({ name, timestamp, data, attributes });
  }

  /** Whether the whole tape was read. */
  get done(): boolean {
    return this.at === this.tape.length && this.nextArray === this.arraysEnd;
  }
}

/**
 * The value `encodeValue` encoded, rebuilt with its classes.
 * @throws InvalidTypeError for a tape `encodeValue` does not make.
 */
export function decodeValue(e: Encoded): unknown {
  if (!Array.isArray(e)) throw new InvalidTypeError("not an encoded value: not a tape");
  const reader = new TapeReader(e);
  const value = reader.value();
  if (!reader.done) throw new InvalidTypeError("not an encoded value: the tape goes on after the value");
  return value;
}

/** Where the arrays of a tape end (they are up front). */
function arraysEnd(e: Encoded): number {
  return 1 + (e[0] as number);
}

/** Bytes of the arrays inside `e` (what the background saver's queue counts). */
export function encodedBytes(e: Encoded): number {
  let n = 0;
  for (let at = 1, end = arraysEnd(e); at < end; at++) n += (e[at] as ArraySlot).byteLength;
  return n;
}

/**
 * Copies an array of the tape into memory that crosses with the batch (the background saver's
 * arena), recording that it fills tape slot `slot`; false when it does not take it.
 */
export type ArrayPacker = (data: ArraySlot, slot: number) => boolean;

/**
 * Gives the tape arrays of its own, to cross to another thread with. Each array slot is packed
 * (`pack`: copied elsewhere, the slot left null for the receiver to fill) when `pack` takes it;
 * otherwise, with `transferCallers`, it stays the caller's own array, its buffer moved (taken
 * over now: see `takeOver`); otherwise it becomes a copy of the array's own bytes, moved. An
 * array in a SharedArrayBuffer is never moved: the worker never reads memory the caller may
 * write again. Made now, the copies hold what the arrays hold now.
 * @returns the buffers the message moves (its transfer list)
 * @throws DataCloneError (DOMException) when a buffer to move is already detached
 */
export function crossArrays(e: Encoded, transferCallers: boolean, pack: ArrayPacker | null): ArrayBuffer[] {
  const callers = new Set<ArrayBuffer>();
  const copies: ArrayBuffer[] = [];
  for (let at = 1, end = arraysEnd(e); at < end; at++) {
    const data = e[at] as ArraySlot;
    if (pack?.(data, at) === true) {
      e[at] = null;
    } else if (transferCallers && data.buffer instanceof ArrayBuffer) {
      callers.add(data.buffer);
    } else {
      const copy = data.slice();
      e[at] = copy;
      copies.push(copy.buffer as ArrayBuffer);
    }
  }
  takeOver(e, callers);
  return [...callers, ...copies];
}

/**
 * Takes the caller's buffers over now, ahead of the message that moves them: each buffer of
 * `buffers` is moved (not copied) into a new ArrayBuffer, which detaches the caller's arrays at
 * once, as posting the message would; the arrays of `e` on them are pointed at the new buffers,
 * which replace the old ones in `buffers`. A call queued with `transfer` thus holds what its
 * arrays held when it was queued, and the caller sees them detached then, though the message
 * leaves later, with others.
 */
function takeOver(e: Encoded, buffers: Set<ArrayBuffer>): void {
  if (buffers.size === 0) return;
  const old = [...buffers];
  // Which buffer each array views, and where, read before the move (a detached view reads 0);
  // a packed array's slot is null.
  const end = arraysEnd(e);
  const views: [index: number, offset: number, length: number][] = [];
  for (let at = 1; at < end; at++) {
    const array = e[at] as ArraySlot | null;
    views.push(array?.buffer instanceof ArrayBuffer ? [old.indexOf(array.buffer), array.byteOffset, array.length] : [-1, 0, 0]);
  }
  const moved = structuredClone(old, { transfer: old });
  for (let at = 1; at < end; at++) {
    const [index, offset, length] = views[at - 1] as [number, number, number];
    if (index < 0) continue;
    const View = (e[at] as ArraySlot).constructor as new (b: ArrayBuffer, offset: number, length: number) => ArraySlot;
    e[at] = new View(moved[index] as ArrayBuffer, offset, length);
  }
  buffers.clear();
  for (const b of moved) buffers.add(b);
}
