/**
 * The file profiles of layout.ts: the PyTables profile's rules stay the free functions', the h5py
 * profile's chunk shapes are h5py's own (`guess_chunk`, run here through python3-h5py), and its
 * attribute and storage settings are what PyMoDAQ's h5py backend writes (spec §8; the replay test
 * checks whole files against the fixtures).
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  carraySpec,
  compressionFor,
  earraySpec,
  FILE_SETTINGS,
  fileProfile,
  H5PY_PROFILE,
  h5pyChunkShape,
  PYTABLES_PROFILE,
  systemAttributes,
  vlarraySpec,
} from "../src/conventions/layout.js";
import { InvalidValueError } from "../src/errors.js";

const PYTHON = existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

/** [shape (0 = unlimited and empty), item size] */
const CASES: [number[], number][] = [
  [[0], 1], [[0], 8], [[0, 1], 8], [[0, 5], 4], [[0, 256], 8], [[0, 1, 1], 8], [[10], 8], [[4, 3], 8],
  [[7], 1], [[100000], 8], [[1000, 1000], 8], [[3, 4, 5], 16], [[50, 40, 1024], 8], [[1], 100000000],
  [[2048, 2048, 3], 2], [[0, 1024, 1024], 4],
];

describe("h5pyChunkShape", () => {
  it("gives h5py's guess_chunk shapes", () => {
    const script = `
import json, sys
from h5py._hl.filters import guess_chunk
cases = json.loads(sys.argv[1])
print(json.dumps([list(guess_chunk(tuple(s), tuple(None if n == 0 else n for n in s), t)) for s, t in cases]))
`;
    const run = spawnSync(PYTHON, ["-c", script, JSON.stringify(CASES)], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    const theirs = JSON.parse(run.stdout) as number[][];
    expect(CASES.map(([shape, size]) => h5pyChunkShape(shape, size))).toEqual(theirs);
  });

  it("gives the fixtures' chunks and refuses a scalar shape", () => {
    expect(h5pyChunkShape([0, 1], 8)).toEqual([1024, 1]);
    expect(h5pyChunkShape([0, 5], 4)).toEqual([512, 5]);
    expect(h5pyChunkShape([0], 1)).toEqual([1024]);
    expect(() => h5pyChunkShape([], 8)).toThrow(InvalidValueError);
  });
});

describe("file profiles", () => {
  it("are chosen by backend, PyTables' being the free functions of layout.ts", () => {
    expect(fileProfile("tables")).toBe(PYTABLES_PROFILE);
    expect(fileProfile("h5py")).toBe(H5PY_PROFILE);
    expect(PYTABLES_PROFILE.systemAttributes).toBe(systemAttributes);
    expect(PYTABLES_PROFILE.carraySpec).toBe(carraySpec);
    expect(PYTABLES_PROFILE.earraySpec).toBe(earraySpec);
    expect(PYTABLES_PROFILE.vlarraySpec).toBe(vlarraySpec);
    expect(PYTABLES_PROFILE.fileSettings).toBe(FILE_SETTINGS);
    expect(FILE_SETTINGS.nameCset).toBe("ascii");
    expect(carraySpec("bool", [3], null).boolEncoding).toBe("bitfield");
    expect(earraySpec("bool", [3], null).boolEncoding).toBe("bitfield");
  });

  it("h5py: vlen UTF-8 strings, enveloped root CLASS/TITLE, no VERSION, EXTDIM int64 on EARRAY and VLARRAY", () => {
    const vlen = { storage: "vlen", cset: "utf8", emptyAsNull: false };
    expect(H5PY_PROFILE.attrStorage).toEqual(vlen);
    expect(H5PY_PROFILE.systemStringStorage("CARRAY")).toEqual(vlen);
    expect(H5PY_PROFILE.extdimDtype).toBe("int64");
    expect(H5PY_PROFILE.systemAttributes("GROUP", "PyMoDAQ file", { root: true })).toEqual([
      { name: "CLASS", value: "GROUP", storage: vlen, envelope: true },
      { name: "TITLE", value: "PyMoDAQ file", storage: vlen, envelope: true },
    ]);
    expect(H5PY_PROFILE.systemAttributes("GROUP", "").map((a) => [a.name, a.envelope])).toEqual([["CLASS", false], ["TITLE", false]]);
    expect(H5PY_PROFILE.systemAttributes("EARRAY", "t").map((a) => a.name)).toEqual(["CLASS", "TITLE", "EXTDIM"]);
    expect(H5PY_PROFILE.systemAttributes("VLARRAY", "").map((a) => a.name)).toEqual(["CLASS", "TITLE", "EXTDIM"]);
    expect(H5PY_PROFILE.systemAttributes("CARRAY", "t").map((a) => a.name)).toEqual(["CLASS", "TITLE"]);
    expect(H5PY_PROFILE.fileSettings).toEqual({ chunkCache: FILE_SETTINGS.chunkCache, nameCset: "h5py" });
  });

  it("h5py: contiguous CARRAYs unless compressed, h5py's chunks, deflate without shuffle, bools as h5py's enum", () => {
    expect(H5PY_PROFILE.carraySpec("float64", [5], null)).toEqual({
      dtype: "float64", boolEncoding: "enum", shape: [5], maxshape: [5], chunks: null, deflate: null, shuffle: false, fillTime: "ifset", allocTime: "late",
    });
    const gzip = compressionFor("gzip", 4);
    expect(H5PY_PROFILE.carraySpec("float64", [4, 3], gzip)).toEqual({
      dtype: "float64", boolEncoding: "enum", shape: [4, 3], maxshape: [4, 3], chunks: [4, 3], deflate: 4, shuffle: false, fillTime: "alloc", allocTime: "incr",
    });
    expect(H5PY_PROFILE.earraySpec("int32", [5], null)).toEqual({
      dtype: "int32", boolEncoding: "enum", shape: [0, 5], maxshape: [null, 5], chunks: [512, 5], deflate: null, shuffle: false, fillTime: "alloc", allocTime: "incr",
    });
    expect(H5PY_PROFILE.vlarraySpec(gzip)).toEqual({ chunk: 1024, deflate: 4, shuffle: false });
  });
});
