// The per-add_data overhead measurement: both arms write every point, and the figures are medians.
import { describe, expect, it } from "vitest";
import { measureOverhead } from "../src/overhead.js";

describe("measureOverhead", () => {
  it("times every point through the saver and through the bare block writers", () => {
    const r = measureOverhead(5, 44, 16); // 220 points: a cold block and a warm half
    expect(r.points).toBe(220);
    for (const part of [r.cold, r.warm]) {
      expect(part.saver_us).toBeGreaterThan(0);
      expect(part.raw_us).toBeGreaterThan(0);
      expect(part.overhead_us).toBeCloseTo(part.saver_us - part.raw_us, 1);
    }
  });
});
