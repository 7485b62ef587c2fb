import { Axis, DataRaw, NDArray } from "@pymodaq-ts/data-model";
import { describe, expect, it } from "vitest";
import { describeAxis, describeData, formatMB, formatNumber, formatShape } from "../src/report/describe.js";

describe("describe", () => {
  it("formats sizes in B, kB and MB", () => {
    expect([formatMB(0), formatMB(999), formatMB(32_768), formatMB(3_145_728), formatMB(67_141_632)]).toEqual([
      "0 B", "999 B", "32.8 kB", "3.15 MB", "67.1 MB",
    ]);
  });

  it("formats numbers with enough digits", () => {
    expect([formatNumber(0.35), formatNumber(-1), formatNumber(911.5), formatNumber(8.23e-4), formatNumber(1795663477.2, 13)]).toEqual([
      "0.35", "-1", "911.5", "8.230e-4", "1795663477.2",
    ]);
  });

  it("splits the shape into navigation | signal and lists the axes with their ranges", () => {
    const dwa = new DataRaw("spectrum", {
      data: [NDArray.zeros([3, 4, 5]), NDArray.zeros([3, 4, 5])],
      labels: ["a", "b"],
      navIndexes: [0, 1],
      units: "V",
      axes: [
        new Axis("x", "mm", NDArray.linspace(-1, 1, 3), { index: 0 }),
        new Axis("y", "", new NDArray("float64", [4], Float64Array.of(0, 5, 7, 8)), { index: 1 }),
        new Axis("wavelength", "nm", null, { offset: 400, scaling: 0.5, size: 5, index: 2 }),
      ],
    });
    expect(formatShape(dwa)).toBe("(3, 4 | 5)");
    expect(describeData(dwa, "> ")).toEqual([
      "> spectrum: DataND, shape (3, 4 | 5), 2 channels [a, b], float64, units V, 960 B",
      ">   axis x (mm), index 0: 3 values from -1 to 1",
      ">   axis y, index 1: 4 values from 0 to 8",
      // a linear axis ends at its last sample, not one step past it
      ">   axis wavelength (nm), index 2: 5 values from 400 to 402",
    ]);
    expect(describeAxis(new Axis("t", "s", null, { offset: 0, scaling: 1, size: 0 }))).toBe("axis t (s), index 0: no values");
  });
});
