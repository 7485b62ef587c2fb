/**
 * H5File.createAsync / openAsync / flushAsync / closeAsync: libhdf5's work on the libuv pool,
 * with the same results and typed errors as the synchronous calls, cancellation through an
 * AbortSignal, and clean ends when the process or a worker exits with work pending.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { H5AbortError, H5ArgumentError, H5ClosedError, H5Error, H5File, openFileCount } from "../src/index.js";
import { tempPath } from "@pymodaq-ts/test-support";

const dist = resolve(dirname(fileURLToPath(import.meta.url)), "../dist/index.js");

function runChild(script: string, path: string) {
  return spawnSync(process.execPath, ["--input-type=module", "-e", script, "--", dist, path], { encoding: "utf8" });
}

describe("H5File.createAsync / openAsync", () => {
  it("create and open files as create and open do", async () => {
    const path = tempPath();
    const file = await H5File.createAsync(path, { access: { chunkCache: { slots: 521, bytes: 1 << 20, w0: 0 } } });
    expect([file.isOpen, file.mode, file.filename]).toEqual([true, "r+", path]);
    file.root.attrs.set("TITLE", "made on the pool");
    await file.closeAsync();
    expect(file.isOpen).toBe(false);
    const again = await H5File.openAsync(path);
    expect(again.mode).toBe("r");
    expect(again.root.attrs.get("TITLE")).toBe("made on the pool");
    again.close();
    const rw = await H5File.openAsync(path, { mode: "r+", nameCset: "ascii" });
    rw.root.createGroup("g");
    rw.close();
    using sync = H5File.open(path);
    expect(sync.root.childNames()).toEqual(["g"]);
  });

  it("reject with the typed errors of the synchronous calls", async () => {
    const path = tempPath();
    H5File.create(path).close();
    await expect(H5File.createAsync(path, { ifExists: "fail" })).rejects.toThrow(H5ArgumentError);
    await expect(H5File.openAsync(path + ".missing")).rejects.toThrow(/no such file/);
    await expect(H5File.openAsync(path, { mode: "w" as "r" })).rejects.toThrow(/options.mode/);
    await expect(H5File.openAsync(path, { sginal: undefined } as object)).rejects.toThrow(/unknown option "sginal"/);
    await expect(H5File.openAsync(path, { signal: {} as AbortSignal })).rejects.toThrow(/options.signal: must be an AbortSignal/);
    const text = tempPath("text.h5");
    writeFileSync(text, "not hdf5");
    const error = (await H5File.openAsync(text).catch((e: unknown) => e)) as H5Error;
    expect(error).toBeInstanceOf(H5Error);
    // libhdf5 1.14 (the prebuilt binary's) says "unable to synchronously open file".
    expect(error.message).toMatch(/^open file .+ failed: file signature not found \(H5Fopen: unable to (synchronously )?open file\)$/);
    expect(error.message).toContain(text);
    expect(error.operation).toBe("open file");
    expect(error.frames.length).toBeGreaterThan(1);
    expect(error.frames.at(-1)?.func).toBe("H5Fopen");
  });

  it("reject an already aborted signal at once, with H5AbortError (name AbortError) and the reason as cause", async () => {
    const path = tempPath();
    const signal = AbortSignal.abort(new Error("user gave up"));
    const error = (await H5File.createAsync(path, { signal }).catch((e: unknown) => e)) as H5AbortError;
    expect(error).toBeInstanceOf(H5AbortError);
    expect([error.name, error.code]).toEqual(["AbortError", "ABORT_ERR"]);
    expect((error.cause as Error).message).toBe("user gave up");
    expect(error.message).toBe(`${path}: the operation was aborted before it started`);
    await expect(H5File.openAsync(path, { signal })).rejects.toThrow(H5AbortError);
  });
});

describe("H5File.flushAsync / closeAsync", () => {
  it("flush and close after the file's earlier operations; closeAsync is idempotent", async () => {
    const path = tempPath();
    const file = H5File.create(path);
    const ds = file.root.createDataset("d", { dtype: "int32", shape: [0], maxshape: [null], chunks: [4] });
    const appends = [1, 2, 3].map((v) => ds.appendAsync(new Int32Array([v, v])));
    const flushed = file.flushAsync();
    const closed = file.closeAsync();
    await Promise.all([...appends, flushed, closed]);
    expect(file.isOpen).toBe(false);
    await file.closeAsync();
    await expect(file.flushAsync()).rejects.toThrow(H5ClosedError);
    using again = H5File.open(path);
    expect(again.root.openDataset("d").read()).toEqual(new Int32Array([1, 1, 2, 2, 3, 3]));
  });

  it("cancel a close still waiting behind other operations", async () => {
    const file = H5File.create(tempPath());
    const ds = file.root.createDataset("d", { dtype: "float64", shape: [1 << 20] });
    const write = ds.writeAsync(new Float64Array(1 << 20));
    const controller = new AbortController();
    const close = file.closeAsync({ signal: controller.signal });
    controller.abort();
    await expect(close).rejects.toThrow(H5AbortError);
    await write;
    expect(file.isOpen).toBe(true);
    file.close();
  });

  it("a synchronous close() waits for the running operation; queued ones then reject with H5ClosedError", async () => {
    const path = tempPath();
    const before = openFileCount();
    const file = H5File.create(path);
    const n = 1 << 21;
    const ds = file.root.createDataset("d", { dtype: "float64", shape: [n], chunks: [1 << 16], deflate: 1 });
    ds.write(Float64Array.from({ length: n }, (_, i) => i));
    const first = ds.readAsync();
    const queued = [ds.readAsync({ start: [0], count: [4] }), file.flushAsync(), ds.writeAsync(new Float64Array(n))];
    // The first read is on the pool once its turn (a microtask) and its extent query have passed.
    await new Promise((r) => setImmediate(r));
    file.close();
    expect(file.isOpen).toBe(false);
    expect(openFileCount()).toBe(before);
    const results = await Promise.allSettled([first, ...queued]);
    const firstResult = results[0] as PromiseSettledResult<Float64Array>;
    // Whether close() caught it running or not, the first read finished whole or never started.
    if (firstResult.status === "fulfilled") {
      expect(firstResult.value[n - 1]).toBe(n - 1);
    } else {
      expect(firstResult.reason).toBeInstanceOf(H5ClosedError);
    }
    for (const r of results.slice(1)) {
      expect(r.status).toBe("rejected");
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(H5ClosedError);
    }
    // The write never ran and the file is closed for libhdf5 too (truncating it works).
    using again = H5File.open(path);
    expect((again.root.openDataset("d").read({ start: [n - 1], count: [1] }) as Float64Array)[0]).toBe(n - 1);
  });
});

const PENDING = `
const [dist, path] = process.argv.slice(-2);
const { H5File } = await import(dist);
const n = 1 << 20;
const file = H5File.create(path);
const ds = file.root.createDataset("d", { dtype: "float64", shape: [8, n], chunks: [1, 1 << 16], deflate: 1 });
const rows = Array.from({ length: 8 }, (_, r) => new Float64Array(n).fill(r));
const pending = rows.map((row, r) => ds.writeAsync(row, { start: [r, 0], count: [1, n] }));
pending.push(file.closeAsync());
`;

describe("process and worker ends with asynchronous work pending", () => {
  it("a process whose script ends with work pending finishes that work first", () => {
    const path = tempPath();
    const child = runChild(PENDING, path);
    expect(child.stderr).toBe("");
    expect(child.status).toBe(0);
    using file = H5File.open(path);
    const ds = file.root.openDataset("d");
    expect(ds.read({ start: [0, 0], count: [8, 1] })).toEqual(new Float64Array([0, 1, 2, 3, 4, 5, 6, 7]));
  });

  it("process.exit() with work running exits cleanly and leaves a file libhdf5 opens", () => {
    const path = tempPath();
    const child = runChild(PENDING + "setImmediate(() => process.exit(7));", path);
    expect(child.stderr).toBe("");
    expect(child.status).toBe(7);
    using file = H5File.open(path);
    expect(file.root.openDataset("d").shape()).toEqual([8, 1 << 20]);
  });

  it("a worker thread that ends with an open and writes pending leaves its files closed", () => {
    const path = tempPath();
    const script = `
import { Worker } from "node:worker_threads";
const [dist, path] = process.argv.slice(-2);
const worker = new Worker(${"`"}import("node:worker_threads").then(async ({ workerData: [dist, path] }) => {
  const { H5File } = await import(dist);
  const file = H5File.create(path);
  const ds = file.root.createDataset("d", { dtype: "float64", shape: [1 << 21], chunks: [1 << 16] });
  ds.writeAsync(new Float64Array(1 << 21).fill(3));
  H5File.openAsync(path + ".other.h5").catch(() => {});
  H5File.createAsync(path + ".new.h5");
  setImmediate(() => process.exit(0));
});${"`"}, { eval: true, workerData: [dist, path] });
await new Promise((resolve, reject) => { worker.on("exit", resolve); worker.on("error", reject); });
const { H5File, openFileCount } = await import(dist);
// The worker's files are closed: this process can truncate them.
H5File.create(path).close();
H5File.create(path + ".new.h5").close();
console.log(JSON.stringify({ open: openFileCount() }));
`;
    const child = runChild(script, path);
    expect(child.stderr).toBe("");
    expect(JSON.parse(child.stdout)).toEqual({ open: 0 });
  });
});
