// DataSaverLoader, BkgSaver and ErrorSaverLoader (file-format.md §5.2, §6.1; cases S5-S12, Q10).
import { Axis, DataRaw, DataType, NDArray } from "@pymodaq-ts/data-model";
import { afterEach, describe, expect, it } from "vitest";
import { BkgSaver, DataSaverLoader, ErrorSaverLoader } from "../src/savers/index.js";
import {
  DATA1D, attr, axisValues, childNames, dataOf, dwa2D, ints, newFile, rawAttr, shapeOf, values,
} from "./savers.helpers.js";

let file: ReturnType<typeof newFile>;
afterEach(() => file.cleanup());

/** S8's data: two 1-D int arrays with one axis and errors. */
function dwa1D(): DataRaw {
  return new DataRaw("mydata1D", {
    data: [DATA1D(), ints([10], 50)],
    dim: "Data2D", // wrong on purpose: the model infers Data1D
    labels: ["lab0", "lab1"],
    timestamp: 1700000000.25,
    axes: [new Axis({ label: "x", units: "m", data: axisValues(10), index: 0 })],
    errors: [ints([10], 500), ints([10], 600)],
  });
}

describe("DataSaverLoader", () => {
  it("S5: its data type is 'data'; Bkg and Error savers use 'bkg' and 'error'", () => {
    file = newFile();
    expect(new DataSaverLoader(file.h5).dataType).toBe(DataType.data);
    expect(new BkgSaver(file.h5).dataType).toBe(DataType.bkg);
    expect(new ErrorSaverLoader(file.h5).dataType).toBe(DataType.error);
    expect(new BkgSaver(file.h5).formatNodeName(1)).toBe("Bkg01");
    expect(new ErrorSaverLoader(file.h5).formatNodeName(0)).toBe("ErrorBar00");
  });

  it("writes one CARRAY per array with the data-node attributes of file-format.md §5.2, in their Python types", () => {
    file = newFile();
    new DataSaverLoader(file.h5).addData("/RawData", dwa2D());
    expect(childNames(file.h5, "/RawData")).toEqual(["Axis00", "Axis01", "Data00", "Data01", "Logger"]);
    const p = "/RawData/Data01";
    expect(shapeOf(file.h5, p)).toEqual([5, 6]);
    expect(values(file.h5, p)).toEqual(dataOf(dwa2D(), 1));
    expect(attr(file.h5, p, "TITLE")).toBe("mydata");
    expect(attr(file.h5, p, "dtype")).toBe("int64");
    expect(attr(file.h5, p, "label")).toBe("CH01");
    expect(attr(file.h5, p, "units")).toBe("V");
    expect(attr(file.h5, p, "source")).toBe("raw");
    expect(attr(file.h5, p, "distribution")).toBe("uniform");
    expect(attr(file.h5, p, "data_type")).toBe("data");
    expect(attr(file.h5, p, "data_dimension")).toBe("Data2D");
    expect(attr(file.h5, p, "origin")).toBe("");
    expect(rawAttr(file.h5, p, "timestamp")).toBe('{"module": "builtins", "type": "float", "data": "1700000000.5"}');
    expect(rawAttr(file.h5, p, "nav_indexes")).toBe('{"module": "builtins", "type": "tuple", "data": "()"}');
    expect(rawAttr(file.h5, p, "shape")).toBe('{"module": "builtins", "type": "tuple", "data": "(5, 6)"}');
  });

  it("writes an integral timestamp as a Python float", () => {
    file = newFile();
    const dwa = new DataRaw("t", { data: [DATA1D()], timestamp: 1700000000 });
    new DataSaverLoader(file.h5).addData("/RawData", dwa);
    expect(rawAttr(file.h5, "/RawData/Data00", "timestamp")).toBe('{"module": "builtins", "type": "float", "data": "1700000000.0"}');
  });

  it("S6: the two axes are saved and getAxes returns them", () => {
    file = newFile();
    const saver = new DataSaverLoader(file.h5);
    const dwa = dwa2D();
    saver.addData("/RawData", dwa);
    const axes = saver.getAxes("/RawData");
    expect(axes).toHaveLength(2);
    axes.forEach((a, i) => expect(a.equals(dwa.axes[i])).toBe(true));
  });

  it("does not write the axes with saveAxes false, and rejects unknown options", () => {
    file = newFile();
    const saver = new DataSaverLoader(file.h5);
    saver.addData("/RawData", dwa2D(), { saveAxes: false });
    expect(childNames(file.h5, "/RawData")).toEqual(["Data00", "Data01", "Logger"]);
    expect(() => saver.addData("/RawData", dwa2D(), { save_axes: false } as never)).toThrow(/unknown option 'save_axes'/);
  });

  it("S7: errors are written as ErrorBar nodes holding the error arrays", () => {
    file = newFile();
    const dwa = dwa2D({ errors: true });
    new DataSaverLoader(file.h5).addData("/RawData", dwa);
    for (const i of [0, 1]) {
      const p = `/RawData/ErrorBar0${i}`;
      expect(values(file.h5, p)).toEqual(Array.from((dwa.errors?.[i] as NDArray).data as BigInt64Array, Number));
      expect(attr(file.h5, p, "TITLE")).toBe("mydata_errors");
      expect(attr(file.h5, p, "data_type")).toBe("error");
      expect(attr(file.h5, p, "source")).toBe("calculated");
      expect(attr(file.h5, p, "label")).toBe(`CH0${i}`);
    }
    expect(childNames(file.h5, "/RawData").filter((n) => n.startsWith("Axis"))).toEqual(["Axis00", "Axis01"]);
  });

  it("S8: loadData with loadAll gives both arrays, labels and errors back", () => {
    file = newFile();
    const saver = new DataSaverLoader(file.h5);
    const dwa = dwa1D();
    saver.addData("/RawData", dwa);
    for (const node of ["/RawData/Data00", "/RawData/Data01"]) {
      const loaded = saver.loadData(node, { loadAll: true });
      expect(loaded.length).toBe(2);
      expect(loaded.equals(dwa)).toBe(true);
      expect(loaded.labels).toEqual(dwa.labels);
      expect(loaded.errors?.map((e) => Array.from(e.data as BigInt64Array, Number))).toEqual(dwa.errors?.map((e) => Array.from(e.data as BigInt64Array, Number)));
    }
  });

  it("S9: loadData of one node gives that array, its label and its error array", () => {
    file = newFile();
    const saver = new DataSaverLoader(file.h5);
    const dwa = dwa1D();
    saver.addData("/RawData", dwa);
    for (const i of [0, 1]) {
      const loaded = saver.loadData(`/RawData/Data0${i}`);
      expect(loaded.length).toBe(1);
      expect(loaded.labels).toEqual([dwa.labels[i]]);
      expect(dataOf(loaded)).toEqual(dataOf(dwa, i));
      expect(loaded.errors).toHaveLength(1);
      expect(Array.from(loaded.errors?.[0]?.data as BigInt64Array, Number)).toEqual(Array.from(dwa.errors?.[i]?.data as BigInt64Array, Number));
    }
  });

  it("S10: data and background of the same DataWithAxes load with_bkg as zeros (axes written twice)", () => {
    file = newFile();
    const dwa = dwa1D();
    new DataSaverLoader(file.h5).addData("/RawData", dwa);
    new BkgSaver(file.h5).addData("/RawData", dwa);
    expect(childNames(file.h5, "/RawData").filter((n) => /^(Axis|Bkg)/.test(n))).toEqual(["Axis00", "Axis01", "Bkg00", "Bkg01"]);
    const loaded = new DataSaverLoader(file.h5).loadData("/RawData/Data01", { loadAll: true, withBkg: true });
    expect(loaded.length).toBe(2);
    expect(loaded.labels).toEqual(dwa.labels);
    for (const i of [0, 1]) expect(dataOf(loaded, i).every((v) => v === 0)).toBe(true);
  });

  it("S11: extra attributes are written after the standard ones and load back", () => {
    file = newFile();
    const dwa = new DataRaw("extra", {
      data: [DATA1D()],
      timestamp: 1700000009.5,
      extraAttributes: { another_attribute: "another_attribute", another_other_attribute: 123n },
    });
    const saver = new DataSaverLoader(file.h5);
    saver.addData("/RawData", dwa);
    expect(attr(file.h5, "/RawData/Data00", "another_attribute")).toBe("another_attribute");
    expect(rawAttr(file.h5, "/RawData/Data00", "another_other_attribute")).toBe('{"module": "builtins", "type": "int", "data": "123"}');
    const loaded = saver.loadData("/RawData/Data00");
    expect(loaded.extraAttributes.get("another_attribute")).toBe("another_attribute");
    expect(loaded.extraAttributes.get("another_other_attribute")).toBe(123n);
    expect(loaded.timestamp).toBe(dwa.timestamp);
  });

  it("S12: a BkgSaver loads its own Bkg node back", () => {
    file = newFile();
    const bkg = new BkgSaver(file.h5);
    const dwa = dwa1D();
    bkg.addData("/RawData", dwa);
    const loaded = bkg.loadData("/RawData/Bkg00");
    expect(dataOf(loaded)).toEqual(dataOf(dwa, 0));
    expect(attr(file.h5, "/RawData/Bkg00", "data_type")).toBe("bkg");
  });

  it("Q10: a background with errors also writes its errors as further ErrorBar nodes", () => {
    file = newFile();
    const dwa = dwa1D();
    new DataSaverLoader(file.h5).addData("/RawData", dwa);
    new BkgSaver(file.h5).addData("/RawData", dwa, { saveAxes: false });
    expect(childNames(file.h5, "/RawData").filter((n) => n.startsWith("ErrorBar")))
      .toEqual(["ErrorBar00", "ErrorBar01", "ErrorBar02", "ErrorBar03"]);
  });

  it("an ErrorSaverLoader writes ErrorBar nodes and never error bars of its own", () => {
    file = newFile();
    new ErrorSaverLoader(file.h5).addData("/RawData", dwa1D());
    expect(childNames(file.h5, "/RawData").filter((n) => n !== "Logger")).toEqual(["Axis00", "ErrorBar00", "ErrorBar01"]);
  });

  it("getDataArrays and getBkgNodes delegate to the loader", () => {
    file = newFile();
    const saver = new DataSaverLoader(file.h5);
    saver.addData("/RawData", dwa1D());
    new BkgSaver(file.h5).addData("/RawData", dwa1D(), { saveAxes: false });
    expect(saver.getDataArrays("/RawData/Data00", { loadAll: true })).toHaveLength(2);
    expect(saver.getBkgNodes("/RawData").map((n) => n.name)).toEqual(["Bkg00", "Bkg01"]);
    expect(saver.isopen()).toBe(true);
  });

  it("numbers nodes after those already in the group's subtree (Q9)", () => {
    file = newFile();
    const saver = new DataSaverLoader(file.h5);
    saver.addData(file.h5.getSetGroup("/RawData", "Agroup"), dwa1D(), { saveAxes: false });
    saver.addData("/RawData", new DataRaw("root", { data: [DATA1D()] }));
    expect(childNames(file.h5, "/RawData")).toContain("Data02");
  });
});
