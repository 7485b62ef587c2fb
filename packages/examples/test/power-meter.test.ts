import { describe, expect, it } from "vitest";
import { MockPowerMeter } from "../src/mock/power-meter.js";
import { peakAt } from "../src/mock/scene.js";
import { expectInvalidOptions } from "./helpers/errors.js";

describe("MockPowerMeter", () => {
  it("reads one finite float in W, deterministic for a seed and position", () => {
    const a = new MockPowerMeter({ seed: 4 });
    const b = new MockPowerMeter({ seed: 4 });
    b.read([0.7, 0.7]);
    const v = a.read([0.1, 0.2]);
    expect(typeof v).toBe("number");
    expect(Number.isFinite(v)).toBe(true);
    expect(b.read([0.1, 0.2])).toBe(v);
    expect(a.units).toBe("W");
  });

  it("is brighter where the spectral peak has more area", () => {
    const meter = new MockPowerMeter({ noise: 0 });
    const bright = [0.35, -0.25];
    const dim = [-0.9, -0.9];
    expect(meter.read(bright)).toBeGreaterThan(5 * meter.read(dim));
    const ratio = meter.read(bright) / meter.read(dim);
    const area = (p: number[]) => peakAt(p).height * peakAt(p).width;
    expect(ratio).toBeCloseTo(area(bright) / area(dim), 10);
  });

  it("adds seeded noise of about the requested size", () => {
    const noisy = new MockPowerMeter({ seed: 1, noise: 1e-5 });
    const clean = new MockPowerMeter({ seed: 1, noise: 0 });
    let sq = 0;
    for (let i = 0; i < 2000; i++) sq += (noisy.read([i / 2000, 0]) - clean.read([i / 2000, 0])) ** 2;
    const rms = Math.sqrt(sq / 2000);
    expect(rms).toBeGreaterThan(0.9e-5);
    expect(rms).toBeLessThan(1.1e-5);
    expect(new MockPowerMeter({ seed: 2, noise: 1e-5 }).read([0, 0])).not.toBe(noisy.read([0, 0]));
  });

  it("rejects unknown options and negative noise", () => {
    expect(() => new MockPowerMeter({ nois: 1 } as never)).toThrow(/unknown option 'nois'/);
    expectInvalidOptions([() => new MockPowerMeter({ noise: -1 })]);
  });
});
