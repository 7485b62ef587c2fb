/**
 * A file another process has open is never damaged by a create (truncate) or a read-write open:
 * both fail with H5FileInUseError naming the file, and the file keeps every byte. The holders are
 * real second processes: a Node writer through this package (dist/) and h5py.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { H5File, H5FileInUseError } from "../src/index.js";
import { tempPath } from "@pymodaq-ts/test-support";
import { interpreter } from "./python.js";

const dist = resolve(dirname(fileURLToPath(import.meta.url)), "../dist/index.js");

// Writes a dataset, flushes, says "ready", then keeps the file open until stdin closes.
const NODE_WRITER = `
const [dist, path] = process.argv.slice(-2);
const { H5File } = await import(dist);
const f = H5File.create(path);
f.root.createDataset("d", { dtype: "float64", shape: [1000] }).write(new Float64Array(1000).fill(7));
f.flush();
process.stdout.write("ready\\n");
process.stdin.on("end", () => f.close()).resume();
`;

const H5PY_HOLDER = `
import sys, h5py
f = h5py.File(sys.argv[1], sys.argv[2])
print("ready", flush=True)
sys.stdin.read()
f.close()
`;

const children: ChildProcess[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) {
    child.stdin?.end();
    if (child.exitCode === null) await new Promise((r) => child.once("exit", r));
  }
});

async function hold(command: string, args: string[]): Promise<void> {
  const child = spawn(command, args, { stdio: ["pipe", "pipe", "inherit"] });
  children.push(child);
  await new Promise<void>((ready, fail) => {
    child.stdout!.once("data", (chunk: Buffer) => (chunk.toString().startsWith("ready") ? ready() : fail(new Error(chunk.toString()))));
    child.once("exit", (code) => fail(new Error(`holder exited with ${code}`)));
  });
}

function holdWithNode(path: string): Promise<void> {
  return hold(process.execPath, ["--input-type=module", "-e", NODE_WRITER, "--", dist, path]);
}

function expectRefused(action: () => unknown, path: string): void {
  let error: unknown;
  try {
    action();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(H5FileInUseError);
  expect((error as Error).message).toContain(path);
  expect((error as Error).message).toContain("in use by another process");
}

describe("H5File.create and H5File.open r+ on a file another process has open", () => {
  it("leave a Node writer's file intact and say it is in use", async () => {
    const path = tempPath();
    await holdWithNode(path);
    const before = readFileSync(path);
    expectRefused(() => H5File.create(path), path);
    expectRefused(() => H5File.open(path, { mode: "r+" }), path);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it("leave a file h5py has open for writing intact", async () => {
    const path = tempPath();
    H5File.create(path).close();
    await hold(interpreter(), ["-c", H5PY_HOLDER, path, "r+"]);
    const before = readFileSync(path);
    expectRefused(() => H5File.create(path), path);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it("do not truncate a file h5py is reading; a second reader is let in", async () => {
    const path = tempPath();
    const f = H5File.create(path);
    f.root.attrs.set("TITLE", "kept");
    f.close();
    await hold(interpreter(), ["-c", H5PY_HOLDER, path, "r"]);
    expectRefused(() => H5File.create(path), path);
    using reader = H5File.open(path);
    expect(reader.attrs.get("TITLE")).toBe("kept");
  });

  it("succeed once the other process has closed the file", async () => {
    const path = tempPath();
    await holdWithNode(path);
    const child = children.pop()!;
    child.stdin!.end();
    await new Promise((r) => child.once("exit", r));
    using file = H5File.create(path);
    expect(file.root.children()).toEqual([]);
  });
});
