// What H5SaverLowLevel asks of its storage: a proxy around the libhdf5 storage that counts calls
// shows handles opened once, no attribute read or write per append, deferred attributes written
// at flush.
import { join } from "node:path";
import { PyTuple } from "@pymodaq-ts/data-model";
import { beforeEach, describe, expect, it } from "vitest";
import { tempDir } from "@pymodaq-ts/test-support";
import { libhdf5Storage } from "../src/storage/libhdf5.js";
import type { Storage } from "../src/storage/types.js";
import { countingBackend, type Counts } from "./support/counting-storage.js";
import { FILE_SETTINGS, carraySpec } from "../src/conventions/layout.js";
import type { EARRAY } from "../src/conventions/nodes/arrays.js";
import { H5SaverLowLevel } from "../src/conventions/h5-saver-lowlevel.js";

let dir: string;
beforeEach(() => {
  dir = tempDir("ds-seam");
});

describe("H5SaverLowLevel on a storage", () => {
  it("works on the storage it is given", () => {
    const counts: Counts = {};
    const h5 = new H5SaverLowLevel({ storage: countingBackend(libhdf5Storage, counts) });
    h5.initFile(join(dir, "seam.h5"), { newFile: true });
    h5.addLog("through the seam");
    h5.closeFile();
    expect(counts["file.close"]).toBe(1);
    expect(counts["createVlen.append"]).toBe(1);
    expect(counts["root.createGroup"]).toBe(1);
    const ro = H5SaverLowLevel.openReadOnly(join(dir, "seam.h5"), { storage: libhdf5Storage });
    expect(ro.getNode("/RawData/Logger").attrs.get("shape")).toBeTruthy();
    ro.closeFile();
  });

  it("a VLARRAY's look-up closes the array handle it opened to read CLASS (none left to the garbage collector)", () => {
    const path = join(dir, "vlarray.h5");
    const h5 = new H5SaverLowLevel({ storage: libhdf5Storage });
    h5.initFile(path, { newFile: true });
    h5.addLog("a line");
    h5.closeFile();
    const counts: Counts = {};
    const ro = H5SaverLowLevel.openReadOnly(path, { storage: countingBackend(libhdf5Storage, counts) });
    expect(ro.getNode("/RawData/Logger").nodeClass).toBe("VLARRAY");
    expect(counts["openGroup.openArray"]).toBe(1);
    expect(counts["openArray.release"]).toBe(1);
    expect(counts["openGroup.openVlen"]).toBe(1);
    ro.closeFile();
  });

  it("read-only, attribute names and child look-ups are asked of the storage once per node; writable, they follow the session's writes", () => {
    const path = join(dir, "names.h5");
    const h5 = new H5SaverLowLevel({ storage: libhdf5Storage });
    h5.initFile(path, { newFile: true });
    const raw = h5.rawGroup;
    const before = raw.attrs.names();
    raw.attrs.set("zz_added", 1);
    raw.attrs.set("aa_added", 2);
    // The new names take their place in the storage's order, as a reopened file lists them.
    const written = raw.attrs.names();
    expect(written).toEqual(expect.arrayContaining([...before, "zz_added", "aa_added"]));
    expect(raw.hasChild("Later")).toBe(false);
    h5.getSetGroup(raw, "Later");
    expect(raw.hasChild("Later")).toBe(true);
    raw.attrs.delete("zz_added");
    expect(raw.attrs.names()).not.toContain("zz_added");
    h5.closeFile();

    const counts: Counts = {};
    const ro = H5SaverLowLevel.openReadOnly(path, { storage: countingBackend(libhdf5Storage, counts) });
    const node = ro.getNode("/RawData");
    for (const k of Object.keys(counts)) delete counts[k];
    const listed = Array.from({ length: 5 }, () => node.attrs.names());
    expect(listed.every((n) => n.join() === listed[0]!.join())).toBe(true);
    expect(listed[0]).toEqual(written.filter((n) => n !== "zz_added"));
    const found = Array.from({ length: 5 }, () => [(node as typeof raw).hasChild("Later"), (node as typeof raw).hasChild("Missing")]);
    expect(found.every(([a, b]) => a === true && b === false)).toBe(true);
    expect(counts["attrs.names"]).toBe(1);
    expect(counts["openGroup.childKind"]).toBe(2);
    ro.closeFile();
  });

  it("appends touch no attribute until flush; flush writes one shape per dirty node", () => {
    const counts: Counts = {};
    const h5 = new H5SaverLowLevel({ storage: countingBackend(libhdf5Storage, counts) });
    h5.initFile(join(dir, "appends.h5"), { newFile: true });
    const a = h5.addArray(h5.rawGroup, "EnlData00", "data_enlargeable", { enlargeable: true, dataShape: [1], dataDimension: "Data0D" }) as EARRAY;
    const b = h5.addArray(h5.rawGroup, "EnlData01", "data_enlargeable", { enlargeable: true, dataShape: [3], dataDimension: "Data1D" }) as EARRAY;
    for (const k of Object.keys(counts)) delete counts[k];
    for (let i = 0; i < 100; i++) {
      h5.getNode("/RawData/EnlData00"); // a look-up by path reuses the open handle
      a.append({ dtype: "float64", shape: [1], data: Float64Array.of(i) });
      b.append({ dtype: "float64", shape: [3], data: Float64Array.of(i, i, i) });
      h5.addLog(`point ${i}`);
    }
    expect(counts["createArray.append"]).toBe(200);
    expect(counts["createVlen.append"]).toBe(100);
    const attrCalls = Object.entries(counts).filter(([k]) => k.startsWith("attrs."));
    expect(attrCalls).toEqual([]);
    expect(Object.keys(counts).some((k) => k.endsWith(".openArray") || k.endsWith(".openGroup"))).toBe(false);
    h5.flush();
    expect(counts["attrs.setStrings"]).toBe(3); // EnlData00, EnlData01, Logger: one call per node
    expect(counts["file.flush"]).toBe(1);
    h5.flush();
    expect(counts["attrs.setStrings"]).toBe(3);
    h5.closeFile();
  });

  it("a new array's attributes reach the storage in three calls: system, array, data attributes", () => {
    const counts: Counts = {};
    const h5 = new H5SaverLowLevel({ storage: countingBackend(libhdf5Storage, counts) });
    h5.initFile(join(dir, "batched.h5"), { newFile: true });
    for (const k of Object.keys(counts)) delete counts[k];
    const metadata = { label: "ch0", units: "mm", origin: "det", distribution: "uniform", nav_indexes: new PyTuple([]) };
    const carray = h5.addArray(h5.rawGroup, "Data00", "data", { data: { dtype: "float64", shape: [2], data: Float64Array.of(1, 2) }, dataDimension: "Data1D", metadata });
    expect(Object.entries(counts).filter(([k]) => k.startsWith("attrs."))).toEqual([["attrs.setStrings", 3]]);
    expect(carray.attrs.names().length).toBe(3 + 4 + 2 + 5);
    expect(carray.attrs.get("units")).toBe("mm");
    h5.closeFile();
  });

  it("a whole read of an array larger than the chunk cache sees the writes still in the cache", () => {
    const file = libhdf5Storage.create(join(dir, "big.h5"), FILE_SETTINGS);
    const n = (FILE_SETTINGS.chunkCache.bytes / 8) * 1.5; // 3 MiB of float64
    const big = file.root.createArray("big", carraySpec("float64", [n], null));
    const small = file.root.createArray("small", carraySpec("float64", [8], null));
    for (let round = 1; round <= 2; round++) {
      big.write(Float64Array.of(round, -round), { start: [n - 2], count: [2] }); // stays in the chunk cache
      small.write(new Float64Array(8).fill(round));
      const all = big.read() as Float64Array;
      expect([all.length, all[0], all[n - 3], all[n - 2], all[n - 1]]).toEqual([n, 0, 0, round, -round]);
      expect(Array.from(small.read() as Float64Array)).toEqual(new Array(8).fill(round));
    }
    expect(Array.from(big.read({ start: [n - 2], count: [2] }) as Float64Array)).toEqual([2, -2]);
    file.close();
  });

  it("the settings every file gets: PyTables chunk cache", () => {
    const seen: unknown[] = [];
    const spy: Storage = {
      name: "spy",
      create: (path, settings) => (seen.push(settings), libhdf5Storage.create(path, settings)),
      open: (path, mode, settings) => (seen.push(settings), libhdf5Storage.open(path, mode, settings)),
    };
    const h5 = new H5SaverLowLevel({ storage: spy });
    h5.initFile(join(dir, "settings.h5"), { newFile: true });
    h5.closeFile();
    h5.initFile(join(dir, "settings.h5"));
    h5.closeFile();
    expect(seen).toEqual([FILE_SETTINGS, FILE_SETTINGS]);
  });
});
