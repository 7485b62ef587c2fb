// DataEnlargeableSaver (file-format.md §4.3, §6.4; cases S13, S14, F7, Q5, Q6, Q7, DataDimError).
import { Axis, DataRaw, DataType, NDArray, NpScalar, isDataDimError } from "@pymodaq-ts/data-model";
import { afterEach, describe, expect, it } from "vitest";
import { DataLoader } from "../src/loader/data-loader.js";
import { DataEnlargeableSaver } from "../src/savers/index.js";
import { attr, axisValues, childNames, dataOf, floats, ints, newFile, rawAttr, shapeOf, values } from "./savers.helpers.js";

let file: ReturnType<typeof newFile>;
afterEach(() => file.cleanup());

/** A 2-channel DataRaw of the given signal shape (0-D, 1-D or 2-D) with its axes. */
function acquisition(shape: number[], k: number): DataRaw {
  const n = shape.reduce((a, b) => a * b, 1);
  const make = (c: number): NDArray => floats(shape, Array.from({ length: n }, (_, i) => 100 * k + 10 * c + i));
  const axes = shape.length === 1 && shape[0] === 1 ? [] : shape.map((len, index) => new Axis({ label: `s${index}`, units: "m", data: axisValues(len), index }));
  const dwa = new DataRaw("acq", { data: [make(0), make(1)], labels: ["c0", "c1"], units: "V", timestamp: 1700000000 + k, axes });
  dwa.createMissingAxes();
  return dwa;
}

describe("DataEnlargeableSaver", () => {
  it("S13: data type 'data_enlargeable' with node prefix 'EnlData'", () => {
    file = newFile();
    const saver = new DataEnlargeableSaver(file.h5);
    expect(saver.dataType).toBe(DataType.data_enlargeable);
    expect(saver.dataType.value).toBe("EnlData");
    expect(saver.enlAxisNames).toEqual(["nav axis"]);
    expect(saver.enlAxisUnits).toEqual([""]);
  });

  for (const nEnl of [1, 2, 3]) {
    for (const shape of [[1], [4], [2, 3]]) {
      it(`S14: ${nEnl} enlargeable axes, signal shape (${shape.join(", ")}), appended twice`, () => {
        file = newFile();
        const names = ["a", "b", "c"].slice(0, nEnl);
        const saver = new DataEnlargeableSaver(file.h5, { enlAxisNames: names, enlAxisUnits: names.map(() => "s") });
        const group = file.h5.getSetGroup("/RawData", "Enl");
        const data = [acquisition(shape, 0), acquisition(shape, 1)];
        data.forEach((dwa, k) => {
          saver.addData(group, dwa, { axisValues: names.map((_, j) => 10 * j + k) });
          expect(shapeOf(file.h5, "/RawData/Enl/EnlData00")).toEqual([k + 1, ...shape]);
        });
        file.h5.flush();
        expect(rawAttr(file.h5, "/RawData/Enl/EnlData01", "shape")).toBe(
          `{"module": "builtins", "type": "tuple", "data": "(${[2, ...shape].join(", ")})"}`);
        const loaded = new DataLoader(file.h5).loadData("/RawData/Enl/EnlData00", { loadAll: true });
        expect(loaded.getNavAxes()).toHaveLength(nEnl);
        for (const ax of loaded.getNavAxes()) expect(ax.size).toBe(2);
        for (const [k, dwa] of data.entries()) {
          const slice = loaded.inav.get(k);
          expect(dataOf(slice, 0)).toEqual(dataOf(dwa, 0));
          expect(dataOf(slice, 1)).toEqual(dataOf(dwa, 1));
        }
      });
    }
  }

  it("writes the EnlData attributes of file-format.md §6.4: spread, nav_indexes (0,), no units, no extras (Q6)", () => {
    file = newFile();
    const dwa = new DataRaw("d", { data: [ints([3])], units: "V", timestamp: 1700000000.5, extraAttributes: { gain: 2n } });
    new DataEnlargeableSaver(file.h5).addData("/RawData", dwa);
    const p = "/RawData/EnlData00";
    expect(attr(file.h5, p, "CLASS")).toBe("EARRAY");
    expect(attr(file.h5, p, "data_type")).toBe("data_enlargeable");
    expect(attr(file.h5, p, "data_dimension")).toBe("Data1D");
    expect(attr(file.h5, p, "distribution")).toBe("spread");
    expect(rawAttr(file.h5, p, "nav_indexes")).toBe('{"module": "builtins", "type": "tuple", "data": "(0,)"}');
    expect(file.h5.getNode(p).attrs.has("units")).toBe(false);
    expect(file.h5.getNode(p).attrs.has("gain")).toBe(false);
    expect(values(file.h5, p)).toEqual([0, 1, 2]);
  });

  it("F7 / Q5 / Q7: enlargeable axes come first, keep the template's offset/scaling and count size from 2", () => {
    file = newFile();
    const saver = new DataEnlargeableSaver(file.h5, { enlAxisNames: ["t"], enlAxisUnits: ["s"] });
    const dwa = new DataRaw("d", { data: [ints([3])], axes: [new Axis({ label: "x", units: "m", data: axisValues(3) })] });
    for (const v of [0, 1.5, 3]) saver.addData("/RawData", dwa, { axisValues: [v] });
    expect(childNames(file.h5, "/RawData")).toEqual(["Axis00", "Axis01", "EnlData00", "Logger"]);
    expect(attr(file.h5, "/RawData/Axis00", "size")).toBe(5n);
    expect(shapeOf(file.h5, "/RawData/Axis00")).toEqual([3]);
    expect(values(file.h5, "/RawData/Axis00")).toEqual([0, 1.5, 3]);
    expect(attr(file.h5, "/RawData/Axis00", "offset")).toEqual(new NpScalar("float64", 0));
    expect(attr(file.h5, "/RawData/Axis00", "scaling")).toEqual(new NpScalar("float64", 1));
    expect(attr(file.h5, "/RawData/Axis00", "spread_order")).toBe(0n);
    // The signal axis is shifted by one and the caller's axis is untouched.
    expect(attr(file.h5, "/RawData/Axis01", "index")).toBe(1n);
    expect(dwa.axes[0]?.index).toBe(0);
    file.h5.closeFile();
    const reopened = new DataLoader(file.path);
    expect(reopened.getNode("/RawData/Axis00").attrs.get("size")).toBe(5n);
    expect(reopened.getNode("/RawData/EnlData00").attrs.get("shape")).toEqual(expect.objectContaining({ items: [3n, 3n] }));
    reopened.closeFile();
  });

  it("appends an array value of an enlargeable axis as several rows (expand false) and still adds 1 to size", () => {
    file = newFile();
    const saver = new DataEnlargeableSaver(file.h5);
    saver.addData("/RawData", new DataRaw("d", { data: [ints([2])] }), { axisValues: [floats([2], [7, 8])] });
    expect(values(file.h5, "/RawData/Axis00")).toEqual([7, 8]);
    expect(attr(file.h5, "/RawData/Axis00", "size")).toBe(3n);
  });

  it("accepts numpy scalars and Python ints as axis values", () => {
    file = newFile();
    const saver = new DataEnlargeableSaver(file.h5);
    const dwa = new DataRaw("d", { data: [ints([2])] });
    saver.addData("/RawData", dwa, { axisValues: [new NpScalar("float64", 2.5)] });
    saver.addData("/RawData", dwa, { axisValues: [7n] });
    expect(values(file.h5, "/RawData/Axis00")).toEqual([2.5, 7]);
    expect(() => saver.addData("/RawData", dwa, { axisValues: ["x" as never] })).toThrow(/axis value/);
  });

  it("without axis values writes no enlargeable axes", () => {
    file = newFile();
    const saver = new DataEnlargeableSaver(file.h5);
    saver.addData("/RawData", new DataRaw("d", { data: [floats([1], [1])] }));
    saver.addData("/RawData", new DataRaw("d", { data: [floats([1], [2])] }));
    expect(childNames(file.h5, "/RawData")).toEqual(["EnlData00", "Logger"]);
    expect(values(file.h5, "/RawData/EnlData00")).toEqual([1, 2]);
    expect(shapeOf(file.h5, "/RawData/EnlData00")).toEqual([2, 1]);
  });

  it("raises DataDimError when appending DataND (data with navigation indexes)", () => {
    file = newFile();
    const nd = new DataRaw("nd", { data: [ints([2, 3])], navIndexes: [0] });
    let error: unknown;
    try {
      new DataEnlargeableSaver(file.h5).addData("/RawData", nd);
    } catch (e) {
      error = e;
    }
    expect(isDataDimError(error)).toBe(true);
    expect(childNames(file.h5, "/RawData")).toEqual(["Logger"]);
  });

  it("rejects too few axis values and unknown options", () => {
    file = newFile();
    const saver = new DataEnlargeableSaver(file.h5, { enlAxisNames: ["a", "b"], enlAxisUnits: ["", ""] });
    const dwa = new DataRaw("d", { data: [ints([2])] });
    expect(() => saver.addData("/RawData", dwa, { axisValues: [1] })).toThrow(/2 enlargeable axes/);
    expect(() => saver.addData("/RawData", dwa, { axis_values: [1, 2] } as never)).toThrow(/unknown option/);
    expect(() => new DataEnlargeableSaver(file.h5, { names: [] } as never)).toThrow(/unknown option/);
  });
});
