import { execFileSync } from "node:child_process";
import { NpScalar, PyBytes, PyComplex, PyDict, PyRepr, PyTuple } from "@pymodaq-ts/data-model";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { floatJson, isJsonFloat, jsonFloat, stringifyCanonical } from "../src/tools/canonical/json.js";
import { canonicalValue } from "../src/tools/canonical/values.js";
import { decodeAttr, encodeAttr } from "../src/codec/envelope.js";

describe("canonicalValue: the README's value encoding table", () => {
  it("None, bool, int, float, str", () => {
    expect(canonicalValue(null)).toBe(null);
    expect(canonicalValue(true)).toBe(true);
    expect(canonicalValue(new NpScalar("bool_", false))).toBe(false);
    expect(canonicalValue(12n)).toBe(12);
    expect(canonicalValue(2n ** 64n)).toBe(2n ** 64n);
    expect(canonicalValue(new NpScalar("int64", 7n))).toBe(7);
    expect(canonicalValue(new NpScalar("uint8", 7))).toBe(7);
    expect(canonicalValue(1.5)).toBe(1.5);
    expect(canonicalValue(NaN)).toBe("NaN");
    expect(canonicalValue(Infinity)).toBe("Infinity");
    expect(canonicalValue(new NpScalar("float32", -Infinity))).toBe("-Infinity");
    expect(canonicalValue("µm")).toBe("µm");
  });

  it("tuple, list, dict, bytes, complex, ndarray, repr", () => {
    expect(canonicalValue(PyTuple.ofInts([4, 5]))).toEqual([4, 5]);
    expect(canonicalValue([1.5, [null]])).toEqual([1.5, [null]]);
    expect(canonicalValue(new PyDict([["a", 1n], [2n, "b"], [1.5, 0n], [true, 0n], [null, 0n]]))).toEqual({
      a: 1, "2": "b", "1.5": 0, true: 0, null: 0,
    });
    expect(canonicalValue(new PyBytes(Uint8Array.of(0x61, 0x62, 0)))).toEqual({ $bytes: "616200" });
    expect(stringifyCanonical(canonicalValue(new PyComplex(1, NaN)))).toBe('{"$complex":[1.0,"NaN"]}');
    expect(stringifyCanonical(canonicalValue(new NpScalar("complex128", [0.5, -2])))).toBe('{"$complex":[0.5,-2.0]}');
    expect(canonicalValue({ dtype: "int32", shape: [2], data: Int32Array.of(1, 2) })).toEqual({
      $ndarray: { dtype: "int32", shape: [2], size: 2, values: [1, 2] },
    });
    expect(canonicalValue(new PyRepr("datetime.date(2024, 1, 2)"))).toEqual({ $repr: "datetime.date(2024, 1, 2)" });
  });

  it("decoded attributes of the fixtures encode as in their expected JSON", () => {
    // dsl_channels_tables: x_none, x_np_int64, x_nan, shape, VERSION.
    expect(canonicalValue(decodeAttr(encodeAttr(null)))).toEqual({ module: "builtins", type: "NoneType", data: "None" });
    expect(canonicalValue(decodeAttr(encodeAttr(new NpScalar("int64", 7n))))).toEqual({ module: "numpy", type: "int64", data: "7" });
    expect(canonicalValue(decodeAttr(encodeAttr(NaN)))).toBe('{"module": "builtins", "type": "float", "data": "nan"}');
    expect(canonicalValue(decodeAttr(encodeAttr(PyTuple.ofInts([4, 5]))))).toEqual([4, 5]);
    expect(canonicalValue(decodeAttr("1.1"))).toBe(1.1);
  });

  it("keeps Python's int / float distinction (floats with integral values are JsonFloats)", () => {
    const text = (v: Parameters<typeof canonicalValue>[0]) => stringifyCanonical(canonicalValue(v));
    expect(isJsonFloat(canonicalValue(1))).toBe(true);
    expect(canonicalValue(1.5)).toBe(1.5);
    expect(text(1)).toBe("1.0");
    expect(text(-0)).toBe("-0.0");
    expect(text(1e16)).toBe("1e+16");
    expect(text(1e-7)).toBe("1e-07");
    expect(text(1n)).toBe("1");
    expect(text(new NpScalar("float64", 2))).toBe("2.0");
    expect(text(new NpScalar("float32", 0.5))).toBe("0.5");
    expect(text(new NpScalar("int64", 2n))).toBe("2");
    expect(text(new NpScalar("uint16", 2))).toBe("2");
    expect(text(new PyTuple([1n, 1, 2.5]))).toBe("[1,1.0,2.5]");
    expect(text(new PyDict([["offset", 0], ["size", 3n]]))).toBe('{"offset":0.0,"size":3}');
    // PyTables' VERSION "1.0" decodes (json.loads) to the float 1.0, "1.1" to 1.1.
    expect(text(decodeAttr("1.0"))).toBe("1.0");
    expect(text(decodeAttr("1"))).toBe("1");
    expect(text(decodeAttr(encodeAttr(1)))).toBe("1.0");
    expect(text(decodeAttr(encodeAttr(new NpScalar("float64", 1))))).toBe("1.0");
    expect(text({ dtype: "float64", shape: [2], data: Float64Array.of(1, 2) })).toBe(
      '{"$ndarray":{"dtype":"float64","shape":[2],"size":2,"values":[1.0,2.0]}}',
    );
  });

  it("a dict key named __proto__ stays an own member", () => {
    const out = canonicalValue(new PyDict([["__proto__", 1n]])) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(["__proto__"]);
    expect(stringifyCanonical(out)).toBe('{"__proto__":1}');
  });
});

/** A finite double as Python's float.hex() text (exact, for handing doubles to python3). */
function pyHex(x: number): string {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const sign = bits >> 63n ? "-" : "";
  const biased = Number((bits >> 52n) & 0x7ffn);
  const mantissa = (bits & ((1n << 52n) - 1n)).toString(16).padStart(13, "0");
  if (biased === 0) return `${sign}0x0.${mantissa}p-1022`;
  return `${sign}0x1.${mantissa}p${biased - 1023}`;
}

describe("stringifyCanonical", () => {
  it("matches JSON.stringify for plain trees, with and without indentation", () => {
    const tree = { a: [1, "x", null, true, { b: [] }, {}], "é\n": -0.5, u: undefined, n: [undefined] };
    expect(stringifyCanonical(tree)).toBe(JSON.stringify(tree));
    expect(stringifyCanonical(tree, 2)).toBe(JSON.stringify(tree, null, 2));
    expect(stringifyCanonical([])).toBe("[]");
  });

  it("writes floats as Python's json.dumps does (checked against python3 on generated doubles)", () => {
    const doubles = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer({ min: -(2 ** 31), max: 2 ** 31 }).map((i) => i * 1.0),
      fc.constantFrom(0, -0, 1, 1e16, 1e-7, 1e-4, 1e-5, 9999999999999998, 1e21, 1e22, 5e-324, 0.1, 123456789012345680000),
    );
    const values = fc.sample(doubles, { numRuns: 2000, seed: 7 });
    const script = "import sys, json\nprint(json.dumps([float.fromhex(h) for h in json.loads(sys.stdin.read())], separators=(',', ':')))";
    const hex = values.map((x) => (Object.is(x, -0) ? "-0x0p+0" : pyHex(x)));
    const expected = execFileSync("python3", ["-c", script], { input: JSON.stringify(hex) }).toString().trim();
    expect(stringifyCanonical(values.map(floatJson))).toBe(expected);
  });

  it("writes marked floats as floats, plain integral numbers as ints, other numbers as Python floats", () => {
    expect(stringifyCanonical([jsonFloat(3), 3, 2 ** 60, 0.25, 1e-5, jsonFloat(-0), jsonFloat(1e300)])).toBe(
      `[3.0,3,${2n ** 60n},0.25,1e-05,-0.0,1e+300]`,
    );
    expect(JSON.stringify([jsonFloat(3)])).toBe("[3]");
    expect(stringifyCanonical({ a: [jsonFloat(1)] }, 2)).toBe('{\n  "a": [\n    1.0\n  ]\n}');
  });

  it("writes bigints as integer literals", () => {
    expect(stringifyCanonical({ n: 2n ** 64n, m: [-(2n ** 70n)] })).toBe('{"n":18446744073709551616,"m":[-1180591620717411303424]}');
  });

  it("rejects cycles and values without a JSON form", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => stringifyCanonical(cyclic)).toThrow(expect.objectContaining({ code: "INVALID_VALUE" }));
    expect(() => stringifyCanonical(undefined)).toThrow(expect.objectContaining({ code: "INVALID_TYPE" }));
  });
});
