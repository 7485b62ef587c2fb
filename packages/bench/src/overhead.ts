/**
 * The savers' own cost per add_data, beyond their HDF5 work (issue 6 target: below 2 us). The W1
 * points are written twice in one process: through `DataToExportExtendedSaver.addData`, and as the
 * same three block writes straight through the binding (what addData asks of libhdf5), in
 * alternating blocks of 100 points so that both see the same machine state, each arm going first
 * in every other pair of blocks. Prints one JSON line:
 * per-point medians of both for the first block (cold code) and for the second half of the scan
 * (warm code), and their differences.
 *
 *   pnpm -s --filter @pymodaq-ts/bench overhead [--nx 50] [--ny 40] [--L 1024]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { H5File, type H5BlockWriter } from "@pymodaq-ts/h5-lowlevel";
import { DataToExportExtendedSaver, FILE_SETTINGS, H5SaverLowLevel, pytablesChunkShape, pytablesMaxShape } from "@pymodaq-ts/data-saving";
import type { DataWithAxes } from "@pymodaq-ts/data-model";
import { parseFlags } from "./cli-flags.js";
import { isBenchError } from "./errors.js";
import { scanPayload } from "./payloads.js";
import { DEFAULT_SIZES } from "./workload-options.js";
import { median } from "./stats.js";

const BLOCK = 100;

export interface OverheadResult {
  points: number;
  /** Medians over the first block of points, in microseconds. */
  cold: { saver_us: number; raw_us: number; overhead_us: number };
  /** Medians over the second half of the points, in microseconds. */
  warm: { saver_us: number; raw_us: number; overhead_us: number };
}

/** The three W1 arrays of a scan point, made with the PyTables chunk shapes, as bare block writers. */
function rawWriters(file: H5File, nx: number, ny: number, L: number): H5BlockWriter[] {
  const make = (name: string, shape: number[]): H5BlockWriter => {
    const chunks = pytablesChunkShape(shape, 8, shape[0]!);
    const maxshape = pytablesMaxShape(shape, chunks);
    return file.root.createDataset(name, { dtype: "float64", shape, maxshape, chunks, fillTime: "alloc", allocTime: "incr" }).blockWriter(2);
  };
  return [make("power", [nx, ny]), make("ch0", [nx, ny, L]), make("ch1", [nx, ny, L])];
}

/** Runs the measurement once in this process (see the file comment). */
export function measureOverhead(nx: number, ny: number, L: number): OverheadResult {
  const { navAxes, points } = scanPayload({ ...DEFAULT_SIZES, nx, ny, L });
  const dir = mkdtempSync(join(tmpdir(), "pymodaq-overhead-"));
  const saverTimes: number[] = [];
  const rawTimes: number[] = [];
  try {
    const h5 = new H5SaverLowLevel({ saveType: "scan" });
    h5.initFile(join(dir, "saver.h5"), { newFile: true });
    const scan = h5.addScanGroup(h5.rawGroup, "scan2d");
    const det = h5.addDetGroup(scan, "spectro");
    const saver = new DataToExportExtendedSaver(h5, [nx, ny]);
    saver.addNavAxes(scan, navAxes);
    const file = H5File.create(join(dir, "raw.h5"), { nameCset: "ascii", access: { chunkCache: FILE_SETTINGS.chunkCache } });
    const [power, ch0, ch1] = rawWriters(file, nx, ny, L) as [H5BlockWriter, H5BlockWriter, H5BlockWriter];
    const index = (p: number): number[] => [Math.floor(p / ny), p % ny];
    const saverBlock = (start: number, end: number): void => {
      for (let p = start; p < end; p++) {
        const t = performance.now();
        saver.addData(det, points[p]!, index(p));
        saverTimes.push(performance.now() - t);
      }
    };
    const rawBlock = (start: number, end: number): void => {
      for (let p = start; p < end; p++) {
        const [spectrum, pow] = points[p]!.data as readonly DataWithAxes[];
        const at = index(p);
        const t = performance.now();
        power.write(at, pow!.data[0]!.data);
        ch0.write(at, spectrum!.data[0]!.data);
        ch1.write(at, spectrum!.data[1]!.data);
        rawTimes.push(performance.now() - t);
      }
    };
    for (let start = 0, block = 0; start < points.length; start += BLOCK, block++) {
      const end = Math.min(start + BLOCK, points.length);
      // In a fixed order the overhead read 2.6-3.1 us with the saver first and 1.0-1.7 us with
      // it second (3 runs each): the order alternates so that neither arm always goes first.
      const [first, second] = block % 2 === 0 ? [saverBlock, rawBlock] : [rawBlock, saverBlock];
      first(start, end);
      second(start, end);
    }
    h5.closeFile();
    file.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const summary = (from: number, to: number): OverheadResult["cold"] => {
    const s = median(saverTimes.slice(from, to)) * 1000;
    const r = median(rawTimes.slice(from, to)) * 1000;
    return { saver_us: round(s), raw_us: round(r), overhead_us: round(s - r) };
  };
  const n = points.length;
  return { points: n, cold: summary(0, Math.min(BLOCK, n)), warm: summary(Math.floor(n / 2), n) };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  try {
    const { flags } = parseFlags(process.argv.slice(2), { nx: "int", ny: "int", L: "int" });
    console.log(JSON.stringify(measureOverhead(flags.nx ?? 50, flags.ny ?? 40, flags.L ?? 1024)));
  } catch (e) {
    console.error(isBenchError(e) ? `overhead: ${e.message}` : e);
    process.exitCode = 2;
  }
}
