/**
 * The one error model: every error class of both entry points is a DataSavingError with its own
 * code, guards go by brand and code (so they work across two copies of the package), and errors
 * of the libhdf5 binding arrive wrapped at the storage boundary, naming the file, with the
 * binding's error as `cause`.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { H5Error } from "@pymodaq-ts/h5-lowlevel";
import { tempDir } from "@pymodaq-ts/test-support";
import { describe, expect, it } from "vitest";
import * as pkg from "../src/index.js";
import * as tools from "../src/tools.js";

const dir = tempDir("ds-errors");

/** Every exported class whose name ends in "Error", from both entries. */
const errorClasses = Object.entries({ ...pkg, ...tools }).filter(
  ([name, value]) => /^[A-Z]\w*Error$/.test(name) && typeof value === "function",
) as [string, new (...args: never[]) => Error][];

describe("error classes", () => {
  it("all extend DataSavingError", () => {
    expect(errorClasses.length).toBeGreaterThanOrEqual(15);
    for (const [name, cls] of errorClasses) {
      expect(cls.prototype instanceof pkg.DataSavingError || cls === pkg.DataSavingError, name).toBe(true);
    }
  });

  it("have one code each, and their guard accepts exactly that code", () => {
    const samples: pkg.DataSavingError[] = [
      new pkg.NodeError("/a", "a group"),
      new pkg.InvalidValueError("v"),
      new pkg.InvalidTypeError("t"),
      new pkg.MissingAttributeError("/a", "x"),
      new pkg.IndexOutOfRangeError("i"),
      new pkg.FileStateError("f"),
      new pkg.StorageError("read", "f.h5:/a", new Error("boom")),
      new pkg.LoadError("IndexError", "l"),
      new pkg.AxisError("/a", "data"),
      new tools.PyLiteralError("p", 0),
      new tools.PickleFormatError("p", 0),
      new tools.PyJsonError("p", 0),
      new tools.PyEncodeError("p"),
      new tools.ScenarioFormatError("s"),
      new tools.ScenarioValueError("s"),
      new tools.ReplayStepError(1, "s"),
    ];
    const codes = samples.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    const guards: [string, (e: unknown) => boolean][] = [
      ["NODE", pkg.isNodeError], ["INVALID_VALUE", pkg.isInvalidValueError], ["INVALID_TYPE", pkg.isInvalidTypeError],
      ["MISSING_ATTRIBUTE", pkg.isMissingAttributeError], ["INDEX_OUT_OF_RANGE", pkg.isIndexOutOfRangeError],
      ["FILE_STATE", pkg.isFileStateError], ["STORAGE", pkg.isStorageError], ["LOAD", pkg.isLoadError],
      ["AXIS", pkg.isAxisError], ["PY_LITERAL", tools.isPyLiteralError], ["PICKLE_FORMAT", tools.isPickleFormatError],
      ["PY_JSON", tools.isPyJsonError], ["PY_ENCODE", tools.isPyEncodeError],
      ["SCENARIO_FORMAT", tools.isScenarioFormatError], ["SCENARIO_VALUE", tools.isScenarioValueError],
      ["REPLAY_STEP", tools.isReplayStepError],
    ];
    for (const [code, guard] of guards) {
      expect(samples.filter((e) => guard(e)).map((e) => e.code), code).toEqual([code]);
      expect(guard(new Error(code)), code).toBe(false);
    }
    for (const e of samples) {
      expect(pkg.isDataSavingError(e)).toBe(true);
      expect(e.name).not.toBe("Error");
    }
  });

  it("guards recognise an error of another copy of the package by its brand and code", () => {
    const foreign = Object.assign(new Error("x"), { [Symbol.for("@pymodaq-ts/data-saving.error")]: true, code: "NODE" });
    expect(pkg.isNodeError(foreign)).toBe(true);
    expect(pkg.isDataSavingError(foreign)).toBe(true);
    expect(pkg.isStorageError(foreign)).toBe(false);
  });

  it("keep the Python exception name for pythonErrorText", () => {
    expect(pkg.pythonErrorText(new pkg.AxisError("/a", "data"))).toMatch(/^AxisError: \/a: could not create/);
    expect(pkg.pythonErrorText(new pkg.StorageError("open", "x.h5", new Error("bad")))).toBe("IOError: x.h5: open failed: bad");
  });
});

describe("the storage boundary", () => {
  it("wraps libhdf5's error on a file that is not HDF5 in a StorageError naming the file", () => {
    const path = join(dir, "not-hdf5.h5");
    writeFileSync(path, "this is not an HDF5 file\n".repeat(100));
    let caught: unknown;
    try {
      pkg.H5SaverLowLevel.openReadOnly(path);
    } catch (e) {
      caught = e;
    }
    expect(pkg.isStorageError(caught)).toBe(true);
    const e = caught as pkg.StorageError;
    expect(e.operation).toBe("open");
    expect(e.path).toBe(path);
    expect(e.message).toContain(path);
    expect(e.cause).toBeInstanceOf(H5Error);
    expect((e.cause as H5Error).frames.length).toBeGreaterThan(0);
  });

  it("wraps a failing node operation with the file and node path", () => {
    const path = join(dir, "ok.h5");
    const h5 = new pkg.H5SaverLowLevel({ saveType: "scan" });
    h5.initFile(path, { newFile: true });
    try {
      const storage = h5.storage;
      expect(storage).toBe(pkg.libhdf5Storage);
      // A dataset opened as a group: libhdf5 refuses, the boundary names file and node.
      const logger = h5.getNode("/RawData/Logger");
      let caught: unknown;
      try {
        h5.rawGroup.storage.openGroup("Logger");
      } catch (e) {
        caught = e;
      }
      expect(logger).toBeDefined();
      expect(pkg.isDataSavingError(caught), String(caught)).toBe(true);
      expect((caught as Error).message).toContain(path);
    } finally {
      h5.closeFile();
    }
  });
});
