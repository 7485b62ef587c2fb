import { NpScalar, PyBytes, PyComplex, PyDict, PyRepr, PyTuple, type PyValue } from "@pymodaq-ts/data-model";
import { describe, expect, it } from "vitest";
import { decodeAttr, decodeRawText, encodeAttr, encodeEnvelope, pyTypeOf } from "../src/codec/envelope.js";
import { isPyEncodeError } from "../src/codec/errors.js";
import { isInvalidTypeError, isInvalidValueError } from "../src/errors.js";
import { pyJsonDumps } from "../src/codec/pyjson.js";

const env = (module: string, type: string, data: string) =>
  `{"module": "${module}", "type": "${type}", "data": ${data}}`;

// Every row of file-format.md §2.3, with the attribute text copied from the table.
const EXAMPLES: [string, PyValue, string][] = [
  ["'abc'", "abc", String.raw`{"module": "builtins", "type": "str", "data": "'abc'"}`],
  ["''", "", String.raw`{"module": "builtins", "type": "str", "data": "''"}`],
  [`"it's"`, "it's", String.raw`{"module": "builtins", "type": "str", "data": "\"it's\""}`],
  [`'say "hi"'`, 'say "hi"', String.raw`{"module": "builtins", "type": "str", "data": "'say \"hi\"'"}`],
  [`a'b"c`, `a'b"c`, String.raw`{"module": "builtins", "type": "str", "data": "'a\\'b\"c'"}`],
  ["a\\b", "a\\b", String.raw`{"module": "builtins", "type": "str", "data": "'a\\\\b'"}`],
  ["l1\\nl2\\t", "l1\nl2\t", String.raw`{"module": "builtins", "type": "str", "data": "'l1\\nl2\\t'"}`],
  ["'µm é €'", "µm é €", String.raw`{"module": "builtins", "type": "str", "data": "'\u00b5m \u00e9 \u20ac'"}`],
  ["'😀'", "😀", String.raw`{"module": "builtins", "type": "str", "data": "'\ud83d\ude00'"}`],
  ["'\\x00\\x1f\\x7f'", "\x00\x1f\x7f", String.raw`{"module": "builtins", "type": "str", "data": "'\\x00\\x1f\\x7f'"}`],
  ["NBSP ZWSP", "\xa0\u200b", String.raw`{"module": "builtins", "type": "str", "data": "'\\xa0\\u200b'"}`],
  ["42", 42n, String.raw`{"module": "builtins", "type": "int", "data": "42"}`],
  ["-7", -7n, String.raw`{"module": "builtins", "type": "int", "data": "-7"}`],
  ["2**64", 2n ** 64n, String.raw`{"module": "builtins", "type": "int", "data": "18446744073709551616"}`],
  ["0.1", 0.1, String.raw`{"module": "builtins", "type": "float", "data": "0.1"}`],
  ["2.0", 2, String.raw`{"module": "builtins", "type": "float", "data": "2.0"}`],
  ["1e16", 1e16, String.raw`{"module": "builtins", "type": "float", "data": "1e+16"}`],
  ["1e-5", 1e-5, String.raw`{"module": "builtins", "type": "float", "data": "1e-05"}`],
  ["nan", NaN, String.raw`{"module": "builtins", "type": "float", "data": "nan"}`],
  ["True", true, String.raw`{"module": "builtins", "type": "bool", "data": "True"}`],
  ["None", null, String.raw`{"module": "builtins", "type": "NoneType", "data": "None"}`],
  ["(1, 2)", PyTuple.ofInts([1, 2]), String.raw`{"module": "builtins", "type": "tuple", "data": "(1, 2)"}`],
  ["(0,)", PyTuple.ofInts([0]), String.raw`{"module": "builtins", "type": "tuple", "data": "(0,)"}`],
  ["()", new PyTuple([]), String.raw`{"module": "builtins", "type": "tuple", "data": "()"}`],
  [
    "((1, 2), (3,))",
    new PyTuple([PyTuple.ofInts([1, 2]), PyTuple.ofInts([3])]),
    String.raw`{"module": "builtins", "type": "tuple", "data": "((1, 2), (3,))"}`,
  ],
  [
    "('a', 1.5, None, True)",
    new PyTuple(["a", 1.5, null, true]),
    String.raw`{"module": "builtins", "type": "tuple", "data": "('a', 1.5, None, True)"}`,
  ],
  ["[1, 'a', 2.5]", [1n, "a", 2.5], String.raw`{"module": "builtins", "type": "list", "data": "[1, 'a', 2.5]"}`],
  ["{'a': 1}", new PyDict([["a", 1n]]), String.raw`{"module": "builtins", "type": "dict", "data": "{'a': 1}"}`],
  [
    "b'a\\x00'",
    new PyBytes(Uint8Array.of(0x61, 0)),
    String.raw`{"module": "builtins", "type": "bytes", "data": "b'a\\x00'"}`,
  ],
  ["np.float64(-20.4)", new NpScalar("float64", -20.4), String.raw`{"module": "numpy", "type": "float64", "data": "-20.4"}`],
  ["np.float64(1.0)", new NpScalar("float64", 1), String.raw`{"module": "numpy", "type": "float64", "data": "1.0"}`],
  ["np.int64(3)", new NpScalar("int64", 3n), String.raw`{"module": "numpy", "type": "int64", "data": "3"}`],
  ["np.float32(1.5)", new NpScalar("float32", 1.5), String.raw`{"module": "numpy", "type": "float32", "data": "1.5"}`],
  [
    "np.array([1, 2])",
    new PyRepr("array([1, 2])"),
    String.raw`{"module": "numpy", "type": "ndarray", "data": "array([1, 2])"}`,
  ],
  [
    "datetime(2024,1,2,3,4,5)",
    new PyRepr("datetime.datetime(2024, 1, 2, 3, 4, 5)"),
    String.raw`{"module": "datetime", "type": "datetime", "data": "datetime.datetime(2024, 1, 2, 3, 4, 5)"}`,
  ],
];

describe("encodeAttr: file-format.md §2.3 exact envelopes", () => {
  it.each(EXAMPLES)("%s", (_label, value, expected) => {
    expect(encodeAttr(value)).toBe(expected);
  });

  it("F1: timestamp 1700000000.5 and an integral float", () => {
    expect(encodeAttr(1700000000.5)).toBe(env("builtins", "float", '"1700000000.5"'));
    expect(encodeAttr(1700000000)).toBe(env("builtins", "float", '"1700000000.0"'));
  });

  it("escapes astral characters as surrogate pairs and non-printables as \\U in the repr", () => {
    expect(encodeAttr("\u{e0001}")).toBe(env("builtins", "str", String.raw`"'\\U000e0001'"`));
    expect(encodeAttr("\u2028\ufeff\u00ad")).toBe(env("builtins", "str", String.raw`"'\\u2028\\ufeff\\xad'"`));
    expect(encodeAttr("/")).toBe(env("builtins", "str", `"'/'"`));
  });

  it("encodes complex, numpy bool_ and nested containers", () => {
    expect(encodeAttr(new PyComplex(1, 2))).toBe(env("builtins", "complex", '"(1+2j)"'));
    expect(encodeAttr(new PyComplex(0, -0))).toBe(env("builtins", "complex", '"-0j"'));
    expect(encodeAttr(new NpScalar("bool_", false))).toBe(env("numpy", "bool_", '"False"'));
    expect(encodeAttr(new PyDict([[PyTuple.ofInts([1]), [null]]]))).toBe(env("builtins", "dict", '"{(1,): [None]}"'));
  });

  it("rejects values without a Python type with PyEncodeError", () => {
    for (const bad of [new PyRepr("<object at 0x1>"), new NpScalar("uint8", 300n), new NpScalar("float64", true)]) {
      let caught: unknown;
      try {
        encodeAttr(bad);
      } catch (e) {
        caught = e;
      }
      expect(isPyEncodeError(caught), String(caught)).toBe(true);
    }
  });

  it("encodeEnvelope and pyTypeOf expose the parts", () => {
    expect(encodeEnvelope("m", "t", "d\u00e9")).toBe(env("m", "t", '"d\\u00e9"'));
    // Written out for speed, it must stay json.dumps of the dict, escapes included.
    for (const part of ["", "plain", 'q"uote', "back\\slash", "tab\tnl\n\x00\x7f", "µ€😀"]) {
      const parts: [string, string][] = [["module", part], ["type", part], ["data", part]];
      expect(encodeEnvelope(part, part, part)).toBe(pyJsonDumps(new PyDict(parts)));
    }
    expect(pyTypeOf(new PyRepr("datetime.date(2024, 1, 2)"))).toEqual({ module: "datetime", type: "date" });
  });
});

describe("decodeAttr: what PyMoDAQ's get_attr returns (file-format.md §2.4)", () => {
  const decodedExamples = EXAMPLES.filter(([label]) => !["nan", "None", "{'a': 1}"].includes(label) && !label.startsWith("np."));
  it.each(decodedExamples)("trusted %s decodes to its value", (_label, value, text) => {
    expect(decodeAttr(text)).toEqual(value);
  });

  it("numpy float64 is trusted; other numpy types come back as the envelope dict", () => {
    expect(decodeAttr(encodeAttr(new NpScalar("float64", -20.4)))).toBe(-20.4);
    const dict = decodeAttr(encodeAttr(new NpScalar("int64", 3n)));
    expect(dict).toEqual(new PyDict([["module", "numpy"], ["type", "int64"], ["data", "3"]]));
  });

  it("F3: NumPy 2 spellings decode", () => {
    expect(decodeAttr(env("numpy", "float64", '"np.float64(1.5)"'))).toEqual(new NpScalar("float64", 1.5));
    expect(decodeAttr(env("builtins", "tuple", '"(0, np.int64(1))"'))).toEqual(new PyTuple([0n, new NpScalar("int64", 1n)]));
  });

  it("NoneType and dict are untrusted: the envelope itself", () => {
    const none = env("builtins", "NoneType", '"None"');
    expect(decodeAttr(none)).toEqual(new PyDict([["module", "builtins"], ["type", "NoneType"], ["data", "None"]]));
    expect(decodeAttr(encodeAttr(new PyDict([["a", 1n]])))).toBeInstanceOf(PyDict);
  });

  it("nan / inf floats and failed parses return the raw text", () => {
    for (const data of ["nan", "inf", "-inf", "__import__('os')", "1 +", "os.system('x')"]) {
      const raw = env("builtins", "float", JSON.stringify(data));
      expect(decodeAttr(raw)).toBe(raw);
    }
  });

  it("F2: __import__('os') under a trusted type is never executed", () => {
    const raw = String.raw`{"module": "builtins", "type": "float", "data": "__import__('os')"}`;
    expect(decodeAttr(raw)).toBe(raw);
  });

  it("plain JSON values come back as parsed (VERSION, numeric titles), other text unchanged", () => {
    expect(decodeAttr("1.1")).toBe(1.1);
    expect(decodeAttr("123")).toBe(123n);
    expect(decodeAttr("[1, 2]")).toEqual([1n, 2n]);
    expect(decodeAttr("true")).toBe(true);
    expect(decodeAttr("CARRAY")).toBe("CARRAY");
    expect(decodeAttr("")).toBe("");
    expect(decodeAttr('{"a": 1}')).toBe('{"a": 1}');
    expect(Number.isNaN(decodeAttr("NaN") as number)).toBe(true);
  });

  it("an object with a non-string type is returned as the object", () => {
    expect(decodeAttr('{"type": 5, "data": "1"}')).toEqual(new PyDict([["type", 5n], ["data", "1"]]));
  });

  it("a trusted envelope without data returns the raw text", () => {
    expect(decodeAttr('{"type": "int"}')).toBe('{"type": "int"}');
  });

  it("non-string raw values are returned unchanged (EXTDIM)", () => {
    expect(decodeAttr(0)).toBe(0);
    expect(decodeAttr(0n)).toBe(0n);
    expect(decodeAttr(null)).toBe(null);
  });

  it("lenient mode decodes None, numpy scalars and non-finite floats", () => {
    const lenient = { mode: "lenient" } as const;
    expect(decodeAttr(encodeAttr(null), lenient)).toBe(null);
    expect(decodeAttr(encodeAttr(new NpScalar("int64", 3n)), lenient)).toEqual(new NpScalar("int64", 3n));
    expect(decodeAttr(encodeAttr(NaN), lenient)).toBeNaN();
    expect(decodeAttr(encodeAttr(-Infinity), lenient)).toBe(-Infinity);
    expect(decodeAttr(encodeAttr(new NpScalar("float32", Infinity)), lenient)).toEqual(new NpScalar("float32", Infinity));
    expect(decodeAttr(encodeAttr(new PyDict([["a", 1n]])), lenient)).toEqual(new PyDict([["a", 1n]]));
    expect(decodeAttr(encodeAttr(new PyComplex(1, 2)), lenient)).toEqual(new PyComplex(1, 2));
  });

  it("rejects unknown options", () => {
    let caught: unknown;
    try {
      decodeAttr("1", { mood: "x" } as never);
    } catch (e) {
      caught = e;
    }
    expect(isInvalidTypeError(caught)).toBe(true);
    expect(() => decodeAttr("1", { mode: "strict" } as never)).toThrow(expect.objectContaining({ code: "INVALID_VALUE" }));
    expect(isInvalidValueError(new Error("x"))).toBe(false);
  });
});

describe("decodeRawText: TITLE / CLASS (file-format.md §2.6)", () => {
  it("F4: plain text stays a string, even when it looks like JSON", () => {
    expect(decodeRawText("GROUP")).toBe("GROUP");
    expect(decodeRawText("")).toBe("");
    expect(decodeRawText("123")).toBe("123");
    expect(decodeRawText("true")).toBe("true");
    expect(decodeRawText('{"a": 1}')).toBe('{"a": 1}');
  });

  it("decodes the h5py root's enveloped CLASS and TITLE", () => {
    expect(decodeRawText(encodeAttr("GROUP"))).toBe("GROUP");
    expect(decodeRawText(encodeAttr("PyMoDAQ file"))).toBe("PyMoDAQ file");
  });
});
