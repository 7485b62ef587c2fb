/**
 * `adaptive`: a scan whose length is not known in advance (a random walk climbing the power meter's
 * reading, refined until its step is below a tolerance), saved point by point with
 * DataToExportEnlargeableSaver and two enlargeable axes (x and y), then reloaded and summarised.
 */
import path from "node:path";
import { DataToExport, type DataWithAxes } from "@pymodaq-ts/data-model";
import { DataLoader, DataToExportEnlargeableSaver, H5SaverLowLevel } from "@pymodaq-ts/data-saving";
import type { ExampleCommand, ExampleContext, ParsedArgs } from "../cli/command.js";
import { createProgress } from "../cli/progress.js";
import { MockPowerMeter } from "../mock/power-meter.js";
import { MockSpectrometer } from "../mock/spectrometer.js";
import { describeData, formatNumber } from "../report/describe.js";
import { hillClimb } from "../scan/hill-climb.js";
import { claimNewFile } from "../cli/out-dir.js";
import { powerData, spectrumData, wavelengthAxis } from "../scan/readings.js";

/** The file name of the adaptive scan in the output directory. */
export const ADAPTIVE_FILE = "adaptive.h5";
/** The data nodes of the adaptive scan. */
export const ADAPTIVE_NODES = {
  detector: "/RawData/Scan000/Detector000",
  power: "/RawData/Scan000/Detector000/Data0D/CH00/EnlData00",
  spectrum: "/RawData/Scan000/Detector000/Data1D/CH00/EnlData00",
} as const;
const DETECTOR_NAME = "probe";

export const adaptive: ExampleCommand = {
  name: "adaptive",
  summary: "a scan of unknown length (a random walk climbing the signal) saved with two enlargeable axes",
  details:
    "Each point is appended with DataToExportEnlargeableSaver (enlargeable axes x and y, in mm) under\n" +
    "/RawData/Scan000/Detector000; the walk halves its step after repeated misses and stops below\n" +
    "--tolerance or at --max-points. The file is then loaded back with DataLoader and summarised.",
  flags: {
    "max-points": { type: "string", default: "300", valueName: "N", description: "most points measured" },
    tolerance: { type: "string", default: "0.005", valueName: "MM", description: "stop when the step is below this" },
    "start-x": { type: "string", default: "0.8", valueName: "MM", description: "first x position" },
    "start-y": { type: "string", default: "-0.8", valueName: "MM", description: "first y position" },
    pixels: { type: "string", default: "256", valueName: "N", description: "spectrometer pixels per channel" },
    seed: { type: "string", default: "0", valueName: "N", description: "seed of the walk and the noise" },
  },
  run: runAdaptive,
};

async function runAdaptive(args: ParsedArgs, ctx: ExampleContext): Promise<void> {
  const maxPoints = args.number("max-points", { integer: true, min: 1, max: 1_000_000 });
  const tolerance = args.number("tolerance", { min: 1e-9 });
  const start: [number, number] = [args.number("start-x", { min: -1, max: 1 }), args.number("start-y", { min: -1, max: 1 })];
  const seed = args.number("seed", { integer: true });
  const spectrometer = new MockSpectrometer({ seed, length: args.number("pixels", { integer: true, min: 1, max: 1 << 20 }) });
  const meter = new MockPowerMeter({ seed });
  const axis = wavelengthAxis(spectrometer);
  const file = path.join(ctx.outDir, ADAPTIVE_FILE);
  const out = (line: string): void => void ctx.stdout.write(`${line}\n`);

  const h5 = new H5SaverLowLevel({ saveType: "scan" });
  let points = 0;
  let finalStep = Number.NaN;
  const started = performance.now();
  try {
    claimNewFile(file);
    h5.initFile(file, { newFile: true });
    h5.closeOnSignals();
    h5.addLog(`adaptive scan started at (${start.join(", ")}) mm, tolerance ${tolerance} mm`);
    const scan = h5.addScanGroup(h5.rawGroup, "adaptive");
    const det = h5.addDetGroup(scan, DETECTOR_NAME);
    const saver = new DataToExportEnlargeableSaver(h5, { enlAxisNames: ["x", "y"], enlAxisUnits: ["mm", "mm"] });
    const progress = createProgress({ total: maxPoints, label: "adaptive", stream: ctx.stderr });
    for (const point of hillClimb({ start, seed, tolerance, maxPoints })) {
      const power = powerData(meter, point.position);
      const dte = new DataToExport(DETECTOR_NAME, { data: [power, spectrumData(spectrometer, point.position, axis)] });
      saver.addData(det, dte, { axisValues: point.position });
      point.report(power.value());
      points++;
      finalStep = point.step;
      progress.update(points);
      // Lets SIGINT/SIGTERM in between two points (closeOnSignals closes the file with them all).
      await new Promise((resolve) => setImmediate(resolve));
    }
    progress.stop();
    h5.setAttr(scan, "scan_done", true);
    h5.addLog(`adaptive scan done: ${points} points, last step ${finalStep} mm`);
  } finally {
    h5.closeFile();
  }
  const why = points >= maxPoints ? `--max-points ${maxPoints} reached` : `step below ${tolerance} mm`;
  out(`saved ${file}: ${points} points in ${((performance.now() - started) / 1000).toFixed(2)} s (${why})`);
  using loader = new DataLoader(file);
  const power = loader.loadData(ADAPTIVE_NODES.power);
  out(`reloaded with DataLoader (read-only):`);
  out(`  ${ADAPTIVE_NODES.power}`);
  for (const line of describeData(power, "    ")) out(line);
  out(`  ${ADAPTIVE_NODES.spectrum}`);
  for (const line of describeData(loader.loadData(ADAPTIVE_NODES.spectrum, { loadAll: true }), "    ")) out(line);
  const best = brightestPoint(power);
  out(`brightest reading: ${formatNumber(best.value)} ${power.units || "W"} at x = ${best.x.toFixed(3)} mm, y = ${best.y.toFixed(3)} mm (point ${best.index})`);
}

/**
 * The largest reading of a loaded enlargeable Data0D and its position on the x and y axes.
 * @param power the loaded power data: N readings with spread axes x and y
 * @throws Error when the data is empty or its axes are missing
 */
export function brightestPoint(power: DataWithAxes): { index: number; value: number; x: number; y: number } {
  const values = power.at(0).data as Float64Array;
  if (values.length === 0) throw new Error("no readings");
  let index = 0;
  for (let i = 1; i < values.length; i++) if ((values[i] as number) > (values[index] as number)) index = i;
  const coordinate = (label: string): number => {
    const axis = power.getAxisFromLabel(label);
    if (axis === null) throw new Error(`no axis '${label}' in the loaded data`);
    return Number((axis.getData().data as ArrayLike<number>)[index]);
  };
  return { index, value: values[index] as number, x: coordinate("x"), y: coordinate("y") };
}
