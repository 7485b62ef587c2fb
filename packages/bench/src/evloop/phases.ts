/**
 * The phases of the event-loop benchmark, each in a synchronous and an asynchronous form doing
 * the same work through the public API:
 *
 * | phase | sync | async |
 * |---|---|---|
 * | save-demo | savers on the main thread | BackgroundSaver (worker thread) |
 * | load-demo, load-1g | `DataLoader.loadAll` | `DataLoader.open`, `loadAllAsync`, `closeFileAsync` (open, reads and the close's slow parts on the libuv pool) |
 * | stream-2g | `loadData(..., { nav })` slab by slab | `DataLoader.navSlabs` (`reuse`, one slab read ahead), `closeFileAsync` |
 *
 * Both forms yield to the event loop between points (saving) and between slabs (streaming).
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { Slice, type DataWithAxes } from "@pymodaq-ts/data-model";
import { CARRAY, DataLoader } from "@pymodaq-ts/data-saving";
import { BenchError } from "../errors.js";
import { yieldToLoop } from "./probe.js";
import { DEMO_SCAN, SPECTRA_NODE, backgroundSaver, saveScanBackground, saveScanSync } from "./scan.js";

export const PHASES = ["save-demo", "load-demo", "load-1g", "stream-2g"] as const;
export type Phase = (typeof PHASES)[number];
export const MODES = ["sync", "async"] as const;
export type Mode = (typeof MODES)[number];

/** The input file of each reading phase, in the benchmark's directory. */
export const INPUTS: Readonly<Record<Exclude<Phase, "save-demo">, string>> = {
  "load-demo": "demo.h5",
  "load-1g": "scan-1g.h5",
  "stream-2g": "scan-2g.h5",
};

/** Bytes of data per streamed slab: the bound of the stream's memory. */
export const SLAB_BYTES = 8 * 1024 * 1024;

/** The memory budget of the whole loads: `load-1g` reads 1 GiB, past the loader's default of 512 MiB. */
const LOAD_BYTES = 2 * 1024 ** 3;

/** Something computed from every slab, so that the data is used: the slab's first value. */
function touch(dwa: DataWithAxes): number {
  return Number(dwa.data[0]!.data[0]);
}

/**
 * Runs `use` on a loader of the file, opened and closed as each mode does: on the calling thread
 * (sync), or with `DataLoader.open` and `closeFileAsync` (async).
 */
async function withLoader(path: string, mode: Mode, use: (loader: DataLoader) => Promise<void>): Promise<void> {
  const loader = mode === "sync" ? new DataLoader(path) : await DataLoader.open(path);
  try {
    await use(loader);
  } finally {
    if (mode === "sync") loader.closeFile();
    else await loader.closeFileAsync();
  }
}

async function loadAll(path: string, mode: Mode): Promise<void> {
  await withLoader(path, mode, async (loader) => {
    const options = { maxLoadBytes: LOAD_BYTES };
    const all = mode === "sync" ? loader.loadAll("/RawData", undefined, options) : await loader.loadAllAsync("/RawData", undefined, options);
    if (all.length === 0) throw new BenchError("command-failed", `${path}: nothing loaded`);
  });
}

async function stream(path: string, mode: Mode): Promise<void> {
  await withLoader(path, mode, (loader) => streamWith(loader, path, mode));
}

async function streamWith(loader: DataLoader, path: string, mode: Mode): Promise<void> {
  let sum = 0;
  if (mode === "async") {
    // The slabs' memory reused: a stream of any size allocates nothing per slab (no page faults,
    // no garbage collections), and the next slab is read while this one is used.
    for await (const slab of loader.navSlabs(SPECTRA_NODE, { slabBytes: SLAB_BYTES, reuse: true })) sum += touch(slab.data);
  } else {
    const node = loader.getNode(SPECTRA_NODE);
    if (!(node instanceof CARRAY)) throw new BenchError("command-failed", `${path}: ${SPECTRA_NODE} is not an array`);
    const [nx, ny, length] = node.shape;
    const step = Math.max(1, Math.floor(SLAB_BYTES / (ny! * length! * 8)));
    for (let start = 0; start < nx!; start += step) {
      sum += touch(loader.loadData(SPECTRA_NODE, { nav: [Slice.of(start, Math.min(nx!, start + step))] }));
      await yieldToLoop();
    }
  }
  if (!Number.isFinite(sum)) throw new BenchError("command-failed", `${path}: streamed values are not finite`);
}

/**
 * What an application has running before the phase starts: for the asynchronous save, the
 * BackgroundSaver constructed and started ahead of the scan (its worker's start-up, a JavaScript
 * context loading the package and libhdf5, is not part of the save, as libhdf5's loading is not
 * part of the synchronous one; the child reports it apart).
 */
export interface Prepared {
  readonly saver?: ReturnType<typeof backgroundSaver>;
}

/** Starts what the phase's application has running before the phase (see Prepared). */
export async function preparePhase(phase: Phase, mode: Mode): Promise<Prepared> {
  if (phase !== "save-demo" || mode !== "async") return {};
  const saver = backgroundSaver(DEMO_SCAN);
  await saver.ready();
  return { saver };
}

/** The file a saving phase writes in `dir`. */
function outputOf(mode: Mode, dir: string): string {
  return join(dir, `save-${mode}.h5`);
}

/** Runs one phase in one mode; `dir` holds the inputs and receives the outputs (see removeOutput). */
export async function runPhase(phase: Phase, mode: Mode, dir: string, prepared: Prepared = {}): Promise<void> {
  switch (phase) {
    case "save-demo": {
      const path = outputOf(mode, dir);
      await (mode === "sync" ? saveScanSync(path, DEMO_SCAN) : saveScanBackground(path, DEMO_SCAN, prepared.saver));
      return;
    }
    case "load-demo":
    case "load-1g":
      return loadAll(join(dir, INPUTS[phase]), mode);
    case "stream-2g":
      return stream(join(dir, INPUTS[phase]), mode);
  }
}

/**
 * Deletes what the phase wrote, after the measure: unlinking a 67 MB file frees its pages in the
 * calling thread for milliseconds, which are not the save's.
 */
export function removeOutput(phase: Phase, mode: Mode, dir: string): void {
  if (phase === "save-demo") rmSync(outputOf(mode, dir), { force: true });
}
