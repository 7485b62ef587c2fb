/**
 * The simulated 2-D scan as PyMoDAQ's DAQ_Scan saves it: `/RawData/Scan000` with its navigation
 * axes in `NavAxes`, one `Detector%03d` group per detector (the spectrometer's Data1D, the power
 * meter's Data0D), every point written at its scan indexes by a DataToExportExtendedSaver, and
 * start/end messages in `/RawData/Logger`. The file is complete on disk from its creation and
 * flushed every second (the savers' default policy); the scan yields to the event loop after each
 * point, so Ctrl-C or SIGTERM is handled during the scan: the file is closed with every point
 * acquired so far, then the process ends by the signal.
 *
 * @example
 * const result = await saveScan({ file: "/tmp/scan.h5", grid: scanGrid({ nx: 8, ny: 8 }),
 *   spectrometer: new MockSpectrometer(), powerMeter: new MockPowerMeter() });
 * result.saveSeconds;   // time spent in the savers (file creation to close)
 */
import { Axis, NDArray } from "@pymodaq-ts/data-model";
import { DataToExportExtendedSaver, H5SaverLowLevel } from "@pymodaq-ts/data-saving";
import type { Progress } from "../cli/progress.js";
import type { MockPowerMeter } from "../mock/power-meter.js";
import type { MockSpectrometer } from "../mock/spectrometer.js";
import { checkKeys } from "../validate.js";
import type { ScanGrid } from "./grid.js";
import { READING_NAMES, powerMeterReading, spectrometerReading, wavelengthAxis } from "./readings.js";

/** What {@link saveScan} needs. */
export interface SaveScanOptions {
  /** The .h5 file to create (truncated when it exists: the caller decides whether it may). */
  file: string;
  grid: ScanGrid;
  spectrometer: MockSpectrometer;
  powerMeter: MockPowerMeter;
  /** Told the number of points done after each one (default: nothing). */
  progress?: Progress;
}

/** Where the scan went and how long the saving took. */
export interface SavedScan {
  file: string;
  /** The scan group, e.g. `/RawData/Scan000`. */
  scanPath: string;
  /** The spectrometer's and the power meter's groups under the scan group. */
  spectrometerPath: string;
  powerMeterPath: string;
  points: number;
  /** Bytes of detector data written (float64 values of both detectors). */
  payloadBytes: number;
  /** Seconds spent in the saving library: creation, every addData, the Logger, close. */
  saveSeconds: number;
  /** CPU seconds (user + system) of this process during those calls: the cost on an idle machine. */
  saveCpuSeconds: number;
  /** Seconds of the whole run, acquisitions included. */
  wallSeconds: number;
}

const OPTION_KEYS = ["file", "grid", "spectrometer", "powerMeter", "progress"] as const;

/**
 * Runs the scan and saves it.
 * @param options see {@link SaveScanOptions}
 * @throws InvalidOptionsError on an unknown option; the saving library's errors (DataSavingError
 *   and its subclasses, H5Error) when the file cannot be written. The file is closed either way.
 */
export async function saveScan(options: SaveScanOptions): Promise<SavedScan> {
  checkKeys(options, OPTION_KEYS, "saveScan");
  const { grid, spectrometer, powerMeter } = options;
  const started = performance.now();
  let inSaver = 0;
  let cpuInSaver = 0;
  const timed = <T>(fn: () => T): T => {
    const t = performance.now();
    const cpu = process.cpuUsage();
    try {
      return fn();
    } finally {
      inSaver += performance.now() - t;
      const used = process.cpuUsage(cpu);
      cpuInSaver += used.user + used.system;
    }
  };
  const h5 = new H5SaverLowLevel({ saveType: "scan" });
  try {
    const { scan, spectroGroup, meterGroup, saver } = timed(() => {
      h5.initFile(options.file, { newFile: true });
      h5.closeOnSignals();
      h5.addLog(`scan2d started: ${grid.nx} x ${grid.ny} points, detectors '${READING_NAMES.spectrometer}' and '${READING_NAMES.powerMeter}'`);
      const scan = h5.addScanGroup(h5.rawGroup, "scan2d");
      const spectroGroup = h5.addDetGroup(scan, READING_NAMES.spectrometer);
      const meterGroup = h5.addDetGroup(scan, READING_NAMES.powerMeter);
      const saver = new DataToExportExtendedSaver(h5, [grid.nx, grid.ny]);
      saver.addNavAxes(scan, navAxes(grid));
      return { scan, spectroGroup, meterGroup, saver };
    });
    const axis = wavelengthAxis(spectrometer);
    for (let ix = 0; ix < grid.nx; ix++) {
      for (let iy = 0; iy < grid.ny; iy++) {
        const position = grid.position(ix, iy);
        const spectrum = spectrometerReading(spectrometer, position, axis);
        const power = powerMeterReading(powerMeter, position);
        timed(() => {
          saver.addData(spectroGroup, spectrum, [ix, iy]);
          saver.addData(meterGroup, power, [ix, iy]);
        });
        options.progress?.update(ix * grid.ny + iy + 1);
        // A signal is delivered between two turns of the event loop: give it one per point.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    timed(() => {
      h5.setAttr(scan, "scan_done", true);
      h5.addLog(`scan2d done: ${grid.nx * grid.ny} points saved`);
      h5.closeFile();
    });
    const points = grid.nx * grid.ny;
    return {
      file: options.file,
      scanPath: scan.path,
      spectrometerPath: spectroGroup.path,
      powerMeterPath: meterGroup.path,
      points,
      payloadBytes: points * (spectrometer.wavelengths.length * 2 + 1) * 8,
      saveSeconds: inSaver / 1000,
      saveCpuSeconds: cpuInSaver / 1e6,
      wallSeconds: (performance.now() - started) / 1000,
    };
  } finally {
    options.progress?.stop();
    h5.closeFile();
  }
}

/** The scan's navigation axes: x (index 0) and y (index 1), in mm. */
function navAxes(grid: ScanGrid): Axis[] {
  return [
    new Axis("x", "mm", new NDArray("float64", [grid.nx], grid.xs), { index: 0 }),
    new Axis("y", "mm", new NDArray("float64", [grid.ny], grid.ys), { index: 1 }),
  ];
}
