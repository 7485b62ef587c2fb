// The statistics rules shared with the C program.
import { describe, expect, it } from "vitest";
import { median, opStats, p95 } from "../src/stats.js";

describe("stats", () => {
  it("median takes the middle, or the mean of the two middle values", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it("p95 is the nearest rank", () => {
    const xs = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1
    expect(p95(xs)).toBe(95);
    expect(p95([5, 1])).toBe(5); // ceil(1.9) = 2
    expect(p95([7])).toBe(7);
    expect(p95(Array.from({ length: 2000 }, (_, i) => i))).toBe(1899);
  });

  it("opStats summarises op durations and keeps the first one", () => {
    expect(opStats([0.5, 0.25, 0.75, 1])).toEqual({ op_med_s: 0.625, op_mean_s: 0.625, op_p95_s: 1, op_max_s: 1, op_first_s: 0.5, n_ops: 4 });
    expect(opStats([])).toEqual({ op_med_s: 0, op_mean_s: 0, op_p95_s: 0, op_max_s: 0, op_first_s: 0, n_ops: 0 });
  });
});
