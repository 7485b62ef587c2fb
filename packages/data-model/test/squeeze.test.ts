import { describe, expect, it } from "vitest";
import { NDArray, squeeze } from "../src/index.js";

describe("squeeze (data-model.md §9)", () => {
  const cases: [number[], number[] | null, number[]][] = [
    [[1, 1], null, [1]],
    [[1, 1], [], [1, 1]],
    [[1, 3, 1], [2], [1, 3]],
    [[], null, [1]],
    [[3, 1], [1], [3]],
  ];
  for (const [input, indexes, output] of cases) {
    it(`(${input.join(",")}) with ${indexes === null ? "null" : `(${indexes.join(",")})`} gives (${output.join(",")})`, () => {
      expect(squeeze(NDArray.zeros(input), true, indexes).shape).toEqual(output);
    });
  }

  it("doSqueeze false only makes the array at least 1-D", () => {
    expect(squeeze(NDArray.zeros([1, 1]), false).shape).toEqual([1, 1]);
    expect(squeeze(NDArray.zeros([]), false).shape).toEqual([1]);
  });

  it("listing a dimension whose length is not 1 is an error", () => {
    expect(() => squeeze(NDArray.zeros([3, 1]), true, [0])).toThrow(expect.objectContaining({ name: "ModelValueError" }));
  });

  it("returns a view sharing the buffer", () => {
    const a = NDArray.zeros([1, 4]);
    expect(squeeze(a).data).toBe(a.data);
  });
});
