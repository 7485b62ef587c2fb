import { describe, expect, it } from "vitest";
import { H5ArgumentError, pytablesChunkShape, pytablesMaxShape } from "../src/index.js";

const carray = (shape: number[], itemSize: number) => pytablesChunkShape(shape, itemSize, shape[0]!);
const earray = (shape: number[], itemSize: number) => pytablesChunkShape(shape, itemSize, 1000);

describe("pytablesChunkShape", () => {
  it("file-format.md Appendix A examples", () => {
    expect(carray([10], 8)).toEqual([8192]);
    expect(carray([5, 6], 8)).toEqual([1365, 6]);
    expect(carray([3, 4, 5], 8)).toEqual([409, 4, 5]);
    expect(carray([1000, 1000], 8)).toEqual([8, 1000]);
    expect(carray([3], 1)).toEqual([65536]);
    expect(earray([0, 10], 8)).toEqual([819, 10]);
    expect(earray([0, 1000, 1000], 8)).toEqual([1, 65, 1000]);
  });

  it("file-format.md §4.3 EARRAY examples", () => {
    expect(earray([0, 1], 8)).toEqual([8192, 1]);
    expect(earray([0, 3], 8)).toEqual([2730, 3]);
    expect(earray([0, 5, 6], 8)).toEqual([273, 5, 6]);
  });

  it("file-format.md Appendix A: the CARRAY chunks of the fixtures", () => {
    expect(carray([4], 8)).toEqual([8192]);
    expect(carray([4], 4)).toEqual([16384]);
    expect(carray([4], 2)).toEqual([32768]);
    expect(carray([4], 1)).toEqual([65536]);
    expect(carray([4], 16)).toEqual([4096]);
    expect(carray([3, 4], 8)).toEqual([2048, 4]);
    expect(carray([2, 3], 8)).toEqual([2730, 3]);
  });

  it("WORKLOADS: (50, 40) float64 has max dims (204, 40); 50 points have (8192,)", () => {
    const c = carray([50, 40], 8);
    expect(c).toEqual([204, 40]);
    expect(pytablesMaxShape([50, 40], c)).toEqual([204, 40]);
    expect(pytablesMaxShape([50], carray([50], 8))).toEqual([8192]);
  });

  it("the VLARRAY of uint8 (Logger) gets (65536,)", () => {
    expect(earray([0], 1)).toEqual([65536]);
  });

  it("grows the chunk with the expected size (zones of 10x MB)", () => {
    // 200 MB of rows: zone 2 -> 256 KiB chunks.
    expect(carray([25_000, 1000], 8)).toEqual([32, 1000]);
    // Beyond 10^7 MB the size is clamped.
    expect(pytablesChunkShape([1, 1], 8, 2 ** 53 - 1)).toEqual([1_048_576, 1]) // zone 7: 8 MiB chunks;
  });

  it("falls back to the last dimension when every dimension is trimmed", () => {
    expect(carray([2, 100_000], 8)).toEqual([1, 8192]);
  });

  it("rejects scalars and bad sizes", () => {
    expect(() => pytablesChunkShape([], 8, 0)).toThrow(H5ArgumentError);
    expect(() => pytablesChunkShape([1.5], 8, 1)).toThrow(H5ArgumentError);
    expect(() => pytablesChunkShape([3], 0, 3)).toThrow(H5ArgumentError);
    expect(() => pytablesMaxShape([1, 2], [1])).toThrow(H5ArgumentError);
  });
});
