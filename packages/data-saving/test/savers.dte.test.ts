// The DataToExport savers (file-format.md §6.2, §6.5-§6.7; cases S17-S25, F6, Q1, Q18, channel order).
import { Axis, DataRaw, DataToExport, SaveType } from "@pymodaq-ts/data-model";
import { afterEach, describe, expect, it } from "vitest";
import { isInvalidTypeError, isInvalidValueError } from "../src/errors.js";
import { DataLoader } from "../src/loader/data-loader.js";
import {
  DataToExportEnlargeableSaver, DataToExportExtendedSaver, DataToExportSaver, DataToExportTimedSaver,
} from "../src/savers/index.js";
import { H5SaverLowLevel } from "../src/conventions/h5-saver-lowlevel.js";
import { DATA2D, attr, axisValues, childNames, dataOf, dte, floats, ints, newFile, rawAttr, shapeOf, thrown, values } from "./savers.helpers.js";

let file: ReturnType<typeof newFile>;
afterEach(() => file.cleanup());


/** Every data-like node (data_type containing 'data') under `path`, with its dataset shape. */
function dataNodeShapes(h5: H5SaverLowLevel, path: string): number[][] {
  return [...h5.walkNodes(path)]
    .filter((n) => n.attrs.has("data_type") && String(n.attrs.get("data_type")).includes("data"))
    .map((n) => shapeOf(h5, n.path));
}

describe("DataToExportSaver", () => {
  it("saves each DataWithAxes under <dim>/CHxx, channels in name order, origin defaulting to the DTE name", () => {
    file = newFile();
    const det = file.h5.addDetGroup(file.h5.rawGroup, "mydet");
    new DataToExportSaver(file.h5).addData(det, dte(), { settingsAsXml: "<ignored/>", metadata: { ignored: 1n } });
    expect(childNames(file.h5, det.path)).toEqual(["Data0D", "Data1D", "Data2D"]);
    expect(attr(file.h5, `${det.path}/Data1D`, "TITLE")).toBe("");
    expect(attr(file.h5, `${det.path}/Data1D/CH00`, "TITLE")).toBe("aspectrum");
    expect(attr(file.h5, `${det.path}/Data1D/CH01`, "TITLE")).toBe("zspectrum");
    expect(childNames(file.h5, `${det.path}/Data1D/CH01`)).toEqual(["Axis00", "Data00"]);
    expect(attr(file.h5, `${det.path}/Data1D/CH01/Data00`, "origin")).toBe("mydte");
    expect(values(file.h5, `${det.path}/Data0D/CH00/Data01`)).toEqual([3.5]);
    // Q18: settings and metadata are ignored.
    expect(file.h5.getNode(det.path).attrs.has("ignored")).toBe(false);
    expect(attr(file.h5, det.path, "settings")).toBe("");
  });

  it("saving the same DataToExport twice continues the numbering in the existing channel groups", () => {
    file = newFile();
    const saver = new DataToExportSaver(file.h5);
    saver.addData("/RawData", dte());
    saver.addData("/RawData", dte());
    expect(childNames(file.h5, "/RawData/Data1D/CH01")).toEqual(["Axis00", "Axis01", "Data00", "Data01"]);
  });

  it("S21/S22: DataLoader loads what it saved", () => {
    file = newFile();
    new DataToExportSaver(file.h5).addData(file.h5.getSetGroup("/RawData", "MyDet"), dte());
    const loader = new DataLoader(file.h5);
    const one = loader.loadData("/RawData/MyDet/Data2D/CH00/Data00");
    expect(one.length).toBe(1);
    expect(dataOf(one)).toEqual(dataOf(new DataRaw("x", { data: [DATA2D()] })));
    expect(loader.loadData("/RawData/MyDet/Data2D/CH00/Data01", { loadAll: true }).length).toBe(2);
  });

  it("S23/S25: addBkg writes Bkg nodes without axes; loads with_bkg give zeros", () => {
    file = newFile();
    const saver = new DataToExportSaver(file.h5);
    saver.addData("/RawData", dte());
    saver.addBkg("/RawData", dte());
    expect(childNames(file.h5, "/RawData/Data1D/CH01")).toEqual(["Axis00", "Bkg00", "Data00"]);
    const loader = new DataLoader(file.h5);
    expect(dataOf(loader.loadData("/RawData/Data2D/CH00/Data00", { withBkg: true })).every((v) => v === 0)).toBe(true);
    const all = loader.loadAll("/RawData", new DataToExport("All"), { withBkg: true });
    expect(all.length).toBe(4);
    for (const dwa of all) {
      for (let i = 0; i < dwa.length; i++) expect(dataOf(dwa, i).every((v) => v === 0)).toBe(true);
    }
  });

  it("Q1: addError writes Bkg nodes, as the original", () => {
    file = newFile();
    new DataToExportSaver(file.h5).addError("/RawData", dte());
    expect(childNames(file.h5, "/RawData/Data1D/CH00")).toEqual(["Bkg00"]);
    expect(attr(file.h5, "/RawData/Data1D/CH00/Bkg00", "data_type")).toBe("bkg");
  });

  it("channelFormatter, isopen, path input with a save type, close", () => {
    file = newFile();
    expect(DataToExportSaver.channelFormatter(7)).toBe("CH07");
    file.h5.closeFile();
    const saver = new DataToExportSaver(file.path.replace("test.h5", "other.h5"), { saveType: SaveType.detector });
    expect(saver.isopen()).toBe(true);
    expect(saver.h5saver.rawGroup.attrs.get("type")).toBe("detector");
    saver.addData("/RawData", dte());
    saver.close();
    expect(saver.isopen()).toBe(false);
    expect(() => new DataToExportSaver(file.h5, { save_type: "scan" } as never)).toThrow(/unknown option/);
  });
});

describe("DataToExportEnlargeableSaver", () => {
  it("S17: with axisValue 27 twice then 72, every data node has 2 then 3 rows", () => {
    file = newFile();
    const saver = new DataToExportEnlargeableSaver(file.h5);
    saver.addData("/RawData", dte(), { axisValue: 27 });
    saver.addData("/RawData", dte(), { axisValue: 27 });
    expect(dataNodeShapes(file.h5, "/RawData").map((s) => s[0])).toEqual([2, 2, 2, 2, 2, 2]);
    saver.addData("/RawData", dte(), { axisValue: 72 });
    expect(dataNodeShapes(file.h5, "/RawData").map((s) => s[0])).toEqual([3, 3, 3, 3, 3, 3]);
    expect(values(file.h5, "/RawData/NavAxes/Axis00")).toEqual([27, 27, 72]);
    expect(attr(file.h5, "/RawData/NavAxes/Axis00", "TITLE")).toBe("nav axis");
  });

  it("F6: 0-D data, 3 appends: EARRAY (3, 1), nav_indexes (0,), NavAxes size 3, signal axes shifted", () => {
    file = newFile();
    const saver = new DataToExportEnlargeableSaver(file.h5, { enlAxisNames: ["xx"], enlAxisUnits: ["mm"] });
    const make = (v: number): DataToExport => new DataToExport("d", {
      data: [new DataRaw("p", { data: [floats([1], [v])] }),
        new DataRaw("s", { data: [ints([3])], axes: [new Axis({ label: "x", data: axisValues(3) })] })],
    });
    [0, 1.5, 3].forEach((v) => saver.addData("/RawData", make(v), { axisValues: [v / 2] }));
    file.h5.flush();
    const p = "/RawData/Data0D/CH00/EnlData00";
    expect(shapeOf(file.h5, p)).toEqual([3, 1]);
    expect(rawAttr(file.h5, p, "shape")).toBe('{"module": "builtins", "type": "tuple", "data": "(3, 1)"}');
    expect(rawAttr(file.h5, p, "nav_indexes")).toBe('{"module": "builtins", "type": "tuple", "data": "(0,)"}');
    expect(values(file.h5, p)).toEqual([0, 1.5, 3]);
    expect(rawAttr(file.h5, "/RawData/NavAxes/Axis00", "size")).toBe('{"module": "builtins", "type": "int", "data": "3"}');
    expect(values(file.h5, "/RawData/NavAxes/Axis00")).toEqual([0, 0.75, 1.5]);
    expect(attr(file.h5, "/RawData/Data1D/CH00/Axis00", "index")).toBe(1n);
    expect(childNames(file.h5, "/RawData/Data1D/CH00")).toEqual(["Axis00", "EnlData00"]);
  });

  for (const nEnl of [1, 2, 3]) {
    it(`S18: a spread DataRaw without navigation, ${nEnl} enlargeable axes, loads back with inav`, () => {
      file = newFile();
      const names = ["u", "v", "w"].slice(0, nEnl);
      const saver = new DataToExportEnlargeableSaver(file.h5, { enlAxisNames: names, enlAxisUnits: names.map(() => "s") });
      const acq = (k: number): DataRaw => new DataRaw("spec", { data: [floats([4], [k, k + 1, k + 2, k + 3])], distribution: "spread" });
      for (const k of [0, 10]) saver.addData("/RawData", new DataToExport("d", { data: [acq(k)] }), { axisValues: names.map((_, j) => j + k) });
      const loaded = new DataLoader(file.h5).loadData("/RawData/Data1D/CH00/EnlData00");
      expect(loaded.getNavAxes()).toHaveLength(nEnl);
      expect(dataOf(loaded.inav.get(0))).toEqual(dataOf(acq(0)));
      expect(dataOf(loaded.inav.get(1))).toEqual(dataOf(acq(10)));
      names.forEach((n, k) => {
        expect(attr(file.h5, `/RawData/NavAxes/Axis0${k}`, "label")).toBe(n);
        expect(attr(file.h5, `/RawData/NavAxes/Axis0${k}`, "spread_order")).toBe(BigInt(k));
        expect(attr(file.h5, `/RawData/NavAxes/Axis0${k}`, "size")).toBe(2n);
      });
    });
  }

  it("names and units of different lengths raise ValueError; missing axis values raise TypeError before writing", () => {
    file = newFile();
    const e = thrown(() => new DataToExportEnlargeableSaver(file.h5, { enlAxisNames: ["a", "b"], enlAxisUnits: ["s"] }));
    expect(isInvalidValueError(e)).toBe(true);
    const saver = new DataToExportEnlargeableSaver(file.h5, { axisName: "pos", axisUnits: "mm" });
    expect(saver.enlAxisNames).toEqual(["pos"]);
    expect(saver.enlAxisUnits).toEqual(["mm"]);
    expect(isInvalidTypeError(thrown(() => saver.addData("/RawData", dte())))).toBe(true);
    expect(childNames(file.h5, "/RawData")).toEqual(["Logger"]);
  });
});

describe("DataToExportTimedSaver", () => {
  it("S19/S24: the time axis holds the DTE timestamps; data nodes grow by one row per add", () => {
    file = newFile("logger");
    const det = file.h5.addDetGroup(file.h5.rawGroup, "MyDet");
    const saver = new DataToExportTimedSaver(file.h5);
    const timestamps = [1700000000.5, 1700000002.5, 1700000004.5];
    const make = (ts: number): DataToExport => new DataToExport("t", {
      timestamp: ts, data: [new DataRaw("img", { data: [DATA2D()], timestamp: ts })],
    });
    saver.addData(det, make(timestamps[0]!));
    saver.addData(det, make(timestamps[1]!));
    expect(dataNodeShapes(file.h5, det.path)).toEqual([[2, 5, 6]]);
    saver.addData(det, make(timestamps[2]!), { settingsAsXml: "" });
    expect(dataNodeShapes(file.h5, det.path)).toEqual([[3, 5, 6]]);
    const nav = `${det.path}/NavAxes/Axis00`;
    expect(values(file.h5, nav)).toEqual(timestamps);
    expect(attr(file.h5, nav, "label")).toBe("time");
    expect(attr(file.h5, nav, "units")).toBe("s");
    expect(attr(file.h5, nav, "index")).toBe(0n);
    expect(attr(file.h5, nav, "size")).toBe(3n);
    const loader = new DataLoader(file.h5);
    expect(loader.getNavGroup(`${det.path}/Data2D/CH00/EnlData00`)?.path).toBe(`${det.path}/NavAxes`);
    const loaded = loader.loadData(`${det.path}/Data2D/CH00/EnlData00`);
    expect(dataOf(loaded.inav.get(0))).toEqual(dataOf(new DataRaw("x", { data: [DATA2D()] })));
    expect(dataOf(loaded.inav.get(1))).toEqual(dataOf(new DataRaw("x", { data: [DATA2D()] })));
    expect(() => saver.addData(det, make(1), { axisValues: [1] } as never)).toThrow(/unknown option/);
  });
});

describe("DataToExportExtendedSaver", () => {
  it("S20: addNavAxes then add at [4, 3] (structure of file-format.md §6.7)", () => {
    file = newFile();
    const scan = file.h5.addScanGroup(null, "my scan");
    const det = file.h5.addDetGroup(scan, "mydet");
    const saver = new DataToExportExtendedSaver(file.h5, [5, 10]);
    expect(saver.extendedShape).toEqual([5, 10]);
    saver.addNavAxes(scan, [new Axis({ label: "navaxis0", data: axisValues(5), index: 0 }),
      new Axis({ label: "navaxis1", data: axisValues(10), index: 1 })]);
    // A second call leaves the existing axes alone.
    saver.addNavAxes(scan, [new Axis({ label: "other", data: axisValues(2) })]);
    expect(childNames(file.h5, `${scan.path}/NavAxes`)).toEqual(["Axis00", "Axis01"]);
    saver.addData(det, dte(), [4, 3]);
    expect(shapeOf(file.h5, `${det.path}/Data2D/CH00/Data00`)).toEqual([5, 10, 5, 6]);
    expect(shapeOf(file.h5, `${det.path}/Data0D/CH00/Data00`)).toEqual([5, 10]);
    expect(rawAttr(file.h5, `${det.path}/Data0D/CH00/Data00`, "nav_indexes")).toBe('{"module": "builtins", "type": "tuple", "data": "(0, 1)"}');
    expect(values(file.h5, `${det.path}/Data0D/CH00/Data01`)[43]).toBe(3.5);
    expect(attr(file.h5, `${det.path}/Data1D/CH01/Axis00`, "index")).toBe(2n);
    const loaded = new DataLoader(file.h5).loadData(`${det.path}/Data0D/CH00/Data00`);
    expect(loaded.shape).toEqual([5, 10]);
    expect(loaded.getNavAxes().map((a) => a.label)).toEqual(["navaxis0", "navaxis1"]);
  });

  it("checks the indexes before writing anything (IndexError)", () => {
    file = newFile();
    const saver = new DataToExportExtendedSaver(file.h5, [2]);
    expect((thrown(() => saver.addData("/RawData", dte(), [2])) as { pythonName?: string }).pythonName).toBe("IndexError");
    expect(childNames(file.h5, "/RawData")).toEqual(["Logger"]);
    saver.addData("/RawData", dte(), [1], { distribution: "spread" });
    expect(attr(file.h5, "/RawData/Data1D/CH00/Data00", "distribution")).toBe("spread");
  });

  it("addBkg and addError are inherited", () => {
    file = newFile();
    new DataToExportExtendedSaver(file.h5, [2]).addBkg("/RawData", dte());
    expect(childNames(file.h5, "/RawData/Data2D/CH00")).toEqual(["Bkg00", "Bkg01"]);
  });
});
