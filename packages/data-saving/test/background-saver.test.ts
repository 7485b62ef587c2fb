/**
 * BackgroundSaver on real files: the file equals the synchronous saver's given the same calls
 * (every attribute raw, every dataset), order under load, back-pressure, errors raised in the
 * worker reaching the caller, cancellation, and close while writes are queued; and what batching
 * could break: a failure in the middle of a batch, flush and close with calls still in the
 * outbox, order across batches, arrays taken over when queued though posted later.
 */
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "@pymodaq-ts/test-support";
import { describe, expect, it } from "vitest";
import { Axis, DataRaw, DataToExport, NDArray } from "@pymodaq-ts/data-model";
import { BATCH_BYTES, PACKED_MAX_BYTES } from "../src/background/arenas.js";
import { BackgroundSaver } from "../src/background/background-saver.js";
import { BackgroundAbortError, BackgroundSaverError } from "../src/background/errors.js";
import { H5SaverLowLevel } from "../src/conventions/h5-saver-lowlevel.js";
import { FileStateError, InvalidTypeError, InvalidValueError } from "../src/errors.js";
import { DataLoader } from "../src/loader/data-loader.js";
import { DataToExportEnlargeableSaver } from "../src/savers/dte-enlargeable-saver.js";
import { DataToExportExtendedSaver } from "../src/savers/dte-extended-saver.js";
import { fileTree } from "./h5tree.helpers.js";

const dir = tempDir("pymodaq-background");
let fileCount = 0;
/** A new file, each in its own directory under the same name (the root `file` attribute is the name). */
function newPath(): string {
  const sub = join(dir, String(fileCount++));
  mkdirSync(sub);
  return join(sub, "scan.h5");
}
const CLOCK = { date: "2024-05-06", time: "07:08:09.123000" };

const NX = 6;
const NY = 5;
const SPECTRUM = 64;

/** The spectrometer's and power meter's readings at a scan point: deterministic, timestamps included. */
function point(ix: number, iy: number): { spectrum: DataToExport; power: DataToExport } {
  const k = ix * NY + iy;
  const channel = (c: number) => NDArray.from("float64", [SPECTRUM], Array.from({ length: SPECTRUM }, (_, i) => Math.sin(i * 0.1 + k + c)));
  const wavelength = NDArray.from("float64", [SPECTRUM], Array.from({ length: SPECTRUM }, (_, i) => 500 + i * i * 0.01));
  const spectrum = new DataToExport("spectrometer", { timestamp: 1e9 + k, data: [new DataRaw("spectrum", {
    data: [channel(0), channel(1)], labels: ["A", "B"], units: "V", timestamp: 1e9 + k,
    axes: [new Axis({ label: "wavelength", units: "nm", data: wavelength, index: 0 })],
  })] });
  const power = new DataToExport("meter", { timestamp: 1e9 + k, data: [new DataRaw("power", {
    data: [NDArray.from("float64", [1], [k * 0.5])], units: "W", timestamp: 1e9 + k,
  })] });
  return { spectrum, power };
}

const navAxes = (): Axis[] => [
  new Axis({ label: "x", units: "mm", data: NDArray.from("float64", [NX], Array.from({ length: NX }, (_, i) => i * 0.5)), index: 0 }),
  new Axis({ label: "y", units: "mm", data: NDArray.from("float64", [NY], Array.from({ length: NY }, (_, i) => -1 + i * 0.25)), index: 1 }),
];

/** The scan of the demo, small, with the synchronous savers. */
function scanSync(path: string): void {
  const h5 = new H5SaverLowLevel({ saveType: "scan" });
  h5.initFile(path, { newFile: true, clock: CLOCK });
  h5.addLog("scan started");
  const scan = h5.addScanGroup(h5.rawGroup, "scan2d");
  const spectro = h5.addDetGroup(scan, "spectrometer");
  const meter = h5.addDetGroup(scan, "meter");
  const saver = new DataToExportExtendedSaver(h5, [NX, NY]);
  saver.addNavAxes(scan, navAxes());
  for (let ix = 0; ix < NX; ix++) {
    for (let iy = 0; iy < NY; iy++) {
      const { spectrum, power } = point(ix, iy);
      saver.addData(spectro, spectrum, [ix, iy]);
      saver.addData(meter, power, [ix, iy]);
    }
  }
  h5.addLog("scan done");
  h5.closeFile();
}

/**
 * The same calls through a BackgroundSaver, points transferred and not awaited one by one; with
 * `started`, the saver is constructed and started ahead of the scan, as at application start.
 */
async function scanBackground(path: string, maxQueueBytes?: number, started = false): Promise<void> {
  const saver = new BackgroundSaver({ saver: { kind: "extended", extendedShape: [NX, NY] }, ...(maxQueueBytes ? { maxQueueBytes } : {}) });
  if (started) await saver.ready();
  await saver.initFile(path, { newFile: true, clock: CLOCK });
  await saver.addLog("scan started");
  const scan = await saver.addScanGroup("/RawData", "scan2d");
  const spectro = await saver.addDetGroup(scan, "spectrometer");
  const meter = await saver.addDetGroup(scan, "meter");
  await saver.addNavAxes(scan, navAxes());
  const queued: Promise<void>[] = [];
  for (let ix = 0; ix < NX; ix++) {
    for (let iy = 0; iy < NY; iy++) {
      const { spectrum, power } = point(ix, iy);
      queued.push(saver.addData(spectro, spectrum, [ix, iy], { transfer: true }));
      queued.push(saver.addData(meter, power, [ix, iy]));
    }
  }
  await Promise.all(queued);
  await saver.addLog("scan done");
  await saver.close();
}

/** A timed-saver logger of `n` points with the point's index as data. */
function loggerPoint(i: number, size = 16): DataToExport {
  return new DataToExport("logger", { timestamp: 2e9 + i, data: [new DataRaw("counter", {
    data: [NDArray.from("float64", [size], Array.from({ length: size }, () => i))], timestamp: 2e9 + i,
  })] });
}

async function timedSaver(path: string, maxQueueBytes?: number): Promise<{ saver: BackgroundSaver<{ kind: "timed" }>; det: string }> {
  const saver = new BackgroundSaver({ saver: { kind: "timed" }, saveType: "detector", ...(maxQueueBytes ? { maxQueueBytes } : {}) });
  await saver.initFile(path, { newFile: true, clock: CLOCK });
  const det = await saver.addDetGroup("/RawData", "logger");
  return { saver, det };
}

/** The rows of the logged counter, read back with the loader. */
/** The nice value of each thread of this process (Linux), the main thread first. */
function threadNices(): number[] {
  const tids = readdirSync("/proc/self/task").sort((a, b) => (a === String(process.pid) ? -1 : b === String(process.pid) ? 1 : 0));
  return tids.flatMap((tid) => {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
      // after the command name, in parentheses: the state is field 3, the nice value field 19
      return [Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16])];
    } catch {
      return []; // the thread ended meanwhile
    }
  });
}

function loggedRows(path: string): number[] {
  using loader = new DataLoader(path);
  const dwa = loader.loadData("/RawData/Detector000/Data1D/CH00/EnlData00");
  const data = dwa.data[0]!;
  const rows = data.shape[0]!;
  return Array.from({ length: rows }, (_, r) => Number(data.data[r * data.shape[1]!]));
}

describe("BackgroundSaver", () => {
  it("writes the file the synchronous saver writes given the same calls (attributes raw, all datasets)", async () => {
    const syncPath = newPath();
    const bgPath = newPath();
    scanSync(syncPath);
    await scanBackground(bgPath);
    const background = fileTree(bgPath);
    expect(Object.keys(background).length).toBeGreaterThan(15);
    expect(background).toEqual(fileTree(syncPath));
  });

  it("the same with a queue smaller than one point (every call waits for the previous one)", async () => {
    const syncPath = newPath();
    const bgPath = newPath();
    scanSync(syncPath);
    await scanBackground(bgPath, 16);
    expect(fileTree(bgPath)).toEqual(fileTree(syncPath));
  });

  it("the same when the saver was started ahead of the scan (ready awaited first)", async () => {
    const syncPath = newPath();
    const bgPath = newPath();
    scanSync(syncPath);
    await scanBackground(bgPath, undefined, true);
    expect(fileTree(bgPath)).toEqual(fileTree(syncPath));
  });

  it("ready() resolves once the worker has started, whether calls were queued before it or not", async () => {
    const path = newPath();
    const saver = new BackgroundSaver({ saver: { kind: "timed" }, saveType: "detector" });
    const created = saver.initFile(path, { newFile: true, clock: CLOCK }); // queued while the worker starts
    await saver.ready();
    expect(await created).toBe(true);
    await saver.ready(); // settled once: later calls resolve at once
    const det = await saver.addDetGroup("/RawData", "logger");
    await saver.addData(det, loggerPoint(0));
    await saver.close();
    expect(loggedRows(path)).toEqual([0]);
  });

  it("ready() rejects, as the calls do, when the worker fails to start", async () => {
    const saver = new BackgroundSaver({ saver: { kind: "timed" }, saveType: "bogus" as never });
    const error = await saver.ready().then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(BackgroundSaverError);
    expect((error as BackgroundSaverError).operation).toBe("worker");
    expect((error as BackgroundSaverError).message).toMatch(/bogus/);
    await expect(saver.initFile(newPath(), { newFile: true })).rejects.toBe(error);
    await expect(saver.close()).rejects.toBe(error);
  });

  it("keeps the call order under load (appends issued without waiting land in order)", async () => {
    const path = newPath();
    const { saver, det } = await timedSaver(path, 4096);
    const n = 300;
    await Promise.all(Array.from({ length: n }, (_, i) => saver.addData(det, loggerPoint(i, 64), { transfer: true })));
    await saver.close();
    expect(loggedRows(path)).toEqual(Array.from({ length: n }, (_, i) => i));
  });

  it("applies back-pressure: the bytes queued never exceed maxQueueBytes, and a call waits for room", async () => {
    const path = newPath();
    const pointBytes = 64 * 8;
    const { saver, det } = await timedSaver(path, 3 * pointBytes);
    let maxSeen = 0;
    const admitted: number[] = [];
    const calls = Array.from({ length: 40 }, (_, i) => saver.addData(det, loggerPoint(i, 64)).then(() => {
      maxSeen = Math.max(maxSeen, saver.queuedBytes);
      admitted.push(i);
    }));
    // Three points fit; the fourth waits until the worker has written one.
    await calls[2];
    expect(admitted).toEqual([0, 1, 2]);
    expect(saver.queuedBytes).toBe(3 * pointBytes);
    await Promise.all(calls);
    expect(maxSeen).toBeLessThanOrEqual(3 * pointBytes);
    expect(admitted).toEqual(Array.from({ length: 40 }, (_, i) => i));
    await saver.close();
    expect(saver.queuedBytes).toBe(0);
    expect(loggedRows(path)).toHaveLength(40);
  });

  it("reports an error raised in the worker at the next call and at close, with the worker's error as cause", async () => {
    const path = newPath();
    const { saver, det } = await timedSaver(path);
    await saver.addData(det, loggerPoint(0));
    await saver.addData("/RawData/NoSuchGroup", loggerPoint(1)); // queued: the failure comes later
    const next = await saver.flush().then(() => null, (e: unknown) => e);
    expect(next).toBeInstanceOf(BackgroundSaverError);
    const error = next as BackgroundSaverError;
    expect(error.operation).toBe("addData");
    expect(error.pythonName).toBe("NodeError");
    expect(error.code).toBe("NODE");
    expect(error.message).toContain(path);
    expect((error.cause as Error).name).toBe("NodeError");
    expect((error.cause as Error).message).toContain("/RawData/NoSuchGroup");
    await expect(saver.addData(det, loggerPoint(2))).rejects.toBe(error);
    await expect(saver.close()).rejects.toBe(error);
    // The file was closed all the same, with the point written before the failure.
    expect(loggedRows(path)).toEqual([0]);
  });

  it("rejects an options error of the wrapped saver in the worker, as the synchronous call throws it", async () => {
    const { saver, det } = await timedSaver(newPath());
    await saver.addData(det, loggerPoint(0), { bogus: 1 } as never);
    const error = await saver.close().then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(BackgroundSaverError);
    expect((error as BackgroundSaverError).pythonName).toBe("TypeError");
  });

  it("cancels a call waiting for room through its signal: nothing of it is written", async () => {
    const path = newPath();
    const { saver, det } = await timedSaver(path, 64 * 8);
    const first = saver.addData(det, loggerPoint(0, 64));
    const aborted = new AbortController();
    aborted.abort(new Error("operator stop"));
    const before = saver.addData(det, loggerPoint(1, 64), { signal: aborted.signal });
    const later = new AbortController();
    const waiting = saver.addData(det, loggerPoint(2, 64), { signal: later.signal });
    later.abort();
    const after = saver.addData(det, loggerPoint(3, 64));
    await first;
    await expect(before).rejects.toBeInstanceOf(BackgroundAbortError);
    const error = await waiting.then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(BackgroundAbortError);
    expect((error as BackgroundAbortError).name).toBe("AbortError");
    await after;
    await saver.close();
    expect(loggedRows(path)).toEqual([0, 3]);
  });

  it("writes every queued call when closed while writes are queued, then refuses calls", async () => {
    const path = newPath();
    const { saver, det } = await timedSaver(path, 8 * 64 * 8);
    const calls = Array.from({ length: 50 }, (_, i) => saver.addData(det, loggerPoint(i, 64)));
    const closed = saver.close();
    expect(saver.close()).toBe(closed);
    await closed;
    await Promise.all(calls);
    expect(loggedRows(path)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    await expect(saver.addData(det, loggerPoint(99))).rejects.toBeInstanceOf(FileStateError);
  });

  it("moves large arrays only when asked (the caller's detached then); small ones are always copied", async () => {
    const path = newPath();
    const { saver, det } = await timedSaver(path);
    const large = 2 * PACKED_MAX_BYTES / 8;
    const copied = loggerPoint(0, large);
    await saver.addData(det, copied);
    expect(copied.data[0]!.data[0]!.data.length).toBe(large);
    const moved = loggerPoint(1, large);
    await saver.addData(det, moved, { transfer: true });
    expect(moved.data[0]!.data[0]!.data.length).toBe(0);
    await saver.close();
    expect(loggedRows(path)).toEqual([0, 1]);
    // Small arrays cross in the batch's arena: copied, transfer or not (a copy costs less than a move).
    const small = newPath();
    const second = await timedSaver(small);
    const kept = loggerPoint(2);
    await second.saver.addData(second.det, kept, { transfer: true });
    (kept.data[0]!.data[0]!.data as Float64Array).fill(-1); // written after the call was queued: not what is saved
    await second.saver.close();
    expect(loggedRows(small)).toEqual([2]);
  });

  it("refuses a point whose arrays an earlier call moved away, with a typed error, and goes on saving", async () => {
    const path = newPath();
    const { saver, det } = await timedSaver(path);
    const large = 2 * PACKED_MAX_BYTES / 8;
    const point = loggerPoint(0, large);
    await saver.addData(det, point, { transfer: true });
    await expect(saver.addData(det, point, { transfer: true })).rejects.toThrow(InvalidValueError);
    await expect(saver.addData(det, point)).rejects.toThrow(/holding no data: its buffer was detached/);
    await saver.addData(det, loggerPoint(1, large));
    await saver.close();
    expect(loggedRows(path)).toEqual([0, 1]);
  });

  it("refuses arguments of the wrong kind at the call, with an InvalidTypeError, and goes on saving", async () => {
    const path = newPath();
    const { saver, det } = await timedSaver(path);
    await saver.addData(det, loggerPoint(0));
    for (const wrong of [{}, null, 3, loggerPoint(1).data[0]]) {
      await expect(saver.addData(det, wrong as never)).rejects.toThrow(/^addData: data must be a DataToExport, got /);
      await expect(saver.addBkg(det, wrong as never)).rejects.toThrow(InvalidTypeError);
    }
    for (const where of [null, 42, { path: det }]) {
      await expect(saver.addData(where as never, loggerPoint(1))).rejects.toThrow(/^addData: where must be a group's path \(a string\), got /);
      await expect(saver.addDetGroup(where as never, "x")).rejects.toThrow(InvalidTypeError);
    }
    await expect(saver.addNavAxes(det, [loggerPoint(1)] as never)).rejects.toThrow(/^addNavAxes: axes\[0\] must be an Axis, got DataToExport/);
    await expect(saver.addLog(42 as never)).rejects.toThrow(/^addLog: message must be a string, got number 42/);
    await expect(saver.addScanGroup(7 as never)).rejects.toThrow(/^addScanGroup: where must be a group's path/);
    expect(() => new BackgroundSaver({ saver: null } as never)).toThrow(/saver\.kind must be one of/);
    await saver.addData(det, loggerPoint(1));
    await saver.close();
    expect(loggedRows(path)).toEqual([0, 1]);
  });

  it("small arrays packed in arenas used again and again, beside large ones moved, keep every value", async () => {
    const path = newPath();
    const saver = new BackgroundSaver({ saver: { kind: "timed" }, saveType: "detector" });
    await saver.initFile(path, { newFile: true, clock: CLOCK });
    const det = await saver.addDetGroup("/RawData", "logger");
    const sizes = [100, PACKED_MAX_BYTES / 8 + 1]; // CH00 packed, CH01 moved
    const values = (i: number, c: number) => Array.from({ length: sizes[c]! }, (_, j) => i * 1e6 + c * 1e5 + j);
    // More batches than arenas, posted without waiting (a flush posts its batch at once): batches
    // are in flight together, and each arena is filled again once its batch was answered.
    const batches = 24;
    const calls: Promise<void>[] = [];
    for (let b = 0; b < batches; b++) {
      for (let i = b * 5; i < b * 5 + 5; i++) {
        calls.push(saver.addData(det, new DataToExport("logger", { timestamp: 2e9 + i, data: [0, 1].map((c) => new DataRaw(`ch${c}`, {
          data: [NDArray.from("float64", [sizes[c]!], values(i, c))], timestamp: 2e9 + i,
        })) }), { transfer: true }));
      }
      calls.push(saver.flush());
    }
    await Promise.all(calls);
    await saver.close();
    using loader = new DataLoader(path);
    for (const c of [0, 1]) {
      const data = loader.loadData(`/RawData/Detector000/Data1D/CH0${c}/EnlData00`).data[0]!;
      expect(data.shape).toEqual([batches * 5, sizes[c]]);
      const all = Array.from(data.data as Float64Array);
      expect(all).toEqual(Array.from({ length: batches * 5 }, (_, i) => values(i, c)).flat());
    }
  });

  it("writes the values a SharedArrayBuffer held when the call was queued, with or without transfer", async () => {
    const path = newPath();
    const { saver, det } = await timedSaver(path);
    const shared = new Float64Array(new SharedArrayBuffer(16 * 8));
    const sharedPoint = (i: number) => new DataToExport("logger", { timestamp: 2e9 + i, data: [new DataRaw("counter", {
      data: [new NDArray("float64", [16], shared)], timestamp: 2e9 + i,
    })] });
    // Earlier points keep the worker busy while the shared memory is written again.
    const earlier = Array.from({ length: 50 }, (_, i) => saver.addData(det, loggerPoint(i)));
    shared.fill(50);
    await saver.addData(det, sharedPoint(50));
    shared.fill(-1);
    shared.fill(51);
    await saver.addData(det, sharedPoint(51), { transfer: true });
    shared.fill(-1);
    await Promise.all(earlier);
    await saver.close();
    expect(loggedRows(path)).toEqual(Array.from({ length: 52 }, (_, i) => i));
    expect(shared.length).toBe(16); // shared memory is never detached
  });

  it("refuses a wrong saver kind, queue size and worker priority", () => {
    expect(() => new BackgroundSaver({ saver: { kind: "nope" } as never })).toThrow(/saver.kind/);
    expect(() => new BackgroundSaver({ saver: { kind: "timed" }, maxQueueBytes: 0 })).toThrow(/maxQueueBytes/);
    for (const workerNice of [-1, 20, 1.5, "5"]) {
      expect(() => new BackgroundSaver({ saver: { kind: "timed" }, workerNice: workerNice as number })).toThrow(InvalidValueError);
    }
    expect(() => new BackgroundSaver({ saver: { kind: "timed" }, extra: 1 } as never)).toThrow(/extra/);
  });

  it.runIf(process.platform === "linux")("runs its worker at a lower priority than the caller's threads (Linux), as asked", async () => {
    const base = threadNices()[0]!; // the main thread is listed first
    const lowered = async (workerNice?: number): Promise<number[]> => {
      const before = threadNices();
      const saver = new BackgroundSaver({ saver: { kind: "timed" }, ...(workerNice === undefined ? {} : { workerNice }) });
      await saver.ready();
      const after = threadNices();
      await saver.close();
      // threads of earlier savers may end meanwhile, none starts: what is new is the worker's
      const count = (list: number[], nice: number): number => list.filter((n) => n === nice).length;
      return [...new Set(after)].filter((nice) => nice !== base).flatMap((nice) => Array(Math.max(0, count(after, nice) - count(before, nice))).fill(nice) as number[]);
    };
    expect(await lowered()).toEqual([Math.min(19, base + 10)]);
    expect(await lowered(19)).toEqual([19]);
    expect(await lowered(7)).toEqual([Math.min(19, base + 7)]);
    expect(await lowered(0)).toEqual([]);
  });

  it("gives the same file as the synchronous enlargeable saver", async () => {
    const syncPath = newPath();
    const bgPath = newPath();
    const h5 = new H5SaverLowLevel({ saveType: "detector" });
    h5.initFile(syncPath, { newFile: true, clock: CLOCK });
    const sync = new DataToExportEnlargeableSaver(h5, { axisName: "t", axisUnits: "s" });
    const det = h5.addDetGroup(h5.rawGroup, "logger");
    for (let i = 0; i < 10; i++) sync.addData(det, loggerPoint(i), { axisValues: [i * 0.1] });
    h5.closeFile();
    const saver = new BackgroundSaver({ saver: { kind: "enlargeable", options: { axisName: "t", axisUnits: "s" } }, saveType: "detector" });
    await saver.initFile(bgPath, { newFile: true, clock: CLOCK });
    const bgDet = await saver.addDetGroup("/RawData", "logger");
    for (let i = 0; i < 10; i++) await saver.addData(bgDet, loggerPoint(i), { axisValues: [i * 0.1] });
    await saver.close();
    expect(fileTree(bgPath)).toEqual(fileTree(syncPath));
  });

  describe("batches", () => {
    it("skips the calls after a failure in the same batch, and reports it at the next call and at close", async () => {
      const path = newPath();
      const { saver, det } = await timedSaver(path);
      // Issued in one go: they wait in the outbox and cross together.
      const calls = [
        saver.addData(det, loggerPoint(0)),
        saver.addData("/RawData/NoSuchGroup", loggerPoint(1)),
        saver.addData(det, loggerPoint(2)),
        saver.addData(det, loggerPoint(3)),
      ];
      await Promise.all(calls); // queued: the failure comes later
      const error = await saver.flush().then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(BackgroundSaverError);
      expect((error as BackgroundSaverError).operation).toBe("addData");
      expect((error as BackgroundSaverError).message).toContain("/RawData/NoSuchGroup");
      await expect(saver.addData(det, loggerPoint(4))).rejects.toBe(error);
      await expect(saver.close()).rejects.toBe(error);
      expect(saver.queuedBytes).toBe(0);
      expect(loggedRows(path)).toEqual([0]);
    });

    it("flush resolves once the calls still in the outbox are written", async () => {
      const path = newPath();
      const { saver, det } = await timedSaver(path);
      for (let i = 0; i < 5; i++) await saver.addData(det, loggerPoint(i));
      expect(saver.queuedBytes).toBe(5 * 16 * 8); // queued, not yet answered
      await saver.flush();
      expect(saver.queuedBytes).toBe(0);
      await saver.close();
      expect(loggedRows(path)).toEqual([0, 1, 2, 3, 4]);
    });

    it("close writes the calls still in the outbox", async () => {
      const path = newPath();
      const { saver, det } = await timedSaver(path);
      for (let i = 0; i < 5; i++) await saver.addData(det, loggerPoint(i));
      await saver.close();
      expect(saver.queuedBytes).toBe(0);
      expect(loggedRows(path)).toEqual([0, 1, 2, 3, 4]);
    });

    it("keeps the call order across batches: timer, awaited calls and the batch size bound", async () => {
      const path = newPath();
      const { saver, det } = await timedSaver(path);
      const size = BATCH_BYTES / 8 / 4; // float64 values: four points fill a batch
      const issued: Promise<void>[] = [];
      for (let i = 0; i < 24; i++) {
        issued.push(saver.addData(det, loggerPoint(i, size)));
        if (i % 7 === 6) await new Promise((resolve) => setTimeout(resolve, 6)); // past the batch delay
        if (i % 11 === 10) await saver.flush(); // an awaited call posts at once
      }
      await Promise.all(issued);
      await saver.close();
      expect(loggedRows(path)).toEqual(Array.from({ length: 24 }, (_, i) => i));
    });

    it("a call waiting for room held by calls of the outbox gets it, and can be aborted meanwhile", async () => {
      const path = newPath();
      const pointBytes = 64 * 8;
      const { saver, det } = await timedSaver(path, 2 * pointBytes);
      const first = [saver.addData(det, loggerPoint(0, 64)), saver.addData(det, loggerPoint(1, 64))];
      const stop = new AbortController();
      const waiting = saver.addData(det, loggerPoint(2, 64), { signal: stop.signal });
      await Promise.all(first);
      expect(saver.queuedBytes).toBe(2 * pointBytes);
      stop.abort();
      await expect(waiting).rejects.toBeInstanceOf(BackgroundAbortError);
      await saver.addData(det, loggerPoint(3, 64)); // room comes once the outbox calls are written
      await saver.close();
      expect(loggedRows(path)).toEqual([0, 1, 3]);
    });

    it("takes transferred arrays over when the call is queued, though its batch is posted later", async () => {
      const path = newPath();
      const { saver, det } = await timedSaver(path);
      const size = PACKED_MAX_BYTES / 8 + 1;
      const moved = loggerPoint(7, size);
      const array = moved.data[0]!.data[0]!.data;
      await saver.addData(det, moved, { transfer: true });
      expect(array.length).toBe(0); // detached at once, not when the batch leaves
      expect(saver.queuedBytes).toBe(size * 8);
      await saver.close();
      expect(loggedRows(path)).toEqual([7]);
    });
  });
});
