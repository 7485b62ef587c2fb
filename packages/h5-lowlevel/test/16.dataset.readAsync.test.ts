/**
 * H5Dataset.readAsync / readIntoAsync / writeAsync / appendAsync / shapeAsync and H5Vlen.readAsync:
 * the same data as the synchronous calls, in issue order per file, typed errors raised on the
 * pool, cancellation, closing with work pending, and an event loop that keeps turning.
 */
import { spawnSync } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it, vi } from "vitest";
import { H5AbortError, H5ArgumentError, H5ClosedError, H5Error, H5File } from "../src/index.js";
import { tempPath } from "@pymodaq-ts/test-support";

const dist = resolve(dirname(fileURLToPath(import.meta.url)), "../dist/index.js");
const iota = (n: number) => Float64Array.from({ length: n }, (_, i) => i);

function fresh(): H5File {
  return H5File.create(tempPath());
}

/** Counts event-loop turns (setImmediate callbacks) until `promise` settles. */
async function turnsDuring<T>(promise: Promise<T>): Promise<{ value: T; turns: number }> {
  let turns = 0;
  let done = false;
  const spin = (): void => {
    if (done) return;
    turns++;
    setImmediate(spin);
  };
  setImmediate(spin);
  try {
    return { value: await promise, turns };
  } finally {
    done = true;
  }
}

describe("H5Dataset async reads and writes", () => {
  it("a read-only file's dataset asks libhdf5 its extent once (no main-thread call to wait behind a pool read); a writable one every time", () => {
    const path = tempPath();
    {
      using file = H5File.create(path);
      const ds = file.root.createDataset("d", { dtype: "float64", shape: [2, 3], maxshape: [null, 3], chunks: [1, 3] });
      const native = (ds as unknown as { handle: { shape(): number[] } }).handle;
      const asked = vi.spyOn(native, "shape");
      expect(ds.shape()).toEqual([2, 3]);
      ds.resize([4, 3]);
      expect(ds.shape()).toEqual([4, 3]);
      expect(asked).toHaveBeenCalledTimes(2);
    }
    const file = H5File.open(path);
    const ds = file.root.openDataset("d");
    const asked = vi.spyOn((ds as unknown as { handle: { shape(): number[] } }).handle, "shape");
    const shapes = [ds.shape(), ds.shape(), ds.shape()];
    shapes[0]!.push(99); // the caller's copy
    expect(shapes.slice(1)).toEqual([[4, 3], [4, 3]]);
    expect(ds.shape()).toEqual([4, 3]);
    expect(asked).toHaveBeenCalledTimes(1);
    file.close();
    expect(() => ds.shape()).toThrow(H5ClosedError);
  });

  it("read what the synchronous calls read: whole, hyperslabs with stride, into views", async () => {
    using file = fresh();
    const ds = file.root.createDataset("d", { dtype: "float64", shape: [4, 5] });
    await ds.writeAsync(iota(20));
    expect(await ds.readAsync()).toEqual(ds.read());
    const sel = { start: [0, 0], count: [2, 3], stride: [3, 2] };
    expect(await ds.readAsync(sel)).toEqual(new Float64Array([0, 2, 4, 15, 17, 19]));
    expect(await ds.readAsync(sel)).toEqual(ds.read(sel));
    expect(await ds.readAsync({ start: [4, 0], count: [0, 5] })).toEqual(new Float64Array(0));
    const buffer = new Float64Array(10);
    await ds.readIntoAsync(buffer.subarray(2, 5), { start: [3, 2], count: [1, 3] });
    expect(Array.from(buffer)).toEqual([0, 0, 17, 18, 19, 0, 0, 0, 0, 0]);
    expect(await ds.shapeAsync()).toEqual([4, 5]);
  });

  it("read arrays of several MiB exactly (targets faulted in the copy, not zeroed first), unwritten chunks as the fill value", async () => {
    using file = fresh();
    // 5 MiB and 40 bytes: past the huge-page threshold, not page-sized; the second half never written.
    const n = 5 * 131072 + 5;
    const half = 3 * 131072;
    const ds = file.root.createDataset("big", { dtype: "float64", shape: [n], chunks: [65536] });
    const data = Float64Array.from({ length: half }, (_, i) => i * 0.5 - 7);
    await ds.writeAsync(data, { start: [0], count: [half] });
    // Memory the allocator hands back dirty: the reads below must not show any of it.
    for (let k = 0; k < 4; k++) Buffer.allocUnsafeSlow(n * 8).fill(0xa5);
    for (const dtype of ["float64", "int16", "bool"] as const) {
      const other = file.root.createDataset(`small-${dtype}`, { dtype, shape: [3, 7], chunks: [1, 7] });
      expect(Array.from(await other.readAsync() as Float64Array | Int16Array | Uint8Array)).toEqual(new Array(21).fill(0));
    }
    const whole = await ds.readAsync();
    expect(whole).toEqual(ds.read());
    expect(whole.subarray(0, half)).toEqual(data);
    expect(whole.subarray(half).every((v) => v === 0)).toBe(true);
    expect(await ds.readAsync({ start: [half - 2], count: [n - half + 2] })).toEqual(ds.read({ start: [half - 2], count: [n - half + 2] }));
  });

  it("read the elements libhdf5 leaves as they were (fill time never) as zeros, not as the buffer's earlier content", async () => {
    using file = fresh();
    const n = 5 * 131072 + 5;
    const half = 3 * 131072;
    // With no fill value to write, libhdf5 skips the chunks never written and the storage never allocated.
    const chunked = file.root.createDataset("chunked", { dtype: "float64", shape: [n], chunks: [65536], fillTime: "never" });
    const data = Float64Array.from({ length: half }, (_, i) => i + 1);
    chunked.write(data, { start: [0], count: [half] });
    const contiguous = file.root.createDataset("contiguous", { dtype: "float64", shape: [4096], fillTime: "never" });
    // Memory the allocator hands back dirty: a new array of an asynchronous read is not zeroed.
    for (let k = 0; k < 4; k++) Buffer.allocUnsafeSlow(n * 8).fill(0xa5);
    const whole = await chunked.readAsync();
    expect(whole.subarray(0, half)).toEqual(data);
    expect(whole.subarray(half).every((v) => v === 0)).toBe(true);
    expect((await contiguous.readAsync()).every((v) => v === 0)).toBe(true);
    // A target used again (a stream's buffers) does not keep its earlier values there either.
    const target = new Float64Array(n - half + 2).fill(-1);
    await chunked.readIntoAsync(target, { start: [half - 2], count: [n - half + 2] });
    expect(Array.from(target.subarray(0, 2))).toEqual([half - 1, half]);
    expect(target.subarray(2).every((v) => v === 0)).toBe(true);
    const syncTarget = new Float64Array(4096).fill(-1);
    contiguous.readInto(syncTarget);
    expect(syncTarget.every((v) => v === 0)).toBe(true);
  });

  it("write what the synchronous calls write, every dtype path included (whole chunks, bigint, complex, bool)", async () => {
    using file = fresh();
    const pairs: [string, Parameters<H5File["root"]["createDataset"]>[1], () => Float64Array | BigInt64Array | Uint8Array | Float32Array][] = [
      ["chunks", { dtype: "float64", shape: [9, 4], chunks: [2, 4] }, () => iota(36)],
      ["big", { dtype: "int64", shape: [3] }, () => new BigInt64Array([-1n, 2n ** 62n, 3n])],
      ["cplx", { dtype: "complex64", shape: [2] }, () => new Float32Array([1, -1, 2.5, 0])],
      ["flags", { dtype: "bool", shape: [3], boolEncoding: "enum" }, () => new Uint8Array([1, 0, 1])],
    ];
    for (const [name, options, make] of pairs) {
      const a = file.root.createDataset(`${name}-async`, options);
      const s = file.root.createDataset(`${name}-sync`, options);
      await a.writeAsync(make());
      s.write(make());
      expect(await a.readAsync()).toEqual(s.read());
    }
    const part = file.root.openDataset("chunks-async");
    await part.writeAsync(new Float64Array([-1, -2]), { start: [8, 1], count: [1, 2], stride: [1, 2] });
    expect(part.read({ start: [8, 0], count: [1, 4] })).toEqual(new Float64Array([32, -1, 34, -2]));
  });

  it("append as append does, with the row count given or derived", async () => {
    using file = fresh();
    const make = (name: string) => file.root.createDataset(name, { dtype: "int32", shape: [0, 3], maxshape: [null, 3], chunks: [4, 3] });
    const a = make("a");
    const s = make("s");
    await a.appendAsync(new Int32Array([1, 2, 3]));
    await a.appendAsync(new Int32Array([4, 5, 6, 7, 8, 9]), 2);
    s.append(new Int32Array([1, 2, 3]));
    s.append(new Int32Array([4, 5, 6, 7, 8, 9]), 2);
    expect(a.shape()).toEqual([3, 3]);
    expect(await a.readAsync()).toEqual(s.read());
    await expect(a.appendAsync(new Int32Array(4))).rejects.toThrow(/not a whole number of rows of 3/);
  });

  it("keep every value right under many concurrent reads and writes, on two files at once", async () => {
    using one = fresh();
    using two = fresh();
    const rows = 64;
    const cols = 1024;
    const dsets = [one, two].map((f) => f.root.createDataset("d", { dtype: "float64", shape: [rows, cols], chunks: [4, cols] }));
    const row = (d: number, r: number) => new Float64Array(cols).fill(d * 1000 + r);
    await Promise.all(dsets.flatMap((ds, d) => Array.from({ length: rows }, (_, r) => ds.writeAsync(row(d, r), { start: [r, 0], count: [1, cols] }))));
    const reads = await Promise.all(dsets.flatMap((ds) => Array.from({ length: rows }, (_, r) => ds.readAsync({ start: [r, 0], count: [1, cols] }))));
    reads.forEach((got, i) => expect(got).toEqual(row(Math.floor(i / rows), i % rows)));
    expect(dsets[1]?.read()).toEqual(Float64Array.from({ length: rows * cols }, (_, i) => 1000 + Math.floor(i / cols)));
  });

  it("run a file's operations in the order they were issued", async () => {
    using file = fresh();
    const ds = file.root.createDataset("d", { dtype: "int32", shape: [0, 256], maxshape: [null, 256], chunks: [16, 256] });
    const other = file.root.createDataset("o", { dtype: "int32", shape: [256] });
    const fill = (v: number) => new Int32Array(256).fill(v);
    const seen: string[] = [];
    const ops: Promise<unknown>[] = [];
    for (let v = 1; v <= 20; v++) {
      ops.push(other.writeAsync(fill(v)).then(() => seen.push(`w${v}`)));
      ops.push(other.readAsync({ start: [0], count: [1] }).then((r) => seen.push(`r${r[0]}`)));
      ops.push(ds.appendAsync(fill(v)));
    }
    await Promise.all(ops);
    expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => [`w${i + 1}`, `r${i + 1}`]).flat());
    expect(other.read()).toEqual(fill(20));
    const rows = ds.read() as Int32Array;
    expect(Array.from({ length: 20 }, (_, r) => rows[r * 256])).toEqual(Array.from({ length: 20 }, (_, r) => r + 1));
  });

  it("reject with the typed errors of the synchronous calls, raised on the pool", async () => {
    const path = tempPath();
    const file = H5File.create(path);
    const ds = file.root.createDataset("d", { dtype: "float64", shape: [5, 4], maxshape: [6, 4] });
    file.root.createDataset("s", { dtype: "int8", shape: [] });
    // Out-of-range selection: checked against the extent the addon reads on the pool.
    const outside = (await ds.readAsync({ start: [3, 0], count: [3, 4] }).catch((e: unknown) => e)) as H5ArgumentError;
    expect(outside).toBeInstanceOf(H5ArgumentError);
    expect(outside.message).toBe("selection[0] (start 3, count 3, stride 1) is out of range for extent 5");
    // The rank is checked in TypeScript once the shape is known, else by the addon on the pool.
    await expect(ds.readAsync({ start: [0], count: [1] })).rejects.toThrow("selection.start: must have 2 dimension(s), got 1");
    const reopened = file.root.openDataset("d");
    await expect(reopened.readAsync({ start: [0], count: [1] })).rejects.toThrow("selection.start has 1 dimensions, expected 2");
    await expect(ds.writeAsync(new Float32Array(20))).rejects.toThrow(/data: must be a Float64Array/);
    await expect(ds.readIntoAsync(new Float64Array(3))).rejects.toThrow("target holds 3 float64 elements, the selection has 20");
    await expect(ds.readIntoAsync(new Float64Array(3), { start: [0, 0], count: [1, 4] })).rejects.toThrow(/target: holds 3/);
    await expect(ds.readAsync(undefined, { signal: "no" as unknown as AbortSignal })).rejects.toThrow(H5ArgumentError);
    // Node 20 has resizable ArrayBuffers; TypeScript's lib here does not know the option yet.
    const Resizable = ArrayBuffer as unknown as new (bytes: number, options: { maxByteLength: number }) => ArrayBuffer;
    await expect(ds.writeAsync(new Float64Array(new Resizable(160, { maxByteLength: 320 })))).rejects.toThrow(/resizable/);
    // Beyond maxshape: libhdf5's own error, with its stack.
    const beyond = (await ds.appendAsync(new Float64Array(8)).catch((e: unknown) => e)) as H5Error;
    expect(beyond).toBeInstanceOf(H5Error);
    expect(beyond.operation).toBe("extend dataset");
    expect(beyond.target).toBe(`'/d' in ${path}`);
    expect(beyond.frames.length).toBeGreaterThan(1);
    await expect(file.root.openDataset("s").appendAsync(new Int8Array(1))).rejects.toThrow(/cannot append to the scalar dataset/);
    file.close();
    // A read-only file: H5Dwrite fails on the pool, its error stack taken there.
    const readOnly = H5File.open(path);
    const error = (await readOnly.root.openDataset("d").writeAsync(new Float64Array(20)).catch((e: unknown) => e)) as H5Error;
    expect(error).toBeInstanceOf(H5Error);
    // libhdf5 1.14 (the prebuilt binary's) says "can't synchronously write data", with frames of
    // its virtual object layer between these two.
    expect(error.message).toMatch(/^write dataset '\/d' in .+ failed: no write intent on file \(H5Dwrite: can't (synchronously )?write data\)$/);
    expect(error.message).toContain(path);
    expect(error.frames[0]?.func).toBe("H5D__write");
    expect(error.frames.at(-1)?.func).toBe("H5Dwrite");
    const closedDs = readOnly.root.openDataset("d");
    closedDs.close();
    await expect(closedDs.readAsync()).rejects.toThrow(new H5ClosedError(`/d in file ${path} is closed`));
    readOnly.close();
  });

  it("print nothing of libhdf5's error stack from pool threads", () => {
    const path = tempPath();
    const made = H5File.create(path);
    made.root.createDataset("d", { dtype: "int32", shape: [2] });
    made.close();
    const script = `
const [dist, path] = process.argv.slice(-2);
const { H5File } = await import(dist);
const f = H5File.open(path);
const e = await f.root.openDataset("d").writeAsync(new Int32Array(2)).catch((e) => e);
console.log(e.name);
`;
    const child = spawnSync(process.execPath, ["--input-type=module", "-e", script, "--", dist, path], { encoding: "utf8" });
    expect(child.stderr).toBe("");
    expect(child.stdout.trim()).toBe("H5Error");
  });

  it("cancel operations that have not started; an aborted signal rejects at once", async () => {
    using file = fresh();
    const n = 1 << 20;
    const ds = file.root.createDataset("d", { dtype: "float64", shape: [n] });
    const controller = new AbortController();
    const first = ds.writeAsync(iota(n));
    const cancelled = ds.writeAsync(new Float64Array(n), undefined, { signal: controller.signal });
    const later = ds.readAsync({ start: [n - 1], count: [1] });
    controller.abort(new Error("stop"));
    const error = (await cancelled.catch((e: unknown) => e)) as H5AbortError;
    expect(error).toBeInstanceOf(H5AbortError);
    expect((error.cause as Error).message).toBe("stop");
    expect(error.message).toBe(`${file.filename}: the operation was aborted before it started`);
    await first;
    // The cancelled write of zeros never ran.
    expect((await later)[0]).toBe(n - 1);
    await expect(ds.readAsync(undefined, { signal: controller.signal })).rejects.toThrow(H5AbortError);
    // Started work runs to the end: aborting after the start changes nothing.
    const late = new AbortController();
    const running = ds.readAsync(undefined, { signal: late.signal });
    await new Promise((r) => setImmediate(r));
    late.abort();
    expect((await running).length).toBe(n);
  });

  it("closing a dataset waits for its running operation; later ones reject with H5ClosedError", async () => {
    using file = fresh();
    const n = 1 << 21;
    const ds = file.root.createDataset("d", { dtype: "float64", shape: [n], chunks: [1 << 16], deflate: 1 });
    ds.write(iota(n));
    const target = new Float64Array(n);
    const running = ds.readIntoAsync(target);
    const queued = ds.readAsync({ start: [0], count: [1] });
    await new Promise((r) => setImmediate(r));
    ds.close();
    const [first, second] = await Promise.allSettled([running, queued]);
    if (first?.status === "fulfilled") expect(target[n - 1]).toBe(n - 1);
    else expect((first as PromiseRejectedResult).reason).toBeInstanceOf(H5ClosedError);
    expect((second as PromiseRejectedResult).reason).toBeInstanceOf(H5ClosedError);
    expect(file.root.openDataset("d").read({ start: [5], count: [1] })[0]).toBe(5);
  });

  it("let synchronous calls run meanwhile, between the pool's libhdf5 calls", async () => {
    using file = fresh();
    const n = 1 << 21;
    const ds = file.root.createDataset("d", { dtype: "float64", shape: [n], chunks: [1 << 16], deflate: 1 });
    ds.write(iota(n));
    ds.attrs.set("units", "V");
    const reading = ds.readAsync();
    await new Promise((r) => setImmediate(r));
    // Sync calls on the same file and dataset while the read is in flight: they wait for the
    // libhdf5 call in progress at most, and see the file as it is.
    expect(ds.shape()).toEqual([n]);
    expect(ds.attrs.get("units")).toBe("V");
    file.root.createDataset("other", { dtype: "int8", shape: [2] }).write(new Int8Array([1, 2]));
    expect((await reading)[n - 1]).toBe(n - 1);
    expect(file.root.openDataset("other").read()).toEqual(new Int8Array([1, 2]));
  });

  it("leave the event loop turning during a large read, unlike the synchronous read", async () => {
    using file = fresh();
    const n = 1 << 22;
    const ds = file.root.createDataset("d", { dtype: "float64", shape: [n], chunks: [1 << 16], deflate: 1 });
    ds.write(iota(n));
    // The async read is two trips to the pool (extent, then data); the loop turns between and during them.
    const asyncRead = await turnsDuring(ds.readAsync());
    expect(asyncRead.turns).toBeGreaterThan(0);
    expect(asyncRead.value[n - 1]).toBe(n - 1);
    const syncRead = await turnsDuring(Promise.resolve(ds.read()));
    expect(syncRead.turns).toBe(0);
  });
});

describe("H5Vlen.readAsync / appendAsync", () => {
  it("appends as append does, in issue order, from the callers' arrays", async () => {
    using file = fresh();
    const a = file.root.createVlenUint8("a", { chunks: [4] });
    const s = file.root.createVlenUint8("s", { chunks: [4] });
    const rows = [new Uint8Array([1, 2, 3]), new Uint8Array(0), new Uint8Array(300).fill(7)];
    const batch = [...rows];
    const pending = [a.appendAsync(batch), a.appendAsync([new Uint8Array([9])])];
    batch.length = 0; // the caller's array may change; the rows it held are kept
    await Promise.all(pending);
    s.append(rows);
    s.append([new Uint8Array([9])]);
    expect(await a.readAsync()).toEqual(s.read());
    await expect(a.appendAsync([new Uint8Array(1), [1] as unknown as Uint8Array])).rejects.toThrow(/rows\[1\]: must be a Uint8Array/);
    expect(a.length()).toBe(4);
  });

  it("reads the rows read reads, and rejects ranges outside the dataset", async () => {
    using file = fresh();
    const log = file.root.createVlenUint8("log", { chunks: [4] });
    log.append([new Uint8Array([1, 2, 3]), new Uint8Array(0), new Uint8Array(1000).fill(9)]);
    expect(await log.readAsync()).toEqual(log.read());
    expect(await log.readAsync(1, 2)).toEqual(log.read(1, 2));
    expect(await log.readAsync(3)).toEqual([]);
    await expect(log.readAsync(2, 5)).rejects.toThrow(new H5ArgumentError("rows 2..7 are out of range for length 3"));
    await expect(log.readAsync(-1)).rejects.toThrow(/start: must be an integer >= 0/);
  });
});
