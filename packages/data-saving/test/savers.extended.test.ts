// DataExtendedSaver (file-format.md §6.7; cases S15, S16, Q3 IndexError, Q8 fixed, zero fill).
import { Axis, DataRaw, DataType } from "@pymodaq-ts/data-model";
import { afterEach, describe, expect, it } from "vitest";
import { isIndexOutOfRangeError } from "../src/errors.js";
import { DataLoader } from "../src/loader/data-loader.js";
import { DataExtendedSaver } from "../src/savers/index.js";
import { DATA2D, attr, axisValues, childNames, dataOf, floats, ints, newFile, rawAttr, shapeOf, thrown, values } from "./savers.helpers.js";

let file: ReturnType<typeof newFile>;
afterEach(() => file.cleanup());

function twoChannels2D(): DataRaw {
  return new DataRaw("img", {
    data: [DATA2D(), ints([5, 6], 100)],
    units: "V",
    timestamp: 1700000000.5,
    axes: [new Axis({ label: "y", data: axisValues(5), index: 0 }), new Axis({ label: "x", data: axisValues(6), index: 1 })],
    extraAttributes: { gain: 2n },
  });
}


describe("DataExtendedSaver", () => {
  it("S15: data type 'data', extended shape kept", () => {
    file = newFile();
    const saver = new DataExtendedSaver(file.h5, [5, 10]);
    expect(saver.dataType).toBe(DataType.data);
    expect(saver.dataType.value).toBe("Data");
    expect(saver.extendedShape).toEqual([5, 10]);
  });

  it("S16: a 2-channel 2-D DataWithAxes at [4, 3]: arrays (5, 10, 5, 6), two shifted axes, node[4, 3] == data", () => {
    file = newFile();
    const dwa = twoChannels2D();
    new DataExtendedSaver(file.h5, [5, 10]).addData("/RawData", dwa, [4, 3]);
    expect(childNames(file.h5, "/RawData")).toEqual(["Axis00", "Axis01", "Data00", "Data01", "Logger"]);
    for (const i of [0, 1]) {
      const p = `/RawData/Data0${i}`;
      expect(shapeOf(file.h5, p)).toEqual([5, 10, 5, 6]);
      const all = values(file.h5, p);
      const at = (4 * 10 + 3) * 30;
      expect(all.slice(at, at + 30)).toEqual(dataOf(dwa, i));
      // Unwritten points hold the fill value 0.
      expect(all.slice(0, 30).every((v) => v === 0)).toBe(true);
    }
    expect(attr(file.h5, "/RawData/Axis00", "index")).toBe(2n);
    expect(attr(file.h5, "/RawData/Axis01", "index")).toBe(3n);
    // Q8 fixed: the caller's axes keep their indexes.
    expect(dwa.axes.map((a) => a.index)).toEqual([0, 1]);
  });

  it("writes the attributes of file-format.md §6.7: nav_indexes of the scan, the given distribution, no units or extras (Q6)", () => {
    file = newFile();
    new DataExtendedSaver(file.h5, [2, 3]).addData("/RawData", twoChannels2D(), [0, 0], { distribution: "spread" });
    const p = "/RawData/Data00";
    expect(rawAttr(file.h5, p, "nav_indexes")).toBe('{"module": "builtins", "type": "tuple", "data": "(0, 1)"}');
    expect(rawAttr(file.h5, p, "shape")).toBe('{"module": "builtins", "type": "tuple", "data": "(2, 3, 5, 6)"}');
    expect(attr(file.h5, p, "distribution")).toBe("spread");
    expect(attr(file.h5, p, "data_dimension")).toBe("Data2D");
    expect(file.h5.getNode(p).attrs.has("units")).toBe(false);
    expect(file.h5.getNode(p).attrs.has("gain")).toBe(false);
  });

  it("stores 0-D data in arrays of the extended shape alone and loads them as DataND", () => {
    file = newFile();
    const saver = new DataExtendedSaver(file.h5, [2, 3]);
    const points: [number, number, number][] = [[0, 0, 1.5], [1, 2, 2.5], [-1, 0, 3.5]];
    for (const [ix, iy, v] of points) saver.addData("/RawData", new DataRaw("pt", { data: [floats([1], [v])] }), [ix, iy]);
    expect(shapeOf(file.h5, "/RawData/Data00")).toEqual([2, 3]);
    expect(values(file.h5, "/RawData/Data00")).toEqual([1.5, 0, 0, 3.5, 0, 2.5]);
    const loaded = new DataLoader(file.h5).loadData("/RawData/Data00");
    expect(loaded.dim.name).toBe("DataND");
    expect(loaded.shape).toEqual([2, 3]);
  });

  it("Q3: an index equal to the size, too large, too negative, or a wrong count raises IndexError", () => {
    file = newFile();
    const saver = new DataExtendedSaver(file.h5, [2, 3]);
    const dwa = new DataRaw("pt", { data: [floats([1], [1])] });
    for (const indexes of [[2, 0], [0, 3], [5, 0], [-3, 0], [0], [0, 0, 0]]) {
      const e = thrown(() => saver.addData("/RawData", dwa, indexes));
      expect(isIndexOutOfRangeError(e)).toBe(true);
      expect((e as { pythonName: string }).pythonName).toBe("IndexError");
    }
    // Nothing was written by the failed calls.
    expect(childNames(file.h5, "/RawData")).toEqual(["Logger"]);
    saver.addData("/RawData", dwa, [-2, -1]);
    expect(values(file.h5, "/RawData/Data00")).toEqual([0, 0, 1, 0, 0, 0]);
  });

  it("rejects an invalid extended shape and unknown options", () => {
    file = newFile();
    expect(() => new DataExtendedSaver(file.h5, [2, -1])).toThrow(/extendedShape/);
    const saver = new DataExtendedSaver(file.h5, [2]);
    expect(() => saver.addData("/RawData", new DataRaw("p", { data: [floats([1], [1])] }), [0], { distrib: "uniform" } as never))
      .toThrow(/unknown option/);
  });
});
