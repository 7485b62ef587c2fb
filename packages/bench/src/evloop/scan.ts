/**
 * The scans the event-loop phases write: the demo's (a 64 x 64 grid, a spectrometer giving two
 * float64 spectra per point and a power meter giving one 0-D value, written by a
 * DataToExportExtendedSaver) and bigger ones of the same form for the load and stream phases.
 * The values are deterministic and cheap to make.
 */
import { Axis, DataRaw, DataToExport, NDArray } from "@pymodaq-ts/data-model";
import { BackgroundSaver, DataToExportExtendedSaver, H5SaverLowLevel } from "@pymodaq-ts/data-saving";
import { yieldToLoop } from "./probe.js";

export interface ScanShape {
  nx: number;
  ny: number;
  /** Spectrometer channels per point. */
  channels: number;
  /** Samples per spectrum. */
  length: number;
  /** A power meter (0-D) beside the spectrometer. */
  meter: boolean;
}

export const DEMO_SCAN: ScanShape = { nx: 64, ny: 64, channels: 2, length: 1024, meter: true };
/** 64 x 64 x 2 x 16384 float64: 1.07 GB. */
export const SCAN_1G: ScanShape = { nx: 64, ny: 64, channels: 2, length: 16384, meter: false };
/** 128 x 128 x 16384 float64 in one dataset: 2.1 GB. */
export const SCAN_2G: ScanShape = { nx: 128, ny: 128, channels: 1, length: 16384, meter: false };

/** Where the data of a scan written here is: the spectrometer's first channel node. */
export const SPECTRA_NODE = "/RawData/Scan000/Detector000/Data1D/CH00/Data00";

const line = (n: number, f: (i: number) => number): NDArray<"float64"> => {
  const data = new Float64Array(n);
  for (let i = 0; i < n; i++) data[i] = f(i);
  return new NDArray("float64", [n], data);
};

function navAxes(s: ScanShape): Axis[] {
  return [
    new Axis({ label: "x", units: "mm", data: line(s.nx, (i) => -1 + i * 0.03125), index: 0 }),
    new Axis({ label: "y", units: "mm", data: line(s.ny, (i) => 2 + i * 0.0625), index: 1 }),
  ];
}

/** The readings at point (ix, iy). */
function readings(s: ScanShape, ix: number, iy: number): { spectrum: DataToExport; power: DataToExport | null } {
  const k = ix * s.ny + iy;
  const data = Array.from({ length: s.channels }, (_, c) => line(s.length, (i) => Math.sin(0.01 * i + k) + c));
  const spectrum = new DataToExport("spectrometer", { data: [new DataRaw("spectrum", {
    data, axes: [new Axis({ label: "wavelength", units: "nm", data: line(s.length, (i) => 400 + i * 0.25 + 1e-6 * i * i), index: 0 })],
  })] });
  const power = s.meter ? new DataToExport("meter", { data: [new DataRaw("power", { data: [line(1, () => k * 1e-3)] })] }) : null;
  return { spectrum, power };
}

/** Writes the scan with the synchronous savers, yielding to the event loop after each point. */
export async function saveScanSync(path: string, s: ScanShape): Promise<void> {
  const h5 = new H5SaverLowLevel({ saveType: "scan" });
  h5.initFile(path, { newFile: true });
  const scan = h5.addScanGroup(h5.rawGroup, "scan2d");
  const spectro = h5.addDetGroup(scan, "spectrometer");
  const meter = s.meter ? h5.addDetGroup(scan, "meter") : null;
  const saver = new DataToExportExtendedSaver(h5, [s.nx, s.ny]);
  saver.addNavAxes(scan, navAxes(s));
  for (let ix = 0; ix < s.nx; ix++) {
    for (let iy = 0; iy < s.ny; iy++) {
      const { spectrum, power } = readings(s, ix, iy);
      saver.addData(spectro, spectrum, [ix, iy]);
      if (meter !== null && power !== null) saver.addData(meter, power, [ix, iy]);
      await yieldToLoop();
    }
  }
  h5.closeFile();
}

/** The background saver of a scan of shape `s` (its worker starts now; `ready()` tells when it has). */
export function backgroundSaver(s: ScanShape): BackgroundSaver<{ kind: "extended"; extendedShape: number[] }> {
  return new BackgroundSaver({ saver: { kind: "extended", extendedShape: [s.nx, s.ny] } });
}

/**
 * The same calls through a BackgroundSaver (points queued with `transfer`), yielding after each point.
 * @param saver a saver from `backgroundSaver(s)` started ahead; without it one is made here
 */
export async function saveScanBackground(path: string, s: ScanShape, saver = backgroundSaver(s)): Promise<void> {
  await saver.initFile(path, { newFile: true });
  const scan = await saver.addScanGroup("/RawData", "scan2d");
  const spectro = await saver.addDetGroup(scan, "spectrometer");
  const meter = s.meter ? await saver.addDetGroup(scan, "meter") : null;
  await saver.addNavAxes(scan, navAxes(s));
  for (let ix = 0; ix < s.nx; ix++) {
    for (let iy = 0; iy < s.ny; iy++) {
      const { spectrum, power } = readings(s, ix, iy);
      await saver.addData(spectro, spectrum, [ix, iy], { transfer: true });
      if (meter !== null && power !== null) await saver.addData(meter, power, [ix, iy], { transfer: true });
      await yieldToLoop();
    }
  }
  await saver.close();
}
