import path from "node:path";
import { tempDir } from "@pymodaq-ts/test-support";
import { DataLoader, EARRAY } from "@pymodaq-ts/data-saving";
import { beforeEach, describe, expect, it } from "vitest";
import { EXIT } from "../src/cli.js";
import { ADAPTIVE_FILE, ADAPTIVE_NODES, brightestPoint } from "../src/examples/adaptive.js";
import { MockPowerMeter } from "../src/mock/power-meter.js";
import { MockSpectrometer } from "../src/mock/spectrometer.js";
import { runExample } from "./helpers/run-example.js";

let tmp: string;
beforeEach(() => {
  tmp = tempDir("examples-adaptive");
});

describe("adaptive", () => {
  it("appends a walk of unknown length with two enlargeable axes; every point reloads with its x, y and reading", async () => {
    const r = await runExample(["adaptive", "--pixels", "16", "--seed", "2", "--out", tmp], tmp);
    expect(r.code, r.stderr).toBe(EXIT.ok);
    const points = Number(/: (\d+) points in /.exec(r.stdout)?.[1]);
    expect(points).toBeGreaterThan(5);
    expect(r.stdout).toContain("(step below 0.005 mm)");

    using loader = new DataLoader(path.join(tmp, ADAPTIVE_FILE));
    const navAxes = ["Axis00", "Axis01"].map((n) => loader.getNode(`${ADAPTIVE_NODES.detector}/NavAxes/${n}`));
    expect(navAxes.every((n) => n instanceof EARRAY)).toBe(true);
    expect(navAxes.map((n) => n.title)).toEqual(["x", "y"]);
    expect(navAxes.map((n) => n.attrs.get("size"))).toEqual([BigInt(points), BigInt(points)]);

    const power = loader.loadData(ADAPTIVE_NODES.power);
    expect(power.shape).toEqual([points]);
    const xs = power.getAxisFromLabel("x")?.getData().data as Float64Array;
    const ys = power.getAxisFromLabel("y")?.getData().data as Float64Array;
    expect([xs.length, ys.length]).toEqual([points, points]);
    const spectra = loader.loadData(ADAPTIVE_NODES.spectrum, { loadAll: true });
    expect(spectra.shape).toEqual([points, 16]);
    const meter = new MockPowerMeter({ seed: 2 });
    const spectro = new MockSpectrometer({ seed: 2, length: 16 });
    for (const i of [0, Math.floor(points / 2), points - 1]) {
      const position = [xs[i] as number, ys[i] as number];
      expect((power.at(0).data as Float64Array)[i]).toBe(meter.read(position));
      expect(Array.from((spectra.at(1).data as Float64Array).subarray(i * 16, (i + 1) * 16))).toEqual(Array.from(spectro.acquire(position)[1]));
    }
    // The walk climbs: its best reading is the bright spot's, near (0.35, -0.25) mm.
    const best = brightestPoint(power);
    expect(Math.hypot(best.x - 0.35, best.y + 0.25)).toBeLessThan(0.1);
    expect(r.stdout).toContain(`at x = ${best.x.toFixed(3)} mm, y = ${best.y.toFixed(3)} mm`);
  });

  it("stops at --max-points when the walk is not done", async () => {
    const r = await runExample(["adaptive", "--max-points", "4", "--pixels", "8", "--out", tmp], tmp);
    expect(r.code, r.stderr).toBe(EXIT.ok);
    expect(r.stdout).toContain("4 points in");
    expect(r.stdout).toContain("(--max-points 4 reached)");
    using loader = new DataLoader(path.join(tmp, ADAPTIVE_FILE));
    expect(loader.loadData(ADAPTIVE_NODES.power).shape).toEqual([4]);
  });
});
