/**
 * Read cases of file-format.md §10.3 (the original's data_saving_test.py): files written with
 * our savers, closed, then read back through the load functions and DataLoader on a read-only
 * reopened file (the child order of every load of a saved file, §7.5).
 */
import { join } from "node:path";
import { tempDir } from "@pymodaq-ts/test-support";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Axis, DataToExport, DataWithAxes, NDArray } from "@pymodaq-ts/data-model";
import { DataLoader } from "../src/loader/data-loader.js";
import { getAxes, loadAxis } from "../src/loader/axes.js";
import { loadDataFromNode } from "../src/loader/data-node.js";
import { H5SaverLowLevel } from "../src/conventions/h5-saver-lowlevel.js";
import {
  AxisSaverLoader, BkgSaver, DataSaverLoader, DataToExportSaver, DataToExportTimedSaver,
} from "../src/savers/index.js";

const range = (n: number, start = 0): number[] => Array.from({ length: n }, (_, i) => start + i);
const ints = (shape: number[]): NDArray => NDArray.from("int64", shape, range(shape.reduce((a, b) => a * b, 1)).map(BigInt));
const DATA2D = (): NDArray => ints([5, 6]);
const DATA1D = (): NDArray => ints([10]);
const DATA0D = (): NDArray => NDArray.from("float64", [1], [2.7]);
const axisArray = (n: number): NDArray => NDArray.from("float64", [n], range(n).map((i) => -20.4 + 0.22 * i));
const random = (shape: number[], seed: number): NDArray =>
  NDArray.from("float64", shape, range(shape.reduce((a, b) => a * b, 1)).map((i) => ((i * 7919 + seed * 104729) % 1000) / 1000));

let dir: string;
let path: string;
let h5: H5SaverLowLevel;
let loader: DataLoader | null;

beforeEach(() => {
  dir = tempDir("pymodaq-load");
  path = join(dir, "h5file.h5");
  h5 = new H5SaverLowLevel();
  h5.initFile(path, { newFile: true });
  loader = null;
});
afterEach(() => {
  loader?.closeFile();
  h5.closeFile();
});

/** Closes the writer and reopens the file read-only. */
function reopen(): DataLoader {
  h5.closeFile();
  loader = new DataLoader(path);
  return loader;
}

function myAxis(): Axis {
  return new Axis({ label: "myaxis", units: "ms", data: NDArray.from("float64", [10], range(10).map((i) => -5 + 0.2 * i)), index: 5 });
}

function dataToExport(): DataToExport {
  const axes2D = (): Axis[] => [
    new Axis({ label: "myaxis0", units: "", data: axisArray(5), index: 0 }),
    new Axis({ label: "myaxis1", units: "", data: axisArray(6), index: 1 }),
  ];
  return new DataToExport("mybigdata", {
    data: [
      new DataWithAxes("mydata2D", {
        source: "raw", data: [DATA2D(), DATA2D()], labels: ["mylabel1", "mylabel2"], dim: "Data2D", units: "nm",
        axes: axes2D(), errors: [random([5, 6], 1), random([5, 6], 2)],
      }),
      new DataWithAxes("mydata0D", {
        source: "raw", data: [DATA0D(), DATA0D()], labels: ["mylabel1", "mylabel2"], dim: "Data0D", units: "um",
        errors: [random([1], 3), random([1], 4)],
      }),
      new DataWithAxes("mydata1D", {
        source: "raw", data: [DATA1D(), DATA1D()], labels: ["mylabel1", "mylabel2"], dim: "Data1D", units: "s",
        axes: [new Axis({ label: "myaxis0", units: "", data: axisArray(10), index: 0 })],
      }),
      new DataWithAxes("mydata0Dbis", {
        source: "raw", data: [DATA0D(), DATA0D()], labels: ["mylabel1bis", "mylabel2bis"], dim: "Data0D", units: "um",
      }),
    ],
  });
}

describe("§10.3 AxisSaverLoader read cases", () => {
  it("S3: loadAxis gives back the saved axis", () => {
    const axis = myAxis();
    new AxisSaverLoader(h5).addAxis(h5.rawGroup, axis);
    const back = loadAxis(reopen().h5saver, "/RawData/Axis00");
    expect(back.equals(axis)).toBe(true);
    expect(back.index).toBe(5);
  });

  it("S4: getAxes from the group or from an axis node gives the axes in order", () => {
    const saver = new AxisSaverLoader(h5);
    const axes = range(3).map((i) => new Axis({ label: `LABEL${i}`, units: "", data: axisArray(10), index: i }));
    for (const a of axes) saver.addAxis(h5.rawGroup, a);
    const l = reopen();
    for (const where of ["/RawData", "/RawData/Axis02"]) {
      const back = getAxes(l.h5saver, where);
      expect(back.map((a) => a.label)).toEqual(["LABEL0", "LABEL1", "LABEL2"]);
      back.forEach((a, i) => expect(a.equals(axes[i])).toBe(true));
    }
  });
});

describe("§10.3 DataSaverLoader read cases", () => {
  const errors = [random([10], 5), random([10], 6)];
  const data1D = (): DataWithAxes => new DataWithAxes("mydata", {
    source: "raw", data: [DATA1D(), DATA1D()], labels: ["mylabel1", "mylabel2"], units: "mm", dim: "Data2D",
    axes: [new Axis({ label: "myaxis0", units: "mm", data: axisArray(10), index: 0 })], errors,
  });

  it("S8: loadAll from Data00 or Data01 gives both arrays, labels and errors", () => {
    const data = data1D();
    new DataSaverLoader(h5).addData(h5.rawGroup, data);
    const l = reopen();
    for (const node of ["/RawData/Data00", "/RawData/Data01"]) {
      const back = loadDataFromNode(l.h5saver, node, { loadAll: true });
      expect(back.length).toBe(2);
      expect(back.equals(data)).toBe(true);
      expect(back.labels).toEqual(data.labels);
      back.errors!.forEach((e, i) => expect(e.toNumbers()).toEqual(errors[i]!.toNumbers()));
    }
  });

  it("S9: a single node gives its array, label and ErrorBar of the same index", () => {
    const data = data1D();
    new DataSaverLoader(h5).addData(h5.rawGroup, data);
    const l = reopen();
    for (const i of [0, 1]) {
      const back = loadDataFromNode(l.h5saver, `/RawData/Data0${i}`);
      expect(back.length).toBe(1);
      expect(back.labels).toEqual([data.labels[i]]);
      expect(back.data[0]!.toNumbers()).toEqual(data.data[i]!.toNumbers());
      expect(back.errors).toHaveLength(1);
      expect(back.errors![0]!.toNumbers()).toEqual(errors[i]!.toNumbers());
    }
  });

  it("S10: withBkg and loadAll subtract the backgrounds pairwise; duplicated axes do not break equality", () => {
    const axes = [
      new Axis({ label: "myaxis0", units: "mm", data: axisArray(5), index: 0 }),
      new Axis({ label: "myaxis1", units: "um", data: axisArray(6), index: 1 }),
    ];
    const data = new DataWithAxes("mydata", {
      source: "raw", data: [DATA2D(), DATA2D()], labels: ["mylabel1", "mylabel2"], dim: "Data2D", axes,
    });
    new DataSaverLoader(h5).addData(h5.rawGroup, data);
    new BkgSaver(h5).addData("/RawData", data);
    const back = loadDataFromNode(reopen().h5saver, "/RawData/Data01", { loadAll: true, withBkg: true });
    expect(back.length).toBe(2);
    expect(back.labels).toEqual(data.labels);
    for (const arr of back.data) expect(arr.toNumbers().every((v) => v === 0)).toBe(true);
    expect(back.axes).toHaveLength(4);
    expect(back.equals(data.subtract(data))).toBe(true);
  });

  it("S11: extra attributes and the timestamp come back", () => {
    const data = new DataWithAxes("mydata", {
      source: "raw", data: [DATA2D(), DATA2D()], dim: "Data2D", timestamp: 1700000123.25,
      extraAttributes: { another_attribute: "another_attribute", another_other_attribute: 123n },
    });
    new DataSaverLoader(h5).addData(h5.rawGroup, data);
    const back = loadDataFromNode(reopen().h5saver, "/RawData/Data01", { loadAll: true, withBkg: true });
    expect(back.equals(data)).toBe(true);
    expect(back.extraAttributes.get("another_attribute")).toBe("another_attribute");
    expect(back.extraAttributes.get("another_other_attribute")).toBe(123n);
    expect(back.extraAttributes.get("path")).toBe("/RawData/Data00");
    expect(back.timestamp).toBe(1700000123.25);
  });

  it("S12: a background node loads back with the bkg loader", () => {
    const bkg = new DataWithAxes("mykbg", {
      source: "raw", units: "mm", data: [DATA2D()],
      axes: [new Axis({ label: "myaxis0", units: "ms", data: axisArray(5), index: 0 }),
        new Axis({ label: "myaxis1", units: "s", data: axisArray(6), index: 1 })],
    });
    new BkgSaver(h5).addData(h5.rawGroup, bkg);
    const back = loadDataFromNode(reopen().h5saver, "/RawData/Bkg00", { dataType: "bkg" });
    expect(back.equals(bkg)).toBe(true);
    expect(back.name).toBe("mykbg");
  });
});

describe("§10.3 DataLoader read cases", () => {
  function saveDte(withBkg: boolean): void {
    const dte = dataToExport();
    const saver = new DataToExportSaver(h5);
    const det = h5.getSetGroup(h5.rawGroup, "MyDet");
    saver.addData(det, dte);
    if (withBkg) saver.addBkg(det, dte);
  }

  it("S21: one node of a DataToExportSaver file", () => {
    saveDte(false);
    const dwa = reopen().loadData("/RawData/MyDet/Data2D/CH00/Data00");
    expect(dwa.length).toBe(1);
    expect(dwa.data[0]!.toNumbers()).toEqual(DATA2D().toNumbers());
    expect(dwa.axes.map((a) => a.label)).toEqual(["myaxis0", "myaxis1"]);
  });

  it("S22: loadAll from Data01 gives both channels", () => {
    saveDte(false);
    expect(reopen().loadData("/RawData/MyDet/Data2D/CH00/Data01", { loadAll: true }).length).toBe(2);
  });

  it("S23: withBkg after addBkg gives zeros", () => {
    saveDte(true);
    const dwa = reopen().loadData("/RawData/MyDet/Data2D/CH00/Data00", { withBkg: true });
    for (const arr of dwa.data) expect(arr.toNumbers().every((v) => v === 0)).toBe(true);
  });

  it("S24: timed data: NavAxes found, time axis of the adds, slices equal to the data", () => {
    const saver = new DataToExportTimedSaver(h5);
    const det = h5.getSetGroup(h5.rawGroup, "MyDet");
    for (let i = 0; i < 3; i++) saver.addData(det, dataToExport());
    const l = reopen();
    expect(l.getNavGroup("/RawData/MyDet/Data2D/CH00/EnlData00")?.path).toBe("/RawData/MyDet/NavAxes");
    const nav = l.getNode("/RawData/MyDet/NavAxes/Axis00");
    expect(nav.attrs.get("shape")).toEqual(expect.objectContaining({ items: [3n] }));
    expect(nav.attrs.get("index")).toBe(0n);
    const dwa = l.loadData("/RawData/MyDet/Data2D/CH00/EnlData00");
    expect(dwa.shape).toEqual([3, 5, 6]);
    expect(dwa.dim.name).toBe("DataND");
    expect(dwa.getNavAxes().map((a) => [a.label, a.units, a.size])).toEqual([["time", "s", 3]]);
    for (const k of [0, 1]) expect(dwa.inav.get(k).data[0]!.toNumbers()).toEqual(DATA2D().toNumbers());
  });

  it("S25: loadAll('/RawData', withBkg) after addData + addBkg gives 4 DataWithAxes of zeros", () => {
    saveDte(true);
    const all = reopen().loadAll("/RawData", new DataToExport("All"), { withBkg: true });
    expect(all.length).toBe(4);
    for (const dwa of all.data) {
      expect(dwa.length).toBe(2);
      for (const arr of dwa.data) expect(arr.toNumbers().every((v) => v === 0)).toBe(true);
    }
  });

  it("S26: an Axis node loads as data named after its label", () => {
    const axis = myAxis();
    new AxisSaverLoader(h5).addAxis(h5.rawGroup, axis);
    const dwa = reopen().loadData("/RawData/Axis00");
    const expected = axis.getData().toNumbers();
    dwa.data[0]!.toNumbers().forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 12));
    expect(dwa.name).toBe("myaxis");
    expect(dwa.axes[0]!.label).toBe("myaxis");
    expect(dwa.axes[0]!.units).toBe("ms");
    expect(dwa.extraAttributes.get("index")).toBe(5n);
  });
});
