/**
 * What the savers and the loader do with arguments of the wrong kind, as a caller in plain
 * JavaScript can pass them: an InvalidTypeError naming the call and the argument, nothing of the
 * point written (nor any file created), and the saver still saving.
 */
import { describe, expect, it } from "vitest";
import { DataToExport } from "@pymodaq-ts/data-model";
import { H5SaverLowLevel } from "../src/conventions/h5-saver-lowlevel.js";
import { InvalidTypeError, InvalidValueError } from "../src/errors.js";
import { DataLoader } from "../src/loader/data-loader.js";
import { AxisSaverLoader } from "../src/savers/axis-saver.js";
import { DataSaverLoader } from "../src/savers/data-saver.js";
import { DataToExportEnlargeableSaver, DataToExportTimedSaver } from "../src/savers/dte-enlargeable-saver.js";
import { DataToExportExtendedSaver } from "../src/savers/dte-extended-saver.js";
import { DataToExportSaver } from "../src/savers/dte-saver.js";
import { DataEnlargeableSaver } from "../src/savers/enlargeable-saver.js";
import { DataExtendedSaver } from "../src/savers/extended-saver.js";
import { axisValues, childNames, dte, dwa2D, newFile, thrown } from "./savers.helpers.js";

/** Values a JavaScript caller might pass where a data-model object is expected. */
const WRONG: readonly unknown[] = [{}, null, undefined, 3, "data", [dwa2D()], dte().data[0]];

/** Calls `call` with a wrong value, expecting the refusal `message` matches. */
function expectRefused(call: () => unknown, message: RegExp): void {
  const error = thrown(call);
  expect(error).toBeInstanceOf(InvalidTypeError);
  expect((error as Error).message).toMatch(message);
}

describe("the savers' argument checks", () => {
  it("the DataToExport savers refuse data that is not a DataToExport, write nothing, and go on", () => {
    const { h5, cleanup } = newFile();
    try {
      const det = h5.addDetGroup(h5.rawGroup, "det");
      const savers: [string, (data: unknown) => void][] = [
        ["DataToExportSaver.addData", (d) => new DataToExportSaver(h5).addData(det, d as DataToExport)],
        ["DataToExportSaver.addBkg", (d) => new DataToExportSaver(h5).addBkg(det, d as DataToExport)],
        ["DataToExportEnlargeableSaver.addData", (d) => new DataToExportEnlargeableSaver(h5).addData(det, d as DataToExport, { axisValue: 1 })],
        ["DataToExportTimedSaver.addData", (d) => new DataToExportTimedSaver(h5).addData(det, d as DataToExport)],
        ["DataToExportExtendedSaver.addData", (d) => new DataToExportExtendedSaver(h5, [2]).addData(det, d as DataToExport, [0])],
      ];
      for (const [call, save] of savers) {
        for (const wrong of WRONG.filter((w) => !(w instanceof DataToExport))) {
          expectRefused(() => save(wrong), new RegExp(`^${call.replace(".", "\\.")}: data must be a DataToExport, got `));
        }
      }
      expect(childNames(h5, det.path)).toEqual([]);
      new DataToExportSaver(h5).addData(det, dte());
      expect(childNames(h5, det.path)).toEqual(["Data0D", "Data1D", "Data2D"]);
    } finally {
      cleanup();
    }
  });

  it("the DataWithAxes savers refuse data that is not a DataWithAxes; the axis saver an axis that is not an Axis", () => {
    const { h5, cleanup } = newFile();
    try {
      const det = h5.addDetGroup(h5.rawGroup, "det");
      const wrongs = WRONG.filter((w) => !(w instanceof DataToExport) && w !== WRONG[6]);
      for (const wrong of [...wrongs, dte()]) {
        expectRefused(() => new DataSaverLoader(h5).addData(det, wrong as never), /^DataSaverLoader\.addData: data must be a DataWithAxes, got /);
        expectRefused(() => new DataEnlargeableSaver(h5).addData(det, wrong as never, { axisValues: [1] }), /^DataEnlargeableSaver\.addData: data must be a DataWithAxes/);
        expectRefused(() => new DataExtendedSaver(h5, [2]).addData(det, wrong as never, [0]), /^DataExtendedSaver\.addData: data must be a DataWithAxes/);
        expectRefused(() => new AxisSaverLoader(h5).addAxis(det, wrong as never), /^AxisSaverLoader\.addAxis: axis must be an Axis, got /);
      }
      expectRefused(() => new DataToExportExtendedSaver(h5, [2]).addNavAxes(det, [axisValues(2)] as never), /addNavAxes: axes\[0\] must be an Axis, got NDArray/);
      expectRefused(() => new DataToExportExtendedSaver(h5, [2]).addNavAxes(det, null as never), /addNavAxes: axes must be an array of Axis, got null/);
      expect(childNames(h5, det.path)).toEqual([]);
      new DataSaverLoader(h5).addData(det, dwa2D());
      expect(childNames(h5, det.path)).toEqual(["Axis00", "Axis01", "Data00", "Data01"]);
    } finally {
      cleanup();
    }
  });

  it("a `where` that is neither a node nor a path is refused with the same error as the loader's", () => {
    const { h5, cleanup } = newFile();
    try {
      const before = childNames(h5, "/RawData");
      for (const where of [null, undefined, 42, {}]) {
        expectRefused(() => new DataToExportSaver(h5).addData(where as never, dte()), /^where must be a node or an absolute path, got /);
        expectRefused(() => new DataToExportEnlargeableSaver(h5).addData(where as never, dte(), { axisValue: 1 }), /^where must be a node or an absolute path/);
      }
      expect(childNames(h5, "/RawData")).toEqual(before);
    } finally {
      cleanup();
    }
  });

  it("the loader refuses a collection to fill that is not a DataToExport", async () => {
    const { h5, path, cleanup } = newFile();
    new DataToExportSaver(h5).addData(h5.addDetGroup(h5.rawGroup, "det"), dte());
    cleanup();
    using loader = new DataLoader(path);
    for (const wrong of [{}, null, 3]) {
      expectRefused(() => loader.loadAll("/RawData", wrong as never), /^loadAll: data must be a DataToExport, got /);
      await expect(loader.loadAllAsync("/RawData", wrong as never)).rejects.toThrow(/^loadAllAsync: data must be a DataToExport/);
    }
    expect(loader.loadAll("/RawData").length).toBeGreaterThan(0);
    for (const source of [null, 3, {}]) {
      expectRefused(() => new DataLoader(source as never), /^DataLoader: source must be a path or an H5SaverLowLevel, got /);
    }
  });

  it("initFile refuses a file name that is not a string, or is empty, before touching the disk", () => {
    const h5 = new H5SaverLowLevel();
    for (const name of [null, undefined, 42]) expectRefused(() => h5.initFile(name as never), /^initFile: fileName must be a string, got /);
    expect(() => h5.initFile("")).toThrow(InvalidValueError);
    expect(() => h5.initFile("")).toThrow(/^initFile: fileName must not be empty$/);
    expect(h5.isopen()).toBe(false);
  });
});
