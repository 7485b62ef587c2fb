import { existsSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  H5ArgumentError, H5ClosedError, H5File, isH5ArgumentError, isH5ClosedError, isH5Error, libraryVersion, type H5Error,
} from "../src/index.js";
import { tempPath } from "@pymodaq-ts/test-support";

describe("H5File.create", () => {
  it("creates a file that reopens read-only with mode r", () => {
    const path = tempPath();
    const file = H5File.create(path);
    expect(file.isOpen).toBe(true);
    expect(file.mode).toBe("r+");
    expect(file.filename).toBe(path);
    file.close();
    expect(existsSync(path)).toBe(true);
    const again = H5File.open(path);
    expect(again.mode).toBe("r");
    expect(again.root.children()).toEqual([]);
    again.close();
  });

  it("truncates an existing file by default", () => {
    const path = tempPath();
    const first = H5File.create(path);
    first.root.createGroup("old");
    first.close();
    const second = H5File.create(path);
    expect(second.root.children()).toEqual([]);
    second.close();
  });

  it("fails with ifExists: fail when the file exists", () => {
    const path = tempPath();
    H5File.create(path).close();
    expect(() => H5File.create(path, { ifExists: "fail" })).toThrow(/already exists/);
    const fresh = tempPath();
    H5File.create(fresh, { ifExists: "fail" }).close();
    expect(existsSync(fresh)).toBe(true);
  });

  it("rejects unknown options and bad values, naming the argument", () => {
    const path = tempPath();
    expect(() => H5File.create(path, { ifExist: "fail" } as never)).toThrow(/options: unknown option "ifExist"/);
    expect(() => H5File.create(path, { ifExists: "keep" } as never)).toThrow(H5ArgumentError);
    expect(() => H5File.create("")).toThrow(/path: must be a non-empty string/);
    expect(() => H5File.create(path, { access: { chunkCache: { slots: -1, bytes: 1, w0: 0 } } })).toThrow(/chunkCache.slots/);
    expect(existsSync(path)).toBe(false);
  });

  it("rejects NUL characters in the path and in node names, creating nothing", () => {
    const path = tempPath("run.h5");
    expect(() => H5File.create(`${path}\0x`)).toThrow(/path: must not contain NUL/);
    expect(() => H5File.open(`${path}\0x`)).toThrow(H5ArgumentError);
    expect(existsSync(path)).toBe(false);
    using file = H5File.create(path);
    expect(() => file.root.createGroup("a\0b")).toThrow(/name: must not contain NUL/);
    expect(() => file.root.createDataset("d\0", { dtype: "int8", shape: [1] })).toThrow(H5ArgumentError);
    expect(() => file.root.attrs.set("t\0", 1)).toThrow(H5ArgumentError);
    expect(file.root.children()).toEqual([]);
  });

  it("accepts a chunk cache setting", () => {
    const path = tempPath();
    const file = H5File.create(path, { access: { chunkCache: { slots: 521, bytes: 2 * 1024 * 1024, w0: 0 } } });
    file.root.createDataset("x", { dtype: "uint8", shape: [10] }).write(new Uint8Array(10).fill(7));
    file.close();
    const again = H5File.open(path, { access: { chunkCache: { slots: 521, bytes: 1 << 20, w0: 0.75 } } });
    expect(Array.from(again.root.openDataset("x").read() as Uint8Array)).toEqual(new Array(10).fill(7));
    again.close();
  });

  it("reports the libhdf5 version", () => {
    const [major, minor, release] = libraryVersion();
    expect(major).toBe(1);
    expect(minor).toBeGreaterThanOrEqual(10);
    expect(release).toBeGreaterThanOrEqual(0);
  });
});

describe("H5File.close", () => {
  it("is idempotent and makes every later use throw H5ClosedError", () => {
    const path = tempPath();
    const file = H5File.create(path);
    const group = file.root.createGroup("g");
    const ds = group.createDataset("d", { dtype: "int32", shape: [2] });
    file.close();
    file.close();
    expect(file.isOpen).toBe(false);
    expect(group.isOpen).toBe(false);
    expect(ds.isOpen).toBe(false);
    expect(() => file.flush()).toThrow(H5ClosedError);
    expect(() => file.root).toThrow(`file ${path} is closed`);
    expect(() => group.children()).toThrow(`file ${path} is closed`);
    expect(() => ds.read()).toThrow(H5ClosedError);
    expect(() => ds.attrs.names()).toThrow(H5ClosedError);
    let caught: unknown;
    try {
      ds.shape();
    } catch (e) {
      caught = e;
    }
    expect(isH5ClosedError(caught)).toBe(true);
    expect(isH5ArgumentError(caught)).toBe(false);
  });

  it("closes a single node without closing the file", () => {
    const file = H5File.create(tempPath());
    const group = file.root.createGroup("g");
    group.close();
    group.close();
    expect(group.isOpen).toBe(false);
    expect(() => group.children()).toThrow(/\/g in file .* is closed/);
    expect(() => group.childNames()).toThrow(/\/g in file .* is closed/);
    expect(file.root.openGroup("g").children()).toEqual([]);
    file.close();
  });

  it("supports `using` through Symbol.dispose", () => {
    const path = tempPath();
    let outer: H5File | undefined;
    {
      using file = H5File.create(path);
      outer = file;
      file.root.createGroup("g");
    }
    expect(outer.isOpen).toBe(false);
    using reopened = H5File.open(path);
    expect(reopened.root.kindOf("g")).toBe("group");
  });

  it("flushes data that another handle then reads", () => {
    const path = tempPath();
    const file = H5File.create(path);
    file.root.createDataset("x", { dtype: "float64", shape: [3] }).write(new Float64Array([1, 2, 3]));
    file.flush();
    file.close();
    const reader = H5File.open(path);
    expect(Array.from(reader.root.openDataset("x").read() as Float64Array)).toEqual([1, 2, 3]);
    reader.close();
  });
});

describe("H5File.open", () => {
  it("rejects a missing file before calling libhdf5", () => {
    expect(() => H5File.open(tempPath("missing.h5"))).toThrow(/path: no such file/);
  });

  it("opens read-write with mode r+ and read-only refuses writes with an H5Error", () => {
    const path = tempPath();
    H5File.create(path).close();
    const rw = H5File.open(path, { mode: "r+" });
    rw.root.createGroup("added");
    rw.close();
    const ro = H5File.open(path);
    expect(ro.root.exists("added")).toBe(true);
    expect(() => ro.root.createGroup("nope")).toThrow(/create group/);
    ro.close();
  });

  it("turns a non-HDF5 file into an H5Error carrying libhdf5's stack", () => {
    const path = tempPath("text.h5");
    writeFileSync(path, "this is not an HDF5 file\n");
    let caught: unknown;
    try {
      H5File.open(path);
    } catch (e) {
      caught = e;
    }
    expect(isH5Error(caught)).toBe(true);
    const err = caught as H5Error;
    expect(err.operation).toBe("open file");
    expect(err.target).toBe(path);
    expect(err.message).toContain("file signature not found");
    expect(err.frames.length).toBeGreaterThan(1);
    const last = err.frames[err.frames.length - 1];
    expect(last?.func).toBe("H5Fopen");
    for (const f of err.frames) {
      expect(typeof f.major).toBe("string");
      expect(typeof f.minor).toBe("string");
      expect(f.func.length).toBeGreaterThan(0);
    }
    expect(err.frames.some((f) => f.minor.includes("signature") || f.message.includes("signature"))).toBe(true);
  });
});
