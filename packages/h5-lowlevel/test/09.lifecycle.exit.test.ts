/**
 * Files left open are closed properly: at process exit (natural end, process.exit, uncaught
 * exception) by the environment cleanup path, and by the GC finalizer when unreachable.
 * Children run the built package (dist/), as a consumer would.
 */
import { spawnSync } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { H5File } from "../src/index.js";
import { tempPath } from "@pymodaq-ts/test-support";

const dist = resolve(dirname(fileURLToPath(import.meta.url)), "../dist/index.js");

const WRITER = `
const [dist, path] = process.argv.slice(-2);
const { H5File } = await import(dist);
const file = H5File.create(path);
const g = file.root.createGroup("g");
g.attrs.set("TITLE", "left open");
const ds = g.createDataset("rows", { dtype: "float64", shape: [0, 4], maxshape: [null, 4], chunks: [16, 4] });
for (let i = 0; i < 100; i++) ds.append(new Float64Array([i, i + 1, i + 2, i + 3]));
const log = file.root.createVlenUint8("log", { chunks: [8] });
log.append([new Uint8Array([1, 2, 3])]);
globalThis.keep = [file, ds];
`;

function runChild(script: string, path: string, ...flags: string[]) {
  return spawnSync(process.execPath, [...flags, "--input-type=module", "-e", script, "--", dist, path], { encoding: "utf8" });
}

function expectComplete(path: string): void {
  using file = H5File.open(path);
  const ds = file.root.openDataset("g/rows");
  expect(ds.shape()).toEqual([100, 4]);
  const data = ds.read() as Float64Array;
  expect(data[0]).toBe(0);
  expect(data[399]).toBe(102);
  expect(file.root.openGroup("g").attrs.get("TITLE")).toBe("left open");
  expect(file.root.openVlen("log").read()).toEqual([new Uint8Array([1, 2, 3])]);
}

describe("files left open", () => {
  it("are closed when the process ends normally", () => {
    const path = tempPath();
    const child = runChild(WRITER, path);
    expect(child.stderr).toBe("");
    expect(child.status).toBe(0);
    expectComplete(path);
  });

  it("are closed when the process calls process.exit()", () => {
    const path = tempPath();
    const child = runChild(WRITER + "process.exit(3);", path);
    expect(child.status).toBe(3);
    expectComplete(path);
  });

  it("are closed when the process dies of an uncaught exception", () => {
    const path = tempPath();
    const child = runChild(WRITER + "throw new Error('boom');", path);
    expect(child.status).toBe(1);
    expect(child.stderr).toContain("boom");
    expectComplete(path);
  });

  it("are closed by the garbage collector once unreachable", () => {
    const path = tempPath();
    const script = `
const [dist, path] = process.argv.slice(-2);
const { H5File, openFileCount } = await import(dist);
(() => {
  const f = H5File.create(path);
  f.root.createGroup("g").createDataset("d", { dtype: "int32", shape: [2] }).write(new Int32Array([5, 6]));
})();
const before = openFileCount();
for (let i = 0; i < 20 && openFileCount() > 0; i++) {
  globalThis.gc();
  await new Promise((r) => setTimeout(r, 10));
}
// Reopening for truncation only works when libhdf5 no longer holds the file open.
const again = H5File.open(path, { mode: "r+" });
const values = Array.from(again.root.openDataset("g/d").read());
again.close();
console.log(JSON.stringify({ before, after: openFileCount(), values }));
`;
    const child = runChild(script, path, "--expose-gc");
    expect(child.stderr).toBe("");
    expect(JSON.parse(child.stdout)).toEqual({ before: 1, after: 0, values: [5, 6] });
  });

  it("are collected without explicit gc() before they pile up, and release their descriptors", () => {
    const path = tempPath();
    const script = `
import { readdirSync } from "node:fs";
const [dist, path] = process.argv.slice(-2);
const { H5File, openFileCount } = await import(dist);
const fds = () => readdirSync("/proc/self/fd").length;
const before = fds();
let most = 0;
const dropOne = (i) => {
  const f = H5File.create(path + i);
  f.root.createGroup("g").createDataset("d", { dtype: "float64", shape: [0, 16], maxshape: [null, 16], chunks: [64, 16] })
    .append(new Float64Array(64), 4);
};
for (let i = 0; i < 800; i++) {
  dropOne(i);
  if (i % 20 === 0) await new Promise((r) => setImmediate(r));
  most = Math.max(most, openFileCount());
}
for (let i = 0; i < 20 && openFileCount() > 0; i++) {
  globalThis.gc();
  await new Promise((r) => setTimeout(r, 10));
}
console.log(JSON.stringify({ most, after: openFileCount(), extraFds: fds() - before }));
`;
    const child = runChild(script, path, "--expose-gc");
    expect(child.stderr).toBe("");
    const out = JSON.parse(child.stdout);
    // V8 is told each open file's native memory, so it collects dropped files long before 800
    // (without that hint, about 170 were open at once).
    expect(out.most).toBeLessThan(100);
    expect(out).toMatchObject({ after: 0, extraFds: 0 });
  });

  it("are closed by the environment cleanup hook when a worker thread ends", () => {
    const path = tempPath();
    const script = `
import { Worker } from "node:worker_threads";
import { spawnSync } from "node:child_process";
const [dist, path] = process.argv.slice(-2);
const worker = new Worker(${"`"}import("node:worker_threads").then(async ({ workerData: [dist, path] }) => {
  const { H5File } = await import(dist);
  const f = H5File.create(path);
  f.root.createDataset("d", { dtype: "uint16", shape: [3] }).write(new Uint16Array([7, 8, 9]));
  f.root.attrs.set("TITLE", "from the worker");
});${"`"}, { eval: true, workerData: [dist, path] });
await new Promise((resolve, reject) => { worker.on("exit", resolve); worker.on("error", reject); });
// The worker's attribute types and dataspaces went with it; this thread's are its own.
const { H5File } = await import(dist);
const own = H5File.create(path + ".main.h5");
own.root.attrs.set("TITLE", "from the main thread");
const title = own.root.attrs.get("TITLE");
own.close();
// This process (and its libhdf5) lives on: only the worker's cleanup hook can have closed the
// file, and libhdf5's file lock lets another process open it only then.
const reader = ${"`"}const { H5File } = await import(process.argv.at(-2));
const f = H5File.open(process.argv.at(-1));
console.log(JSON.stringify([...f.root.openDataset("d").read(), f.root.attrs.get("TITLE")]));${"`"};
const out = spawnSync(process.execPath, ["--input-type=module", "-e", reader, "--", dist, path], { encoding: "utf8" });
process.stdout.write(JSON.stringify({ worker: JSON.parse(out.stdout), main: title }) + out.stderr);
`;
    const child = runChild(script, path);
    expect(child.stderr).toBe("");
    expect(JSON.parse(child.stdout)).toEqual({ worker: [7, 8, 9, "from the worker"], main: "from the main thread" });
  });
});
