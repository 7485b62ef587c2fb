/**
 * The codec of the values that cross to the background saver's worker: the data-model classes
 * (DataToExport, DataWithAxes and its subclasses, Axis, NDArray), Python values (PyValue) and
 * the plain objects, arrays and Maps of saver options. The encoded form holds only what the
 * structured clone of `postMessage` keeps exactly (primitives, plain objects, arrays,
 * TypedArrays); `decodeValue(encodeValue(x))` rebuilds `x` with the same classes, fields and
 * Python types, so the worker's saver writes what the caller's would.
 *
 * @example
 * const moved = new Set<ArrayBuffer>();
 * worker.postMessage(encodeValue(dte, moved), [...moved]);   // in the worker: decodeValue(msg)
 */
import {
  Axis, DataCalculated, DataFromRoi, DataRaw, DataToExport, DataWithAxes, NDArray, NpScalar, PyBytes, PyComplex,
  PyDict, PyRepr, PyTuple, type AnyTypedArray, type DataDimName, type DataDistributionName, type DataSourceName, type Dtype, type NumberKind, type NumpyScalarType,
} from "@pymodaq-ts/data-model";
import { InvalidTypeError } from "../errors.js";

/**
 * An NDArray in transit: its TypedArray travels as is (copied or transferred), or as a copy the
 * encoder made when it lies in memory shared with the caller.
 */
export interface EncodedArray {
  readonly t: "nd";
  readonly dtype: Dtype;
  readonly shape: readonly number[];
  /** Not readonly: `takeOver` points it at the buffer it moved the caller's into. */
  data: AnyTypedArray;
}

interface EncodedAxis {
  readonly t: "axis";
  readonly label: string;
  readonly units: string;
  readonly index: number;
  readonly spreadOrder: number;
  readonly data: EncodedArray | null;
  readonly size: number;
  readonly offset: number | null;
  readonly offsetKind: NumberKind | null;
  readonly scaling: number | null;
  readonly scalingKind: NumberKind | null;
}

const DWA_CLASSES = { DataWithAxes, DataRaw, DataCalculated, DataFromRoi } as const;
type DwaClassName = keyof typeof DWA_CLASSES;

interface EncodedDwa {
  readonly t: "dwa";
  readonly cls: DwaClassName;
  readonly name: string;
  readonly timestamp: number;
  readonly source: DataSourceName;
  readonly dim: DataDimName;
  readonly distribution: DataDistributionName;
  readonly units: string;
  readonly origin: string;
  readonly labels: readonly string[];
  readonly data: readonly EncodedArray[];
  readonly extra: readonly (readonly [string, Encoded])[];
  readonly axes: readonly EncodedAxis[];
  readonly navIndexes: readonly number[];
  readonly errors: readonly EncodedArray[] | null;
}

interface EncodedDte {
  readonly t: "dte";
  readonly name: string;
  readonly timestamp: number;
  readonly data: readonly EncodedDwa[];
  readonly attributes: readonly (readonly [string, Encoded])[];
}

interface EncodedBytes {
  readonly t: "bytes";
  /** Not readonly: `takeOver` points it at the buffer it moved the caller's into. */
  bytes: Uint8Array;
}

/** The encoded form of any supported value. */
export type Encoded =
  | null | undefined | boolean | number | bigint | string
  | EncodedArray | EncodedAxis | EncodedDwa | EncodedDte
  | { readonly t: "list"; readonly items: readonly Encoded[] }
  | { readonly t: "tuple"; readonly items: readonly Encoded[] }
  | { readonly t: "dict"; readonly entries: readonly (readonly [Encoded, Encoded])[] }
  | { readonly t: "map"; readonly entries: readonly (readonly [Encoded, Encoded])[] }
  | { readonly t: "object"; readonly entries: readonly (readonly [string, Encoded])[] }
  | EncodedBytes
  | { readonly t: "complex"; readonly re: number; readonly im: number }
  | { readonly t: "np"; readonly type: NumpyScalarType; readonly value: number | bigint | boolean | readonly [number, number] }
  | { readonly t: "repr"; readonly repr: string };

/**
 * Where the encoder collects the ArrayBuffers to move (postMessage's transfer list): the
 * caller's own when `callers` (the caller's arrays are detached then), the encoder's copies
 * otherwise. `buffers` null: nothing is collected, postMessage copies the arrays.
 */
interface Moves {
  readonly buffers: Set<ArrayBuffer> | null;
  readonly callers: boolean;
}

/**
 * The TypedArray that crosses for `data`: the caller's own when its buffer is to be transferred,
 * otherwise a copy of its bytes made now, which is moved (with nowhere to collect it, only an
 * array in shared memory is copied here, and postMessage copies the others). Made now, the copy
 * holds what the array held when the call was queued (the caller may write to it again from
 * then on, and memory shared with the caller, a SharedArrayBuffer, would let the worker read
 * those writes); moved, it is copied once, where postMessage's structured clone copies twice
 * (into the message and out of it) and copies the whole buffer of a view.
 */
function crossing<T extends AnyTypedArray | Uint8Array>(data: T, moves: Moves): T {
  if (moves.buffers === null) return data.buffer instanceof ArrayBuffer ? data : (data.slice() as T);
  if (moves.callers && data.buffer instanceof ArrayBuffer) {
    moves.buffers.add(data.buffer);
    return data;
  }
  const copy = data.slice() as T;
  moves.buffers.add(copy.buffer as ArrayBuffer);
  return copy;
}

function encodeArray(a: NDArray, moves: Moves): EncodedArray {
  return { t: "nd", dtype: a.dtype, shape: [...a.shape], data: crossing(a.data, moves) };
}

function encodeAxis(a: Axis, transfer: Moves): EncodedAxis {
  return {
    t: "axis", label: a.label, units: a.units, index: a.index, spreadOrder: a.spreadOrder,
    data: a.data === null ? null : encodeArray(a.data, transfer), size: a.size,
    offset: a.offset, offsetKind: a.offsetKind, scaling: a.scaling, scalingKind: a.scalingKind,
  };
}

function dwaClassName(d: DataWithAxes): DwaClassName {
  // The most derived class first: DataFromRoi is a DataCalculated.
  if (d instanceof DataFromRoi) return "DataFromRoi";
  if (d instanceof DataCalculated) return "DataCalculated";
  if (d instanceof DataRaw) return "DataRaw";
  return "DataWithAxes";
}

function encodeDwa(d: DataWithAxes, transfer: Moves): EncodedDwa {
  return {
    t: "dwa", cls: dwaClassName(d), name: d.name, timestamp: d.timestamp, source: d.source.name, dim: d.dim.name,
    distribution: d.distribution.name, units: d.units, origin: d.origin, labels: [...d.labels],
    data: d.data.map((a) => encodeArray(a, transfer)),
    extra: [...d.extraAttributes].map(([k, v]) => [k, encodeWith(v, transfer)] as const),
    axes: d.axes.map((a) => encodeAxis(a, transfer)), navIndexes: [...d.navIndexes],
    errors: d.errors === null ? null : d.errors.map((a) => encodeArray(a, transfer)),
  };
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * The encoded form of `value`.
 * @param moved when given, collects the ArrayBuffers to move to the worker (postMessage's
 *   transfer list): the buffers of the caller's arrays when `transferCallers`, otherwise copies
 *   of the arrays made here; without it the arrays are left as they are, for postMessage to copy.
 * @param transferCallers whether the caller's array buffers are moved (the caller's arrays are
 *   then detached by postMessage; an array in a SharedArrayBuffer is copied all the same);
 *   default: when `moved` is given
 * @throws InvalidTypeError for a value of another class (a function, a Date, a bare TypedArray).
 */
export function encodeValue(value: unknown, moved: Set<ArrayBuffer> | null = null, transferCallers = moved !== null): Encoded {
  return encodeWith(value, { buffers: moved, callers: transferCallers });
}

function encodeWith(value: unknown, transfer: Moves): Encoded {
  if (value === null || value === undefined) return value;
  switch (typeof value) {
    case "boolean": case "number": case "bigint": case "string": return value;
    case "object": break;
    default: throw new InvalidTypeError(`the background saver cannot send a ${typeof value} to its worker`);
  }
  const enc = (v: unknown): Encoded => encodeWith(v, transfer);
  if (value instanceof NDArray) return encodeArray(value, transfer);
  if (value instanceof Axis) return encodeAxis(value, transfer);
  if (value instanceof DataWithAxes) return encodeDwa(value, transfer);
  if (value instanceof DataToExport) {
    return {
      t: "dte", name: value.name, timestamp: value.timestamp, data: value.data.map((d) => encodeDwa(d, transfer)),
      attributes: [...value.attributes].map(([k, v]) => [k, enc(v)] as const),
    };
  }
  if (Array.isArray(value)) return { t: "list", items: value.map(enc) };
  if (value instanceof PyTuple) return { t: "tuple", items: value.items.map(enc) };
  if (value instanceof PyDict) return { t: "dict", entries: value.entries.map(([k, v]) => [enc(k), enc(v)] as const) };
  if (value instanceof Map) return { t: "map", entries: [...value].map(([k, v]) => [enc(k), enc(v)] as const) };
  // Bytes are copied, never taken from the caller (only arrays are transferred).
  if (value instanceof PyBytes) return { t: "bytes", bytes: crossing(value.bytes, { buffers: transfer.buffers, callers: false }) };
  if (value instanceof PyComplex) return { t: "complex", re: value.re, im: value.im };
  if (value instanceof NpScalar) return { t: "np", type: value.type, value: value.value };
  if (value instanceof PyRepr) return { t: "repr", repr: value.repr };
  if (isPlainObject(value)) return { t: "object", entries: Object.entries(value).map(([k, v]) => [k, enc(v)] as const) };
  throw new InvalidTypeError(`the background saver cannot send a ${value.constructor.name} to its worker`);
}

function decodeArray(e: EncodedArray): NDArray {
  return new NDArray(e.dtype, e.shape, e.data);
}

// The caller's objects were validated when they were made: they are rebuilt field for field
// (`fromFields`), without the constructors' checks and recomputations (an axis' linearity test,
// data normalization, a new timestamp), which would cost the worker more than the write.
function decodeAxis(e: EncodedAxis): Axis {
  return Axis.fromFields({ ...e, data: e.data === null ? null : decodeArray(e.data) });
}

function decodeDwa(e: EncodedDwa): DataWithAxes {
  return DWA_CLASSES[e.cls].fromFields({
    name: e.name, timestamp: e.timestamp, source: e.source, dim: e.dim, distribution: e.distribution, units: e.units,
    origin: e.origin, labels: e.labels, data: e.data.map(decodeArray),
    extraAttributes: new Map(e.extra.map(([k, v]) => [k, decodeValue(v) as never])),
    axes: e.axes.map(decodeAxis), navIndexes: e.navIndexes, errors: e.errors === null ? null : e.errors.map(decodeArray),
  });
}

/**
 * The value `encodeValue` encoded, rebuilt with its classes.
 * @throws InvalidTypeError for a form `encodeValue` does not make.
 */
export function decodeValue(e: Encoded): unknown {
  if (e === null || e === undefined || typeof e !== "object") return e;
  switch (e.t) {
    case "nd": return decodeArray(e);
    case "axis": return decodeAxis(e);
    case "dwa": return decodeDwa(e);
    case "dte": {
      const attributes = new Map(e.attributes.map(([k, v]) => [k, decodeValue(v)]));
      return DataToExport.fromFields({ name: e.name, timestamp: e.timestamp, data: e.data.map(decodeDwa), attributes });
    }
    case "list": return e.items.map(decodeValue);
    case "tuple": return new PyTuple(e.items.map(decodeValue) as never[]);
    case "dict": return new PyDict(e.entries.map(([k, v]) => [decodeValue(k), decodeValue(v)] as never));
    case "map": return new Map(e.entries.map(([k, v]) => [decodeValue(k), decodeValue(v)]));
    case "object": return Object.fromEntries(e.entries.map(([k, v]) => [k, decodeValue(v)]));
    case "bytes": return new PyBytes(e.bytes);
    case "complex": return new PyComplex(e.re, e.im);
    case "np": return new NpScalar(e.type, e.value);
    case "repr": return new PyRepr(e.repr);
    default: throw new InvalidTypeError(`not an encoded value: ${JSON.stringify((e as { t?: unknown }).t)}`);
  }
}

/** A TypedArray of an encoded value, where it is held. */
type ArraySlot = { readonly t: "nd"; data: AnyTypedArray } | { readonly t: "bytes"; bytes: Uint8Array };

/** Calls `visit` with every array slot inside `e` (NDArrays, axis data, errors, bytes, in any value). */
function forEachArray(e: Encoded, visit: (slot: ArraySlot) => void): void {
  if (e === null || typeof e !== "object") return;
  const each = (x: Encoded): void => forEachArray(x, visit);
  switch (e.t) {
    case "nd": case "bytes": visit(e); return;
    case "axis": if (e.data !== null) visit(e.data); return;
    case "dwa":
      for (const a of e.data) visit(a);
      for (const a of e.errors ?? []) visit(a);
      for (const a of e.axes) each(a);
      for (const [, v] of e.extra) each(v);
      return;
    case "dte":
      for (const d of e.data) each(d);
      for (const [, v] of e.attributes) each(v);
      return;
    case "list": case "tuple": e.items.forEach(each); return;
    case "object": for (const [, v] of e.entries) each(v); return;
    case "map": case "dict": for (const [k, v] of e.entries) { each(k); each(v); } return;
    default: return;
  }
}

const slotArray = (slot: ArraySlot): AnyTypedArray | Uint8Array => (slot.t === "nd" ? slot.data : slot.bytes);

/** Bytes of the arrays inside `e` (what the background saver's queue counts). */
export function encodedBytes(e: Encoded): number {
  let n = 0;
  forEachArray(e, (slot) => (n += slotArray(slot).byteLength));
  return n;
}

/**
 * Takes the caller's buffers over now, ahead of the message that moves them: each buffer of
 * `buffers` is moved (not copied) into a new ArrayBuffer, which detaches the caller's arrays at
 * once, as posting the message would; the arrays of `e` are pointed at the new buffers, which
 * replace the old ones in `buffers` (the transfer list of the message). A call queued with
 * `transfer` thus holds what its arrays held when it was queued, and the caller sees them
 * detached then, though the message leaves later, with others.
 * @throws DataCloneError (DOMException) when a buffer is already detached
 */
export function takeOver(e: Encoded, buffers: Set<ArrayBuffer>): void {
  if (buffers.size === 0) return;
  const held: { slot: ArraySlot; buffer: ArrayBuffer; offset: number; length: number }[] = [];
  forEachArray(e, (slot) => {
    const array = slotArray(slot);
    if (array.buffer instanceof ArrayBuffer && buffers.has(array.buffer)) {
      held.push({ slot, buffer: array.buffer, offset: array.byteOffset, length: array.length });
    }
  });
  const old = [...buffers];
  const moved = structuredClone(old, { transfer: old });
  const renamed = new Map(old.map((b, i) => [b, moved[i] as ArrayBuffer]));
  for (const { slot, buffer, offset, length } of held) {
    const to = renamed.get(buffer) as ArrayBuffer;
    if (slot.t === "nd") slot.data = new (slot.data.constructor as new (b: ArrayBuffer, o: number, n: number) => AnyTypedArray)(to, offset, length);
    else slot.bytes = new Uint8Array(to, offset, length);
  }
  buffers.clear();
  for (const b of moved) buffers.add(b);
}
