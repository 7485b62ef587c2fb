import { describe, expect, it } from "vitest";
import { compareCodePoints, parsePyJson, pyEquals, PyJsonSyntaxError } from "../src/py-json.js";

describe("parsePyJson", () => {
  it("keeps Python's int / float distinction: integer literals are bigints, other numbers floats", () => {
    expect(parsePyJson('{"a": 1, "b": 1.0, "c": -0, "d": 1e5, "e": 12345678901234567890, "f": -0.0}')).toEqual({
      a: 1n,
      b: 1,
      c: 0n,
      d: 100000,
      e: 12345678901234567890n,
      f: -0,
    });
  });

  it("reads Python's bare NaN / Infinity tokens, escapes and surrogate pairs", () => {
    const v = parsePyJson('[NaN, Infinity, -Infinity, "d\\u00e9j\\u00e0 \\ud83d\\ude00 \\n\\"", true, false, null]') as unknown[];
    expect(Number.isNaN(v[0])).toBe(true);
    expect(v.slice(1)).toEqual([Infinity, -Infinity, 'déjà 😀 \n"', true, false, null]);
  });

  it("keeps `__proto__` as a data key and the last of repeated keys", () => {
    const v = parsePyJson('{"__proto__": 1, "k": 1, "k": 2}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(Object.keys(v)).toEqual(["__proto__", "k"]);
    expect(v.k).toBe(2n);
  });

  it.each(["", "[1,]", '{"a" 1}', "01", "1.", '"\u0001"', "[1] 2", '"\\x"', "-"])("rejects %j with its offset", (text) => {
    expect(() => parsePyJson(text)).toThrow(PyJsonSyntaxError);
  });
});

describe("pyEquals and compareCodePoints", () => {
  it("compares like Python's ==: bools, ints and floats as numbers, containers deeply", () => {
    expect(pyEquals(true, 1n)).toBe(true);
    expect(pyEquals(1n, 1)).toBe(true);
    expect(pyEquals(2n ** 60n + 1n, 2 ** 60)).toBe(false);
    expect(pyEquals({ a: [1n, "x"] }, { a: [1, "x"] })).toBe(true);
    expect(pyEquals({ a: 1n }, { a: 1n, b: null })).toBe(false);
    expect(pyEquals(NaN, NaN)).toBe(false);
    expect(pyEquals("1", 1n)).toBe(false);
  });

  it("orders strings by code point as Python does (JavaScript's < puts an astral character before U+FFFD)", () => {
    expect(["\u{1F4C1}", "\uFFFD", "a"].sort(compareCodePoints)).toEqual(["a", "\uFFFD", "\u{1F4C1}"]);
  });
});
