import { NpScalar, PyBytes, PyComplex, PyDict, PyRepr, PyTuple } from "@pymodaq-ts/data-model";
import { describe, expect, it } from "vitest";
import { stringifyCanonical } from "../src/canonical/json.js";
import { canonicalValue } from "../src/canonical/values.js";
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
    expect(canonicalValue(new PyComplex(1, NaN))).toEqual({ $complex: [1, "NaN"] });
    expect(canonicalValue(new NpScalar("complex128", [0, -2]))).toEqual({ $complex: [0, -2] });
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

  it("a dict key named __proto__ stays an own member", () => {
    const out = canonicalValue(new PyDict([["__proto__", 1n]])) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(["__proto__"]);
    expect(stringifyCanonical(out)).toBe('{"__proto__":1}');
  });
});

describe("stringifyCanonical", () => {
  it("matches JSON.stringify for plain trees, with and without indentation", () => {
    const tree = { a: [1, "x", null, true, { b: [] }, {}], "é\n": -0.5, u: undefined, n: [undefined] };
    expect(stringifyCanonical(tree)).toBe(JSON.stringify(tree));
    expect(stringifyCanonical(tree, 2)).toBe(JSON.stringify(tree, null, 2));
    expect(stringifyCanonical([])).toBe("[]");
  });

  it("writes bigints as integer literals", () => {
    expect(stringifyCanonical({ n: 2n ** 64n, m: [-(2n ** 70n)] })).toBe('{"n":18446744073709551616,"m":[-1180591620717411303424]}');
  });

  it("rejects cycles and values without a JSON form", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => stringifyCanonical(cyclic)).toThrow(TypeError);
    expect(() => stringifyCanonical(undefined)).toThrow(TypeError);
  });
});
