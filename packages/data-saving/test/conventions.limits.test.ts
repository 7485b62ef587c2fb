/**
 * The read budget outside array loads, against crafted files: a group's declared number of
 * children is checked before it is listed, a VLARRAY's (the Logger's) rows are charged as they are
 * read, and the inspector charges each node's attribute values; past the budget each is a
 * LimitError naming the node, and a caller who raises the budget reads the file.
 */
import { join } from "node:path";
import { tempDir } from "@pymodaq-ts/test-support";
import { beforeAll, describe, expect, it } from "vitest";
import { H5SaverLowLevel } from "../src/conventions/h5-saver-lowlevel.js";
import { CHILD_ENTRY_BYTES, VLEN_ROW_BYTES } from "../src/conventions/limits.js";
import { FILE_SETTINGS } from "../src/conventions/layout.js";
import { DataLoader, isInvalidValueError, isLimitError } from "../src/index.js";
import type { VLARRAY } from "../src/conventions/nodes/vlarray.js";
import { libhdf5Storage } from "../src/storage/libhdf5.js";
import { inspectFile } from "../src/tools/canonical/inspect.js";

let dir: string;
beforeAll(() => {
  dir = tempDir("ds-read-limits");
});

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected a throw");
}

/** A PyMoDAQ file whose /RawData/Crowd group holds `n` empty groups. */
function writeCrowd(path: string, n: number): void {
  const h5 = new H5SaverLowLevel();
  h5.initFile(path, { newFile: true });
  const crowd = h5.getSetGroup(h5.rawGroup, "Crowd");
  for (let i = 0; i < n; i++) h5.getSetGroup(crowd, `G${String(i).padStart(4, "0")}`);
  h5.closeFile();
}

describe("group listings", () => {
  it("refuse a group whose declared children go past the budget, before listing them", () => {
    const file = join(dir, "crowd.h5");
    writeCrowd(file, 300);
    const budget = 100 * CHILD_ENTRY_BYTES;
    using small = new DataLoader(file);
    small.h5saver.maxReadBytes = budget;
    const e = thrown(() => small.loadAll("/RawData"));
    expect(isLimitError(e)).toBe(true);
    expect(e).toMatchObject({ path: "/RawData/Crowd", needed: 300 * CHILD_ENTRY_BYTES, limit: budget });

    using raised = new DataLoader(file);
    raised.h5saver.maxReadBytes = 400 * CHILD_ENTRY_BYTES;
    expect(raised.h5saver.getGroup("/RawData/Crowd").children()).toHaveLength(300);
    // A loader's budget above the default raises the file's read budget with it.
    using unlimited = new DataLoader(file, { maxLoadBytes: Infinity });
    expect(unlimited.h5saver.maxReadBytes).toBe(Infinity);

    const doc = inspectFile(file, { maxLoadBytes: budget });
    expect(doc.file_errors?.some((m) => m.startsWith("/RawData/Crowd: /RawData/Crowd: reading it needs"))).toBe(true);
  });

  it("take a positive budget only", () => {
    const h5 = new H5SaverLowLevel();
    expect(isInvalidValueError(thrown(() => { h5.maxReadBytes = 0; }))).toBe(true);
  });
});

describe("the Logger's rows", () => {
  it("are charged as they are read, with the declared row count checked first", () => {
    const file = join(dir, "logger.h5");
    const h5 = new H5SaverLowLevel();
    h5.initFile(file, { newFile: true });
    for (let i = 0; i < 50; i++) h5.addLog(`message ${i} ${"x".repeat(1000)}`);
    h5.closeFile();

    using reader = H5SaverLowLevel.openReadOnly(file);
    const logger = reader.getNode("/RawData/Logger") as VLARRAY;
    expect(logger.readRows()).toHaveLength(50);
    reader.maxReadBytes = 50 * VLEN_ROW_BYTES - 1;
    expect(thrown(() => logger.readRows())).toMatchObject({ code: "LIMIT", path: "/RawData/Logger", needed: 50 * VLEN_ROW_BYTES });
    reader.maxReadBytes = 20_000;
    const e = thrown(() => logger.readRows());
    expect(isLimitError(e)).toBe(true);
    expect((e as { needed: number }).needed).toBeGreaterThan(20_000);

    const doc = inspectFile(file, { maxLoadBytes: 20_000 });
    expect(doc.file_errors?.some((m) => m.startsWith("/RawData/Logger: /RawData/Logger: reading it needs"))).toBe(true);
    expect(inspectFile(file).tree["/RawData/Logger"]?.strings).toHaveLength(50);
  });
});

describe("attribute values in the inspector", () => {
  it("are charged per node once read", () => {
    const file = join(dir, "attr.h5");
    const f = libhdf5Storage.create(file, FILE_SETTINGS);
    const g = f.root.createGroup("RawData");
    g.attrs.setStrings([["CLASS", "GROUP"], ["big", "y".repeat(300_000)]], { storage: "vlen", cset: "utf8", emptyAsNull: false });
    f.close();
    const doc = inspectFile(file, { maxLoadBytes: 500_000 });
    expect(doc.file_errors).toEqual([expect.stringMatching(/^\/RawData: \/RawData@big: reading it needs 6\d{5} bytes, above the memory budget of 500000 bytes/)]);
    expect(inspectFile(file).tree["/RawData"]?.attrs["big"]).toBe("y".repeat(300_000));
  });
});
