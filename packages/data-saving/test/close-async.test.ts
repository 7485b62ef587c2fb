/**
 * Closing off the main thread: `H5SaverLowLevel.closeFileAsync` writes the same file as
 * `closeFile` (deferred attributes included, fsync after it when the policy asks), and
 * `DataLoader.closeFileAsync` / `await using` close through the storage's `closeAsync`,
 * release the file and leave the loader as `closeFile` does.
 */
import { DataRaw, NDArray } from "@pymodaq-ts/data-model";
import { H5File, openFileCount } from "@pymodaq-ts/h5-lowlevel";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "@pymodaq-ts/test-support";
import { H5SaverLowLevel } from "../src/conventions/h5-saver-lowlevel.js";
import { isFileStateError } from "../src/errors.js";
import { DataLoader } from "../src/loader/data-loader.js";
import { DataEnlargeableSaver } from "../src/savers/enlargeable-saver.js";
import { libhdf5Storage } from "../src/storage/libhdf5.js";
import { fileTree } from "./h5tree.helpers.js";
import { countingBackend, type Counts } from "./support/counting-storage.js";

const dir = tempDir("pymodaq-close-async");
const clock = { date: "2024-01-02", time: "03:04:05.678901" };
const points = Array.from({ length: 5 }, (_, i) => new DataRaw("probe", { data: [NDArray.from("float64", [3], [i, 10 * i, 100 * i])] }));

/** Five points of an enlargeable saver in `sub/file.h5`, never flushed before the close (its shape attributes deferred until then). */
function written(sub: string, counts: Counts, fsync = false): H5SaverLowLevel {
  mkdirSync(join(dir, sub), { recursive: true });
  const h5 = new H5SaverLowLevel({ storage: countingBackend(libhdf5Storage, counts), flushPolicy: { everySeconds: null, fsync } });
  h5.initFile(join(dir, sub, "file.h5"), { newFile: true, clock });
  const saver = new DataEnlargeableSaver(h5);
  points.forEach((p, i) => saver.addData(h5.rawGroup, p, { axisValues: [i] }));
  return h5;
}

describe("H5SaverLowLevel.closeFileAsync", () => {
  it("writes the file closeFile writes, through the storage's closeAsync", async () => {
    const syncCounts: Counts = {};
    written("sync", syncCounts).closeFile();
    const counts: Counts = {};
    const h5 = written("async", counts);
    await h5.closeFileAsync();
    expect(h5.isopen()).toBe(false);
    expect(counts["file.closeAsync"]).toBe(1);
    expect(counts["file.close"]).toBeUndefined();
    expect(fileTree(join(dir, "async", "file.h5"))).toEqual(fileTree(join(dir, "sync", "file.h5")));
    await h5.closeFileAsync();
    expect(counts["file.closeAsync"]).toBe(1);
  });

  it("fsyncs the file after its close when the flush policy says so", async () => {
    const counts: Counts = {};
    const h5 = written("fsync", counts, true);
    const synced = counts["file.sync"] ?? 0;
    await h5.closeFileAsync();
    expect(counts["file.sync"]).toBe(synced + 1);
    expect(counts["file.closeAsync"]).toBe(1);
  });
});

describe("DataLoader.closeFileAsync", () => {
  const path = join(dir, "sync", "file.h5");

  it("closes through the storage's closeAsync, at the end of `await using` too; the file is released", async () => {
    const before = openFileCount();
    const counts: Counts = {};
    {
      await using loader = new DataLoader(path, { storage: countingBackend(libhdf5Storage, counts) });
      expect((await loader.loadAllAsync("/RawData")).length).toBeGreaterThan(0);
    }
    expect(counts["file.closeAsync"]).toBe(1);
    expect(counts["file.close"]).toBeUndefined();
    const loader = await DataLoader.open(path);
    const loaded = await loader.loadAllAsync("/RawData");
    await loader.closeFileAsync();
    await loader.closeFileAsync();
    expect(openFileCount()).toBe(before);
    // No libhdf5 handle is left on the file: it opens for writing.
    H5File.open(path, { mode: "r+" }).close();
    // The loaded arrays stay the caller's; the loader is closed as after closeFile.
    expect(loaded.data.length).toBeGreaterThan(0);
    let thrown: unknown;
    try {
      loader.loadData("/RawData/EnlData00");
    } catch (e) {
      thrown = e;
    }
    expect(isFileStateError(thrown)).toBe(true);
  });
});
