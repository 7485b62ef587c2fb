/**
 * `logger`: a mock detector (power meter Data0D + spectrometer Data1D) logged with
 * DataToExportTimedSaver, one point every `--interval` ms, until `--count` points, `--duration`
 * seconds, Ctrl-C (SIGINT) or SIGTERM. The file is flushed every second and closed cleanly on every
 * way out; the example then reopens it read-only and prints how many points it holds.
 */
import path from "node:path";
import { DataToExport } from "@pymodaq-ts/data-model";
import { CARRAY, DataLoader, DataToExportTimedSaver, H5SaverLowLevel } from "@pymodaq-ts/data-saving";
import type { ExampleCommand, ExampleContext, ParsedArgs } from "../cli/command.js";
import { createProgress } from "../cli/progress.js";
import { MockPowerMeter } from "../mock/power-meter.js";
import { MockSpectrometer } from "../mock/spectrometer.js";
import { describeData } from "../report/describe.js";
import { StopSignal } from "../run/stop-signal.js";
import { claimNewFile } from "../cli/out-dir.js";
import { powerData, spectrumData, wavelengthAxis } from "../scan/readings.js";

/** The file name of the log in the output directory. */
export const LOGGER_FILE = "logger.h5";
/** The detector group and its data nodes. */
export const LOGGER_NODES = {
  detector: "/RawData/Detector000",
  power: "/RawData/Detector000/Data0D/CH00/EnlData00",
  spectrum: "/RawData/Detector000/Data1D/CH00/EnlData00",
  time: "/RawData/Detector000/NavAxes/Axis00",
} as const;
const DETECTOR_NAME = "mock detector";
const DEFAULT_DURATION_S = 10;

export const logger: ExampleCommand = {
  name: "logger",
  summary: "a mock detector logged with DataToExportTimedSaver until a count, a duration, Ctrl-C or SIGTERM",
  details:
    `Without --count or --duration, logs for ${DEFAULT_DURATION_S} s. Ctrl-C (SIGINT) or SIGTERM stops it cleanly:\n` +
    "the file is flushed and closed, then reopened read-only to print how many points it holds.",
  flags: {
    count: { type: "string", valueName: "N", description: "stop after N points" },
    duration: { type: "string", valueName: "S", description: "stop after S seconds" },
    interval: { type: "string", default: "100", valueName: "MS", description: "time between points, in ms" },
    pixels: { type: "string", default: "256", valueName: "N", description: "spectrometer pixels per channel" },
    seed: { type: "string", default: "0", valueName: "N", description: "seed of the detector's noise" },
  },
  run: runLogger,
};

async function runLogger(args: ParsedArgs, ctx: ExampleContext): Promise<void> {
  const count = args.optionalNumber("count", { integer: true, min: 1 });
  const durationS = args.optionalNumber("duration", { min: 0 }) ?? (count === undefined ? DEFAULT_DURATION_S : undefined);
  const interval = args.number("interval", { min: 0, max: 3_600_000 });
  const seed = args.number("seed", { integer: true });
  const spectrometer = new MockSpectrometer({ seed, length: args.number("pixels", { integer: true, min: 1, max: 1 << 20 }) });
  const meter = new MockPowerMeter({ seed });
  const axis = wavelengthAxis(spectrometer);
  const file = path.join(ctx.outDir, LOGGER_FILE);
  const out = (line: string): void => void ctx.stdout.write(`${line}\n`);

  using stop = new StopSignal();
  const h5 = new H5SaverLowLevel({ saveType: "logger" });
  let saved = 0;
  let reason = "";
  try {
    claimNewFile(file);
    h5.initFile(file, { newFile: true });
    // StopSignal handles SIGINT/SIGTERM here (the loop ends, the file closes below); the guard
    // closes the file itself should the signal arrive with no other listener.
    h5.closeOnSignals();
    const det = h5.addDetGroup(h5.rawGroup, DETECTOR_NAME);
    const saver = new DataToExportTimedSaver(h5);
    const limits = [count !== undefined ? `${count} points` : "", durationS !== undefined ? `${durationS} s` : ""].filter(Boolean);
    h5.addLog(`logger started: every ${interval} ms, until ${limits.join(" or ")}`);
    out(`logging to ${file} every ${interval} ms until ${limits.join(" or ")}; Ctrl-C or SIGTERM stops it cleanly`);
    const expected = count ?? Math.max(1, Math.round(((durationS ?? 0) * 1000) / Math.max(interval, 1)));
    const progress = createProgress({ total: expected, label: "logger", stream: ctx.stderr });
    const started = performance.now();
    for (;;) {
      const elapsed = (performance.now() - started) / 1000;
      reason = stop.received ?? (count !== undefined && saved >= count ? "count" : durationS !== undefined && elapsed >= durationS ? "duration" : "");
      if (reason !== "") break;
      const position = circlePosition(elapsed);
      const dte = new DataToExport(DETECTOR_NAME, { data: [powerData(meter, position), spectrumData(spectrometer, position, axis)] });
      saver.addData(det, dte);
      saved++;
      progress.update(saved);
      await stop.sleep(interval - ((performance.now() - started) % Math.max(interval, 1)));
    }
    progress.stop();
    h5.addLog(`logger stopped (${reason}) after ${saved} points`);
  } finally {
    h5.closeFile();
  }
  const held = pointsInFile(file);
  out(`stopped by ${reason === "count" || reason === "duration" ? `the ${reason}` : reason}: ${saved} points logged, file flushed and closed`);
  out(`${file} holds ${held} points`);
  using loader = new DataLoader(file);
  for (const node of [LOGGER_NODES.power, LOGGER_NODES.spectrum]) {
    out(`  ${node}`);
    for (const line of describeData(loader.loadData(node, { loadAll: true }), "    ")) out(line);
  }
}

/**
 * The number of points a logger file holds: the length of its power array, checked against the
 * time axis (they must agree in a cleanly closed file).
 * @param file a file written by this example
 * @throws Error when the arrays disagree; the loader's errors when the file cannot be read
 */
export function pointsInFile(file: string): number {
  using loader = new DataLoader(file);
  const lengths = [LOGGER_NODES.power, LOGGER_NODES.spectrum, LOGGER_NODES.time].map((p) => {
    const node = loader.getNode(p);
    if (!(node instanceof CARRAY)) throw new Error(`${p} is not an array`);
    return node.shape[0] ?? 0;
  });
  if (lengths.some((n) => n !== lengths[0])) throw new Error(`${file}: arrays of different lengths ${lengths.join(", ")}`);
  return lengths[0] ?? 0;
}

/** The probe's path over the sample: a slow circle (one turn in about 12.6 s). */
function circlePosition(seconds: number): [number, number] {
  return [0.6 * Math.cos(0.5 * seconds), 0.6 * Math.sin(0.5 * seconds)];
}
