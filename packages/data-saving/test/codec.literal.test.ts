import { NpScalar, PyBytes, PyComplex, PyDict, PyRepr, PyTuple } from "@pymodaq-ts/data-model";
import { describe, expect, it } from "vitest";
import { isPyLiteralError, type PyLiteralError } from "../src/codec/errors.js";
import { isInvalidTypeError, isInvalidValueError } from "../src/errors.js";
import { parsePyLiteral } from "../src/codec/literal.js";

function literalError(text: string, limits?: Parameters<typeof parsePyLiteral>[1]): PyLiteralError {
  try {
    parsePyLiteral(text, limits);
  } catch (e) {
    if (isPyLiteralError(e)) return e;
    throw e;
  }
  throw new Error(`accepted ${JSON.stringify(text.slice(0, 40))}`);
}

describe("parsePyLiteral: grammar of file-format.md §2.5", () => {
  it("constants and numbers", () => {
    expect(parsePyLiteral("True")).toBe(true);
    expect(parsePyLiteral("False")).toBe(false);
    expect(parsePyLiteral("None")).toBe(null);
    expect(parsePyLiteral("42")).toBe(42n);
    expect(parsePyLiteral("-7")).toBe(-7n);
    expect(parsePyLiteral("+7")).toBe(7n);
    expect(parsePyLiteral("--7")).toBe(7n);
    expect(parsePyLiteral("18446744073709551616")).toBe(2n ** 64n);
    expect(parsePyLiteral("1_000")).toBe(1000n);
    expect(parsePyLiteral("0x1f")).toBe(31n);
    expect(parsePyLiteral("0o17")).toBe(15n);
    expect(parsePyLiteral("0b101")).toBe(5n);
    expect(parsePyLiteral("000")).toBe(0n);
    expect(parsePyLiteral("1.5")).toBe(1.5);
    expect(parsePyLiteral("1.")).toBe(1);
    expect(parsePyLiteral(".5")).toBe(0.5);
    expect(parsePyLiteral("1e-05")).toBe(1e-5);
    expect(parsePyLiteral("1E+16")).toBe(1e16);
    expect(parsePyLiteral("01.5")).toBe(1.5);
    expect(parsePyLiteral("1e400")).toBe(Infinity);
    expect(Object.is(parsePyLiteral("-0.0"), -0)).toBe(true);
    expect(parsePyLiteral("0.22000000000000028")).toBe(0.22000000000000028);
  });

  it("complex numbers", () => {
    expect(parsePyLiteral("1j")).toEqual(new PyComplex(0, 1));
    expect(parsePyLiteral("(1+2j)")).toEqual(new PyComplex(1, 2));
    expect(parsePyLiteral("(1.5-2.5j)")).toEqual(new PyComplex(1.5, -2.5));
    expect(parsePyLiteral("-1j")).toEqual(new PyComplex(-0, -1));
    expect(parsePyLiteral("(-0-0j)")).toEqual(new PyComplex(0, 0));
  });

  it("strings: both quotes, escapes, prefixes, triple quotes, concatenation", () => {
    expect(parsePyLiteral("'abc'")).toBe("abc");
    expect(parsePyLiteral('"it\'s"')).toBe("it's");
    expect(parsePyLiteral("'a\\'b\"c'")).toBe("a'b\"c");
    expect(parsePyLiteral("'a\\\\b'")).toBe("a\\b");
    expect(parsePyLiteral("'l1\\nl2\\t\\r'")).toBe("l1\nl2\t\r");
    expect(parsePyLiteral("'\\x00\\x1f\\x7f\\xa0'")).toBe("\x00\x1f\x7f\xa0");
    expect(parsePyLiteral("'\\u200b\\U0001f600'")).toBe("\u200b😀");
    expect(parsePyLiteral("'\\a\\b\\f\\v\\0\\101\\1234'")).toBe("\x07\b\f\v\0A\u{53}4");
    expect(parsePyLiteral("'\\q'")).toBe("\\q");
    expect(parsePyLiteral("'µm é €'")).toBe("µm é €");
    expect(parsePyLiteral("u'x'")).toBe("x");
    expect(parsePyLiteral("r'a\\nb\\''")).toBe("a\\nb\\'");
    expect(parsePyLiteral("'''a'b\nc'''")).toBe("a'b\nc");
    expect(parsePyLiteral('"""x"""')).toBe("x");
    expect(parsePyLiteral("'a' \"b\"")).toBe("ab");
    expect(parsePyLiteral("'a\\\nb'")).toBe("ab");
    expect(parsePyLiteral("''")).toBe("");
  });

  it("bytes", () => {
    expect(parsePyLiteral("b'a\\x00'")).toEqual(new PyBytes(Uint8Array.of(0x61, 0)));
    expect(parsePyLiteral("B\"'\"")).toEqual(new PyBytes(Uint8Array.of(0x27)));
    expect(parsePyLiteral("b'\\u'")).toEqual(new PyBytes(Uint8Array.of(0x5c, 0x75)));
    expect(parsePyLiteral("rb'\\n'")).toEqual(new PyBytes(Uint8Array.of(0x5c, 0x6e)));
    expect(parsePyLiteral("b'a' b'b'")).toEqual(new PyBytes(Uint8Array.of(0x61, 0x62)));
    expect(parsePyLiteral("b''")).toEqual(new PyBytes(new Uint8Array(0)));
  });

  it("tuples, lists, dicts and nesting", () => {
    expect(parsePyLiteral("()")).toEqual(new PyTuple([]));
    expect(parsePyLiteral("(0,)")).toEqual(PyTuple.ofInts([0]));
    expect(parsePyLiteral("(1)")).toBe(1n);
    expect(parsePyLiteral("(1, 2,)")).toEqual(PyTuple.ofInts([1, 2]));
    expect(parsePyLiteral("1, 2")).toEqual(PyTuple.ofInts([1, 2]));
    expect(parsePyLiteral("((1, 2), (3,))")).toEqual(new PyTuple([PyTuple.ofInts([1, 2]), PyTuple.ofInts([3])]));
    expect(parsePyLiteral("[1, 'a', 2.5]")).toEqual([1n, "a", 2.5]);
    expect(parsePyLiteral("[]")).toEqual([]);
    expect(parsePyLiteral(" [ 1 ,\n 2 , ] ")).toEqual([1n, 2n]);
    expect(parsePyLiteral("{}")).toEqual(new PyDict([]));
    expect(parsePyLiteral("{'a': 1, (1, 'b'): [None]}")).toEqual(
      new PyDict([["a", 1n], [new PyTuple([1n, "b"]), [null]]]),
    );
  });

  it("dict keys collide as in Python: 1, 1.0 and True are one key", () => {
    expect(parsePyLiteral("{1: 'a', 1.0: 'b', True: 'c', 'x': 0}")).toEqual(new PyDict([[1n, "c"], ["x", 0n]]));
  });

  it("NumPy >= 2 scalar reprs", () => {
    expect(parsePyLiteral("np.float64(1.5)")).toEqual(new NpScalar("float64", 1.5));
    expect(parsePyLiteral("numpy.int64(3)")).toEqual(new NpScalar("int64", 3n));
    expect(parsePyLiteral("np.float32(0.1)")).toEqual(new NpScalar("float32", Math.fround(0.1)));
    expect(parsePyLiteral("np.uint16(65535)")).toEqual(new NpScalar("uint16", 65535n));
    expect(parsePyLiteral("np.True_")).toEqual(new NpScalar("bool_", true));
    expect(parsePyLiteral("np.bool_(False)")).toEqual(new NpScalar("bool_", false));
    expect(parsePyLiteral("np.complex128(1+2j)")).toEqual(new NpScalar("complex128", [1, 2]));
    expect(parsePyLiteral("np.str_('x')")).toBe("x");
    expect(parsePyLiteral("(0, np.int64(1))")).toEqual(new PyTuple([0n, new NpScalar("int64", 1n)]));
  });

  it("datetime constructors come back as Python's repr", () => {
    expect(parsePyLiteral("datetime.datetime(2024, 1, 2, 3, 4, 5)")).toEqual(
      new PyRepr("datetime.datetime(2024, 1, 2, 3, 4, 5)"),
    );
    expect(parsePyLiteral("datetime.datetime(2024, 1, 2)")).toEqual(new PyRepr("datetime.datetime(2024, 1, 2, 0, 0)"));
    expect(parsePyLiteral("datetime.datetime(2024, 2, 29, 0, 0, 0, 5)")).toEqual(
      new PyRepr("datetime.datetime(2024, 2, 29, 0, 0, 0, 5)"),
    );
    expect(parsePyLiteral("datetime.date(2024, 1, 2)")).toEqual(new PyRepr("datetime.date(2024, 1, 2)"));
    expect(parsePyLiteral("datetime.time(3, 4, 5, 678901)")).toEqual(new PyRepr("datetime.time(3, 4, 5, 678901)"));
    expect(parsePyLiteral("datetime.time()")).toEqual(new PyRepr("datetime.time(0, 0)"));
  });
});

describe("parsePyLiteral rejects everything else with PyLiteralError", () => {
  const hostile: [string, string][] = [
    ["__import__('os')", "names"],
    ["__import__('os').system('rm -rf /')", "names"],
    ["os", "names"],
    ["nan", "names"],
    ["inf", "names"],
    ["eval('1')", "names"],
    ["print(1)", "names"],
    ["(1).real", "attribute access"],
    ["'a'.upper()", "attribute access"],
    ["1.real", "attribute access"],
    ["np.array([1])", "np call"],
    ["np.nan", "np attribute"],
    ["np.float64.__class__", "np attribute"],
    ["datetime.timedelta(1)", "timedelta"],
    ["datetime.datetime(2024, 1, 2, tzinfo=None)", "keyword"],
    ["datetime.datetime(2023, 2, 29)", "bad date"],
    ["datetime.date(2024, 13, 1)", "bad month"],
    ["np.int8(128)", "int8 overflow"],
    ["np.int64('3')", "str argument"],
    ["1 + 2", "arithmetic"],
    ["2 * 3", "arithmetic"],
    ["[1, 2][0]", "indexing"],
    ["lambda: 0", "lambda"],
    ["{1, 2}", "set"],
    ["{[1]: 2}", "unhashable key"],
    ["-'a'", "unary on str"],
    ["f'x'", "f-string"],
    ["'abc", "unterminated"],
    ['"abc', "unterminated"],
    ["'''abc''", "unterminated triple"],
    ["'a\nb'", "newline in string"],
    ["'\\x4'", "short \\x"],
    ["'\\N{BULLET}'", "\\N escape"],
    ["b'é'", "non-ASCII bytes"],
    ["'a' b'b'", "str + bytes"],
    ["(1, 2", "unclosed tuple"],
    ["[1, 2", "unclosed list"],
    ["{'a': 1", "unclosed dict"],
    ["(,)", "lonely comma"],
    ["[1,,2]", "double comma"],
    ["01", "leading zero"],
    ["1_", "trailing underscore"],
    ["0x", "empty hex"],
    ["1abc", "bad suffix"],
    ["", "empty"],
    ["   ", "blank"],
    ["1 2", "two literals"],
    ["True()", "call on a constant"],
    ["Truee", "name"],
  ];
  it.each(hostile)("%s (%s)", (text) => {
    const e = literalError(text);
    expect(e.position).toBeGreaterThanOrEqual(0);
    expect(e.position).toBeLessThanOrEqual(text.length);
  });

  it("names the offset of the problem", () => {
    expect(literalError("(1, os)").position).toBe(4);
    expect(literalError("[1, 'abc").position).toBe(4);
  });

  it("deep nesting is refused before it can exhaust the stack", () => {
    expect(literalError("(".repeat(100_000) + ")".repeat(100_000)).message).toMatch(/nesting/);
    expect(literalError("[".repeat(65) + "]".repeat(65)).message).toMatch(/nesting/);
    expect(parsePyLiteral("[".repeat(64) + "]".repeat(64))).toBeInstanceOf(Array);
    expect(literalError("-".repeat(100_000) + "1").message).toMatch(/nesting/);
  });

  it("10^6-digit numbers are refused (Python's 4300-digit int limit)", () => {
    expect(literalError("1".repeat(1_000_000)).message).toMatch(/longer than 4300/);
    expect(literalError("0." + "1".repeat(1_000_000)).message).toMatch(/longer than 4300/);
    expect(parsePyLiteral("9".repeat(4300))).toBe(10n ** 4300n - 1n);
  });

  it("limits are configurable and validated", () => {
    expect(literalError("[[1]]", { maxDepth: 1 }).message).toMatch(/nesting/);
    expect(literalError("'abcdef'", { maxLength: 4 }).message).toMatch(/longer than 4/);
    expect(literalError("12345", { maxNumberLength: 4 }).message).toMatch(/longer than 4/);
    for (const bad of [{ maxDepht: 3 }, { maxDepth: 0 }, { maxDepth: 1e6 }, { maxLength: 1.5 }]) {
      let caught: unknown;
      try {
        parsePyLiteral("1", bad as never);
      } catch (e) {
        caught = e;
      }
      const expected = "maxDepht" in bad ? isInvalidTypeError(caught) : isInvalidValueError(caught);
      expect(expected, JSON.stringify(bad)).toBe(true);
    }
  });
});
