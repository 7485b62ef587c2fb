/**
 * H5File.flushState and `open(..., { locking: false })`: a writer that holds its metadata until
 * flush announces its flushes to other processes (a lock far past the file's end, not a byte of
 * the file), and a reader opens the file without libhdf5's lock while the writer has it. The
 * writers are real second processes (this package's dist/); the file is read back by h5py after.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { H5ArgumentError, H5File, H5FileInUseError } from "../src/index.js";
import { tempPath } from "@pymodaq-ts/test-support";
import { pythonJson } from "./python.js";

const dist = resolve(dirname(fileURLToPath(import.meta.url)), "../dist/index.js");

// A writer driven line by line on stdin: "append" adds a row of ten copies of the row number,
// "flush" flushes, "close" closes; it answers each line with "ok".
const WRITER = `
const [dist, path, hold] = process.argv.slice(-3);
const { H5File } = await import(dist);
const f = H5File.create(path);
if (hold === "hold") f.holdMetadataUntilFlush();
const rows = f.root.createDataset("rows", { dtype: "float64", shape: [0, 10], maxshape: [null, 10], chunks: [64, 10] });
let n = 0;
let pending = "";
process.stdin.on("data", (chunk) => {
  pending += chunk;
  let at;
  while ((at = pending.indexOf("\\n")) >= 0) {
    const command = pending.slice(0, at);
    pending = pending.slice(at + 1);
    if (command === "append") rows.append(new Float64Array(10).fill(n++));
    else if (command === "flush") f.flush();
    else if (command === "flushAsync") { f.flushAsync().then(() => process.stdout.write("ok\\n")); continue; }
    else if (command === "close") f.close();
    process.stdout.write("ok\\n");
  }
});
process.stdout.write("ok\\n");
`;

interface Writer {
  send(command: string): Promise<void>;
}

const children: ChildProcess[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) {
    child.stdin?.end();
    if (child.exitCode === null) await new Promise((r) => child.once("exit", r));
  }
});

async function startWriter(path: string, hold: boolean): Promise<Writer> {
  const child = spawn(process.execPath, ["--input-type=module", "-e", WRITER, "--", dist, path, hold ? "hold" : "no"], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  children.push(child);
  let answers = 0;
  let waiting: (() => void) | null = null;
  child.stdout!.on("data", (chunk: Buffer) => {
    answers += chunk.toString().split("ok\n").length - 1;
    waiting?.();
  });
  let expected = 1;
  let exited: Error | null = null;
  child.once("exit", (code) => {
    exited = new Error(`writer exited with ${code}`);
    waiting?.();
  });
  const answered = () => new Promise<void>((done, fail) => {
    const check = () => (answers >= expected ? done() : exited ? fail(exited) : (waiting = check));
    check();
  });
  await answered();
  return {
    send: async (command) => {
      expected++;
      child.stdin!.write(`${command}\n`);
      await answered();
    },
  };
}

/** Rows of the dataset through a handle opened without the lock. */
function readRows(path: string): number[] {
  using file = H5File.open(path, { locking: false });
  const rows = file.root.openDataset("rows");
  const data = rows.read() as Float64Array;
  return Array.from({ length: rows.shape()[0]! }, (_, i) => data[i * 10]!);
}

describe("H5File.flushState", () => {
  it("follows the flushes of a writer in another process, then is null once it closes", async () => {
    const path = tempPath();
    const writer = await startWriter(path, true);
    const first = H5File.flushState(path)!;
    expect(first).toEqual({ session: expect.any(Number) as number, flushes: 0, changing: true });
    await writer.send("append");
    expect(H5File.flushState(path)).toEqual(first); // nothing flushed: still changing
    await writer.send("flush");
    expect(H5File.flushState(path)).toEqual({ ...first, flushes: 1, changing: false });
    await writer.send("append");
    await writer.send("flushAsync");
    expect(H5File.flushState(path)).toEqual({ ...first, flushes: 2, changing: false });
    await writer.send("close");
    expect(H5File.flushState(path)).toBeNull();
  });

  it("is null for a writer that does not hold its metadata, a file nobody writes, and a missing file", async () => {
    const path = tempPath();
    const writer = await startWriter(path, false);
    await writer.send("flush");
    expect(H5File.flushState(path)).toBeNull();
    await writer.send("close");
    expect(H5File.flushState(path)).toBeNull();
    expect(H5File.flushState(tempPath("missing"))).toBeNull();
  });

  it("is announced to another descriptor of the writer's own process, and a read-only file announces nothing", () => {
    const path = tempPath();
    const file = H5File.create(path);
    file.holdMetadataUntilFlush();
    file.flush();
    expect(H5File.flushState(path)).toMatchObject({ flushes: 1, changing: false });
    file.close();
    expect(H5File.flushState(path)).toBeNull();
    using reader = H5File.open(path);
    reader.holdMetadataUntilFlush();
    expect(H5File.flushState(path)).toBeNull();
  });

  it("rejects a path that is not a string", () => {
    expect(() => H5File.flushState("" as string)).toThrow(H5ArgumentError);
    expect(() => H5File.flushState("a\0b")).toThrow(H5ArgumentError);
  });
});

describe("H5File.open with locking: false", () => {
  it("reads each flushed state of a file another process writes, and leaves the file whole", async () => {
    const path = tempPath();
    const writer = await startWriter(path, true);
    await writer.send("flush");
    expect(() => H5File.open(path)).toThrow(H5FileInUseError);
    for (let flush = 1; flush <= 5; flush++) {
      for (let i = 0; i < 30; i++) await writer.send("append");
      await writer.send("flush");
      const rows = readRows(path);
      expect(rows).toEqual(Array.from({ length: flush * 30 }, (_, i) => i));
    }
    const before = readFileSync(path);
    readRows(path);
    expect(readFileSync(path).equals(before)).toBe(true); // the reader wrote nothing
    await writer.send("close");
    expect(pythonJson(`
import sys, json, h5py
with h5py.File(sys.argv[1], "r") as f: print(json.dumps(f["rows"][:, 0].tolist()))
`, path)).toEqual(Array.from({ length: 150 }, (_, i) => i));
  });

  it("is read-only only, and a boolean", async () => {
    const path = tempPath();
    H5File.create(path).close();
    expect(() => H5File.open(path, { mode: "r+", locking: false })).toThrow(/read-only/);
    expect(() => H5File.open(path, { locking: "no" as unknown as boolean })).toThrow(H5ArgumentError);
    await expect(H5File.openAsync(path, { mode: "r+", locking: false })).rejects.toThrow(/read-only/);
    using file = await H5File.openAsync(path, { locking: false });
    expect(file.mode).toBe("r");
  });
});
