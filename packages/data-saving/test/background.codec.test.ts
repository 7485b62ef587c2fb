/**
 * The codec of the background saver: every data-model class and Python value comes back with
 * its class, fields and Python types, arrays are transferred only when asked, and what cannot
 * cross is refused with a typed error.
 */
import { ownFields } from "@pymodaq-ts/test-support";
import { describe, expect, it } from "vitest";
import {
  Axis, DataCalculated, DataFromRoi, DataRaw, DataToExport, DataWithAxes, NDArray, NpScalar, PyBytes, PyComplex, PyDict,
  PyRepr, PyTuple, type AnyTypedArray,
} from "@pymodaq-ts/data-model";
import { decodeValue, encodedBytes, encodeValue, takeOver, type Encoded } from "../src/background/codec.js";
import { InvalidTypeError } from "../src/errors.js";
import { axisValues, dte, dwa2D, floats } from "./savers.helpers.js";

/** What a structured clone (postMessage) makes of the encoded form, decoded. */
function roundTrip<T>(value: T): T {
  return decodeValue(structuredClone(encodeValue(value))) as T;
}

/** The arrays an encoded value carries, in order. */
function arraysOf(encoded: Encoded): AnyTypedArray[] {
  return encoded.filter((slot): slot is AnyTypedArray => ArrayBuffer.isView(slot));
}

describe("background codec", () => {
  it("rebuilds a DataToExport with its DataWithAxes, axes, errors, extra attributes and timestamps", () => {
    const original = dte();
    original.data[0]!.errors = [floats([5, 6], Array.from({ length: 30 }, (_, i) => i / 7)), floats([5, 6], Array(30).fill(0.5))];
    original.data[1]!.addExtraAttribute("gain", new NpScalar("float32", 1.5));
    original.data[1]!.addExtraAttribute("shape", PyTuple.ofInts([3, 4]));
    const copy = roundTrip(original);
    expect(copy).toBeInstanceOf(DataToExport);
    expect(copy).not.toBe(original);
    expect(ownFields(copy)).toEqual(ownFields(original));
  });

  it("keeps the DataWithAxes subclass", () => {
    const opts = { data: [floats([3], [1, 2, 3])], timestamp: 12.5 };
    for (const d of [new DataRaw("r", opts), new DataCalculated("c", opts), new DataFromRoi("f", opts),
      new DataWithAxes("w", { ...opts, source: "raw" })]) {
      const copy = roundTrip(d);
      expect(copy.constructor).toBe(d.constructor);
      expect(ownFields(copy)).toEqual(ownFields(d));
    }
  });

  it("keeps an axis's stored data, linear form and the Python kinds of offset and scaling", () => {
    const linearKept = new Axis({ label: "x", units: "mm", index: 1 });
    linearKept.data = axisValues(4);                               // assigned: kept though linear
    const linearDropped = new Axis({ label: "y", data: axisValues(4) }); // constructor: data dropped
    const kinded = new Axis({ label: "z", offset: 3n, scaling: new NpScalar("float32", 0.5), size: 7, spreadOrder: 2 });
    const nonLinear = new Axis({ label: "w", data: NDArray.from("float64", [3], [0, 1, 5]) });
    for (const axis of [linearKept, linearDropped, kinded, nonLinear]) {
      const copy = roundTrip(axis);
      expect(ownFields(copy)).toEqual(ownFields(axis));
      expect(copy.offsetPy()).toEqual(axis.offsetPy());
      expect(copy.scalingPy()).toEqual(axis.scalingPy());
    }
    expect(roundTrip(linearKept).data).not.toBeNull();
    expect(roundTrip(linearDropped).data).toBeNull();
  });

  it("keeps every Python value type", () => {
    const value = [
      null, true, "s", 1.5, 3n, [1n, "a"], new PyTuple([2.5, new PyTuple([])]), new PyDict([["k", 1n], [2n, null]]),
      new PyBytes(Uint8Array.of(0, 255)), new PyComplex(1, -2), new NpScalar("int64", -4n), new NpScalar("complex64", [1, 2]),
      new NpScalar("bool_", false), new PyRepr("datetime.date(2024, 1, 2)"), new Map([["m", 1n]]), { plain: [1, 2] },
    ];
    expect(ownFields(roundTrip(value))).toEqual(ownFields(value));
  });

  it("collects the buffers to transfer only when asked, and counts the bytes of the arrays", () => {
    const d = dwa2D({ errors: true });
    const transfer = new Set<ArrayBuffer>();
    const encoded = encodeValue(d, transfer);
    // 2 data + 2 error int64 arrays of 30; the linear axes hold no array.
    expect(encodedBytes(encoded)).toBe(4 * 30 * 8);
    expect(transfer.size).toBe(4);
    expect(transfer.has(d.data[0]!.data.buffer as ArrayBuffer)).toBe(true);
  });

  it("moves the caller's buffers only when asked, and otherwise copies of the arrays' own bytes", () => {
    const d = dwa2D();
    const copied = new Set<ArrayBuffer>();
    const encoded = arraysOf(encodeValue(d, copied, false));
    expect(copied.size).toBe(2);
    expect(copied.has(d.data[0]!.data.buffer as ArrayBuffer)).toBe(false);
    expect(encoded[0]).not.toBe(d.data[0]!.data);
    expect(encoded[0]).toEqual(d.data[0]!.data);
    const moved = new Set<ArrayBuffer>();
    encodeValue(d, moved, true);
    expect(moved.has(d.data[0]!.data.buffer as ArrayBuffer)).toBe(true);
    // A view of part of a larger buffer crosses as its own bytes only.
    const view = new NDArray("float64", [2], new Float64Array(new Float64Array([1, 2, 3, 4]).buffer, 8, 2));
    const part = new Set<ArrayBuffer>();
    expect(arraysOf(encodeValue(view, part, false))[0]).toEqual(Float64Array.of(2, 3));
    expect([...part][0]!.byteLength).toBe(16);
  });

  it("copies an array on a SharedArrayBuffer once, in both modes: the caller's shared memory is never what crosses", () => {
    const shared = new Float64Array(new SharedArrayBuffer(4 * 8));
    shared.set([1, 2, 3, 4]);
    const array = new NDArray("float64", [4], shared);
    for (const transferCallers of [false, true]) {
      const moved = new Set<ArrayBuffer>();
      const [encoded] = arraysOf(encodeValue(array, moved, transferCallers));
      expect(encoded!.buffer).toBeInstanceOf(ArrayBuffer);
      expect(encoded).toEqual(Float64Array.of(1, 2, 3, 4));
      // The copy is the codec's own: moved to the worker without a second copy.
      expect([...moved]).toEqual([encoded!.buffer]);
    }
    expect(arraysOf(encodeValue(array))[0]!.buffer).toBeInstanceOf(ArrayBuffer);
    expect(Array.from(shared)).toEqual([1, 2, 3, 4]); // the caller's memory is left as it was
  });

  it("takes the caller's buffers over: the caller's arrays detached now, the encoded ones on new buffers", () => {
    const whole = new Float64Array([1, 2, 3, 4, 5, 6]);
    const d = new DataRaw("two views", { data: [new NDArray("float64", [2], whole.subarray(1, 3)), new NDArray("float64", [2], whole.subarray(4, 6))] });
    const moved = new Set<ArrayBuffer>();
    const encoded = encodeValue(d, moved, true);
    expect([...moved]).toEqual([whole.buffer]);
    takeOver(encoded, moved);
    expect(whole.length).toBe(0); // detached, as posting would detach it
    expect(moved.size).toBe(1);
    const [buffer] = [...moved];
    expect(buffer).not.toBe(whole.buffer);
    const arrays = arraysOf(encoded);
    expect(arrays.map((a) => a.buffer)).toEqual([buffer, buffer]);
    expect(arrays).toEqual([Float64Array.of(2, 3), Float64Array.of(5, 6)]);
    expect((decodeValue(structuredClone(encoded, { transfer: [...moved] })) as DataRaw).data.map((a) => Array.from(a.data as Float64Array)))
      .toEqual([[2, 3], [5, 6]]);
  });

  it("refuses values that cannot cross, naming their class", () => {
    expect(() => encodeValue([() => 1])).toThrow(InvalidTypeError);
    expect(() => encodeValue(new Date(0))).toThrow(/Date/);
    expect(() => decodeValue({ t: "nope" } as never)).toThrow(InvalidTypeError);
    expect(() => decodeValue([99])).toThrow(InvalidTypeError);
    expect(() => decodeValue([...encodeValue(1), 2])).toThrow(/goes on/);
    expect(() => decodeValue(encodeValue(dwa2D()).slice(0, -3))).toThrow(/ends early/);
  });
});
