import { describe, expect, it } from "vitest";
import { DataRaw, isModelTypeError, pyInt } from "../src/index.js";
import { f64 } from "./fixtures.js";

describe("pyInt", () => {
  it("turns an integral number into the bigint that stands for a Python int", () => {
    expect(pyInt(3)).toBe(3n);
    expect(pyInt(-0)).toBe(0n);
    expect(pyInt(2 ** 53 - 1)).toBe(9007199254740991n);
    expect(pyInt(12n)).toBe(12n);
    const dwa = new DataRaw("d", { data: [f64([1])], extraAttributes: { repeats: pyInt(3), gain: 3 } });
    expect(dwa.extraAttributes.get("repeats")).toBe(3n);
    expect(dwa.extraAttributes.get("gain")).toBe(3);
  });

  it("refuses numbers that are no exact integer", () => {
    for (const bad of [2.5, NaN, Infinity, 2 ** 53]) {
      let error: unknown;
      try {
        pyInt(bad);
      } catch (e) {
        error = e;
      }
      expect(isModelTypeError(error)).toBe(true);
      expect((error as Error).message).toBe(`pyInt needs an integer number (or a bigint), got ${String(bad)}`);
    }
    expect(() => pyInt("3" as never)).toThrow("pyInt needs an integer number (or a bigint), got string");
  });
});
