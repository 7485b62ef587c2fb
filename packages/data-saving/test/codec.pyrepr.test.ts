import { NpScalar, PyBytes, PyComplex, PyDict, PyRepr, PyTuple } from "@pymodaq-ts/data-model";
import { describe, expect, it } from "vitest";
import { isPyJsonError } from "../src/codec/errors.js";
import { pyJsonDumps, pyJsonLoads } from "../src/codec/pyjson.js";
import { pyBytesRepr, pyFloatRepr, pyRepr, pyStrRepr } from "../src/codec/pyrepr.js";
import { utf8DecodeSurrogatePass, utf8EncodeSurrogatePass } from "../src/codec/utf8.js";

describe("pyFloatRepr", () => {
  it("the values checked in file-format.md §2.2", () => {
    const cases: [number, string][] = [
      [0.1, "0.1"], [2, "2.0"], [0.0001, "0.0001"], [1e-5, "1e-05"], [1.5e-7, "1.5e-07"],
      [1234567890123456, "1234567890123456.0"], [1e16, "1e+16"], [1.2345678901234568e16, "1.2345678901234568e+16"],
      [1e22, "1e+22"], [5e-324, "5e-324"], [0.22000000000000028, "0.22000000000000028"],
      [1795658040.6135938, "1795658040.6135938"],
    ];
    for (const [x, text] of cases) expect(pyFloatRepr(x)).toBe(text);
  });

  it("specials, signs and the fixture README forms", () => {
    expect(pyFloatRepr(NaN)).toBe("nan");
    expect(pyFloatRepr(Infinity)).toBe("inf");
    expect(pyFloatRepr(-Infinity)).toBe("-inf");
    expect(pyFloatRepr(0)).toBe("0.0");
    expect(pyFloatRepr(-0)).toBe("-0.0");
    expect(pyFloatRepr(-0.125)).toBe("-0.125");
    expect(pyFloatRepr(1e-7)).toBe("1e-07");
    expect(pyFloatRepr(1.7976931348623157e308)).toBe("1.7976931348623157e+308");
    expect(pyFloatRepr(123456789012345680000)).toBe("1.2345678901234568e+20");
  });
});

describe("pyStrRepr and pyBytesRepr", () => {
  it("quote choice and escapes", () => {
    expect(pyStrRepr("abc")).toBe("'abc'");
    expect(pyStrRepr("it's")).toBe(`"it's"`);
    expect(pyStrRepr(`a'b"c`)).toBe(`'a\\'b"c'`);
    expect(pyStrRepr(`say "hi"`)).toBe(`'say "hi"'`);
    expect(pyStrRepr("it's été ☃")).toBe(`"it's été ☃"`);
    expect(pyStrRepr("\t\n\r\x00\x7f\\")).toBe("'\\t\\n\\r\\x00\\x7f\\\\'");
  });

  it("the printable rule (U+0020 printable; Zs, Cf, Co, Cn, Cs escaped)", () => {
    expect(pyStrRepr(" ")).toBe("' '");
    expect(pyStrRepr("\xa0\xad\u200b\u2028\u2029\ufeff")).toBe("'\\xa0\\xad\\u200b\\u2028\\u2029\\ufeff'");
    expect(pyStrRepr("\u{e0001}\ue000\u0378\ud800")).toBe("'\\U000e0001\\ue000\\u0378\\ud800'");
    expect(pyStrRepr("😀µ€")).toBe("'😀µ€'");
  });

  it("bytes", () => {
    expect(pyBytesRepr(Uint8Array.of(0x61, 0x00, 0xff, 0x27))).toBe(`b"a\\x00\\xff'"`);
    expect(pyBytesRepr(Uint8Array.of(0x27, 0x22, 0x5c, 0x09))).toBe(`b'\\'"\\\\\\t'`);
    expect(pyBytesRepr(new Uint8Array(0))).toBe("b''");
  });
});

describe("pyRepr of containers and other values", () => {
  it("tuples, lists, dicts", () => {
    expect(pyRepr(new PyTuple([]))).toBe("()");
    expect(pyRepr(PyTuple.ofInts([0]))).toBe("(0,)");
    expect(pyRepr(PyTuple.ofInts([50, 40, 1024]))).toBe("(50, 40, 1024)");
    expect(pyRepr([3n, 4n])).toBe("[3, 4]");
    expect(pyRepr(new PyDict([]))).toBe("{}");
    expect(pyRepr(new PyDict([["a", 1n], [2n, [null, true]]]))).toBe("{'a': 1, 2: [None, True]}");
  });

  it("complex and NumPy scalars (NumPy 1.x form)", () => {
    expect(pyRepr(new PyComplex(0, 1))).toBe("1j");
    expect(pyRepr(new PyComplex(-0, 0))).toBe("(-0+0j)");
    expect(pyRepr(new PyComplex(1, NaN))).toBe("(1+nanj)");
    expect(pyRepr(new PyComplex(1e16, -2.5))).toBe("(1e+16-2.5j)");
    expect(pyRepr(new NpScalar("float32", Math.fround(1e-4)))).toBe("1e-04");
    expect(pyRepr(new NpScalar("float32", Math.fround(0.1)))).toBe("0.1");
    expect(pyRepr(new NpScalar("float32", Math.fround(16777216)))).toBe("16777216.0");
    expect(pyRepr(new NpScalar("float64", 1e-4))).toBe("0.0001");
    expect(pyRepr(new NpScalar("complex64", [Math.fround(1.1), 0]))).toBe("(1.1+0j)");
    expect(pyRepr(new NpScalar("int64", 3))).toBe("3");
    expect(pyRepr(new NpScalar("bool_", true))).toBe("True");
    expect(pyRepr(new PyBytes(Uint8Array.of(1)))).toBe("b'\\x01'");
    expect(pyRepr(new PyRepr("datetime.date(2024, 1, 2)"))).toBe("datetime.date(2024, 1, 2)");
  });
});

describe("pyJsonDumps / pyJsonLoads: Python's json module", () => {
  it("dumps with Python's separators and ensure_ascii", () => {
    const d = new PyDict([["a", [1n, 2.0, NaN, -Infinity, null, true]], ["é\u2028\x7f/", new PyTuple(["\b\f"])]]);
    expect(pyJsonDumps(d)).toBe('{"a": [1, 2.0, NaN, -Infinity, null, true], "\\u00e9\\u2028\\u007f/": ["\\b\\f"]}');
    expect(pyJsonDumps(new PyDict([[1n, 0n], [1.5, 0n], [true, 0n], [null, 0n]]))).toBe(
      '{"1": 0, "1.5": 0, "true": 0, "null": 0}',
    );
    expect(() => pyJsonDumps(new PyBytes(new Uint8Array(1)))).toThrow(/not JSON serializable/);
  });

  it("loads keeps ints and floats apart and accepts Python's extensions", () => {
    expect(pyJsonLoads("1")).toBe(1n);
    expect(pyJsonLoads("-0")).toBe(0n);
    expect(pyJsonLoads("1.0")).toBe(1);
    expect(pyJsonLoads("1e2")).toBe(100);
    expect(pyJsonLoads(" -Infinity ")).toBe(-Infinity);
    expect(pyJsonLoads('"\\ud83d\\ude00\\/"')).toBe("😀/");
    expect(pyJsonLoads('{"a": 1, "b": 2, "a": 3}')).toEqual(new PyDict([["a", 3n], ["b", 2n]]));
    expect(pyJsonLoads("[]")).toEqual([]);
  });

  it("loads rejects what Python rejects", () => {
    for (const bad of ["", "01", "1.", ".5", "[1,]", '{"a":1,}', "'a'", '"\x01"', '"\\x41"', "nan", "1 2", "{1: 2}", "\ufeff1", "9".repeat(4301), "[".repeat(1001) + "]".repeat(1001)]) {
      let caught: unknown;
      try {
        pyJsonLoads(bad);
      } catch (e) {
        caught = e;
      }
      expect(isPyJsonError(caught), JSON.stringify(bad.slice(0, 20))).toBe(true);
    }
  });
});

describe("utf8 with surrogatepass", () => {
  it("round-trips lone surrogates and rejects invalid UTF-8", () => {
    const s = "a\ud800b\udfff😀é";
    const b = utf8EncodeSurrogatePass(s);
    expect(Buffer.from(b).toString("hex")).toBe("61eda080 62edbfbf f09f9880 c3a9".replace(/ /g, ""));
    expect(utf8DecodeSurrogatePass(b)).toBe(s);
    for (const bad of [[0xc0, 0x80], [0xe0, 0x80, 0x80], [0xf5, 0x80, 0x80, 0x80], [0xc3], [0x80]]) {
      expect(utf8DecodeSurrogatePass(Uint8Array.from(bad))).toBeUndefined();
    }
  });
});
