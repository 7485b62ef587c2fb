// The flush policy of H5SaverLowLevel: what a process killed at a given moment leaves on disk.
// A copy of the file taken while the writer keeps it open is that state (the kernel keeps every
// byte written, nothing more); packages/reliability kills real processes.
import { DataRaw, NDArray, PyTuple } from "@pymodaq-ts/data-model";
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { tempDir } from "@pymodaq-ts/test-support";
import { dte } from "./savers.helpers.js";
import { H5SaverLowLevel } from "../src/conventions/h5-saver-lowlevel.js";
import { DEFAULT_FLUSH_POLICY, checkFlushPolicy } from "../src/conventions/durability.js";
import { DataEnlargeableSaver } from "../src/savers/enlargeable-saver.js";
import { DataToExportSaver } from "../src/savers/dte-saver.js";
import { InvalidTypeError, InvalidValueError } from "../src/errors.js";

let dir: string;
let copies = 0;
beforeEach(() => {
  dir = tempDir("ds-durability");
});

/** The file as a process killed now would leave it. */
function killedCopy(path: string): string {
  const copy = join(dir, `killed${copies++}.h5`);
  copyFileSync(path, copy);
  return copy;
}

/** Rows and `shape` attribute of the enlargeable node in a copy, read with our loader. */
function rowsIn(copy: string, node: string): { rows: number; shape: unknown; values: number[] } {
  const ro = H5SaverLowLevel.openReadOnly(copy);
  try {
    const array = ro.getNode(node);
    const data = ro.read(array as never) as { data: Float64Array; shape: number[] };
    return { rows: data.shape[0] ?? 0, shape: array.attrs.get("shape"), values: [...data.data] };
  } finally {
    ro.closeFile();
  }
}

function point(i: number): DataRaw {
  return new DataRaw("probe", { data: [NDArray.from("float64", [3], [i, 10 * i, 100 * i])] });
}

describe("flush policy", () => {
  it("defaults to one second, no count, no fsync, and rejects bad policies with typed errors", () => {
    expect(DEFAULT_FLUSH_POLICY).toEqual({ everyPoints: null, everySeconds: 1, fsync: false });
    expect(new H5SaverLowLevel().flushPolicy).toEqual(DEFAULT_FLUSH_POLICY);
    expect(checkFlushPolicy({ everyPoints: 5 })).toEqual({ everyPoints: 5, everySeconds: 1, fsync: false });
    expect(checkFlushPolicy({ everySeconds: null, fsync: true })).toEqual({ everyPoints: null, everySeconds: null, fsync: true });
    expect(() => new H5SaverLowLevel({ flushPolicy: { every: 3 } as never })).toThrow(InvalidTypeError);
    for (const bad of [{ everyPoints: 0 }, { everyPoints: 1.5 }, { everySeconds: -1 }, { everySeconds: Number.NaN }, { fsync: "yes" }]) {
      expect(() => checkFlushPolicy(bad as never), JSON.stringify(bad)).toThrow(InvalidValueError);
    }
  });

  it("initFile leaves a complete file on disk before any flush or close", () => {
    const path = join(dir, "init.h5");
    using h5 = new H5SaverLowLevel({ flushPolicy: { everySeconds: null } });
    h5.initFile(path, { newFile: true });
    const ro = H5SaverLowLevel.openReadOnly(killedCopy(path));
    try {
      expect(ro.getNode("/RawData").attrs.get("type")).toBe("scan");
      expect(ro.getNode("/RawData/Logger").attrs.get("shape")).toEqual(new PyTuple([0n]));
      expect(ro.root().attrs.get("file")).toBe("init.h5");
    } finally {
      ro.closeFile();
    }
  });

  it("everyPoints: a kill loses only the points since the last flush, and shape is exact in every copy", () => {
    const path = join(dir, "count.h5");
    using h5 = new H5SaverLowLevel({ flushPolicy: { everyPoints: 3, everySeconds: null } });
    h5.initFile(path, { newFile: true });
    const saver = new DataEnlargeableSaver(h5);
    const node = "/RawData/EnlData00";
    const seen: (number | "absent")[] = [];
    for (let i = 0; i < 8; i++) {
      saver.addData(h5.rawGroup, point(i), { axisValues: [i] });
      const copy = killedCopy(path);
      using ro = H5SaverLowLevel.openReadOnly(copy);
      if (!ro.isNodeInGroup("/RawData", "EnlData00")) {
        seen.push("absent");
        continue;
      }
      const rows = rowsIn(copy, node);
      expect(rows.shape).toEqual(new PyTuple([BigInt(rows.rows), 3n]));
      seen.push(rows.rows);
    }
    // The node itself reaches the disk with the first flush (3 points), then every third point.
    expect(seen).toEqual(["absent", "absent", 3, 3, 3, 6, 6, 6]);
    expect(h5.unflushedPoints).toBe(2);
    expect(rowsIn(killedCopy(path), node).values).toEqual([0, 0, 0, 1, 10, 100, 2, 20, 200, 3, 30, 300, 4, 40, 400, 5, 50, 500]);
  });

  it("everySeconds: a timer flushes the last points while the process waits", async () => {
    const path = join(dir, "timer.h5");
    using h5 = new H5SaverLowLevel({ flushPolicy: { everySeconds: 0.05 } });
    h5.initFile(path, { newFile: true });
    const saver = new DataEnlargeableSaver(h5);
    saver.addData(h5.rawGroup, point(1), { axisValues: [1] });
    expect(h5.unflushedPoints).toBe(1);
    await new Promise((r) => setTimeout(r, 300));
    expect(h5.unflushedPoints).toBe(0);
    expect(rowsIn(killedCopy(path), "/RawData/EnlData00").rows).toBe(1);
  });

  it("a DataToExport saver counts one point per addData, whatever its channels", () => {
    const path = join(dir, "dte.h5");
    using h5 = new H5SaverLowLevel({ flushPolicy: { everyPoints: 2, everySeconds: null } });
    h5.initFile(path, { newFile: true });
    const saver = new DataToExportSaver(h5);
    saver.addData(h5.rawGroup, dte());
    expect(h5.unflushedPoints).toBe(1);
    saver.addData(h5.rawGroup, dte());
    expect(h5.unflushedPoints).toBe(0);
  });

  it("fsync: flush and close also sync the file; a read-only file counts nothing", () => {
    const path = join(dir, "fsync.h5");
    const h5 = new H5SaverLowLevel({ flushPolicy: { everyPoints: 1, fsync: true } });
    h5.initFile(path, { newFile: true });
    new DataEnlargeableSaver(h5).addData(h5.rawGroup, point(2), { axisValues: [2] });
    expect(rowsIn(killedCopy(path), "/RawData/EnlData00").values).toEqual([2, 20, 200]);
    h5.closeFile();
    using ro = H5SaverLowLevel.openReadOnly(path);
    {
      ro.savePoint(() => undefined);
    }
    expect(ro.unflushedPoints).toBe(0);
  });
});
