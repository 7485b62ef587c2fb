import { existsSync } from "node:fs";
import path from "node:path";
import { tempDir } from "@pymodaq-ts/test-support";
import { CARRAY, DataLoader, GROUP } from "@pymodaq-ts/data-saving";
import { beforeEach, describe, expect, it } from "vitest";
import { EXIT } from "../src/cli.js";
import { SCAN_FILE, SCAN_NODES } from "../src/examples/scan2d.js";
import { MockPowerMeter } from "../src/mock/power-meter.js";
import { MockSpectrometer } from "../src/mock/spectrometer.js";
import { loggerMessages } from "../src/report/logger-messages.js";
import { scanGrid } from "../src/scan/grid.js";
import { startExample } from "./helpers/child.js";
import { expectPictureFiles, runExample } from "./helpers/run-example.js";

let tmp: string;
beforeEach(() => {
  tmp = tempDir("examples-scan2d");
});

const NX = 6;
const NY = 5;
const SEED = 3;
const SPECTRO = "/RawData/Scan000/Detector000";
const METER = "/RawData/Scan000/Detector001";

describe("scan2d", () => {
  it("saves a scan that loads back with its shapes, axes and the detectors' values at sampled points", async () => {
    const r = await runExample(["scan2d", "--nx", String(NX), "--ny", String(NY), "--seed", String(SEED), "--out", "o"], tmp);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(EXIT.ok);
    const file = path.join(tmp, "o", SCAN_FILE);
    expect(r.stdout).toContain(`saved ${file}`);
    expect(r.stdout).toContain(`${NX * NY} points`);
    expect(r.stdout).toMatch(/ s in the savers \([\d.]+ s of CPU\): \d+ MB\/s/);

    const grid = scanGrid({ nx: NX, ny: NY });
    const spectro = new MockSpectrometer({ seed: SEED });
    const meter = new MockPowerMeter({ seed: SEED });
    using loader = new DataLoader(file);
    const spectra = loader.loadData(`${SPECTRO}/${SCAN_NODES.spectrum}`, { loadAll: true });
    expect(spectra.shape).toEqual([NX, NY, 1024]);
    expect(spectra.navIndexes).toEqual([0, 1]);
    expect(spectra.labels).toEqual(["ch0", "ch1"]);
    const axis = (i: number) => spectra.getAxisFromIndex(i)[0];
    expect([axis(0)?.label, axis(0)?.units, axis(1)?.label, axis(1)?.units, axis(2)?.label, axis(2)?.units]).toEqual([
      "x", "mm", "y", "mm", "wavelength", "nm",
    ]);
    expect(Array.from(axis(0)?.getData().data as Float64Array)).toEqual(Array.from(grid.xs));
    expect(Array.from(axis(1)?.getData().data as Float64Array)).toEqual(Array.from(grid.ys));
    expect(Array.from(axis(2)?.getData().data as Float64Array)).toEqual(Array.from(spectro.wavelengths));

    const power = loader.loadData(`${METER}/${SCAN_NODES.power}`);
    expect(power.shape).toEqual([NX, NY]);
    for (const [ix, iy] of [[0, 0], [NX - 1, NY - 1], [2, 3], [4, 1]] as const) {
      const position = grid.position(ix, iy);
      const [ch0, ch1] = spectro.acquire(position);
      const p = (ix * NY + iy) * 1024;
      expect(Array.from((spectra.at(0).data as Float64Array).subarray(p, p + 1024))).toEqual(Array.from(ch0));
      expect(Array.from((spectra.at(1).data as Float64Array).subarray(p, p + 1024))).toEqual(Array.from(ch1));
      expect((power.at(0).data as Float64Array)[ix * NY + iy]).toBe(meter.read(position));
    }
  });

  it("lays the file out as DAQ_Scan does: one scan group, its NavAxes, a Detector group per detector, Logger messages", async () => {
    const r = await runExample(["scan2d", "--nx", "3", "--ny", "4", "--out", tmp], tmp);
    expect(r.code).toBe(EXIT.ok);
    using loader = new DataLoader(path.join(tmp, SCAN_FILE));
    const scan = loader.getNode("/RawData/Scan000");
    expect(scan).toBeInstanceOf(GROUP);
    expect(scan.attrs.get("type")).toBe("scan");
    expect(scan.attrs.get("scan_done")).toBe(true);
    expect((scan as GROUP).childrenName()).toEqual(["Detector000", "Detector001", "NavAxes"]);
    expect(loader.getNode(SPECTRO).title).toBe("spectrometer");
    expect(loader.getNode(METER).title).toBe("power meter");
    expect(loader.getNode(SPECTRO).attrs.get("type")).toBe("detector");
    const navAxes = ["Axis00", "Axis01"].map((n) => loader.getNode(`/RawData/Scan000/NavAxes/${n}`));
    expect(navAxes.map((n) => (n as CARRAY).shape)).toEqual([[3], [4]]);
    expect(navAxes.map((n) => n.title)).toEqual(["x", "y"]);
    for (const node of [`${SPECTRO}/Data1D/CH00/Data00`, `${SPECTRO}/Data1D/CH00/Data01`]) {
      expect((loader.getNode(node) as CARRAY).shape).toEqual([3, 4, 1024]);
    }
    const messages = loggerMessages(loader);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/^scan2d started: 3 x 4 points/);
    expect(messages[1]).toBe("scan2d done: 12 points saved");
  });

  it("draws the heatmap and the brightest point's spectrum as valid, non-blank SVG and PNG next to the .h5", async () => {
    const r = await runExample(["scan2d", "--nx", "12", "--ny", "10", "--out", tmp], tmp);
    expect(r.code).toBe(EXIT.ok);
    const pictures = ["scan2d_heatmap", "scan2d_spectrum"].flatMap((b) => [`${b}.svg`, `${b}.png`]).map((f) => path.join(tmp, f));
    for (const p of pictures) {
      expect(existsSync(p)).toBe(true);
      expect(r.stdout).toContain(p);
    }
    expectPictureFiles(pictures[0] as string, pictures[1] as string, 30);
    expectPictureFiles(pictures[2] as string, pictures[3] as string, 5);
    // The brightest point is the bright spot of the mock sample, near (0.35, -0.25) mm.
    const m = /brightest point: \((\d+), (\d+)\) at x = (\S+) mm, y = (\S+) mm/.exec(r.stdout);
    expect(m).not.toBeNull();
    expect(Math.abs(Number(m?.[3]) - 0.35)).toBeLessThan(0.25);
    expect(Math.abs(Number(m?.[4]) + 0.25)).toBeLessThan(0.25);
  });

  it("never overwrites an earlier run: a second run into the same --out is a usage error and the file stays", async () => {
    const first = await runExample(["scan2d", "--nx", "2", "--ny", "2", "--out", "o"], tmp);
    expect(first.code).toBe(EXIT.ok);
    const file = path.join(tmp, "o", SCAN_FILE);
    const second = await runExample(["scan2d", "--nx", "3", "--ny", "3", "--out", "o"], tmp);
    expect(second.code).toBe(EXIT.usage);
    expect(second.stderr).toContain(`${file} exists (an earlier run)`);
    using loader = new DataLoader(file);
    expect((loader.getNode(`${METER}/${SCAN_NODES.power}`) as CARRAY).shape).toEqual([2, 2]);
  });

  it("Ctrl-C during the scan leaves a complete file with every point acquired, then ends by SIGINT", async () => {
    const run = startExample(["scan2d", "--nx", "128", "--ny", "128", "--out", tmp]);
    try {
      await run.waitFor(/^scan2d: 128 x 128 points/m, 45_000);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      run.child.kill("SIGINT");
      expect(await run.exited).toBe("SIGINT");
    } finally {
      if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill("SIGKILL");
    }
    using loader = new DataLoader(path.join(tmp, SCAN_FILE));
    const power = (loader.getNode(`${METER}/${SCAN_NODES.power}`) as CARRAY).read().data as Float64Array;
    const acquired = power.findIndex((v) => v === 0);
    // Points are acquired in order: all of the first ones are there, none after (a partial scan).
    expect(acquired).toBeGreaterThan(0);
    expect(power.subarray(acquired).every((v) => v === 0)).toBe(true);
    const spectra = loader.loadData(`${SPECTRO}/${SCAN_NODES.spectrum}`, { loadAll: true });
    expect(spectra.shape.slice(0, 2)).toEqual([128, 128]);
    expect(loader.getNode("/RawData/Scan000").attrs.get("scan_done")).toBe(false);
  }, 90_000);

  it("rejects bad sizes with a usage error (exit 2) and writes nothing", async () => {
    for (const argv of [["--nx", "0"], ["--ny", "2.5"], ["--nx", "abc"], ["--nz", "3"]]) {
      const r = await runExample(["scan2d", ...argv, "--out", "o"], tmp);
      expect(r.code, argv.join(" ")).toBe(EXIT.usage);
      expect(r.stderr).toMatch(/^error: scan2d: /);
    }
    expect(existsSync(path.join(tmp, "o", SCAN_FILE))).toBe(false);
  });
});
