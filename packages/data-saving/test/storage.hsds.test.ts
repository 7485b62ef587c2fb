/**
 * The HSDS storage against a real HSDS (../shared/services/hsds, started here in a temporary
 * WORKDIR and stopped at the end): every fixture scenario replayed onto a domain loads, read
 * directly from HSDS and once exported to a local file, with the canonical load JSON of the same
 * scenario replayed locally; every PyMoDAQ fixture file imported into HSDS loads as the file does;
 * appends are batched and the shape attributes are exact at every flush; HTTP failures are typed
 * (401, 403, 404, 409, 500, no answer) and a lost connection names the rows it lost.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Axis, DataRaw, DataToExport, NDArray, type DataWithAxes } from "@pymodaq-ts/data-model";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { copyBetween } from "../src/cli/copy.js";
import { FILE_SETTINGS } from "../src/conventions/layout.js";
import { H5SaverLowLevel } from "../src/conventions/h5-saver-lowlevel.js";
import { DataLoader } from "../src/loader/data-loader.js";
import { DataToExportExtendedSaver } from "../src/savers/dte-extended-saver.js";
import { DataToExportSaver } from "../src/savers/dte-saver.js";
import { libhdf5Storage } from "../src/storage/libhdf5.js";
import { HsdsClient } from "../src/storage/hsds/client.js";
import { DESCRIBE_ALL_AFTER } from "../src/storage/hsds/domain.js";
import { parseEndpoint } from "../src/storage/hsds/endpoint.js";
import { HsdsError, HsdsUnsavedRowsError } from "../src/storage/hsds/errors.js";
import { hsdsStorage, type HsdsStorage } from "../src/storage/hsds/storage.js";
import type { AnyTypedArray, StorageArray, StorageFile } from "../src/storage/types.js";
import { canonicalDte, canonicalDwa } from "../src/tools/canonical/dwa.js";
import { inspectFile, inspectLoader } from "../src/tools/canonical/inspect.js";
import { stringifyCanonical } from "../src/tools/canonical/json.js";
import { replayScenario } from "../src/tools/replay/index.js";
import { FIXTURES, hsdsUnavailable, scenarioNames, startHsds, USERS, type RunningHsds } from "./hsds.helpers.js";

if (hsdsUnavailable !== null) console.log(hsdsUnavailable);

/** The canonical JSON of a document, without the file name (a domain and a file differ there). */
const canonical = (doc: ReturnType<typeof inspectFile>): string => stringifyCanonical({ ...doc, file: "" });

/**
 * A relay in another process, standing for the network between a storage and HSDS (`target`, its
 * socket): killing it cuts the connection; `delayMs` holds back each answer that long (a slow
 * network). Returns once it listens at `socketPath`.
 */
function startRelay(socketPath: string, target: string, delayMs = 0): ChildProcess {
  const relay = spawn(process.execPath, ["-e", `
    const net = require("node:net");
    const delay = Number(process.argv[3]);
    net.createServer((c) => {
      const s = net.connect(process.argv[2]);
      c.pipe(s);
      s.on("data", (d) => (delay === 0 ? c.write(d) : setTimeout(() => c.write(d), delay)));
      s.on("end", () => setTimeout(() => c.end(), delay));
      c.on("error", () => s.destroy());
      s.on("error", () => c.destroy());
    }).listen(process.argv[1]);`, socketPath, target, String(delayMs)], { stdio: ["ignore", "ignore", "inherit"] });
  const deadline = Date.now() + 20_000;
  while (!existsSync(socketPath) && Date.now() < deadline) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
  return relay;
}

describe.runIf(hsdsUnavailable === null)("hsdsStorage on a real HSDS", () => {
  let hsds: RunningHsds;
  let work: string;
  let user1: HsdsStorage;
  const as = (user: keyof typeof USERS, extra: Parameters<typeof hsdsStorage>[0] = {}): HsdsStorage =>
    hsdsStorage({ endpoint: hsds.endpoint, username: user, password: USERS[user], ...extra });

  beforeAll(async () => {
    hsds = await startHsds();
    work = mkdtempSync(join(tmpdir(), "hsds-storage-"));
    user1 = as("test_user1");
  }, 900_000);
  // The storage blocks its thread during each request; a turn of the event loop between tests lets
  // the test worker answer vitest's messages in time.
  beforeEach(() => new Promise<void>((r) => setImmediate(r)));
  afterAll(async () => {
    await hsds?.stop();
    if (work !== undefined) rmSync(work, { recursive: true, force: true });
  }, 120_000);

  describe.each(scenarioNames())("scenario %s", (name) => {
    it("replayed onto HSDS, loads there and once exported as the local replay does (chunk shapes aside)", () => {
      const local = join(work, `${name}.h5`);
      replayScenario(join(FIXTURES, `${name}.scenario.json`), local);
      const domain = `/home/test_user1/${name}.h5`;
      replayScenario(join(FIXTURES, `${name}.scenario.json`), domain, { storage: user1 });
      const expected = canonical(inspectFile(local));
      expect(canonical(inspectFile(domain, { storage: user1 }))).toBe(expected);

      const exported = join(work, `${name}.exported.h5`);
      copyBetween(user1, domain, libhdf5Storage, exported);
      expect(canonical(inspectFile(exported))).toBe(expected);
    }, 120_000);
  });

  describe.each(scenarioNames())("fixture %s.h5", (name) => {
    it("imported into HSDS, loads as the PyMoDAQ file does, its objects described on first use or all at an asynchronous open", async () => {
      const original = join(FIXTURES, `${name}.h5`);
      if (!existsSync(original)) throw new Error(`missing ${original}`);
      const domain = `/home/test_user1/imported-${name}.h5`;
      copyBetween(libhdf5Storage, original, user1, domain);
      const expected = canonical(inspectFile(original));
      expect(canonical(inspectFile(domain, { storage: user1 }))).toBe(expected);
      using loader = await DataLoader.open(domain, { storage: user1 });
      expect(canonical(inspectLoader(loader, domain))).toBe(expected);
    }, 120_000);
  });

  it("batches appends: rows per request follow the batch size, and shape attributes are exact at every flush", () => {
    const storage = as("test_user1", { batch: { maxRows: 16, maxDelayMs: 60_000 } });
    const domain = "/home/test_user1/batching.h5";
    using h5 = new H5SaverLowLevel({ storage });
    h5.initFile(domain, { newFile: true });
    const earray = h5.createEarray(h5.rawGroup, "Rows", "float64", [3]);
    const before = { ...storage.stats };
    const reader = as("test_user1");
    for (let i = 0; i < 100; i++) {
      earray.append(new NDArray("float64", [3], Float64Array.of(i, i + 0.5, -i)));
      if (i === 49 || i === 99) {
        h5.flush();
        using loader = new DataLoader(domain, { storage: reader });
        const node = loader.getNode("/RawData/Rows");
        expect(node.attrs.get("shape")).toEqual(expect.objectContaining({ items: [BigInt(i + 1), 3n] }));
        const rows = h5.read(earray);
        expect(rows.shape).toEqual([i + 1, 3]);
      }
    }
    // 100 rows: 6 full batches of 16, and the rest sent by the two flushes (50 = 3 x 16 + 2).
    expect(storage.stats.appendedRows - before.appendedRows).toBe(100);
    expect(storage.stats.appendRequests - before.appendRequests).toBe(8);
    const read = new DataLoader(domain, { storage: reader });
    try {
      const data = read.h5saver.read("/RawData/Rows");
      expect(Array.from(data.data.slice(297, 300) as Float64Array)).toEqual([99, 99.5, -99]);
    } finally {
      read.closeFile();
    }
  });

  it("sends buffered rows of an idle writer after maxDelayMs", async () => {
    const storage = as("test_user1", { batch: { maxRows: 1000, maxDelayMs: 50 } });
    const domain = "/home/test_user1/idle.h5";
    const file = storage.create(domain, FILE_SETTINGS);
    try {
      const array = file.root.createArray("A", { dtype: "int32", boolEncoding: "bitfield", shape: [0], maxshape: [null], chunks: [1024], deflate: null, shuffle: false, fillTime: "alloc", allocTime: "incr" });
      array.append(Int32Array.of(7, 8), 2);
      expect(storage.stats.appendRequests).toBe(0);
      await new Promise((r) => setTimeout(r, 400));
      expect(storage.stats.appendRequests).toBe(1);
      const other = as("test_user1").open(domain, "r", FILE_SETTINGS);
      try {
        expect(Array.from(other.root.openArray("A").read() as Int32Array)).toEqual([7, 8]);
      } finally {
        other.close();
      }
    } finally {
      file.close();
    }
  });

  it("a lost connection loses only the unflushed rows, and says which", () => {
    const relaySocket = join(work, "relay.sock");
    const relay = startRelay(relaySocket, hsds.socketPath);
    try {
      const storage = hsdsStorage({ endpoint: `http+unix://${encodeURIComponent(relaySocket)}`, username: "test_user1", password: "test", batch: { maxRows: 4, maxDelayMs: 60_000 }, retries: 1, backoffMs: 10 });
      const domain = "/home/test_user1/lost.h5";
      const file = storage.create(domain, FILE_SETTINGS);
      const array = file.root.createArray("Scan", { dtype: "float64", boolEncoding: "bitfield", shape: [0, 2], maxshape: [null, 2], chunks: [512, 2], deflate: null, shuffle: false, fillTime: "alloc", allocTime: "incr" });
      for (let i = 0; i < 10; i++) array.append(Float64Array.of(i, 2 * i), 1);
      relay.kill("SIGKILL");
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
      let error: unknown;
      try {
        file.flush();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(HsdsUnsavedRowsError);
      const lost = error as HsdsUnsavedRowsError;
      expect(lost.status).toBe(0);
      expect(lost.unsaved).toEqual([{ path: "/Scan", start: 8, count: 2 }]);
      expect(lost.message).toContain("/Scan rows 8..9");
      expect(() => file.close()).toThrow(HsdsError);
      const direct = as("test_user1").open(domain, "r", FILE_SETTINGS);
      try {
        expect(direct.root.openArray("Scan").shape()).toEqual([8, 2]);
      } finally {
        direct.close();
      }
    } finally {
      relay.kill("SIGKILL");
    }
  });

  it("a synchronous walk asks for the domain's whole description after DESCRIBE_ALL_AFTER look-ups; a load of one node does not; both load what a described open loads", async () => {
    const domain = "/home/test_user1/many-detectors.h5";
    const detectors = 20; // 5 objects each (three groups, data and axis): 100 in all, under HSDS's 500
    const spectrum = (i: number): DataToExport => new DataToExport("d", { data: [new DataRaw(`spectrum${i}`, {
      data: [NDArray.from("float64", [4], [i, i + 1, i + 2, i + 3])],
      axes: [new Axis({ label: "w", units: "nm", data: NDArray.from("float64", [4], [0, 1, 2, i]), index: 0 })],
    })] });
    {
      using h5 = new H5SaverLowLevel({ storage: user1, saveType: "detector" });
      h5.initFile(domain, { newFile: true });
      const saver = new DataToExportSaver(h5);
      for (let i = 0; i < detectors; i++) saver.addData(h5.addDetGroup(h5.rawGroup, `det${i}`), spectrum(i));
    }
    const before = { ...user1.stats };
    let one: DataWithAxes;
    {
      using loader = new DataLoader(domain, { storage: user1 });
      one = loader.loadData("/RawData/Detector007/Data1D/CH00/Data00");
    }
    expect(user1.stats.domainDescriptions).toBe(before.domainDescriptions);
    expect(user1.stats.requests - before.requests).toBeLessThanOrEqual(DESCRIBE_ALL_AFTER);

    const walking = { ...user1.stats };
    let all: DataToExport;
    {
      using loader = new DataLoader(domain, { storage: user1 });
      all = loader.loadAll("/RawData");
    }
    expect(user1.stats.domainDescriptions).toBe(walking.domainDescriptions + 1);
    // The open, the look-ups before the description, the description, and a value read per array
    // (data and axis of each detector); one by one, the walk took a request per group's links and
    // per object's attributes too (about 200 more).
    expect(user1.stats.requests - walking.requests).toBeLessThanOrEqual(1 + DESCRIBE_ALL_AFTER + 1 + 2 * detectors);
    expect(all.length).toBe(detectors);

    using opened = await DataLoader.open(domain, { storage: user1 });
    expect(canonicalDte(all)).toEqual(canonicalDte(await opened.loadAllAsync("/RawData")));
    const withTimestamp = { withTimestamp: true };
    expect(canonicalDwa(one, withTimestamp)).toEqual(canonicalDwa(await opened.loadDataAsync("/RawData/Detector007/Data1D/CH00/Data00"), withTimestamp));

    // A session that changed the domain before its walk sees its own changes: what it wrote is
    // kept by its nodes, the description stands only for objects it has not opened.
    {
      using h5 = new H5SaverLowLevel({ storage: user1, saveType: "detector" });
      h5.initFile(domain);
      new DataToExportSaver(h5).addData(h5.addDetGroup(h5.rawGroup, "late"), spectrum(99));
      h5.getNode("/RawData/Detector003/Data1D/CH00/Data00").attrs.set("TITLE", "renamed");
      const walked = new DataLoader(h5).loadAll("/RawData");
      expect(walked.length).toBe(detectors + 1);
      expect(walked.data.filter((d) => d.name === "renamed")).toHaveLength(1);
      const reread = (): DataToExport => {
        using loader = new DataLoader(domain, { storage: user1 });
        return loader.loadAll("/RawData");
      };
      h5.flush();
      expect(canonicalDte(walked)).toEqual(canonicalDte(reread()));
    }
  }, 300_000);

  describe("asynchronous reads: readAsync, and the loader's asynchronous loads of a domain", () => {
    const domain = "/home/test_user1/async-reads.h5";
    const spectra = "/RawData/Scan000/Detector000/Data1D/CH00/Data00";
    const values = (a: AnyTypedArray): number[] => Array.from(a as Float64Array);
    /** The spectra array of the domain, opened in `file`. */
    const spectraIn = (file: StorageFile): StorageArray => {
      const names = spectra.split("/").slice(1);
      const group = names.slice(0, -1).reduce((g, name) => g.openGroup(name), file.root);
      return group.openArray(names.at(-1)!);
    };
    beforeAll(() => {
      // A 5 x 3 scan of 2-channel spectra of 64 points, written straight into the domain.
      using h5 = new H5SaverLowLevel({ storage: user1 });
      h5.initFile(domain, { newFile: true });
      const scan = h5.addScanGroup(h5.rawGroup, "scan");
      const det = h5.addDetGroup(scan, "spectro");
      const saver = new DataToExportExtendedSaver(h5, [5, 3]);
      const line = (n: number, f: (i: number) => number): NDArray => NDArray.from("float64", [n], Array.from({ length: n }, (_, i) => f(i)));
      saver.addNavAxes(scan, [new Axis({ label: "x", units: "mm", data: line(5, (i) => i * 0.5), index: 0 }), new Axis({ label: "y", units: "mm", data: line(3, (i) => 2 ** i), index: 1 })]);
      for (let ix = 0; ix < 5; ix++) {
        for (let iy = 0; iy < 3; iy++) {
          saver.addData(det, new DataToExport("spectro", { data: [new DataRaw("spectrum", {
            data: [line(64, (i) => ix * 1000 + iy * 100 + i), line(64, (i) => -i - ix)], axes: [new Axis({ label: "w", units: "nm", data: line(64, (i) => 400 + i * i), index: 0 })],
          })] }), [ix, iy]);
        }
      }
    }, 120_000);

    it("readAsync reads what read reads (whole, a slab, into a given target), and the event loop runs while it waits for HSDS", async () => {
      // Behind a relay holding each answer back 100 ms, the event loop runs during the read.
      const relaySocket = join(work, "slow-relay.sock");
      const relay = startRelay(relaySocket, hsds.socketPath, 100);
      try {
        const slow = hsdsStorage({ endpoint: `http+unix://${encodeURIComponent(relaySocket)}`, username: "test_user1", password: "test" });
        const remote = slow.open(domain, "r", FILE_SETTINGS);
        let turns = 0;
        const ticker = setInterval(() => turns++, 5);
        try {
          const read = await spectraIn(remote).readAsync!();
          expect(turns).toBeGreaterThan(5);
          expect(read.length).toBe(5 * 3 * 64);
          // The loader's asynchronous open too (the domain's description, GET /).
          turns = 0;
          using loader = await DataLoader.open(domain, { storage: slow });
          expect(turns).toBeGreaterThan(5);
          expect(loader.getNode(spectra).path).toBe(spectra);
        } finally {
          clearInterval(ticker);
          remote.close();
        }
      } finally {
        relay.kill("SIGKILL");
      }
      const file = as("test_user1").open(domain, "r", FILE_SETTINGS);
      try {
        const array = spectraIn(file);
        expect(values(await array.readAsync!())).toEqual(values(array.read()));
        const slab = { start: [1, 0, 0], count: [3, 2, 64] };
        expect(values(await array.readAsync!(slab))).toEqual(values(array.read(slab)));
        const target = new Float64Array(3 * 2 * 64);
        expect(await array.readAsync!(slab, { target })).toBe(target);
        expect(values(target)).toEqual(values(array.read(slab)));
        // A blocking request sent behind asynchronous ones: every answer reaches its caller.
        const first = array.readAsync!();
        const second = array.readAsync!(slab);
        const blocking = array.read();
        expect(values(await first)).toEqual(values(blocking));
        expect(values(await second)).toEqual(values(array.read(slab)));
      } finally {
        file.close();
      }
    });

    it("loadDataAsync, loadAllAsync and navSlabs of a domain give what the synchronous loads give", async () => {
      const storage = as("test_user1");
      using loader = new DataLoader(domain, { storage });
      const sync = loader.loadData(spectra);
      const all = canonicalDte(loader.loadAll("/RawData"));
      const check = async (async: DataLoader): Promise<void> => {
        expect(canonicalDwa(await async.loadDataAsync(spectra), { withTimestamp: true })).toEqual(canonicalDwa(sync, { withTimestamp: true }));
        expect(values((await async.loadDataAsync(spectra)).data[0]!.data)).toEqual(values(sync.data[0]!.data));
        expect(canonicalDte(await async.loadAllAsync("/RawData"))).toEqual(all);
        const rows: number[] = [];
        for await (const slab of async.navSlabs(spectra, { slabSize: 2 })) {
          expect(values(slab.data.data[0]!.data)).toEqual(values(sync.data[0]!.data).slice(slab.start * 3 * 64, slab.stop * 3 * 64));
          rows.push(slab.stop - slab.start);
        }
        expect(rows).toEqual([2, 2, 1]);
      };
      // On a domain opened synchronously (objects described on first use, blocking) ...
      await check(loader);
      // ... and on one opened by DataLoader.open, whose objects all come with the domain's
      // description: the open, the planning and the reads, none blocks the thread.
      const blocking = storage.stats.blockingRequests;
      using opened = await DataLoader.open(domain, { storage });
      await check(opened);
      expect(storage.stats.blockingRequests).toBe(blocking);
    });

    it("an aborted signal rejects with an AbortError before any request; a service that stops answering fails the read with status 0 after the retries", async () => {
      const storage = as("test_user1");
      const file = storage.open(domain, "r", FILE_SETTINGS);
      try {
        const array = spectraIn(file);
        const controller = new AbortController();
        controller.abort();
        const sent = storage.stats.requests;
        await expect(array.readAsync!(undefined, { signal: controller.signal })).rejects.toMatchObject({ name: "AbortError", code: "ABORT_ERR" });
        await expect(DataLoader.open(domain, { storage, signal: controller.signal })).rejects.toMatchObject({ name: "AbortError" });
        expect(storage.stats.requests).toBe(sent);
      } finally {
        file.close();
      }
      // Through a relay that is killed once the array is open.
      const relaySocket = join(work, "async-relay.sock");
      const relay = startRelay(relaySocket, hsds.socketPath);
      try {
        const relayed = hsdsStorage({ endpoint: `http+unix://${encodeURIComponent(relaySocket)}`, username: "test_user1", password: "test", retries: 2, backoffMs: 5 });
        const remote = relayed.open(domain, "r", FILE_SETTINGS);
        try {
          const array = spectraIn(remote);
          relay.kill("SIGKILL");
          await new Promise((r) => setTimeout(r, 200));
          const before = { ...relayed.stats };
          const error = await array.readAsync!().catch((e: unknown) => e);
          expect(error).toBeInstanceOf(HsdsError);
          expect((error as HsdsError).status).toBe(0);
          expect((error as HsdsError).path).toBe(spectra);
          expect(relayed.stats.requests - before.requests).toBe(3);
          expect(relayed.stats.retries - before.retries).toBe(2);
        } finally {
          try {
            remote.close();
          } catch {
            // the relay is gone: closing a read-only domain has nothing to lose
          }
        }
      } finally {
        relay.kill("SIGKILL");
      }
    });
  });

  describe("HTTP failures are typed errors with the status and HSDS's message", () => {
    const failure = (run: () => unknown): HsdsError => {
      try {
        run();
      } catch (e) {
        if (e instanceof HsdsError) return e;
        throw e;
      }
      throw new Error("expected an HsdsError");
    };

    it("401 for a wrong password", () => {
      const e = failure(() => hsdsStorage({ endpoint: hsds.endpoint, username: "test_user1", password: "wrong" }).open("/home/test_user1/batching.h5", "r", FILE_SETTINGS));
      expect(e.status).toBe(401);
      expect(e.domain).toBe("/home/test_user1/batching.h5");
      expect(e.message).toContain("401 authentication failed");
    });

    it("403 for a user writing into another's folder or domain", () => {
      const e = failure(() => as("test_user2").create("/home/test_user1/not-mine.h5", FILE_SETTINGS));
      expect(e.status).toBe(403);
      expect(e.hsdsMessage).toMatch(/Forbidden/);
      // A domain is private to its owner: another user may not even read it.
      const e2 = failure(() => as("test_user2").open("/home/test_user1/batching.h5", "r", FILE_SETTINGS));
      expect(e2.status).toBe(403);
      expect(e2.request).toBe("GET /");
    });

    it("404 for a domain that does not exist; exists() says false", () => {
      expect(user1.exists("/home/test_user1/nothing.h5")).toBe(false);
      const e = failure(() => user1.open("/home/test_user1/nothing.h5", "r", FILE_SETTINGS));
      expect(e.status).toBe(404);
    });

    it("409 for a domain created twice; 500 with HSDS's message for the scalar-shape quirk", () => {
      const client = new HsdsClient(user1.connection, "/home/test_user1/batching.h5", { retries: 0, backoffMs: 0 }, 10_000);
      try {
        expect(failure(() => client.json("PUT", "/", { idempotent: false })).status).toBe(409);
        const root = String(client.json("GET", "/")["root"]);
        const e = failure(() => client.json("PUT", `/groups/${root}/attributes/x`, { body: { type: "H5T_STD_I32LE", shape: "H5S_SCALAR", value: 1 } }));
        expect(e.status).toBe(500);
        expect(e.message).toContain("500 service error");
      } finally {
        client.close();
      }
    });

    it("no answer: idempotent requests are retried with backoff, then fail with status 0", () => {
      const storage = hsdsStorage({ endpoint: `http+unix://${encodeURIComponent(join(work, "nobody.sock"))}`, username: "u", password: "p", retries: 2, backoffMs: 5 });
      const e = failure(() => storage.open("/home/u/x.h5", "r", FILE_SETTINGS));
      expect(e.status).toBe(0);
      expect(e.hsdsMessage).toMatch(/ENOENT|ECONNREFUSED/);
      expect(storage.stats.retries).toBe(2);
      expect(storage.stats.requests).toBe(3);
    });
  });
});

describe("HSDS endpoints as h5pyd spells them", () => {
  it("parses http://host:port and http+unix:// with an encoded socket path", () => {
    expect(parseEndpoint("http://hsds.example:5101")).toEqual({ endpoint: "http://hsds.example:5101", protocol: "http:", host: "hsds.example", port: 5101, socketPath: null });
    expect(parseEndpoint("http+unix://%2Ftmp%2Fsn_1.sock").socketPath).toBe("/tmp/sn_1.sock");
    expect(() => parseEndpoint("ftp://x")).toThrow(/protocol/);
    expect(() => parseEndpoint("http+unix://relative.sock")).toThrow(/absolute/);
  });
});
