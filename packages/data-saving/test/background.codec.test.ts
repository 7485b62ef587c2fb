/**
 * The codec of the background saver: every data-model class and Python value comes back with
 * its class, fields and Python types, arrays are moved only when asked (`crossArrays`), and
 * what cannot cross is refused with a typed error.
 */
import { ownFields } from "@pymodaq-ts/test-support";
import { describe, expect, it } from "vitest";
import {
  Axis, DataCalculated, DataFromRoi, DataRaw, DataToExport, DataWithAxes, NDArray, NpScalar, PyBytes, PyComplex, PyDict,
  PyRepr, PyTuple, type AnyTypedArray,
} from "@pymodaq-ts/data-model";
import { crossArrays, decodeValue, encodedBytes, encodeValue, type Encoded } from "../src/background/codec.js";
import { InvalidTypeError, InvalidValueError } from "../src/errors.js";
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

  it("keeps the caller's arrays on the tape, and counts their bytes", () => {
    const d = dwa2D({ errors: true });
    const encoded = encodeValue(d);
    // 2 data + 2 error int64 arrays of 30; the linear axes hold no array.
    expect(encodedBytes(encoded)).toBe(4 * 30 * 8);
    expect(arraysOf(encoded)[0]).toBe(d.data[0]!.data);
  });

  it("crossArrays: moves the caller's buffers only when asked, and otherwise copies of the arrays' own bytes", () => {
    const d = dwa2D();
    const copied = encodeValue(d);
    const copies = crossArrays(copied, false, null);
    expect(copies).toHaveLength(2);
    expect(copies).not.toContain(d.data[0]!.data.buffer);
    expect(arraysOf(copied)[0]).not.toBe(d.data[0]!.data);
    expect(arraysOf(copied)[0]).toEqual(d.data[0]!.data);
    expect(d.data[0]!.data.length).toBe(30); // the caller's array is left as it was
    const moved = encodeValue(d);
    expect(crossArrays(moved, true, null)).toHaveLength(2);
    expect(d.data[0]!.data.length).toBe(0); // taken over: detached now, as posting would detach it
    expect(arraysOf(moved)[0]!.length).toBe(30);
    // A view of part of a larger buffer crosses as its own bytes only.
    const view = encodeValue(new NDArray("float64", [2], new Float64Array(new Float64Array([1, 2, 3, 4]).buffer, 8, 2)));
    const [part] = crossArrays(view, false, null);
    expect(arraysOf(view)[0]).toEqual(Float64Array.of(2, 3));
    expect(part!.byteLength).toBe(16);
  });

  it("crossArrays: copies an array on a SharedArrayBuffer once, in both modes: the caller's shared memory is never what crosses", () => {
    const shared = new Float64Array(new SharedArrayBuffer(4 * 8));
    shared.set([1, 2, 3, 4]);
    const array = new NDArray("float64", [4], shared);
    for (const transferCallers of [false, true]) {
      const encoded = encodeValue(array);
      const moved = crossArrays(encoded, transferCallers, null);
      const [crossing] = arraysOf(encoded);
      expect(crossing!.buffer).toBeInstanceOf(ArrayBuffer);
      expect(crossing).toEqual(Float64Array.of(1, 2, 3, 4));
      expect(moved).toEqual([crossing!.buffer]);
    }
    expect(Array.from(shared)).toEqual([1, 2, 3, 4]); // the caller's memory is left as it was
  });

  it("crossArrays: views on one moved buffer all point at its new buffer", () => {
    const whole = new Float64Array([1, 2, 3, 4, 5, 6]);
    const d = new DataRaw("two views", { data: [new NDArray("float64", [2], whole.subarray(1, 3)), new NDArray("float64", [2], whole.subarray(4, 6))] });
    const encoded = encodeValue(d);
    const moved = crossArrays(encoded, true, null);
    expect(whole.length).toBe(0);
    expect(moved).toHaveLength(1);
    expect(moved[0]).not.toBe(whole.buffer);
    const arrays = arraysOf(encoded);
    expect(arrays.map((a) => a.buffer)).toEqual([moved[0], moved[0]]);
    expect(arrays).toEqual([Float64Array.of(2, 3), Float64Array.of(5, 6)]);
    expect((decodeValue(structuredClone(encoded, { transfer: moved })) as DataRaw).data.map((a) => Array.from(a.data as Float64Array)))
      .toEqual([[2, 3], [5, 6]]);
  });

  it("crossArrays: an array the packer takes leaves a null slot and is neither moved nor copied", () => {
    const d = dwa2D();
    const encoded = encodeValue(d);
    const taken: number[] = [];
    const moved = crossArrays(encoded, true, (data, slot) => {
      if (data !== d.data[1]!.data) return false;
      taken.push(slot);
      return true;
    });
    expect(taken).toEqual([2]);
    expect(encoded[2]).toBeNull();
    expect(moved).toEqual([arraysOf(encoded)[0]!.buffer]);
    expect(d.data[1]!.data.length).toBe(30); // packed arrays stay the caller's
  });

  it("PyBytes are copied when encoded, never the caller's", () => {
    const bytes = new PyBytes(Uint8Array.of(1, 2, 3));
    const encoded = encodeValue(bytes);
    expect(arraysOf(encoded)[0]).not.toBe(bytes.bytes);
    crossArrays(encoded, true, null);
    expect(bytes.bytes.length).toBe(3);
  });

  it("refuses values that cannot cross, naming their class", () => {
    expect(() => encodeValue([() => 1])).toThrow(InvalidTypeError);
    expect(() => encodeValue(new Date(0))).toThrow(/Date/);
    expect(() => decodeValue({ t: "nope" } as never)).toThrow(InvalidTypeError);
    expect(() => decodeValue([99])).toThrow(InvalidTypeError);
    expect(() => decodeValue([...encodeValue(1), 2])).toThrow(/goes on/);
    expect(() => decodeValue(encodeValue(dwa2D()).slice(0, -3))).toThrow(/ends early/);
  });

  it("refuses arrays and bytes whose buffer was detached (moved away by the caller or an earlier call)", () => {
    const data = new Float64Array([1, 2, 3]);
    const array = new NDArray("float64", [3], data);
    const bytes = new PyBytes(new Uint8Array([1, 2]));
    const buffers = [data.buffer, bytes.bytes.buffer as ArrayBuffer];
    structuredClone(buffers, { transfer: buffers });
    expect(() => encodeValue(array)).toThrow(InvalidValueError);
    expect(() => encodeValue(array)).toThrow(/float64 array of shape \[3\] holding no data: its buffer was detached/);
    expect(() => encodeValue(bytes)).toThrow(InvalidValueError);
    // Arrays with no elements are not detached ones.
    const empty = new NDArray("float64", [0, 4], new Float64Array(0));
    expect(decodeValue(encodeValue([empty, new PyBytes(new Uint8Array(0))]))).toEqual([empty, new PyBytes(new Uint8Array(0))]);
  });
});
