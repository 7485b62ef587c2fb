/**
 * A writer to be killed: `node --import tsx child.ts <kind> <outDir> <report> <seed>`.
 *
 * - `logger`: the logger example (`DataToExportTimedSaver`, a point every 5 ms) as its command line runs it;
 * - `scan`: the demo scan (`scan2d`, 128 x 128, `DataToExportExtendedSaver`) as `npm run demo` runs it;
 * - `enlargeable`: `DataEnlargeableSaver` appending a 16-value row per point, yielding between points.
 *
 * The savers are instrumented, not changed: every outermost `addData` reports its point and every
 * flush reports itself in the report file (see report.ts), so the parent knows what was flushed
 * before it killed the process. Everything else is the library's default behaviour (flush policy,
 * signal handling of the examples).
 */
import { openSync, writeSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DataRaw, DataToExport, NDArray, type DataWithAxes } from "@pymodaq-ts/data-model";
import * as saving from "@pymodaq-ts/data-saving";
import { flushLine, pointLine } from "./report.js";

export const KINDS = ["logger", "scan", "enlargeable"] as const;
export type WriterKind = (typeof KINDS)[number];

/** The file each kind writes in its output folder. */
export const WRITER_FILES: Record<WriterKind, string> = { logger: "logger.h5", scan: "scan2d.h5", enlargeable: "enlargeable.h5" };

/** The data nodes a point writes, by name, under the point's `where` group. */
export const DATA_NODE_PATTERN: Record<WriterKind, RegExp> = { logger: /^EnlData\d+$/, scan: /^Data\d+$/, enlargeable: /^EnlData\d+$/ };

function sumOf(data: DataWithAxes | DataToExport): number {
  const dwas = data instanceof DataToExport ? data.data : [data];
  let sum = 0;
  for (const dwa of dwas) for (const array of dwa.data) for (const v of array.data as Float64Array) sum += Number(v);
  return sum;
}

type AddData = (this: unknown, where: unknown, data: DataWithAxes | DataToExport, ...rest: unknown[]) => unknown;

/** Reports the outermost addData of every saver class and every flush, in `fd`. */
function instrument(fd: number): void {
  let depth = 0;
  const savers = [
    saving.DataSaverLoader, saving.DataEnlargeableSaver, saving.DataExtendedSaver, saving.DataToExportSaver,
    saving.DataToExportEnlargeableSaver, saving.DataToExportTimedSaver, saving.DataToExportExtendedSaver,
  ];
  for (const saver of savers) {
    const proto = saver.prototype as unknown as { addData: AddData };
    if (!Object.prototype.hasOwnProperty.call(proto, "addData")) continue;
    const original = proto.addData;
    proto.addData = function (this: unknown, where, data, ...rest) {
      if (depth === 0) {
        const path = typeof where === "string" ? where : (where as { path: string }).path;
        const index = saver === saving.DataExtendedSaver || saver === saving.DataToExportExtendedSaver ? (rest[0] as number[]) : null;
        writeSync(fd, pointLine(path, index, sumOf(data), Date.now()));
      }
      depth++;
      try {
        return original.call(this, where, data, ...rest);
      } finally {
        depth--;
      }
    };
  }
  const proto = saving.H5SaverLowLevel.prototype;
  const flush = proto.flush;
  proto.flush = function (this: saving.H5SaverLowLevel) {
    flush.call(this);
    writeSync(fd, flushLine(Date.now()));
  };
}

/** Runs an example's command line in this process, as `node dist/main.js <argv>` would. */
async function runExample(argv: string[]): Promise<void> {
  const main = join(fileURLToPath(import.meta.resolve("@pymodaq-ts/examples")), "..", "main.js");
  process.argv = [process.argv[0] as string, main, ...argv];
  await import(main);
}

/** Appends rows until killed (or a million points). */
async function runEnlargeable(outDir: string, seed: number): Promise<void> {
  const h5 = new saving.H5SaverLowLevel({ saveType: "detector" });
  h5.initFile(join(outDir, WRITER_FILES.enlargeable), { newFile: true });
  h5.closeOnSignals();
  const det = h5.addDetGroup(h5.rawGroup, "probe");
  const saver = new saving.DataEnlargeableSaver(h5);
  for (let i = 0; i < 1_000_000; i++) {
    const values = Array.from({ length: 16 }, (_, k) => Math.sin(seed + i * 0.01 + k) * (i + 1));
    saver.addData(det, new DataRaw("probe", { data: [NDArray.from("float64", [16], values)] }), { axisValues: [i] });
    await new Promise((resolve) => setImmediate(resolve));
  }
  h5.closeFile();
}

async function main(): Promise<void> {
  const [kind, outDir, report, seedText] = process.argv.slice(2);
  if (!KINDS.includes(kind as WriterKind) || outDir === undefined || report === undefined) {
    throw new Error(`usage: child.ts ${KINDS.join("|")} OUT_DIR REPORT [SEED]`);
  }
  const seed = Number(seedText ?? "0");
  instrument(openSync(report, "a"));
  if (kind === "logger") await runExample(["logger", "--interval", "5", "--duration", "120", "--pixels", "64", "--seed", String(seed), "--out", outDir]);
  else if (kind === "scan") await runExample(["scan2d", "--nx", "128", "--ny", "128", "--seed", String(seed), "--out", outDir]);
  else await runEnlargeable(outDir, seed);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) await main();
