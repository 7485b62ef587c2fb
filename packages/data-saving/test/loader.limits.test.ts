/**
 * The limits of the read side against crafted files: the memory budget of a load (checked from
 * the declared shape and dtype before anything is allocated, raised per loader or per call), and
 * work linear in the number of nodes of a group, shown by counting what the loads and the
 * inspector ask of the storage (no timing).
 */
import { join } from "node:path";
import { DataRaw, NDArray } from "@pymodaq-ts/data-model";
import { beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "@pymodaq-ts/test-support";
import { countingBackend, totalWork, type Counts } from "./support/counting-storage.js";
import { libhdf5Storage } from "../src/storage/libhdf5.js";
import { H5SaverLowLevel } from "../src/conventions/h5-saver-lowlevel.js";
import { carraySpec, FILE_SETTINGS } from "../src/conventions/layout.js";
import { DataSaverLoader } from "../src/savers/index.js";
import { DataLoader, DEFAULT_MAX_LOAD_BYTES, isInvalidTypeError, isInvalidValueError, isLimitError, LimitError } from "../src/index.js";
import { inspectLoader } from "../src/tools/canonical/inspect.js";

let dir: string;
beforeAll(() => {
  dir = tempDir("ds-limits");
});

/**
 * A file whose one channel group holds `n` Data0D nodes (`Data00`...), written by our saver.
 * @returns the channel group's path
 */
function writeChannel(path: string, n: number, storage = libhdf5Storage): string {
  const h5 = new H5SaverLowLevel({ storage });
  h5.initFile(path, { newFile: true });
  const group = h5.getNode("/RawData");
  // one channel group holding the n nodes, as a detector's CH00
  const data = Array.from({ length: n }, (_, i) => NDArray.from("float64", [1], [i]));
  const channel = h5.addChGroup(group);
  new DataSaverLoader(h5).addData(channel, new DataRaw("sig", { data, timestamp: 1700000000 }));
  h5.closeFile();
  return channel.path;
}

/** A data node declaring `shape` float64 elements, never written (chunked, allocated on write: a few KB on disk). */
function writeDeclared(path: string, shape: number[]): void {
  const file = libhdf5Storage.create(path, FILE_SETTINGS);
  const array = file.root.createGroup("RawData").createArray("Data00", {
    ...carraySpec("float64", shape, null), chunks: shape.map(() => 2 ** 16), allocTime: "incr",
  });
  array.attrs.setStrings([["CLASS", "CARRAY"], ["data_type", "data"]], { storage: "fixed", cset: "utf8", emptyAsNull: true });
  file.close();
}

describe("the memory budget of a load", () => {
  it("refuses a declared 2^27 float64 dataset before reading it (LimitError naming the node)", async () => {
    const file = join(dir, "declared.h5");
    writeDeclared(file, [2 ** 27]);
    using loader = new DataLoader(file);
    expect(loader.maxLoadBytes).toBe(DEFAULT_MAX_LOAD_BYTES);
    let thrown: unknown;
    try {
      loader.loadData("/RawData/Data00");
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(LimitError);
    expect(thrown).toMatchObject({ code: "LIMIT", path: "/RawData/Data00", needed: 2 ** 30, limit: DEFAULT_MAX_LOAD_BYTES });
    await expect(loader.loadDataAsync("/RawData/Data00")).rejects.toSatisfy(isLimitError);
    expect(() => loader.loadAll("/RawData")).toThrow(LimitError);
    await expect(loader.loadAllAsync("/RawData")).rejects.toSatisfy(isLimitError);
  });

  it("is set per loader and raised or lowered per call; a load's arrays are charged together", async () => {
    const file = join(dir, "small.h5");
    const channel = writeChannel(file, 3); // three float64 nodes of 8 bytes
    using tight = new DataLoader(file, { maxLoadBytes: 16 });
    expect(tight.loadData(`${channel}/Data00`).data[0]!.size).toBe(1);
    expect(() => tight.loadData(`${channel}/Data00`, { loadAll: true })).toThrow(/needs 24 bytes, above the memory budget of 16 bytes/);
    expect(tight.loadData(`${channel}/Data00`, { loadAll: true, maxLoadBytes: 24 }).length).toBe(3);
    expect(tight.loadAll("/RawData", undefined, { maxLoadBytes: Infinity }).length).toBe(1);
    await expect(tight.loadAllAsync("/RawData")).rejects.toSatisfy(isLimitError);
    expect(() => tight.loadData(`${channel}/Data00`, { maxLoadBytes: 7 })).toThrow(LimitError);
  });

  it("rejects a budget that is not a positive number, and unknown loader options", () => {
    const file = join(dir, "small.h5");
    const channel = writeChannel(file, 3);
    for (const bad of [0, -1, Number.NaN, "1"]) {
      expect(() => new DataLoader(file, { maxLoadBytes: bad as number })).toThrow(expect.objectContaining({ code: "INVALID_VALUE" }));
    }
    using loader = new DataLoader(file);
    let thrown: unknown;
    try {
      loader.loadData(`${channel}/Data00`, { maxLoadBytes: 0 });
    } catch (e) {
      thrown = e;
    }
    expect(isInvalidValueError(thrown)).toBe(true);
    try {
      new DataLoader(file, { maxBytes: 1 } as never);
    } catch (e) {
      thrown = e;
    }
    expect(isInvalidTypeError(thrown)).toBe(true);
  });
});

describe("work linear in the number of nodes of a group", () => {
  /** The storage work of writing `n` nodes, then of loading each node, loading all, and inspecting. */
  function work(n: number): { write: number; loadEach: number; loadAll: number; inspect: number } {
    const file = join(dir, `channel${n}.h5`);
    const writes: Counts = {};
    const channel = writeChannel(file, n, countingBackend(libhdf5Storage, writes));
    const measure = (fn: (loader: DataLoader) => void): number => {
      const counts: Counts = {};
      using loader = new DataLoader(H5SaverLowLevel.openReadOnly(file, { storage: countingBackend(libhdf5Storage, counts) }));
      fn(loader);
      return totalWork(counts);
    };
    return {
      write: totalWork(writes),
      loadEach: measure((loader) => {
        for (let i = 0; i < n; i++) loader.loadData(`${channel}/Data${String(i).padStart(2, "0")}`);
      }),
      loadAll: measure((loader) => {
        expect(loader.loadAll("/RawData").at(0).length).toBe(n);
      }),
      inspect: measure((loader) => {
        expect(Object.keys(inspectLoader(loader, "f.h5").nodes)).toHaveLength(n);
      }),
    };
  }

  it("doubling the nodes at most doubles the storage calls and the children listed (plus a constant)", () => {
    const small = work(100);
    const large = work(200);
    for (const key of ["write", "loadEach", "loadAll", "inspect"] as const) {
      expect(large[key], key).toBeLessThanOrEqual(2 * small[key] + 50);
    }
  });
});
