import { describe, expect, it } from "vitest";
import { hillClimb } from "../src/scan/hill-climb.js";
import { expectInvalidOptions } from "./helpers/errors.js";

/** A smooth bump with its top at (0.2, -0.1). */
const bump = ([x, y]: [number, number]) => Math.exp(-((x - 0.2) ** 2 + (y + 0.1) ** 2));

function walk(options: Parameters<typeof hillClimb>[0]) {
  const points: Array<[number, number]> = [];
  let step = Number.NaN;
  for (const p of hillClimb(options)) {
    points.push(p.position);
    step = p.step;
    p.report(bump(p.position));
  }
  return { points, step };
}

describe("hillClimb", () => {
  it("starts at the start, climbs to the top and stops once the step is below the tolerance", () => {
    const { points, step } = walk({ start: [-0.7, 0.6], seed: 4, tolerance: 0.002 });
    expect(points[0]).toEqual([-0.7, 0.6]);
    expect(points.length).toBeLessThan(500);
    expect(step).toBeLessThan(0.004);
    const best = points.reduce((a, b) => (bump(b) > bump(a) ? b : a));
    expect(Math.hypot(best[0] - 0.2, best[1] + 0.1)).toBeLessThan(0.02);
  });

  it("is a pure function of its options (same seed, same walk; another seed, another walk)", () => {
    const a = walk({ start: [0, 0], seed: 1 }).points;
    expect(walk({ start: [0, 0], seed: 1 }).points).toEqual(a);
    expect(walk({ start: [0, 0], seed: 2 }).points).not.toEqual(a);
  });

  it("stays within the bound and stops at maxPoints", () => {
    const { points } = walk({ start: [0.9, 0.9], seed: 3, step: 0.8, maxPoints: 30, bound: 1 });
    expect(points).toHaveLength(30);
    for (const [x, y] of points) expect(Math.max(Math.abs(x), Math.abs(y))).toBeLessThanOrEqual(1);
  });

  it("refuses to go on when a reading was not reported", () => {
    const it = hillClimb({ start: [0, 0] });
    it.next();
    expect(() => it.next()).toThrow(/report\(\) the reading/);
  });

  it("rejects unknown and out-of-range options", () => {
    expectInvalidOptions([
      () => hillClimb({ start: [0, 0], tolerence: 1 } as never).next(),
      () => hillClimb({ start: [0, 0], step: 0 }).next(),
      () => hillClimb({ start: [0, 0], patience: 1.5 }).next(),
      () => hillClimb({ start: [Number.NaN, 0] }).next(),
    ]);
  });
});
