/**
 * `scan2d`, the default demo: a simulated NX x NY scan with a spectrometer and a power meter per
 * point, saved as PyMoDAQ's DAQ_Scan saves it, loaded back with DataLoader, summarised and drawn.
 */
import { statSync } from "node:fs";
import path from "node:path";
import { DataLoader } from "@pymodaq-ts/data-saving";
import type { ExampleCommand, ExampleContext, ParsedArgs } from "../cli/command.js";
import { createProgress } from "../cli/progress.js";
import { MockPowerMeter } from "../mock/power-meter.js";
import { MockSpectrometer } from "../mock/spectrometer.js";
import { describeData, formatMB } from "../report/describe.js";
import { loggerMessages } from "../report/logger-messages.js";
import { scanGrid } from "../scan/grid.js";
import { renderScanPictures } from "../scan/scan-pictures.js";
import { saveScan, type SavedScan } from "../scan/save-scan.js";
import { claimNewFile } from "../cli/out-dir.js";

/** The data nodes of the scan, relative to a detector group. */
export const SCAN_NODES = { spectrum: "Data1D/CH00/Data00", power: "Data0D/CH00/Data00" } as const;

/** The file name of the scan in the output directory. */
export const SCAN_FILE = "scan2d.h5";

export const scan2d: ExampleCommand = {
  name: "scan2d",
  summary: "a simulated 2-D scan (spectrometer + power meter per point) saved, reloaded and drawn",
  details:
    "Saves /RawData/Scan000 with NavAxes x, y (mm) and one Detector group per detector, as PyMoDAQ's\n" +
    "DAQ_Scan does, then loads it back with DataLoader, prints a summary and writes a heatmap of the\n" +
    "integrated spectrum and the spectrum at the brightest point (SVG and PNG) next to the .h5 file.",
  flags: {
    nx: { type: "string", default: "64", valueName: "N", description: "positions along x" },
    ny: { type: "string", default: "64", valueName: "N", description: "positions along y" },
    seed: { type: "string", default: "0", valueName: "N", description: "seed of the detectors' noise" },
  },
  run: runScan2d,
};

async function runScan2d(args: ParsedArgs, ctx: ExampleContext): Promise<void> {
  const nx = args.number("nx", { integer: true, min: 1, max: 4096 });
  const ny = args.number("ny", { integer: true, min: 1, max: 4096 });
  const seed = args.number("seed", { integer: true });
  const out = (line = ""): void => void ctx.stdout.write(`${line}\n`);
  const spectrometer = new MockSpectrometer({ seed });
  const powerMeter = new MockPowerMeter({ seed });
  const file = path.join(ctx.outDir, SCAN_FILE);
  out(`scan2d: ${nx} x ${ny} points, spectrometer (2 channels x ${spectrometer.wavelengths.length} float64) + power meter, seed ${seed}`);
  claimNewFile(file);
  const saved = await saveScan({
    file, grid: scanGrid({ nx, ny }), spectrometer, powerMeter,
    progress: createProgress({ total: nx * ny, label: "scan2d", stream: ctx.stderr }),
  });
  printSaved(saved, out);
  const started = performance.now();
  using loader = new DataLoader(file);
  const spectra = loader.loadData(`${saved.spectrometerPath}/${SCAN_NODES.spectrum}`, { loadAll: true });
  const power = loader.loadData(`${saved.powerMeterPath}/${SCAN_NODES.power}`);
  const messages = loggerMessages(loader);
  out(`reloaded with DataLoader (read-only) in ${((performance.now() - started) / 1000).toFixed(2)} s:`);
  out(`  ${saved.spectrometerPath}/${SCAN_NODES.spectrum} (+ Data01)`);
  for (const line of describeData(spectra, "    ")) out(line);
  out(`  ${saved.powerMeterPath}/${SCAN_NODES.power}`);
  for (const line of describeData(power, "    ")) out(line);
  out(`  Logger: ${messages.map((m) => JSON.stringify(m)).join(", ")}`);
  const pictures = await renderScanPictures(spectra, path.join(ctx.outDir, "scan2d"));
  const [bx, by] = pictures.brightest.indexes;
  const [px, py] = pictures.brightest.position;
  out(`brightest point: (${bx}, ${by}) at x = ${px.toFixed(3)} mm, y = ${py.toFixed(3)} mm`);
  out("pictures:");
  for (const p of [pictures.heatmap.svg, pictures.heatmap.png, pictures.spectrum.svg, pictures.spectrum.png]) out(`  ${p}`);
}

function printSaved(saved: SavedScan, out: (line?: string) => void): void {
  const size = statSync(saved.file).size;
  const rate = saved.payloadBytes / 1e6 / Math.max(saved.saveSeconds, 1e-9);
  out(`saved ${saved.file} (${formatMB(size)} on disk)`);
  out(`  ${saved.scanPath}: ${saved.points} points, payload ${formatMB(saved.payloadBytes)}`);
  out(
    `  ${saved.saveSeconds.toFixed(2)} s in the savers (${saved.saveCpuSeconds.toFixed(2)} s of CPU): ${rate.toFixed(0)} MB/s` +
      ` (whole run ${saved.wallSeconds.toFixed(2)} s, simulated acquisitions included)`,
  );
}
