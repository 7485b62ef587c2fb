import { describe, expect, it } from "vitest";
import { autoChunks, dtypeItemSize } from "../src/index.js";

describe("autoChunks", () => {
  it("gives ~64 KiB chunks along a growing first axis", () => {
    expect(autoChunks("float64", [0], { maxshape: [null] })).toEqual([8192]);
    expect(autoChunks("uint8", [0], { maxshape: [null] })).toEqual([65536]);
    expect(autoChunks("float64", [0, 256], { maxshape: [null, 256] })).toEqual([32, 256]);
    expect(autoChunks("float64", [0, 10], { maxshape: [null, 10] })).toEqual([819, 10]);
    expect(autoChunks("int64", [0, 3], { maxshape: [null, 3] })).toEqual([2730, 3]);
    expect(autoChunks("float64", [0, 5, 6], { maxshape: [null, 5, 6] })).toEqual([273, 5, 6]);
  });

  it("matches PyTables for fixed arrays up to the fixed extents", () => {
    expect(autoChunks("float64", [1000, 1000])).toEqual([8, 1000]);
    expect(autoChunks("float64", [10])).toEqual([10]);
    expect(autoChunks("float64", [10], { maxshape: [8192] })).toEqual([8192]);
    expect(autoChunks("float64", [3, 4, 5], { maxshape: [409, 4, 5] })).toEqual([409, 4, 5]);
  });

  it("splits rows larger than the budget, keeping every chunk within 1 MiB", () => {
    const chunks = autoChunks("float64", [0, 1000, 1000], { maxshape: [null, 1000, 1000] });
    expect(chunks).toEqual([1, 65, 1000]); // PyTables gives the same for an EARRAY (0, 1000, 1000)
    const big = autoChunks("float64", [0, 4096], { maxshape: [null, 4096], expectedRows: 1e7 });
    const bytes = big.reduce((a, b) => a * b, 1) * dtypeItemSize("float64");
    expect(bytes).toBeLessThanOrEqual(1024 * 1024);
    expect(bytes).toBeGreaterThan(64 * 1024);
  });

  it("rejects scalars, bad shapes and unknown options", () => {
    expect(() => autoChunks("float64", [])).toThrow(/scalar dataset cannot be chunked/);
    expect(() => autoChunks("float64", [-1])).toThrow(/shape\[0\]/);
    expect(() => autoChunks("float64", [1], { rows: 3 } as never)).toThrow(/unknown option "rows"/);
    expect(() => autoChunks("float64", [1], { maxshape: [1, 2] })).toThrow(/options.maxshape/);
    expect(() => autoChunks("half" as never, [1])).toThrow(/unknown dtype/);
  });
});
