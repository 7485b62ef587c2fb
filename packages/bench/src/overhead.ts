/**
 * The savers' own cost per add_data, beyond their HDF5 work (target: below 2 us). The W1
 * points are written twice in one process: through `DataToExportExtendedSaver.addData`, and as the
 * same three block writes straight through the binding (what addData asks of libhdf5), in
 * alternating blocks of 100 points so that both see the same machine state, each arm going first
 * in every other pair of blocks. Prints one JSON line:
 * per-point medians of both for the first block (cold code) and for the second half of the scan
 * (warm code), and their differences. The difference also holds what the savers' work costs
 * libhdf5 indirectly (caches, allocator); `js_only_us` is their JavaScript alone: the scan written
 * again, warm, with the binding's block write replaced by a no-op (the last of JS_ONLY_RUNS
 * such scans; their files are discarded).
 *
 *   pnpm -s --filter @pymodaq-ts/bench overhead [--nx 50] [--ny 40] [--L 1024]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { H5BlockWriter, H5File, pytablesChunkShape, pytablesMaxShape } from "@pymodaq-ts/h5-lowlevel";
import { DataToExportExtendedSaver, FILE_SETTINGS, H5SaverLowLevel } from "@pymodaq-ts/data-saving";
import type { Axis, DataToExport, DataWithAxes } from "@pymodaq-ts/data-model";
import { parseFlags } from "./cli-flags.js";
import { isBenchError } from "./errors.js";
import { scanPayload } from "./payloads.js";
import { DEFAULT_SIZES } from "./workload-options.js";
import { median } from "./stats.js";

const BLOCK = 100;
/**
 * Scans written without HDF5 writes; the last one is reported. V8 re-optimizes the path around
 * the no-op over several scans: the figure read 1.5-1.7 us after 3 and 0.6-0.85 us after 6.
 */
const JS_ONLY_RUNS = 6;

export interface OverheadResult {
  points: number;
  /** Medians over the first block of points, in microseconds. */
  cold: { saver_us: number; raw_us: number; overhead_us: number };
  /** Medians over the second half of the points, in microseconds. */
  warm: { saver_us: number; raw_us: number; overhead_us: number };
  /** Median over the second half of a warm scan with no HDF5 writes, in microseconds. */
  js_only_us: number;
}

/** A new file holding W1's scan and detector groups and nav axes, and its scan saver. */
function openScan(path: string, navAxes: readonly Axis[], nx: number, ny: number) {
  const h5 = new H5SaverLowLevel({ saveType: "scan" });
  h5.initFile(path, { newFile: true });
  const scan = h5.addScanGroup(h5.rawGroup, "scan2d");
  const det = h5.addDetGroup(scan, "spectro");
  const saver = new DataToExportExtendedSaver(h5, [nx, ny]);
  saver.addNavAxes(scan, navAxes);
  return { h5, det, saver };
}

/** Per-point times of `addData` over a whole scan with every block write a no-op. */
function timeWithoutWrites(path: string, navAxes: readonly Axis[], points: readonly DataToExport[], nx: number, ny: number): number[] {
  const { h5, det, saver } = openScan(path, navAxes, nx, ny);
  const write = H5BlockWriter.prototype.write;
  H5BlockWriter.prototype.write = () => {};
  const times: number[] = [];
  try {
    for (let p = 0; p < points.length; p++) {
      const t = performance.now();
      saver.addData(det, points[p]!, [Math.floor(p / ny), p % ny]);
      times.push(performance.now() - t);
    }
  } finally {
    H5BlockWriter.prototype.write = write;
    h5.closeFile();
  }
  return times;
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
  let jsOnly: number[] = [];
  try {
    const { h5, det, saver } = openScan(join(dir, "saver.h5"), navAxes, nx, ny);
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
    for (let run = 0; run < JS_ONLY_RUNS; run++) jsOnly = timeWithoutWrites(join(dir, `js-only-${run}.h5`), navAxes, points, nx, ny);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const summary = (from: number, to: number): OverheadResult["cold"] => {
    const s = median(saverTimes.slice(from, to)) * 1000;
    const r = median(rawTimes.slice(from, to)) * 1000;
    return { saver_us: round(s), raw_us: round(r), overhead_us: round(s - r) };
  };
  const n = points.length;
  return {
    points: n,
    cold: summary(0, Math.min(BLOCK, n)),
    warm: summary(Math.floor(n / 2), n),
    js_only_us: round(median(jsOnly.slice(Math.floor(n / 2))) * 1000),
  };
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
