// file-format.md §10.2 (L1-L3), §1.1 initFile, §3 numbering, addArray, group helpers.
import { PyTuple } from "@pymodaq-ts/data-model";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tempDir } from "@pymodaq-ts/test-support";
import { f64 } from "./backend.helpers.js";
import { isFileStateError, isInvalidTypeError } from "../src/errors.js";
import { EARRAY, CARRAY } from "../src/conventions/nodes/arrays.js";
import { StringARRAY } from "../src/conventions/nodes/vlarray.js";
import { H5SaverLowLevel } from "../src/conventions/h5-saver-lowlevel.js";

let dir: string;
let h5: H5SaverLowLevel;
beforeEach(() => {
  dir = tempDir("ds-saver");
  h5 = new H5SaverLowLevel();
});
afterEach(() => {
  h5.closeFile();
});

const clock = { date: "2024-01-02", time: "03:04:05.678901" };

describe("H5SaverLowLevel (file-format.md §10.2)", () => {
  it("L1 initFile with metadata; still there after reopening with newFile=false", () => {
    const created = h5.initFile(join(dir, "test_file"), { newFile: true, metadata: { attr1: "attr1", attr2: PyTuple.ofInts([10, 2]) } });
    expect(created).toBe(true);
    expect(h5.h5FileName).toBe("test_file.h5");
    expect(h5.h5FilePath).toBe(dir);
    expect(existsSync(join(dir, "test_file.h5"))).toBe(true);
    expect(h5.rawGroup.path).toBe("/RawData");
    expect(h5.getNode("/RawData/Logger")).toBeInstanceOf(StringARRAY);
    expect(h5.rawGroup.attrs.get("attr1")).toBe("attr1");
    expect(h5.rawGroup.attrs.get("attr2")).toEqual(new PyTuple([10n, 2n]));
    h5.closeFile();
    expect(h5.initFile(join(dir, "test_file.h5"), { newFile: false })).toBe(false);
    expect(h5.rawGroup.attrs.get("attr1")).toBe("attr1");
    expect(h5.rawGroup.attrs.get("attr2")).toEqual(new PyTuple([10n, 2n]));
    expect(h5.rawGroup.attrs.get("type")).toBe("scan");
  });

  it("L2 add logs: the Logger reads back exactly, in protocol-4 pickles", () => {
    h5.initFile(join(dir, "log.h5"), { newFile: true });
    for (const m of ["This", "is", "a", "message"]) h5.addLog(m);
    expect(h5.logger?.read()).toEqual(["This", "is", "a", "message"]);
    h5.addLog("hello log");
    const bytes = h5.logger?.rowAt(-1);
    expect(Buffer.from(bytes ?? []).toString("hex")).toBe("8004950d000000000000008c0968656c6c6f206c6f67942e");
    h5.closeFile();
    h5.initFile(join(dir, "log.h5"));
    expect(h5.logger?.read()).toEqual(["This", "is", "a", "message", "hello log"]);
    expect(h5.logger?.attrs.get("shape")).toEqual(new PyTuple([5n]));
    expect(h5.logger?.attrs.get("data_type")).toBe("strings");
    expect(h5.logger?.attrs.get("type")).toBe("log");
  });

  it("L3 incremental groups: Scan000, Scan001, Detector000, Actuator000, Ch000 (type ''), Data_dim000", () => {
    h5.initFile(join(dir, "inc.h5"), { newFile: true });
    const raw = h5.rawGroup;
    const made = [
      h5.addIncrementalGroup("scan", raw),
      h5.addIncrementalGroup("scan", raw),
      h5.addIncrementalGroup("detector", raw),
      h5.addIncrementalGroup("actuator", raw),
      h5.addIncrementalGroup("ch", raw),
      h5.addIncrementalGroup("data_dim", raw),
    ];
    expect(made.map((g) => g.name)).toEqual(["Scan000", "Scan001", "Detector000", "Actuator000", "Ch000", "Data_dim000"]);
    expect(made[4]?.attrs.get("type")).toBe("");
    expect(made[2]?.attrs.get("type")).toBe("detector");
    expect(made[0]?.attrs.get("settings")).toBe("");
  });

  it("initFile: .h5 forced, root and raw-group attributes, pinned clock", () => {
    h5 = new H5SaverLowLevel({ saveType: "detector", backend: "h5py" });
    h5.initFile(join(dir, "name.with.dots.txt"), { newFile: true, clock, pymodaqVersion: "4.0.0" });
    expect(h5.h5FileName).toBe("name.with.dots.h5");
    const root = h5.root();
    expect(root.attrs.get("file")).toBe("name.with.dots.h5");
    expect(root.attrs.get("date")).toBe("2024-01-02");
    expect(root.attrs.get("time")).toBe("03:04:05.678901");
    expect(root.attrs.get("pymodaq_version")).toBe("4.0.0");
    expect(root.attrs.get("pymodaq_data_version")).toBe("5.0.0");
    expect(root.attrs.get("TITLE")).toBe("PyMoDAQ file");
    expect(h5.rawGroup.attrs.get("TITLE")).toBe("Data from PyMoDAQ modules");
    expect(h5.rawGroup.attrs.get("type")).toBe("detector");
    expect(h5.logger?.attrs.get("backend")).toBe("h5py");
  });

  it("initFile without a clock writes the local date and an isoformat time", () => {
    h5.initFile(join(dir, "now.h5"));
    expect(h5.root().attrs.get("date")).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(h5.root().attrs.get("time")).toMatch(/^\d{2}:\d{2}:\d{2}(\.\d{6})?$/);
  });

  it("rejects unknown options and bad clocks", () => {
    let caught: unknown;
    try {
      h5.initFile(join(dir, "x.h5"), { newfile: true } as never);
    } catch (e) {
      caught = e;
    }
    expect(isInvalidTypeError(caught)).toBe(true);
    expect((caught as Error).message).toMatch(/unknown option 'newfile'/);
    expect(() => h5.initFile(join(dir, "x.h5"), { clock: { date: "2024/01/02", time: "x" } })).toThrow(/clock.date/);
    expect(() => new H5SaverLowLevel({ saveType: "nothing" })).toThrow(/SaveType/);
    expect(() => new H5SaverLowLevel({ backend: "zarr" as never })).toThrow(/backend/);
  });

  it("openReadOnly never writes: no Logger created, writes refused", () => {
    h5.initFile(join(dir, "ro.h5"), { newFile: true, clock });
    h5.rawGroup.removeChild("Logger");
    h5.closeFile();
    const ro = H5SaverLowLevel.openReadOnly(join(dir, "ro.h5"));
    try {
      expect(ro.rawGroup.childrenName()).toEqual([]);
      let caught: unknown;
      try {
        ro.addDetGroup(ro.rawGroup);
      } catch (e) {
        caught = e;
      }
      expect(isFileStateError(caught)).toBe(true);
      expect(() => ro.addLog("x")).toThrow(/Logger/);
    } finally {
      ro.closeFile();
    }
  });
});

describe("addArray and the next-index counters (file-format.md §3.1, §5, Q9)", () => {
  it("CARRAY with data_type/data_dimension/metadata; name capitalized", () => {
    h5.initFile(join(dir, "a.h5"), { newFile: true });
    const a = h5.addArray(h5.rawGroup, "data00", "data", {
      data: f64([2, 3]), title: "mydata", dataDimension: "Data2D", metadata: { label: "img", timestamp: 1.5 },
    });
    expect(a).toBeInstanceOf(CARRAY);
    expect(a.path).toBe("/RawData/Data00");
    expect(a.attrs.get("data_type")).toBe("data");
    expect(a.attrs.get("data_dimension")).toBe("Data2D");
    expect(a.attrs.get("label")).toBe("img");
    expect(a.title).toBe("mydata");
    expect(() => h5.addArray(h5.rawGroup, "x", "data", { data: f64([1]) })).toThrow(/DataDim/);
    expect(() => h5.addArray(h5.rawGroup, "x", "EnlData", { data: f64([1]), dataDimension: "Data0D" })).toThrow(/DataType/);
    expect(() => h5.addArray(h5.rawGroup, "x", "data", { dataDimension: "Data0D" })).toThrowError(expect.objectContaining({ pythonName: "ValueError" }));
  });

  it("enlargeable and scan-dimension arrays", () => {
    h5.initFile(join(dir, "b.h5"), { newFile: true });
    const e = h5.addArray(h5.rawGroup, "EnlData00", "data_enlargeable", { enlargeable: true, arrayType: "int32", dataShape: [5, 6], dataDimension: "Data2D" });
    expect(e).toBeInstanceOf(EARRAY);
    expect(e.shape).toEqual([0, 5, 6]);
    expect(e.dtype).toBe("int32");
    expect(e.attrs.get("EXTDIM")).toBe(0n);
    const z = h5.addArray(h5.rawGroup, "Data00", "data", { addScanDim: true, scanShape: [4, 3], dataShape: [1], dataDimension: "Data0D" });
    expect(z.shape).toEqual([4, 3]);
    expect(Array.from(z.read().data as ArrayLike<number>)).toEqual(new Array(12).fill(0));
    const s = h5.addArray(h5.rawGroup, "Data01", "data", { addScanDim: true, scanShape: [2], dataShape: [3], arrayType: "uint16", dataDimension: "Data1D" });
    expect(s.shape).toEqual([2, 3]);
    expect(s.dtype).toBe("uint16");
    (s as CARRAY).writeAt([1], { dtype: "uint16", shape: [3], data: Uint16Array.of(7, 8, 9) });
    expect(Array.from(s.read().data as ArrayLike<number>)).toEqual([0, 0, 0, 7, 8, 9]);
  });

  it("next index counts the whole subtree, nested groups included, and survives reopening", () => {
    h5.initFile(join(dir, "n.h5"), { newFile: true });
    const raw = h5.rawGroup;
    const agroup = h5.getSetGroup(raw, "Agroup", "first");
    expect(h5.getNextIndex(raw, "data")).toBe(0);
    h5.addArray(agroup, `Data0${h5.getNextIndex(agroup, "data")}`, "data", { data: f64([2]), dataDimension: "Data1D" });
    expect(h5.getNextIndex(agroup, "data")).toBe(1);
    expect(h5.getNextIndex(raw, "data")).toBe(1);
    expect(h5.getNextIndex(raw, "axis")).toBe(0);
    h5.addArray(raw, "Data01", "data", { data: f64([2]), dataDimension: "Data1D" });
    h5.addArray(raw, "Axis00", "axis", { data: f64([2]), dataDimension: "Data1D" });
    expect(h5.getNextIndex(raw, "data")).toBe(2);
    expect(h5.getNextIndex("/", "data")).toBe(2);
    expect(h5.getNextIndex(agroup, "data")).toBe(1);
    expect(h5.getNextIndex(raw, "axis")).toBe(1);
    h5.closeFile();
    h5.initFile(join(dir, "n.h5"));
    expect(h5.getNextIndex("/RawData", "data")).toBe(2);
    expect(h5.getNextIndex("/RawData/Agroup", "data")).toBe(1);
  });

  it("incremental numbering continues in a reopened file", () => {
    h5.initFile(join(dir, "s.h5"), { newFile: true });
    h5.addScanGroup(null, "first scan");
    h5.closeFile();
    h5.initFile(join(dir, "s.h5"));
    const s = h5.addScanGroup(h5.rawGroup, "second scan", "<xml/>", { extra: 1n });
    expect(s.name).toBe("Scan001");
    expect(s.attrs.get("settings")).toBe("<xml/>");
    expect(s.attrs.get("description")).toBe("");
    expect(s.attrs.get("scan_done")).toBe(false);
    expect(s.attrs.get("extra")).toBe(1n);
    expect(s.attrs.get("type")).toBe("scan");
  });
});

describe("group helpers", () => {
  it("det/act/move/ch groups, getGroups, getLastGroup, getNodeFromTitle, addDataGroup", () => {
    h5.initFile(join(dir, "g.h5"), { newFile: true });
    const raw = h5.rawGroup;
    const d0 = h5.addDetGroup(raw, "det a");
    const d1 = h5.addDetGroup(raw, "det b", "<s/>");
    const a0 = h5.addActGroup(raw, "act");
    const a1 = h5.addMoveGroup(raw, "move");
    const c0 = h5.addChGroup(d0, "channel");
    expect([d0.name, d1.name, a0.name, a1.name, c0.name]).toEqual(["Detector000", "Detector001", "Actuator000", "Actuator001", "Ch000"]);
    expect(h5.getGroups(raw, "detector").map((g) => g.name)).toEqual(["Detector000", "Detector001"]);
    expect(h5.getLastGroup(raw, "actuator")?.name).toBe("Actuator001");
    expect(h5.getLastGroup(raw, "scan")).toBeNull();
    expect(h5.getNodeFromTitle(raw, "channel")?.path).toBe("/RawData/Detector000/Ch000");
    expect(h5.getNodeFromTitle("/", "nothing")).toBeNull();
    const dg = h5.addDataGroup(d1, "data1d", "dim group", "<x/>");
    expect(dg.path).toBe("/RawData/Detector001/Data1D");
    expect(dg.attrs.get("type")).toBe("data_dim");
    expect(dg.attrs.get("settings")).toBe("<x/>");
    expect(dg.attrs.get("backend")).toBe("tables");
    expect(h5.current?.path).toBe(dg.path);
  });

  it("Symbol.dispose closes the file", () => {
    const path = join(dir, "d.h5");
    {
      using s = new H5SaverLowLevel();
      s.initFile(path, { newFile: true });
      s.addLog("x");
      expect(s.isopen()).toBe(true);
      h5 = s;
    }
    expect(h5.isopen()).toBe(false);
  });
});

describe("counters after removals", () => {
  it("removing nodes makes the counts be taken again", () => {
    h5.initFile(join(dir, "r.h5"), { newFile: true });
    const g = h5.getSetGroup(h5.rawGroup, "G");
    h5.addArray(g, "Data00", "data", { data: f64([1]), dataDimension: "Data0D" });
    h5.addArray(g, "Data01", "data", { data: f64([1]), dataDimension: "Data0D" });
    expect(h5.getNextIndex(h5.rawGroup, "data")).toBe(2);
    g.removeChild("Data01");
    expect(h5.getNextIndex(h5.rawGroup, "data")).toBe(1);
    expect(h5.getNextIndex(g, "data")).toBe(1);
    expect(() => g.removeChild("Data01")).toThrow(/\/RawData\/G\/Data01: expected an existing node to remove/);
  });
});
