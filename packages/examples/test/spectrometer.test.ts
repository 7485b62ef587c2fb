import { describe, expect, it } from "vitest";
import { peakAt } from "../src/mock/scene.js";
import { MockSpectrometer, SPECTROMETER_CHANNELS } from "../src/mock/spectrometer.js";
import { expectInvalidOptions } from "./helpers/errors.js";

function argmax(a: Float64Array): number {
  let best = 0;
  for (let i = 1; i < a.length; i++) if ((a[i] as number) > (a[best] as number)) best = i;
  return best;
}

describe("MockSpectrometer", () => {
  it("has two channels of 1024 float64 and a wavelength axis in nm from 400 by 0.5", () => {
    const s = new MockSpectrometer();
    const channels = s.acquire([0, 0]);
    expect(SPECTROMETER_CHANNELS).toEqual(["ch0", "ch1"]);
    expect(channels).toHaveLength(2);
    for (const c of channels) {
      expect(c).toBeInstanceOf(Float64Array);
      expect(c).toHaveLength(1024);
    }
    expect(s.wavelengths).toHaveLength(1024);
    expect(s.wavelengths[0]).toBe(400);
    expect(s.wavelengths[1023]).toBe(400 + 0.5 * 1023);
  });

  it("is deterministic for a seed and position, whatever was acquired before", () => {
    const a = new MockSpectrometer({ seed: 11 });
    const b = new MockSpectrometer({ seed: 11 });
    b.acquire([0.9, 0.9]);
    b.acquire([-0.3, 0.1]);
    expect(b.acquire([0.2, -0.4])).toEqual(a.acquire([0.2, -0.4]));
  });

  it("draws different noise for another seed or another position", () => {
    const a = new MockSpectrometer({ seed: 1 }).acquire([0.2, 0.2]);
    const b = new MockSpectrometer({ seed: 2 }).acquire([0.2, 0.2]);
    const c = new MockSpectrometer({ seed: 1 }).acquire([0.2, 0.2000001]);
    expect(a[0]).not.toEqual(b[0]);
    expect(a[0]).not.toEqual(c[0]);
  });

  it("puts ch0's maximum at the scene's peak centre, with the scene's height", () => {
    const s = new MockSpectrometer({ seed: 5, noise: 0 });
    for (const position of [[0.35, -0.25], [-0.45, 0.4], [0.8, 0.9]]) {
      const peak = peakAt(position);
      const [ch0, ch1] = s.acquire(position);
      const k = argmax(ch0);
      expect(Math.abs((s.wavelengths[k] as number) - peak.centre)).toBeLessThanOrEqual(0.25);
      expect(ch0[k]).toBeCloseTo(0.02 + peak.height, 3);
      // ch1 is the satellite: redder and weaker.
      expect(s.wavelengths[argmax(ch1)]).toBeGreaterThan(s.wavelengths[k] as number);
      expect(Math.max(...ch1)).toBeLessThan(ch0[k] as number);
    }
  });

  it("varies the peak smoothly with position", () => {
    const s = new MockSpectrometer({ noise: 0 });
    const here = s.acquire([0.1, 0.1])[0];
    const near = s.acquire([0.1 + 1e-3, 0.1])[0];
    const far = s.acquire([0.9, -0.9])[0];
    const dist = (x: Float64Array, y: Float64Array) => Math.max(...x.map((v, i) => Math.abs(v - (y[i] as number))));
    expect(dist(here, near)).toBeLessThan(0.01);
    expect(dist(here, far)).toBeGreaterThan(0.1);
  });

  it("adds noise of the requested standard deviation", () => {
    const s = new MockSpectrometer({ seed: 3, noise: 0.05 });
    const clean = new MockSpectrometer({ seed: 3, noise: 0 });
    const [noisy] = s.acquire([0, 0]);
    const [ref] = clean.acquire([0, 0]);
    let sq = 0;
    for (let i = 0; i < noisy.length; i++) sq += ((noisy[i] as number) - (ref[i] as number)) ** 2;
    expect(Math.sqrt(sq / noisy.length)).toBeGreaterThan(0.04);
    expect(Math.sqrt(sq / noisy.length)).toBeLessThan(0.06);
  });

  it("honours length, start and step", () => {
    const s = new MockSpectrometer({ length: 16, start: 500, step: 2 });
    expect(Array.from(s.wavelengths.slice(0, 3))).toEqual([500, 502, 504]);
    expect(s.acquire([0])[1]).toHaveLength(16);
  });

  it("rejects unknown options and bad values", () => {
    const bad = [{ sede: 1 }, { length: 0 }, { length: 1.5 }, { step: 0 }, { noise: -1 }, { seed: Number.NaN }];
    expectInvalidOptions(bad.map((options) => () => new MockSpectrometer(options as never)));
    expect(() => new MockSpectrometer({ sede: 1 } as never)).toThrow(/unknown option 'sede'/);
  });
});
