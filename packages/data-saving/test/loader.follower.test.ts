// FileFollower: a writer in a child process appends points through DataEnlargeableSaver and
// flushes by its policy; this process follows the file meanwhile. Every row it is handed carries
// the values written for that point (a torn read would give fill values or fail), rows come in
// order without gaps, and once the writer closes the follower has seen every point. The file is
// then read whole by h5py and PyTables.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { promisify } from "node:util";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tempDir } from "@pymodaq-ts/test-support";
import { Slice, type DataWithAxes } from "@pymodaq-ts/data-model";
import { MODEL, SRC, TSX } from "./child.helpers.js";
import { DataLoader } from "../src/loader/data-loader.js";
import { FileFollower } from "../src/loader/follower.js";
import { isFileStateError, isInvalidTypeError, isInvalidValueError } from "../src/errors.js";
import type { Storage } from "../src/storage/types.js";
import { H5SaverLowLevel } from "../src/conventions/h5-saver-lowlevel.js";

const WIDTH = 32;
const NODE = "/RawData/EnlData00";

let dir: string;
const children: ChildProcess[] = [];
beforeEach(() => {
  dir = tempDir("ds-follower");
});
afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGKILL");
      await new Promise((r) => child.once("exit", r));
    }
  }
});

/**
 * Starts a writer of `points` points, row i holding i * 1000 + k at column k and axis value i;
 * resolves once the file exists (initFile returned). `exit` settles when the writer ends.
 */
async function startWriter(file: string, points: number, flushPolicy: string): Promise<{ exit: Promise<number | null> }> {
  const script = join(dir, "writer.mts");
  writeFileSync(script, `
import { DataRaw, NDArray } from ${JSON.stringify(MODEL)};
import { H5SaverLowLevel, DataEnlargeableSaver } from ${JSON.stringify(SRC)};
const h5 = new H5SaverLowLevel({ flushPolicy: ${flushPolicy} });
h5.initFile(${JSON.stringify(file)}, { newFile: true });
const saver = new DataEnlargeableSaver(h5);
process.stdout.write("started\\n");
for (let i = 0; i < ${points}; i++) {
  const row = Float64Array.from({ length: ${WIDTH} }, (_, k) => i * 1000 + k);
  saver.addData(h5.rawGroup, new DataRaw("p", { data: [NDArray.from("float64", [${WIDTH}], row)] }), { axisValues: [i] });
  if (i % 4 === 3) await new Promise((r) => setTimeout(r, 1));
}
h5.closeFile();
`);
  const child = spawn(TSX, [script], { cwd: dir, stdio: ["ignore", "pipe", "inherit"] });
  children.push(child);
  const exit = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  await new Promise<void>((started, fail) => {
    child.stdout!.once("data", (c: Buffer) => (c.toString().startsWith("started") ? started() : fail(new Error(c.toString()))));
    void exit.then((code) => fail(new Error(`writer exited with ${code}`)));
  });
  return { exit };
}

/**
 * Checks that rows start..stop-1 of `data` hold what the writer wrote; returns the row count. A
 * batch of one row is squeezed, as `inav` squeezes a length-1 slice: no navigation dimension.
 */
function checkRows(data: DataWithAxes, start: number, stop: number): number {
  const values = data.data[0]!.data as Float64Array;
  if (stop - start === 1) {
    expect(data.data[0]!.shape).toEqual([WIDTH]);
    expect(data.navIndexes).toEqual([]);
    for (let k = 0; k < WIDTH; k++) if (values[k] !== start * 1000 + k) throw new Error(`row ${start} column ${k}: read ${values[k]}, written ${start * 1000 + k}`);
    return 1;
  }
  expect(data.data[0]!.shape).toEqual([stop - start, WIDTH]);
  for (let r = 0; r < stop - start; r++) {
    for (let k = 0; k < WIDTH; k++) {
      const got = values[r * WIDTH + k];
      if (got !== (start + r) * 1000 + k) throw new Error(`row ${start + r} column ${k}: read ${got}, written ${(start + r) * 1000 + k}`);
    }
  }
  const nav = data.getNavAxes()[0]!.getData().data as Float64Array;
  expect(Array.from(nav)).toEqual(Array.from({ length: stop - start }, (_, r) => start + r));
  return stop - start;
}

/**
 * A follower in Python: reads the writer's flush mark (h5-lowlevel README, "Flush marks"), reads
 * the node with h5py when no flush is under way, and keeps the read only when the mark did not
 * move meanwhile; once the writer is gone, reads the file a last time. Prints what it saw: the
 * row count of each kept read and how many kept reads held values other than those written.
 */
const H5PY_FOLLOWER = `
import fcntl, json, os, struct, sys, time
import h5py, numpy as np
path, width = sys.argv[1], int(sys.argv[2])
FLOCK = "hhqqi4x"  # struct flock on Linux x86-64: l_type, l_whence, l_start, l_len, l_pid
def mark():
    fd = os.open(path, os.O_RDONLY)
    try:
        answer = fcntl.fcntl(fd, fcntl.F_OFD_GETLK, struct.pack(FLOCK, fcntl.F_WRLCK, os.SEEK_SET, 1 << 62, 0, 0))
    finally:
        os.close(fd)
    kind, _, start, length, _ = struct.unpack(FLOCK, answer)
    return None if kind == fcntl.F_UNLCK else (start, length)
def rows():
    with h5py.File(path, "r") as f:
        return f["RawData/EnlData00"][...] if "RawData/EnlData00" in f else np.zeros((0, width))
def wrong(data):
    expected = np.arange(data.shape[0])[:, None] * 1000 + np.arange(width)[None, :]
    return not np.array_equal(data, expected)
reads, bad, counts = 0, 0, []
while True:
    before = mark()
    if before is None:
        break
    if before[1] % 2 == 1:
        time.sleep(0.001)
        continue
    try:
        data = rows()
    except Exception:
        data = None
    if mark() != before:
        continue
    if data is None:
        raise SystemExit("a read failed while the writer stayed at one flush")
    reads += 1
    bad += wrong(data)
    counts.append(data.shape[0])
    time.sleep(0.002)
data = rows()
bad += wrong(data)
print(json.dumps({"reads": reads, "wrong": int(bad), "counts": counts, "last": data.shape[0]}))
`;

/** The first column of every row as h5py and PyTables read them. */
async function pythonRows(file: string): Promise<{ h5py: number[]; tables: number[] }> {
  const { stdout } = await promisify(execFile)("/usr/bin/python3", ["-c", `
import sys, json, h5py, tables
with h5py.File(sys.argv[1], "r") as f: a = f["RawData/EnlData00"][:, 0].tolist()
with tables.open_file(sys.argv[1], "r") as t: b = t.get_node("/RawData/EnlData00").read()[:, 0].tolist()
print(json.dumps({"h5py": a, "tables": b}))
`, file]);
  return JSON.parse(stdout) as { h5py: number[]; tables: number[] };
}

describe("FileFollower", () => {
  it("rows: hands every flushed point of a running writer once, in order, with its values, until the writer closes", async () => {
    const file = join(dir, "followed.h5");
    const points = 1500;
    const writer = await startWriter(file, points, "{ everyPoints: 7, everySeconds: 0.01 }");
    using follower = new FileFollower(file);
    expect(follower.currentFlushState()).toEqual({ session: expect.any(Number) as number, flushes: expect.any(Number) as number, changing: expect.any(Boolean) as boolean });
    let next = 0;
    let batches = 0;
    let flushes = -1;
    for await (const { start, stop, data, flush } of follower.rows(NODE, { intervalMs: 1 })) {
      expect(start).toBe(next);
      expect(stop).toBeGreaterThan(start);
      next += checkRows(data, start, stop);
      batches++;
      if (flush !== null) {
        expect(flush.changing).toBe(false);
        expect(flush.flushes).toBeGreaterThan(flushes); // each batch comes from a later flush
        flushes = flush.flushes;
      }
    }
    expect(next).toBe(points);
    expect(await writer.exit).toBe(0);
    expect(follower.currentFlushState()).toBeNull();
    expect(batches).toBeGreaterThan(5); // followed while written, not read once at the end
    // A batch of one row (a flush that brought one row: it depends on timing) has the shape of
    // the load it is, checked here whether or not the run above had one.
    {
      using loader = new DataLoader(file);
      expect(checkRows(loader.loadData(NODE, { nav: [Slice.of(3, 4)] }), 3, 4)).toBe(1);
    }
    const expected = Array.from({ length: points }, (_, i) => i * 1000);
    expect(await pythonRows(file)).toEqual({ h5py: expected, tables: expected });
  }, 120_000);

  it("h5py, checking the flush marks itself (fcntl F_OFD_GETLK), follows the writer with the same guarantee", async () => {
    const file = join(dir, "h5py.h5");
    const points = 1500;
    const writer = await startWriter(file, points, "{ everyPoints: 5 }");
    const { stdout } = await promisify(execFile)("/usr/bin/python3", ["-c", H5PY_FOLLOWER, file, String(WIDTH)], {
      env: { ...process.env, HDF5_USE_FILE_LOCKING: "FALSE" },
    });
    const seen = JSON.parse(stdout) as { reads: number; wrong: number; counts: number[]; last: number };
    expect(await writer.exit).toBe(0);
    expect(seen.wrong).toBe(0);
    expect(seen.counts).toEqual([...seen.counts].sort((a, b) => a - b)); // never fewer rows than before
    expect(seen.reads).toBeGreaterThan(5);
    expect(seen.last).toBe(points);
  }, 120_000);

  it("read: whole loads taken while the writer flushes are consistent and never shrink", async () => {
    const file = join(dir, "reads.h5");
    const points = 1500;
    const writer = await startWriter(file, points, "{ everyPoints: 5 }");
    using follower = new FileFollower(file);
    let last = 0;
    let reads = 0;
    let running = true;
    void writer.exit.then(() => void (running = false));
    while (running || reads === 0) {
      const rows = await follower.read((loader) => {
        const dwa = loader.loadData(NODE);
        return checkRows(dwa, 0, dwa.data[0]!.shape[0]!);
      }).catch((e: unknown) => {
        // Before the first point the node does not exist yet.
        if (last === 0 && e instanceof Error && /EnlData00/.test(e.message)) return 0;
        throw e;
      });
      expect(rows).toBeGreaterThanOrEqual(last);
      last = rows;
      reads++;
      await new Promise((r) => setTimeout(r, 2)); // lets the writer's exit be seen
    }
    const final = await follower.read((loader) => checkRows(loader.loadData(NODE), 0, points));
    expect(final).toBe(points);
    expect(follower.flushState).toBeNull(); // the writer is gone
    expect(reads).toBeGreaterThan(5);
  }, 120_000);

  it("never writes the followed file, and keeps no lock between reads once the writer is gone", async () => {
    const file = join(dir, "untouched.h5");
    const writer = await startWriter(file, 200, "{ everyPoints: 10 }");
    expect(await writer.exit).toBe(0);
    const before = readFileSync(file);
    using follower = new FileFollower(file);
    const rows: number[] = [];
    for await (const r of follower.rows(NODE)) rows.push(checkRows(r.data, r.start, r.stop));
    expect(rows).toEqual([200]); // one batch: nobody writes the file
    expect(readFileSync(file).equals(before)).toBe(true);
    // A writer may open the file again: the follower holds nothing.
    const h5 = new H5SaverLowLevel();
    h5.initFile(file, { newFile: false });
    h5.closeFile();
  }, 120_000);

  it("waits for the writer's first flush, then reports a writer that never ends a flush as a FileStateError", async () => {
    const file = join(dir, "stuck.h5");
    let state = { session: 1, flushes: 0, changing: true };
    const base = (await import("../src/storage/libhdf5.js")).libhdf5Storage;
    const stuck: Storage = { ...base, follow: { ...base.follow!, flushState: () => state } };
    const h5 = new H5SaverLowLevel();
    h5.initFile(file, { newFile: true });
    h5.closeFile();
    using follower = new FileFollower(file, { storage: stuck, timeoutMs: 50, retryMs: 1 });
    const error = await follower.read(() => 1).catch((e: unknown) => e);
    expect(isFileStateError(error)).toBe(true);
    expect((error as Error).message).toMatch(/stuck\.h5: no readable state within 50 ms \(waiting for a flush of its writer to end\)/);
    state = { session: 1, flushes: 1, changing: false };
    expect(await follower.read((loader) => loader.getNode("/RawData").name)).toBe("RawData");
  });

  it("rows: reports a file written anew under it (fewer rows than already handed)", async () => {
    const file = join(dir, "anew.h5");
    const writeRows = async (n: number) => expect(await (await startWriter(file, n, "{ everyPoints: 10 }")).exit).toBe(0);
    await writeRows(30);
    let state = { session: 1, flushes: 1, changing: false };
    const base = (await import("../src/storage/libhdf5.js")).libhdf5Storage;
    const announced: Storage = { ...base, follow: { ...base.follow!, flushState: () => state } };
    using follower = new FileFollower(file, { storage: announced });
    const rows = follower.rows(NODE, { intervalMs: 1 });
    const first = await rows.next();
    expect(first.value).toMatchObject({ start: 0, stop: 30 });
    await writeRows(10);
    state = { session: 2, flushes: 1, changing: false };
    const error = await rows.next().catch((e: unknown) => e);
    expect(isFileStateError(error)).toBe(true);
    expect((error as Error).message).toMatch(/has 10 rows, fewer than the 30 already handed/);
  }, 120_000);

  it("reports a file held by a writer that does not announce its flushes", async () => {
    const file = join(dir, "silent.h5");
    const h5 = new H5SaverLowLevel();
    h5.initFile(file, { newFile: true });
    h5.closeFile();
    const script = join(dir, "holder.py");
    writeFileSync(script, "import sys, h5py\nf = h5py.File(sys.argv[1], 'r+')\nprint('ready', flush=True)\nsys.stdin.read()\n");
    const holder = spawn("/usr/bin/python3", [script, file], { stdio: ["pipe", "pipe", "inherit"] });
    children.push(holder);
    await new Promise<void>((r) => holder.stdout!.once("data", () => r()));
    using follower = new FileFollower(file, { timeoutMs: 50 });
    const error = await follower.read(() => 1).catch((e: unknown) => e);
    expect(isFileStateError(error)).toBe(true);
    expect((error as Error).message).toMatch(/does not announce its flushes/);
    holder.stdin!.end();
    await new Promise((r) => holder.once("exit", r));
    expect(await follower.read(() => 2)).toBe(2);
  }, 60_000);

  it("checks its options, and refuses reads once closed", async () => {
    expect(() => new FileFollower("x.h5", { wait: 1 } as never)).toThrow();
    try {
      new FileFollower("x.h5", { wait: 1 } as never);
    } catch (e) {
      expect(isInvalidTypeError(e)).toBe(true);
    }
    for (const bad of [{ timeoutMs: -1 }, { retryMs: Number.NaN }, { maxLoadBytes: -5 }]) {
      expect(() => new FileFollower("x.h5", bad)).toThrow();
    }
    const noFollow: Storage = { name: "plain", create: () => { throw new Error("no"); }, open: () => { throw new Error("no"); } };
    let error: unknown;
    try {
      new FileFollower("x.h5", { storage: noFollow });
    } catch (e) {
      error = e;
    }
    expect(isInvalidValueError(error)).toBe(true);
    const follower = new FileFollower("x.h5");
    follower.close();
    await expect(follower.read(() => 1)).rejects.toThrow(/closed/);
  });
});
