import { describe, expect, it } from "vitest";
import {
  DataBase, DataDim, DataLowLevel, DataRaw, DataSource, NDArray, isDataBase, isDataShapeError, unitsCompatible,
} from "../src/index.js";
import { DATA0D, DATA1D, DATA2D, errName, f64, warned } from "./fixtures.js";

const db = (data: unknown, extra: Record<string, unknown> = {}): DataBase =>
  new DataBase("data", { source: "raw", data: data as NDArray[], ...extra });

describe("DataLowLevel and DataBase (data-model.md §5, §6.1, §10.3)", () => {
  it("B1 name and timestamp at construction", () => {
    const before = Date.now() / 1000;
    const d = new DataLowLevel("myData");
    const after = Date.now() / 1000;
    expect(d.name).toBe("myData");
    expect(d.timestamp).toBeGreaterThanOrEqual(before - 1e-3);
    expect(d.timestamp).toBeLessThanOrEqual(after + 1e-3);
  });

  it("B2 two 2-D arrays: length, dim, shape, size", () => {
    const d = db([DATA2D(), DATA2D()]);
    expect(d.length).toBe(2);
    expect(d.dim).toBe(DataDim.Data2D);
    expect(d.shape).toEqual([5, 6]);
    expect(d.size).toBe(30);
  });

  it("B3 labels default to CH00..", () => {
    expect(db([DATA2D(), DATA2D(), DATA2D()]).labels).toEqual(["CH00", "CH01", "CH02"]);
  });

  it("B4 short labels are padded; long ones kept", () => {
    expect(db([DATA2D(), DATA2D(), DATA2D()], { labels: ["label0", "label1"] }).labels).toEqual(["label0", "label1", "CH02"]);
    expect(db([DATA2D(), DATA2D(), DATA2D()], { labels: ["a"] }).labels).toEqual(["a", "CH01", "CH02"]);
    expect(db([DATA2D(), DATA2D()], { labels: ["a", "b", "c"] }).labels).toEqual(["a", "b", "c"]);
    const d = db([DATA2D(), DATA2D()]);
    d.labels = ["x"];
    expect(d.labels).toEqual(["x", "CH01"]);
  });

  it("B5 source given as a string", () => {
    expect(new DataBase("d", { source: "calculated", data: [DATA1D()] }).source).toBe(DataSource.calculated);
  });

  it("B6 a 0-D array keeps Data0D whatever dim is given (warning when it differs)", () => {
    for (const dim of ["Data0D", DataDim.Data0D, "Data2D"]) {
      const { result, names } = warned(() => db([DATA0D()], { dim }));
      expect(result.dim).toBe(DataDim.Data0D);
      expect(names).toEqual(dim === "Data2D" ? ["DataDimWarning"] : []);
    }
  });

  it("B7 a 1-D array given dim Data0D becomes Data1D", () => {
    const { result, names } = warned(() => db([DATA1D()], { dim: "Data0D" }));
    expect(result.dim).toBe(DataDim.Data1D);
    expect(names).toEqual(["DataDimWarning"]);
  });

  it("B8 missing arguments: no name / no source / no data", () => {
    expect(errName(() => new DataBase(undefined as unknown as string, undefined as never))).toBe("ModelTypeError");
    expect(errName(() => new DataBase("name", undefined as never))).toBe("ModelValueError");
    expect(errName(() => new DataBase("name", { source: "raw" } as never))).toBe("ModelTypeError");
    expect(errName(() => db([DATA1D()], { dim: "Data7D" }))).toBe("ModelValueError");
    expect(errName(() => db([DATA1D()], { distribution: "scattered" }))).toBe("ModelValueError");
    expect(errName(() => db([DATA1D()], { colour: "red" }))).toBe("ModelTypeError");
  });

  it("B9 a bare array is wrapped (DataTypeWarning)", () => {
    const arr = DATA2D();
    const { result, names } = warned(() => db(arr));
    expect(result.length).toBe(1);
    expect(result.at(0)).toBe(arr);
    expect(names).toEqual(["DataTypeWarning"]);
  });

  it("B10 a bare number becomes [[x]]", () => {
    const { result, names } = warned(() => db(12.4));
    expect(result.length).toBe(1);
    expect(result.at(0).shape).toEqual([1]);
    expect(result.at(0).dtype).toBe("float64");
    expect(result.at(0).get(0)).toBe(12.4);
    expect(names).toEqual(["DataTypeWarning"]);
    expect(db(3).at(0).dtype).toBe("int64");
  });

  it("B11 arrays of different shapes raise DataShapeError", () => {
    let caught: unknown;
    try {
      db([DATA2D(), DATA0D()]);
    } catch (e) {
      caught = e;
    }
    expect(isDataShapeError(caught)).toBe(true);
  });

  it("B12 a first element that is not an array is ModelTypeError; so are empty and 0-d data", () => {
    expect(errName(() => db(["12", 5]))).toBe("ModelTypeError");
    expect(errName(() => db([1, 2]))).toBe("ModelTypeError");
    expect(errName(() => db([]))).toBe("ModelTypeError");
    expect(errName(() => db(null))).toBe("ModelTypeError");
    expect(errName(() => db([NDArray.zeros([])]))).toBe("ModelTypeError");
    expect(errName(() => db([DATA1D(), "x"]))).toBe("ModelTypeError");
  });

  it("B13 24 arrays: length, iteration, negative index", () => {
    const d = db(Array.from({ length: 24 }, DATA0D));
    expect(d.length).toBe(24);
    let n = 0;
    for (const arr of d) {
      expect(arr.arrayEqual(DATA0D())).toBe(true);
      n++;
    }
    expect(n).toBe(24);
    expect(d.at(-1).arrayEqual(DATA0D())).toBe(true);
    expect(d.at(-24)).toBe(d.at(0));
  });

  it("B14 bad indexes raise ModelIndexError", () => {
    const d = db([DATA1D()]);
    expect(errName(() => d.at("str" as unknown as number))).toBe("ModelIndexError");
    expect(errName(() => d.at(d.length + 1))).toBe("ModelIndexError");
    expect(errName(() => d.at(-2))).toBe("ModelIndexError");
    expect(errName(() => d.setAt(0, NDArray.zeros([3])))).toBe("ModelIndexError");
    const replacement = NDArray.zeros([10]);
    d.setAt(-1, replacement);
    expect(d.at(0)).toBe(replacement);
  });

  it("B15 equality converts units", () => {
    const mm = new DataRaw("d", { data: [f64([0, 1, 2])], units: "mm" });
    expect(mm.equals(new DataRaw("d", { data: [f64([0, 1, 2])], units: "µm" }))).toBe(false);
    expect(mm.equals(new DataRaw("d", { data: [f64([0, 1000, 2000])], units: "µm" }))).toBe(true);
    expect(mm.equals(new DataRaw("d", { data: [f64([0, 1, 2])], units: "" }))).toBe(false);
  });

  it("B16 sum, difference, product and quotient per array", () => {
    const d = db([DATA2D(), DATA2D()]);
    const D = DATA2D().toNumbers();
    const check = (r: DataBase, f: (x: number) => number): void => {
      expect(r.length).toBe(2);
      for (const arr of r) expect(arr.toNumbers()).toEqual(D.map((x) => expect.closeTo(f(x), 10)));
    };
    check(d.add(d), (x) => 2 * x);
    check(d.subtract(d), () => 0);
    check(d.multiply(0.85), (x) => 0.85 * x);
    check(d.divide(0.85), (x) => x / 0.85);
    expect(d.add(d).name).toBe("data_add");
  });

  it("B17 products keep or combine units", () => {
    const m = new DataRaw("d", { data: [f64([1, 2, 3])], units: "m" });
    expect(m.multiply(24.5).units).toBe("m");
    expect(m.multiply(24.5).at(0).toNumbers()).toEqual([24.5, 49, 73.5]);
    expect(m.multiply(f64([1, 2, 3])).units).toBe("m");
    expect(m.multiply(f64([1, 2, 3])).at(0).toNumbers()).toEqual([1, 4, 9]);
    const ms = new DataRaw("t", { data: [f64([1, 1, 2])], units: "ms" });
    const p = m.multiply(ms);
    expect(unitsCompatible(p.units, "m*s")).toBe(true);
    expect(p.at(0).toNumbers()).toEqual([1, 2, 6]);
    expect(m.divide(ms).units).toBe("m / ms");
    expect(m.multiply(m).units).toBe("m ** 2");
  });

  it("B18 abs of the negated data equals the data", () => {
    const d = db([DATA2D()]);
    expect(db([DATA2D()]).negate().abs().equals(d)).toBe(true);
    expect(d.negate().name).toBe("data_negative");
    expect(d.abs().name).toBe("data_absolute");
  });

  it("B19 weighted averages", () => {
    const d = db([DATA2D()]);
    expect(d.average(d.negate(), 1).equals(d.multiply(0))).toBe(true);
    expect(d.average(d, 1).equals(d)).toBe(true);
    expect(d.average(d, 2).equals(d)).toBe(true);
    expect(errName(() => d.average(db([DATA2D(), DATA2D()]), 1))).toBe("ModelTypeError");
  });

  it("B20 append concatenates arrays and labels", () => {
    const a = db([DATA2D(), DATA2D()], { labels: ["label0", "label1"] });
    const b = db([DATA2D(), DATA2D(), DATA2D()], { labels: ["labelbis0", "labelbis1", "labelbis2"] });
    a.append(b);
    expect(a.length).toBe(5);
    expect(a.labels).toEqual(["label0", "label1", "labelbis0", "labelbis1", "labelbis2"]);
    expect(errName(() => a.append(db([DATA1D()])))).toBe("DataShapeError");
  });
});

describe("DataBase container behaviour (data-model.md §6.7)", () => {
  it("origin, full name, extra attributes, setDim, data setter", () => {
    const d = db([DATA1D()], { origin: "det", extraAttributes: { foo: 1n, bar: "b" } });
    expect(d.getFullName()).toBe("det/data");
    expect(db([DATA1D()]).getFullName()).toBe("/data");
    expect(d.extraAttributeNames).toEqual(["foo", "bar"]);
    d.addExtraAttribute("foo", 2n);
    expect(d.extraAttributeNames).toEqual(["foo", "bar"]);
    expect(d.extraAttributes.get("foo")).toBe(2n);
    d.setDim("DataND");
    expect(d.dim).toBe(DataDim.DataND);
    const { names } = warned(() => {
      d.data = [DATA2D()];
    });
    expect(d.dim).toBe(DataDim.Data2D);
    expect(names).toEqual(["DataDimWarning"]);
  });

  it("value, values, toDict, pop, stackAsArray, isTruthy, deepcopy", () => {
    const d = db([f64([1, 2, 3]), f64([4, 5, 6])], { labels: ["a", "b"], units: "m" });
    expect(d.value()).toBe(2);
    expect(d.values()).toEqual([2, 5]);
    expect(d.value("mm")).toBeCloseTo(2000);
    expect([...d.toDict().keys()]).toEqual(["a", "b"]);
    const p = d.pop(1);
    expect(p.length).toBe(1);
    expect(p.labels).toEqual(["b"]);
    expect(p.at(0).toNumbers()).toEqual([4, 5, 6]);
    expect(d.length).toBe(2);
    expect(d.stackAsArray().shape).toEqual([2, 3]);
    expect(d.slice(1)).toEqual([d.at(1)]);
    expect(d.slice(null, null, -1)).toEqual([d.at(1), d.at(0)]);
    expect(db([f64([0, 3, 6.5])]).unwrap().at(0).toNumbers()).toEqual([0, 3, 0.21681469282041377]);
    expect(d.isTruthy()).toBe(true);
    expect(db([f64([0, 1])]).isTruthy()).toBe(false);
    const c = d.deepcopy();
    expect(c).toBeInstanceOf(DataBase);
    expect(c.at(0)).not.toBe(d.at(0));
    expect(c.equals(d)).toBe(true);
    expect(c.timestamp).toBe(d.timestamp);
    expect(db(5).value()).toBe(5);
  });

  it("comparison operators and number equality", () => {
    const d = db([f64([1, 2])]);
    expect(d.compare(db([f64([2, 3])]), "lt")).toBe(true);
    expect(d.compare(db([f64([1, 3])]), "le")).toBe(true);
    expect(d.compare(db([f64([0, 1])]), "gt")).toBe(true);
    expect(db([f64([2, 2])]).equals(2)).toBe(true);
    expect(d.equals("x")).toBe(false);
    expect(d.equals(db([f64([1, 2]), f64([1, 2])]))).toBe(false);
    expect(isDataBase(d)).toBe(true);
  });

  it("repr", () => {
    expect(String(db([DATA1D()], { units: "V" }))).toBe("<DataBase: data <u: V> <len:1>>");
  });
});

describe("DataBase.getDimFromData / getDataIndex", () => {
  it("gives the dim arrays would have, changing nothing", () => {
    const d = db([DATA1D()]);
    expect(d.getDimFromData([DATA2D()])).toBe(DataDim.Data2D);
    expect(d.getDimFromData([f64([1])])).toBe(DataDim.Data0D);
    expect(d.getDimFromData([[[[1]]]])).toBe(DataDim.DataND);
    expect(d.getDimFromData([Float64Array.of(1, 2)])).toBe(DataDim.Data1D);
    expect([d.dim, d.shape]).toEqual([DataDim.Data1D, [10]]);
    expect(errName(() => d.getDimFromData([]))).toBe("ModelTypeError");
  });

  it("getDataIndex is the array at a list position (negative from the end)", () => {
    const first = f64([1, 2]);
    const second = f64([3, 4]);
    const d = db([first, second]);
    expect(d.getDataIndex()).toBe(first);
    expect(d.getDataIndex(1)).toBe(second);
    expect(d.getDataIndex(-1)).toBe(second);
    expect(errName(() => d.getDataIndex(2))).toBe("ModelIndexError");
  });
});
