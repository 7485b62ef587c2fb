// The per-add_data overhead measurement: both arms write every point, and the figures are medians.
import { describe, expect, it } from "vitest";
import { measureOverhead } from "../src/overhead.js";

describe("measureOverhead", () => {
  it("times every point through the saver, through the bare block writers, and without writes", () => {
    const r = measureOverhead(5, 44, 16); // 220 points: a cold block and a warm half
    expect(r.points).toBe(220);
    for (const part of [r.cold, r.warm]) {
      expect(part.saver_us).toBeGreaterThan(0);
      expect(part.raw_us).toBeGreaterThan(0);
      expect(part.overhead_us).toBeCloseTo(part.saver_us - part.raw_us, 1);
    }
    // The same points with no HDF5 write cost less than with them, and still something.
    expect(r.js_only_us).toBeGreaterThan(0);
    expect(r.js_only_us).toBeLessThan(r.warm.saver_us);
  });
});
