import { describe, expect, it } from "vitest";
import { randomStream, streamKey } from "../src/mock/random.js";

describe("streamKey", () => {
  it("is a pure function of seed and coordinates", () => {
    expect(streamKey(3, [0.5, -1])).toBe(streamKey(3, [0.5, -1]));
  });
  it("changes with the seed, each coordinate, their order and their count", () => {
    const base = streamKey(3, [0.5, -1]);
    const others = [streamKey(4, [0.5, -1]), streamKey(3, [0.5, -0.999]), streamKey(3, [-1, 0.5]), streamKey(3, [0.5]), streamKey(3, [0.5, -1, 0])];
    expect(new Set([base, ...others]).size).toBe(6);
  });
  it("tells apart coordinates that differ only in the low bits", () => {
    expect(streamKey(0, [1])).not.toBe(streamKey(0, [1 + Number.EPSILON]));
  });
});

describe("randomStream", () => {
  it("replays the same sequence from the same key", () => {
    const a = randomStream(42);
    const b = randomStream(42);
    const seqA = Array.from({ length: 20 }, () => a.normal());
    const seqB = Array.from({ length: 20 }, () => b.normal());
    expect(seqA).toEqual(seqB);
  });
  it("gives uniforms in [0, 1) with mean near 1/2", () => {
    const r = randomStream(7);
    let sum = 0;
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < 20000; i++) {
      const u = r.uniform();
      lo = Math.min(lo, u);
      hi = Math.max(hi, u);
      sum += u;
    }
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThan(1);
    expect(sum / 20000).toBeCloseTo(0.5, 1);
  });
  it("gives normals with mean near 0 and standard deviation near 1", () => {
    const r = randomStream(9);
    const n = 40000;
    let sum = 0;
    let sq = 0;
    for (let i = 0; i < n; i++) {
      const x = r.normal();
      sum += x;
      sq += x * x;
    }
    expect(Number.isFinite(sq)).toBe(true);
    const mean = sum / n;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.sqrt(sq / n - mean * mean)).toBeCloseTo(1, 1);
  });
});
