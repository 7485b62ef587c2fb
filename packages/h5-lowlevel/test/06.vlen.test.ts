import { describe, expect, it } from "vitest";
import { H5ArgumentError, H5File } from "../src/index.js";
import { tempPath } from "@pymodaq-ts/test-support";
import { pythonJson } from "./python.js";

const bytes = (...b: number[]) => new Uint8Array(b);

describe("H5Group.createVlenUint8 / H5Vlen", () => {
  it("appends rows of any length and reads them back, whole or by range", () => {
    using file = H5File.create(tempPath());
    const log = file.root.createVlenUint8("Logger", { chunks: [1024] });
    expect(log.length()).toBe(0);
    expect(log.read()).toEqual([]);
    log.append([bytes(1, 2, 3), bytes()]);
    log.append([new Uint8Array(70000).fill(120)]);
    log.append([]);
    expect(log.length()).toBe(3);
    const rows = log.read();
    expect(rows.map((r) => r.length)).toEqual([3, 0, 70000]);
    expect(rows[0]).toEqual(bytes(1, 2, 3));
    expect(rows[2]?.every((b) => b === 120)).toBe(true);
    expect(log.read(1, 1)).toEqual([bytes()]);
    expect(log.read(2)).toHaveLength(1);
  });

  it("is chunked, unlimited, VLEN of uint8, with optional shuffle + deflate", () => {
    using file = H5File.create(tempPath());
    const log = file.root.createVlenUint8("L", { chunks: [65536], shuffle: true, deflate: 5 });
    const ds = file.root.openDataset("L");
    expect(ds.kind).toBe("vlen-uint8");
    expect(ds.maxshape()).toEqual([null]);
    expect(ds.chunks()).toEqual([65536]);
    expect(ds.filters().map((f) => f.name)).toEqual(["shuffle", "deflate"]);
    expect(() => ds.read()).toThrow(/holds vlen-uint8 elements/);
    log.append([bytes(5)]);
    expect(log.read()).toEqual([bytes(5)]);
  });

  it("rows written here read back in h5py as the same bytes", () => {
    const path = tempPath();
    {
      using file = H5File.create(path);
      file.root.createVlenUint8("L", { chunks: [16] }).append([bytes(128, 4), bytes(), bytes(255)]);
    }
    const rows = pythonJson<number[][]>(`
import sys, json, h5py
with h5py.File(sys.argv[1], "r") as f:
    print(json.dumps([list(map(int, r)) for r in f["L"][()]]))
`, path);
    expect(rows).toEqual([[128, 4], [], [255]]);
  });

  it("rejects bad rows, ranges and options with argument errors", () => {
    using file = H5File.create(tempPath());
    const log = file.root.createVlenUint8("L", { chunks: [4] });
    expect(() => log.append([new Int8Array(2) as never])).toThrow(/rows\[0\]: must be a Uint8Array/);
    expect(() => log.append("abc" as never)).toThrow(/rows: must be an array/);
    expect(() => log.read(1)).toThrow(/start: rows 1..1 are out of range for length 0/);
    log.append([bytes(1)]);
    expect(() => log.read(0, 2)).toThrow(/out of range/);
    expect(() => log.read(-1)).toThrow(/start: must be an integer >= 0/);
    expect(() => file.root.createVlenUint8("M", { chunks: [0] })).toThrow(/options.chunks\[0\]: must be an integer >= 1/);
    expect(() => file.root.createVlenUint8("M", { chunks: [4], level: 1 } as never)).toThrow(/unknown option "level"/);
    file.root.createDataset("num", { dtype: "uint8", shape: [2] });
    expect(() => file.root.openVlen("num")).toThrow(H5ArgumentError);
    expect(() => file.root.openVlen("num")).toThrow(/holds uint8 elements, not vlen-uint8/);
    expect(file.root.openVlen("L").length()).toBe(1);
  });
});
