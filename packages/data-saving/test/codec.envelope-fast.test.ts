import { PyDict, PyTuple, type PyValue } from "@pymodaq-ts/data-model";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { encodeAttr } from "../src/codec/envelope.js";
import { decodeCommonEnvelope } from "../src/codec/envelope-fast.js";
import { parsePyLiteral } from "../src/codec/literal.js";
import { pyJsonLoads } from "../src/codec/pyjson.js";

/** The full path's result for a trusted envelope: JSON, then the Python-literal parser. */
function slowDecode(raw: string): PyValue {
  const env = pyJsonLoads(raw);
  if (!(env instanceof PyDict)) throw new Error("not an envelope");
  return parsePyLiteral(env.get("data") as string);
}

describe("decodeCommonEnvelope", () => {
  it("decodes PyMoDAQ's common envelopes", () => {
    expect(decodeCommonEnvelope(`{"module": "builtins", "type": "str", "data": "'data'"}`)).toBe("data");
    expect(decodeCommonEnvelope(`{"module": "builtins", "type": "int", "data": "-12"}`)).toBe(-12n);
    expect(decodeCommonEnvelope(`{"module": "numpy", "type": "float64", "data": "0.20000000000000004"}`)).toBe(0.20000000000000004);
    expect(decodeCommonEnvelope(`{"module": "builtins", "type": "float", "data": "1e-05"}`)).toBe(1e-5);
    expect(decodeCommonEnvelope(`{"module": "builtins", "type": "bool", "data": "False"}`)).toBe(false);
    expect(decodeCommonEnvelope(`{"module": "builtins", "type": "tuple", "data": "(50, 40, 1024)"}`)).toEqual(new PyTuple([50n, 40n, 1024n]));
    expect(decodeCommonEnvelope(`{"module": "builtins", "type": "tuple", "data": "(0,)"}`)).toEqual(new PyTuple([0n]));
    expect(decodeCommonEnvelope(`{"module": "builtins", "type": "tuple", "data": "()"}`)).toEqual(new PyTuple([]));
  });

  it("leaves every other form to the full decoder", () => {
    for (const raw of [
      `{"module": "builtins", "type": "str", "data": "'a\\\\nb'"}`,
      `{"module": "builtins", "type": "str", "data": "\\"it's\\""}`,
      `{"module": "builtins", "type": "str", "data": "'a' 'b'"}`,
      `{"module": "builtins", "type": "tuple", "data": "(5)"}`,
      `{"module": "builtins", "type": "tuple", "data": "(1.5, 2)"}`,
      `{"module": "builtins", "type": "float", "data": "nan"}`,
      `{"module": "builtins", "type": "int", "data": "007"}`,
      `{"module": "builtins", "type": "list", "data": "[1]"}`,
      `{"module": "builtins", "type": "NoneType", "data": "None"}`,
      `{"type": "str", "module": "builtins", "data": "'x'"}`,
      `{"module": "builtins",  "type": "str", "data": "'x'"}`,
      "'plain'",
      "",
    ]) {
      expect(decodeCommonEnvelope(raw), raw).toBeUndefined();
    }
  });

  it("gives what the JSON and literal parsers give, whenever it answers", () => {
    const value = fc.oneof(
      fc.string({ unit: "binary", maxLength: 12 }),
      fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }),
      fc.double({ noNaN: true }),
      fc.boolean(),
      fc.array(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), { maxLength: 4 }).map((xs) => new PyTuple(xs)),
    );
    fc.assert(
      fc.property(value, (v) => {
        const raw = encodeAttr(v);
        const fast = decodeCommonEnvelope(raw);
        if (fast !== undefined) expect(fast).toEqual(slowDecode(raw));
        if (typeof v === "number" && Number.isFinite(v) && !Object.is(v, -0)) expect(fast).toBe(v);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("encodeAttr's cache of primitive values", () => {
  it("gives the same text on repeated calls and tells apart values Map keys confuse", () => {
    for (const v of ["tables", "", 1n, 1, true, 0.1]) expect(encodeAttr(v)).toBe(encodeAttr(v));
    expect(encodeAttr(1)).toBe(`{"module": "builtins", "type": "float", "data": "1.0"}`);
    expect(encodeAttr(1n)).toBe(`{"module": "builtins", "type": "int", "data": "1"}`);
    expect(encodeAttr(0)).toBe(`{"module": "builtins", "type": "float", "data": "0.0"}`);
    expect(encodeAttr(-0)).toBe(`{"module": "builtins", "type": "float", "data": "-0.0"}`);
    expect(encodeAttr(0)).toBe(`{"module": "builtins", "type": "float", "data": "0.0"}`);
    expect(encodeAttr("1")).toBe(`{"module": "builtins", "type": "str", "data": "'1'"}`);
  });
});
