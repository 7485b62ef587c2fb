/**
 * The asynchronous and partial loads of DataLoader on the PyMoDAQ-written fixtures and on a
 * scan written here: async loads equal sync loads, a `nav` load equals `inav` of the whole load
 * (reading only the block), slabs of `navSlabs` equal the whole load's slices, and a signal
 * cancels reads not yet started.
 */
import { join } from "node:path";
import { fixtureNames, fixturePath, tempDir } from "@pymodaq-ts/test-support";
import { describe, expect, it, vi } from "vitest";
import { Axis, DataRaw, DataToExport, NDArray, Slice, type DataWithAxes } from "@pymodaq-ts/data-model";
import { H5SaverLowLevel } from "../src/conventions/h5-saver-lowlevel.js";
import { CARRAY } from "../src/conventions/nodes/arrays.js";
import { InvalidTypeError, isInvalidValueError, isLimitError } from "../src/errors.js";
import { DataLoader } from "../src/loader/data-loader.js";
import { DataToExportExtendedSaver } from "../src/savers/dte-extended-saver.js";
import { libhdf5Storage } from "../src/storage/libhdf5.js";
import { countingBackend, type Counts } from "./support/counting-storage.js";
import { canonicalDte, canonicalDwa } from "../src/tools/canonical/dwa.js";

const dir = tempDir("pymodaq-async-load");

/**
 * Everything a load gives, values included; the timestamp when asked (`inav` stamps its result
 * with the time of the call, a partial load with the stored time).
 */
function same(dwa: DataWithAxes, withTimestamp = true): unknown {
  return {
    canonical: canonicalDwa(dwa, { withTimestamp }),
    data: dwa.data.map((a) => [a.dtype, a.shape, Array.from(a.data as ArrayLike<unknown>)]),
    errors: dwa.errors?.map((a) => Array.from(a.data as ArrayLike<unknown>)) ?? null,
    axes: dwa.axes.map((a) => [a.label, a.index, a.spreadOrder, a.offset, a.scaling, Array.from(a.getData().data as ArrayLike<unknown>)]),
  };
}

/** Compares the outcome of two loads: equal results, or errors of the same class and message. */
async function outcome(load: () => DataWithAxes | Promise<DataWithAxes>, withTimestamp = true): Promise<unknown> {
  try {
    return same(await load(), withTimestamp);
  } catch (e) {
    return { error: (e as Error).name, message: (e as Error).message };
  }
}

/** The data nodes (data_type containing `data`) of a file. */
function dataNodes(loader: DataLoader): string[] {
  return [...loader.walkNodes("/")].filter((n) => n instanceof CARRAY && String(n.attrs.has("data_type") ? n.attrs.get("data_type") : "").includes("data")).map((n) => n.path);
}

const NX = 7;
const NY = 4;
const NW = 9;

/** A 2-D scan of 1-D spectra with 2 channels written by the extended saver (nav 7 x 4, signal 9). */
function writeScan(): string {
  const path = join(dir, "scan.h5");
  const h5 = new H5SaverLowLevel({ saveType: "scan" });
  h5.initFile(path, { newFile: true });
  const scan = h5.addScanGroup(h5.rawGroup, "scan");
  const det = h5.addDetGroup(scan, "spectro");
  const saver = new DataToExportExtendedSaver(h5, [NX, NY]);
  saver.addNavAxes(scan, [
    new Axis({ label: "x", units: "mm", data: NDArray.from("float64", [NX], Array.from({ length: NX }, (_, i) => 0.1 + i * 0.3)), index: 0 }),
    new Axis({ label: "y", units: "mm", data: NDArray.from("float64", [NY], [1, 2, 4, 8]), index: 1 }),
  ]);
  for (let ix = 0; ix < NX; ix++) {
    for (let iy = 0; iy < NY; iy++) {
      const ch = (c: number) => NDArray.from("float64", [NW], Array.from({ length: NW }, (_, i) => ix * 1000 + iy * 100 + i + c / 2));
      saver.addData(det, new DataToExport("spectro", { data: [new DataRaw("spectrum", {
        data: [ch(0), ch(1)], axes: [new Axis({ label: "w", units: "nm", data: NDArray.from("float64", [NW], Array.from({ length: NW }, (_, i) => 500 + i * i)), index: 0 })],
      })] }), [ix, iy]);
    }
  }
  h5.closeFile();
  return path;
}

describe("DataLoader asynchronous loads", () => {
  it.each(fixtureNames())("loadDataAsync equals loadData on every data node of %s, and loadAllAsync equals loadAll", async (name) => {
    using loader = new DataLoader(fixturePath(name, ".h5"));
    for (const path of dataNodes(loader)) {
      for (const options of [{}, { loadAll: true }, { withBkg: true }]) {
        expect(await outcome(() => loader.loadDataAsync(path, options)), `${path} ${JSON.stringify(options)}`)
          .toEqual(await outcome(() => loader.loadData(path, options)));
      }
    }
    if (loader.h5saver.isNodeInGroup("/", "RawData")) {
      let sync: unknown;
      try {
        sync = canonicalDte(loader.loadAll("/RawData"));
      } catch (e) {
        sync = (e as Error).message;
      }
      expect(await loader.loadAllAsync("/RawData").then(canonicalDte, (e: Error) => e.message)).toEqual(sync);
    }
  });

  it.each(fixtureNames())("a 'nav' load equals inav of the whole load on %s (sync and async)", async (name) => {
    using loader = new DataLoader(fixturePath(name, ".h5"));
    let checked = 0;
    for (const path of dataNodes(loader)) {
      let whole: DataWithAxes;
      try {
        whole = loader.loadData(path);
      } catch {
        continue;
      }
      const navShape = whole.navShape;
      if (navShape.length === 0) continue;
      const n = navShape[0]!;
      for (const item of [0, n - 1, -1, Slice.of(1, Math.max(1, n - 1)), Slice.of(0, null, 2), Slice.of(null, null, -1)]) {
        const expected = await outcome(() => whole.inav.get(item, ...navShape.slice(1).map(() => Slice.all)), false);
        expect(await outcome(() => loader.loadData(path, { nav: [item] }), false), `${path} ${String(item)}`).toEqual(expected);
        expect(await outcome(() => loader.loadDataAsync(path, { nav: [item] }), false), `${path} ${String(item)}`).toEqual(expected);
        checked++;
      }
    }
    if (["dte_ext2d_full_h5py", "dte_spread_tables_zlib", "dte_enl1_tables"].includes(name)) expect(checked).toBeGreaterThan(0);
  });
});

describe("DataLoader partial loads and slabs on a written scan", () => {
  const path = writeScan();
  const where = "/RawData/Scan000/Detector000/Data1D/CH00/Data00";

  it("reads only the block of the items (hyperslab reads), for items on both navigation dimensions", async () => {
    using loader = new DataLoader(path);
    const whole = loader.loadData(where);
    expect(whole.navShape).toEqual([NX, NY]);
    const items = [[2, Slice.of(1, 3)], [Slice.of(1, 6, 2), 3], [Slice.of(4, 5), Slice.all], [-2, -1]] as const;
    for (const nav of items) {
      const expected = same(whole.inav.get(...nav), false);
      const readSlice = vi.spyOn(CARRAY.prototype, "readSlice");
      const read = vi.spyOn(CARRAY.prototype, "read");
      const part = loader.loadData(where, { nav });
      expect(same(part, false)).toEqual(expected);
      expect(part.timestamp).toBe(whole.timestamp);
      // The data arrays are read by block, only the (small) axes whole.
      expect(readSlice).toHaveBeenCalled();
      for (const call of read.mock.contexts) expect((call as CARRAY).path).toMatch(/Axis\d\d$/);
      vi.restoreAllMocks();
      expect(same(await loader.loadDataAsync(where, { nav }), false)).toEqual(expected);
    }
  });

  it("navSlabs yields the whole load's slices along the first navigation dimension, slab by slab", async () => {
    using loader = new DataLoader(path);
    const whole = loader.loadData(where);
    const slabs: [number, number][] = [];
    for await (const slab of loader.navSlabs(where, { slabSize: 3 })) {
      slabs.push([slab.start, slab.stop]);
      expect(same(slab.data, false)).toEqual(same(whole.inav.get(Slice.of(slab.start, slab.stop), Slice.all), false));
    }
    expect(slabs).toEqual([[0, 3], [3, 6], [6, 7]]);
    // By bytes: two x-indexes hold 2 * NY * NW float64.
    const bySize: number[] = [];
    for await (const slab of loader.navSlabs(where, { slabBytes: 2 * NY * NW * 8 })) bySize.push(slab.stop - slab.start);
    expect(bySize).toEqual([2, 2, 2, 1]);
  });

  it("navSlabs reads readAhead slabs ahead of the consumer, yields the same slabs for any readAhead, and drops the reads ahead when the consumer leaves", async () => {
    using loader = new DataLoader(path);
    const whole = loader.loadData(where);
    const slabPaths = (spy: { mock: { contexts: unknown[] } }): number => spy.mock.contexts.filter((c) => (c as CARRAY).path === where).length;
    for (const readAhead of [0, 1, 3]) {
      const readAsync = vi.spyOn(CARRAY.prototype, "readAsync");
      const started: number[] = [];
      for await (const slab of loader.navSlabs(where, { slabSize: 2, readAhead })) {
        started.push(slabPaths(readAsync));
        expect(same(slab.data, false)).toEqual(same(whole.inav.get(Slice.of(slab.start, slab.stop), Slice.all), false));
      }
      vi.restoreAllMocks();
      // 4 slabs; when the consumer has slab k, slabs up to k + readAhead have been asked for.
      expect(started, `readAhead ${readAhead}`).toEqual([0, 1, 2, 3].map((k) => Math.min(4, k + 1 + readAhead)));
    }
    // Leaving after the first slab: the reads ahead not started are cancelled, unseen, and the loader still loads.
    for await (const slab of loader.navSlabs(where, { slabSize: 1, readAhead: 4 })) {
      expect(slab.start).toBe(0);
      break;
    }
    expect(same(await loader.loadDataAsync(where))).toEqual(same(whole));
    await expect(loader.navSlabs(where, { readAhead: -1 }).next()).rejects.toThrow(/readAhead must be a non-negative integer/);
    await expect(loader.navSlabs(where, { readAhead: 1.5 }).next()).rejects.toThrow(/readAhead must be a non-negative integer/);
    for (const slabBytes of [-1, 0, Number.NaN, Number.POSITIVE_INFINITY, "8"]) {
      await expect(loader.navSlabs(where, { slabBytes } as never).next()).rejects.toThrow(/^navSlabs: slabBytes must be a finite positive number, got /);
    }
  });

  it("navSlabs with reuse reads every slab into the buffers of the slab readAhead + 1 before, with the same values", async () => {
    using loader = new DataLoader(path);
    const whole = loader.loadData(where);
    for (const readAhead of [0, 2]) {
      const buffers: ArrayBufferLike[] = [];
      const signalValues: (ArrayBufferLike | undefined)[] = [];
      for await (const slab of loader.navSlabs(where, { slabSize: 2, readAhead, reuse: true })) {
        // Checked before asking for the next slab: until then the arrays are the slab's.
        expect(same(slab.data, false)).toEqual(same(whole.inav.get(Slice.of(slab.start, slab.stop), Slice.all), false));
        buffers.push(slab.data.data[0]!.data.buffer);
        signalValues.push(...slab.data.getSignalAxes().map((a) => a.data?.data.buffer));
      }
      // The signal axis's values: read by the slabs planned before the first read of it ended
      // (at most the first readAhead + 1), then shared by the next ones, neither read nor copied again.
      expect(signalValues.length).toBe(4);
      expect(signalValues[0]).toBeInstanceOf(ArrayBuffer);
      expect(new Set(signalValues).size, `readAhead ${readAhead}`).toBeLessThanOrEqual(readAhead + 1);
      expect(buffers).toHaveLength(4);
      buffers.forEach((b, k) => {
        expect(b === buffers[k % (readAhead + 1)], `readAhead ${readAhead}, slab ${k}`).toBe(true);
        if (k > 0 && k <= readAhead) expect(b === buffers[0]).toBe(false);
      });
    }
    await expect(loader.navSlabs(where, { reuse: 1 } as never).next()).rejects.toThrow(/reuse must be a boolean/);
  });

  it("navSlabs reads the arrays read whole (the axes) for the first slab only; without reuse each slab's axes are its own", async () => {
    using loader = new DataLoader(path);
    const whole = loader.loadData(where);
    const readAsync = vi.spyOn(CARRAY.prototype, "readAsync");
    await loader.loadDataAsync(where);
    const axisReads = readAsync.mock.contexts.filter((c) => (c as CARRAY).path !== where).length;
    expect(axisReads).toBeGreaterThan(0);
    readAsync.mockClear();
    const slabs: DataWithAxes[] = [];
    for await (const slab of loader.navSlabs(where, { slabSize: 2, readAhead: 0 })) slabs.push(slab.data);
    expect(readAsync.mock.contexts.filter((c) => (c as CARRAY).path !== where)).toHaveLength(axisReads);
    expect(readAsync.mock.contexts.filter((c) => (c as CARRAY).path === where)).toHaveLength(4);
    vi.restoreAllMocks();
    // Changing one slab's axes leaves the next slabs' as loaded.
    for (const axis of slabs[0]!.axes) axis.getData().data.fill(-1 as never);
    slabs.slice(1).forEach((slab, i) => {
      expect(same(slab, false)).toEqual(same(whole.inav.get(Slice.of(2 * (i + 1), Math.min(NX, 2 * (i + 2))), Slice.all), false));
    });
  });

  it("navSlabs: past the first slabs, the calling thread asks nothing of the file but the slabs' reads (no call to wait behind a pool read)", async () => {
    const counts: Counts = {};
    using loader = new DataLoader(path, { storage: countingBackend(libhdf5Storage, counts) });
    const whole = loader.loadData(where);
    let k = 0;
    for await (const slab of loader.navSlabs(where, { slabSize: 1, reuse: true })) {
      expect(same(slab.data, false)).toEqual(same(whole.inav.get(Slice.of(slab.start, slab.stop), Slice.all), false));
      if (++k === 2) for (const key of Object.keys(counts)) delete counts[key];
    }
    expect(k).toBe(NX);
    // Slabs 3 to NX - 1 were asked for after the reset (slab 2 was read ahead before it): one
    // block read each, and no attribute, extent or child look-up.
    expect(counts["openArray.readAsync"]).toBe(NX - 3);
    expect(Object.keys(counts).filter((key) => /attrs\.|childKind|children|shape|openArray\.dtype|openGroup|openArray\.read$/.test(key))).toEqual([]);
  });

  it("an asynchronous load reads its attributes while it plans: building the result asks the file nothing (the next slab's read may be running)", async () => {
    const counts: Counts = {};
    using loader = new DataLoader(path, { storage: countingBackend(libhdf5Storage, counts) });
    const expected = same(loader.loadData(where, { nav: [2] }), false);
    using fresh = new DataLoader(path, { storage: countingBackend(libhdf5Storage, counts) });
    const pending = fresh.loadDataAsync(where, { nav: [2] });
    await new Promise((resolve) => setImmediate(resolve)); // its planning has run: its reads are issued
    expect(counts["openArray.readAsync"]).toBeGreaterThan(0);
    for (const key of Object.keys(counts)) delete counts[key];
    expect(same(await pending, false)).toEqual(expected);
    expect(Object.keys(counts).filter((key) => key.startsWith("attrs.") || /childKind|names/.test(key))).toEqual([]);
  });

  it("navSlabs, loadAllAsync and loadDataAsync plan on turns of the event loop of their own, not in the caller's", async () => {
    const counts: Counts = {};
    using loader = new DataLoader(path, { storage: countingBackend(libhdf5Storage, counts) });
    const slabs = loader.navSlabs(where, { slabSize: 1 });
    const first = slabs.next(); // runs to its first await: the node looked up, nothing planned
    expect(counts["openArray.readAsync"]).toBeUndefined();
    expect((await first).value?.start).toBe(0);
    expect(counts["openArray.readAsync"]).toBeGreaterThan(0);
    await slabs.return(undefined);
    for (const key of Object.keys(counts)) delete counts[key];
    const all = loader.loadAllAsync("/RawData");
    expect(Object.keys(counts).filter((key) => /children|childKind|attrs\./.test(key))).toEqual([]);
    expect((await all).data.length).toBeGreaterThan(0);
    expect(Object.keys(counts).some((key) => /children/.test(key))).toBe(true);
    for (const key of Object.keys(counts)) delete counts[key];
    const one = loader.loadDataAsync(where, { nav: [1] });
    expect(counts["openArray.readAsync"]).toBeUndefined();
    expect((await one).data[0]!.shape[0]).toBe(NY);
    expect(counts["openArray.readAsync"]).toBeGreaterThan(0);
  });

  it("loadAllAsync builds its result in slices: the event loop turns between the groups' DataToExport", async () => {
    using loader = new DataLoader(path);
    const expected = canonicalDte(loader.loadAll("/RawData"));
    const append = DataToExport.prototype.appendOwned;
    const turnsSeen: boolean[] = [];
    let turned = false;
    vi.spyOn(DataToExport.prototype, "appendOwned").mockImplementation(function (this: DataToExport, ...args) {
      turnsSeen.push(turned);
      turned = false;
      setImmediate(() => { turned = true; });
      const end = performance.now() + 2; // a group longer than a slice
      while (performance.now() < end) { /* busy */ }
      return append.apply(this, args);
    });
    const all = await loader.loadAllAsync("/RawData");
    vi.restoreAllMocks();
    expect(turnsSeen.length).toBeGreaterThan(2);
    expect(turnsSeen.slice(1).every((t) => t)).toBe(true);
    expect(canonicalDte(all)).toEqual(expected);
  });

  it("refuses bad navigation items with typed errors", () => {
    using loader = new DataLoader(path);
    expect(() => loader.loadData(where, { nav: [NX] })).toThrow(/out of range/);
    expect(() => loader.loadData(where, { nav: [0, 0, 0] })).toThrow(/3 navigation items for 2/);
    expect(() => loader.loadData(where, { nav: ["1"] as never })).toThrow(/integer or a Slice/);
    expect(() => loader.loadData(where, { nav: 1 } as never)).toThrow(/array/);
  });

  it("a signal cancels the reads not yet started, and an aborted signal rejects at once", async () => {
    using loader = new DataLoader(path);
    const before = new AbortController();
    before.abort();
    await expect(loader.loadDataAsync(where, { signal: before.signal })).rejects.toMatchObject({ name: "AbortError" });
    const during = new AbortController();
    const pending = loader.loadAllAsync("/RawData", undefined, { signal: during.signal });
    during.abort();
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
    // The loader is still usable after a cancel.
    expect(same(await loader.loadDataAsync(where))).toEqual(same(loader.loadData(where)));
    const array = await loader.readArrayAsync(where);
    expect(array.shape).toEqual([NX, NY, NW]);
  });
});

describe("DataLoader.open, loadAll with 'nav', and navSlabs along any navigation dimension", () => {
  const path = writeScan();
  const where = "/RawData/Scan000/Detector000/Data1D/CH00/Data00";

  it("DataLoader.open opens the file off the main thread: the same loads as the constructor's loader", async () => {
    using sync = new DataLoader(path);
    using loader = await DataLoader.open(path);
    expect(loader.ownsFile).toBe(true);
    expect(same(await loader.loadDataAsync(where))).toEqual(same(sync.loadData(where)));
    expect(canonicalDte(await loader.loadAllAsync("/RawData"))).toEqual(canonicalDte(sync.loadAll("/RawData")));
  });

  it("DataLoader.open rejects as the constructor throws on a missing file, and with an AbortError on an aborted signal", async () => {
    const missing = join(dir, "missing.h5");
    let thrown: Error | null = null;
    try {
      new DataLoader(missing).closeFile();
    } catch (e) {
      thrown = e as Error;
    }
    expect(thrown).not.toBeNull();
    await expect(DataLoader.open(missing)).rejects.toMatchObject({ name: thrown!.name, message: thrown!.message });
    const aborted = new AbortController();
    aborted.abort();
    await expect(DataLoader.open(path, { signal: aborted.signal })).rejects.toMatchObject({ name: "AbortError" });
    await expect(DataLoader.open(path, { other: 1 } as never)).rejects.toThrow(/other/);
  });

  it("DataLoader.open takes the constructor's options: the loads' budget and the storage", async () => {
    using small = await DataLoader.open(path, { maxLoadBytes: 1024 });
    expect(small.maxLoadBytes).toBe(1024);
    await expect(small.loadDataAsync(where)).rejects.toSatisfy(isLimitError);
    const counts: Counts = {};
    using counted = await DataLoader.open(path, { storage: countingBackend(libhdf5Storage, counts) });
    expect(same(await counted.loadDataAsync(where))).toEqual(same(small.loadData(where, { maxLoadBytes: Infinity })));
    expect(counts["openArray.readAsync"]).toBeGreaterThan(0);
    await expect(DataLoader.open(path, { maxLoadBytes: -1 })).rejects.toSatisfy(isInvalidValueError);
  });

  it("loadAll with 'nav' (sync and async) equals inav of each DataWithAxes of the whole loadAll", async () => {
    using loader = new DataLoader(path);
    const whole = loader.loadAll("/RawData");
    for (const nav of [[2], [Slice.of(1, 5, 2), -1], [Slice.all, Slice.of(1, 3)]] as const) {
      const expected = whole.data.map((dwa) => same(dwa.inav.get(...nav, ...dwa.navShape.slice(nav.length).map(() => Slice.all)), false));
      expect(expected.length).toBeGreaterThan(0);
      expect(loader.loadAll("/RawData", undefined, { nav }).data.map((d) => same(d, false)), String(nav)).toEqual(expected);
      const asyncAll = await loader.loadAllAsync("/RawData", undefined, { nav });
      expect(asyncAll.data.map((d) => same(d, false)), String(nav)).toEqual(expected);
    }
    expect(() => loader.loadAll("/RawData", undefined, { nav: [NX] })).toThrow(/out of range/);
    await expect(loader.loadAllAsync("/RawData", undefined, { nav: [0, 0, 0] })).rejects.toThrow(/3 navigation items for 2/);
  });

  it("navSlabs with navDim 1 yields the whole load's slices along the second navigation dimension", async () => {
    using loader = new DataLoader(path);
    const whole = loader.loadData(where);
    const slabs: [number, number][] = [];
    for await (const slab of loader.navSlabs(where, { navDim: 1, slabSize: 3 })) {
      slabs.push([slab.start, slab.stop]);
      expect(same(slab.data, false)).toEqual(same(whole.inav.get(Slice.all, Slice.of(slab.start, slab.stop)), false));
    }
    expect(slabs).toEqual([[0, 3], [3, 4]]);
    // By bytes: one y-index holds NX * NW float64.
    const bySize: number[] = [];
    for await (const slab of loader.navSlabs(where, { navDim: 1, slabBytes: 2 * NX * NW * 8 })) bySize.push(slab.stop - slab.start);
    expect(bySize).toEqual([2, 2]);
  });

  it("navSlabs refuses a navigation dimension the data does not have, and a signal cancels it", async () => {
    using loader = new DataLoader(path);
    await expect(loader.navSlabs(where, { navDim: 2 }).next()).rejects.toMatchObject({ name: "LoadError", message: expect.stringMatching(/no navigation dimension 2/) });
    await expect(loader.navSlabs(where, { navDim: -1 }).next()).rejects.toThrow(/navDim must be a non-negative integer/);
    await expect(loader.navSlabs(where, { signal: "stop" as never }).next()).rejects.toBeInstanceOf(InvalidTypeError);
    const aborted = new AbortController();
    aborted.abort();
    await expect(loader.navSlabs(where, { navDim: 1, signal: aborted.signal }).next()).rejects.toMatchObject({ name: "AbortError" });
  });

  it("a signal aborted while loadAllAsync plans rejects with an AbortError, and the loader still loads", async () => {
    using loader = new DataLoader(path);
    const controller = new AbortController();
    const pending = loader.loadAllAsync("/RawData", undefined, { signal: controller.signal, nav: [1] });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: "AbortError", message: `${path}: the load was aborted before its reads started` });
    expect(canonicalDte(await loader.loadAllAsync("/RawData", undefined, { nav: [1] }))).toEqual(canonicalDte(loader.loadAll("/RawData", undefined, { nav: [1] })));
  });
});

