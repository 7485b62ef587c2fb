import { ownFields } from "@pymodaq-ts/test-support";
import { describe, expect, it } from "vitest";
import {
  Axis, DataCalculated, DataDim, DataDistribution, DataFromRoi, DataRaw, DataSource, DataWithAxes, NDArray, NpScalar, SpreadAxesManager,
  UniformAxesManager, isDataWithAxes, isModelIndexError, type DataWithAxesFields,
} from "../src/index.js";
import { DATA1D, DATA2D, DATAND, errName, f64, linAxis, warned } from "./fixtures.js";

const nd3 = (): DataRaw =>
  new DataRaw("nd", { data: [DATAND()], navIndexes: [0, 1], axes: [linAxis("a0", 5, 0), linAxis("a1", 6, 1), linAxis("a2", 3, 2)] });

describe("DataWithAxes, uniform (data-model.md §6.2, §10.4)", () => {
  it("U1 no axes given", () => {
    expect(new DataRaw("d", { data: [DATA2D(), DATA2D()] }).axes).toEqual([]);
  });

  it("U2 a non-Axis in axes is ModelTypeError", () => {
    expect(errName(() => new DataRaw("d", { data: [DATA2D()], axes: [DATA1D() as unknown as Axis] }))).toBe("ModelTypeError");
    expect(errName(() => new DataRaw("d", { data: [DATA2D()], axes: "x" as unknown as Axis[] }))).toBe("ModelTypeError");
  });

  it("U3 an axis of the wrong size is fixed in place (DataSizeWarning)", () => {
    const axis = new Axis({ data: NDArray.zeros([10]), index: 0 });
    const { result, names } = warned(() => new DataRaw("d", { data: [DATA2D()], axes: [axis] }));
    expect(names).toEqual(["DataSizeWarning"]);
    const got = result.getAxisFromIndex(0)[0] as Axis;
    expect(got.size).toBe(5);
    expect(got).toBe(axis);
    expect(got.getData().toNumbers()).toEqual([0, 1, 2, 3, 4]);
    expect(got.offsetPy()).toBe(0n);
    expect(got.scalingPy()).toBe(1n);
  });

  it("U3b a non-linear axis of the wrong size keeps its data and size (quirk)", () => {
    const axis = new Axis({ data: f64([0, 1, 5]), index: 0 });
    const { result } = warned(() => new DataRaw("d", { data: [DATA2D()], axes: [axis] }));
    const got = result.getAxisFromIndex(0)[0] as Axis;
    expect(got.size).toBe(3);
    expect(got.offset).toBe(0);
    expect(got.scaling).toBe(1);
  });

  it("U4 an axis of length 6 at index 1", () => {
    const d = new DataRaw("d", { data: [DATA2D()], axes: [linAxis("x", 6, 1)] });
    expect(d.getAxisFromIndex(1)[0]?.size).toBe(6);
  });

  it("U5 an axis index beyond the data is ModelIndexError", () => {
    let caught: unknown;
    try {
      new DataRaw("d", { data: [DATA2D()], axes: [linAxis("x", 6, 2)] });
    } catch (e) {
      caught = e;
    }
    expect(isModelIndexError(caught)).toBe(true);
  });

  it("U6 getShapeFromIndex", () => {
    const am = new DataRaw("d", { data: [DATA2D()] }).axesManager;
    expect(am.getShapeFromIndex(0)).toBe(5);
    expect(am.getShapeFromIndex(1)).toBe(6);
    expect(errName(() => am.getShapeFromIndex(-1))).toBe("ModelIndexError");
    expect(errName(() => am.getShapeFromIndex(2))).toBe("ModelIndexError");
  });

  it("U7 getAxisFromIndex with and without creation", () => {
    const ax = linAxis("x", 6, 1);
    const d = new DataRaw("d", { data: [DATA2D()], axes: [ax] });
    expect(d.getAxisFromIndex(1)[0]).toBe(ax);
    const missing = warned(() => d.getAxisFromIndex(0));
    expect(missing.result).toEqual([null]);
    expect(missing.names).toEqual(["DataIndexWarning"]);
    const created = d.getAxisFromIndex(0, true)[0] as Axis;
    expect(created.size).toBe(5);
    expect(created.index).toBe(0);
    expect(created.label).toBe("");
    expect(d.axes.length).toBe(1);
    expect(errName(() => d.getAxisFromIndex(3))).toBe("ModelIndexError");
    expect(errName(() => d.getAxisFromIndex(-1))).toBe("ModelIndexError");
  });

  it("U8 deepcopyWithNewData removing index 1", () => {
    const d = nd3();
    const r = d.deepcopyWithNewData([DATAND().index(":", 0, ":").copy()], { removeAxesIndex: 1 });
    expect(r.navIndexes).toEqual([0]);
    expect(r.sigIndexes).toEqual([1]);
    expect(r.shape).toEqual([5, 3]);
    expect(r.getAxisIndexes()).toEqual([0, 1]);
    expect(r.getAxisFromLabel("a1")).toBeNull();
    expect(r.source).toBe(DataSource.calculated);
    expect(d.shape).toEqual([5, 6, 3]);
  });

  it("U9 removing index 2", () => {
    const r = nd3().deepcopyWithNewData([DATAND().index(":", ":", 0).copy()], { removeAxesIndex: 2 });
    expect(r.navIndexes).toEqual([0, 1]);
    expect(r.sigIndexes).toEqual([]);
    expect(r.shape).toEqual([5, 6]);
  });

  it("U10 removing [0, 1]", () => {
    const r = nd3().deepcopyWithNewData([DATAND().index(0, 0, ":").copy()], { removeAxesIndex: [0, 1] });
    expect(r.navIndexes).toEqual([]);
    expect(r.sigIndexes).toEqual([0]);
    expect(r.shape).toEqual([3]);
    expect(r.nAxes).toBe(1);
  });

  it("U11 removing every index", () => {
    const r = nd3().deepcopyWithNewData([f64([44.5])], { removeAxesIndex: [0, 1, 2] });
    expect(r.navIndexes).toEqual([]);
    expect(r.sigIndexes).toEqual([0]);
    expect(r.shape).toEqual([1]);
    expect(r.nAxes).toBe(0);
  });

  it("U12 mean along each dimension", () => {
    const d = nd3();
    const arr = DATAND();
    const expected = [
      (j: number, k: number) => [0, 1, 2, 3, 4].reduce((s, i) => s + Number(arr.get(i, j, k)), 0) / 5,
      (i: number, k: number) => [0, 1, 2, 3, 4, 5].reduce((s, j) => s + Number(arr.get(i, j, k)), 0) / 6,
      (i: number, j: number) => [0, 1, 2].reduce((s, k) => s + Number(arr.get(i, j, k)), 0) / 3,
    ];
    for (const axis of [0, 1, 2]) {
      const m = d.mean(axis);
      const shape = [5, 6, 3].filter((_, k) => k !== axis);
      expect(m.shape).toEqual(shape);
      expect(m.getAxisIndexes()).toEqual([0, 1]);
      expect(m.name).toBe("nd");
      const f = expected[axis] as (a: number, b: number) => number;
      for (let a = 0; a < (shape[0] as number); a++) {
        for (let b = 0; b < (shape[1] as number); b++) expect(m.at(0).get(a, b)).toBeCloseTo(f(a, b), 10);
      }
    }
    expect(d.shape).toEqual([5, 6, 3]);
  });

  it("U13 changing navIndexes rebuilds the manager and the dim", () => {
    const d = new DataRaw("d", { data: [DATAND()], navIndexes: [0, 1] });
    expect(d.shape).toEqual([5, 6, 3]);
    expect(d.sigIndexes).toEqual([2]);
    d.navIndexes = [1];
    expect(d.sigIndexes).toEqual([0, 2]);
    expect(d.dim).toBe(DataDim.DataND);
    d.navIndexes = [];
    expect(d.sigIndexes).toEqual([0, 1, 2]);
    const e = new DataRaw("e", { data: [NDArray.zeros([4, 6])] });
    e.navIndexes = [1];
    expect(e.sigIndexes).toEqual([0]);
    expect(e.dim).toBe(DataDim.DataND);
    e.navIndexes = [];
    expect(e.sigIndexes).toEqual([0, 1]);
    expect(e.dim).toBe(DataDim.Data2D);
  });

  it("navigation indexes outside the data or repeated are rejected", () => {
    expect(errName(() => new DataRaw("d", { data: [DATA2D()], navIndexes: [2] }))).toBe("ModelIndexError");
    expect(errName(() => new DataRaw("d", { data: [DATA2D()], navIndexes: [0, 0] }))).toBe("ModelValueError");
    expect(errName(() => new DataRaw("d", { data: [DATA2D()], navIndexes: [0.5] }))).toBe("ModelTypeError");
  });

  it("navigation and signal shapes, nav and signal axes, dimension strings", () => {
    const d = new DataRaw("d", { data: [NDArray.zeros([3, 4, 5])], navIndexes: [0, 1], axes: [linAxis("n", 3, 0)] });
    expect(d.navShape).toEqual([3, 4]);
    expect(d.sigShape).toEqual([5]);
    expect(d.getDataDimension()).toBe("(3, 4|5)");
    expect(new DataRaw("z", { data: [f64([1])] }).getDataDimension()).toBe("(|1)");
    const nav = warned(() => d.getNavAxes()).result;
    expect(nav.map((a) => [a.label, a.index, a.size])).toEqual([["n", 0, 3], ["", 1, 4]]);
    expect(nav[0]).not.toBe(d.axes[0]);
    expect(warned(() => d.getSignalAxes()).result.map((a) => a.size)).toEqual([5]);
    expect(d.axesManager.computeShapeFromAxes()).toEqual([3]);
    expect(d.axesLimits()).toEqual([[0, 3]]);
    expect(String(d)).toBe("<DataRaw: d <u: > <len:1> (3, 4|5)>");
  });
});

describe("dim from axes (data-model.md §6.4 table)", () => {
  const spreadAxes = [linAxis("n0", 5, 0, 0), linAxis("n1", 5, 0, 1), linAxis("s", 6, 1)];
  const cases: [string, number[], Axis[], number[], DataDim, string?][] = [
    ["(3,) none ()", [3], [], [], DataDim.Data1D],
    ["(1,) none ()", [1], [], [], DataDim.Data0D],
    ["(1,) one axis ()", [1], [linAxis("x", 1, 0)], [], DataDim.Data1D],
    ["(1,1) none ()", [1, 1], [], [], DataDim.Data2D],
    ["(5,6) one axis at 1 ()", [5, 6], [linAxis("x", 6, 1)], [], DataDim.Data2D],
    ["(5,6) none (0,)", [5, 6], [], [0], DataDim.DataND],
    ["(10,) none (0,)", [10], [], [0], DataDim.DataND],
    ["(1,) none (0,)", [1], [], [0], DataDim.DataND],
    ["(2,3,4) none ()", [2, 3, 4], [], [], DataDim.DataND],
    ["(5,6) two spread nav axes + one sig, ()", [5, 6], spreadAxes, [], DataDim.Data2D, "spread"],
    ["(5,6) spread 3 axes (0,)", [5, 6], spreadAxes, [0], DataDim.DataND, "spread"],
  ];
  for (const [title, shape, axes, nav, dim, distribution] of cases) {
    it(title, () => {
      const d = new DataRaw("d", {
        data: [NDArray.zeros(shape)],
        axes: axes.map((a) => a.deepcopy()),
        navIndexes: nav,
        distribution: distribution ?? "uniform",
      });
      expect(d.dim).toBe(dim);
    });
  }

  it("(3,) given dim 'Data2D' becomes Data1D with a warning", () => {
    const { result, names } = warned(() => new DataRaw("d", { data: [NDArray.zeros([3])], dim: "Data2D" }));
    expect(result.dim).toBe(DataDim.Data1D);
    expect(names).toContain("DataDimWarning");
  });

  it("assigning axes revalidates without recomputing dim; setDim forces it", () => {
    const d = new DataRaw("d", { data: [NDArray.zeros([1])] });
    expect(d.dim).toBe(DataDim.Data0D);
    d.axes = [linAxis("x", 1, 0)];
    expect(d.dim).toBe(DataDim.Data0D);
    expect(d.getDimFromDataAxes()).toBe(DataDim.Data1D);
    d.setDim("Data2D");
    expect(d.dim).toBe(DataDim.Data2D);
    expect(errName(() => {
      d.axes = [linAxis("x", 1, 4)];
    })).toBe("ModelIndexError");
  });

  it("a spread DWA without navigation indexes becomes uniform", () => {
    const d = new DataRaw("d", { data: [NDArray.zeros([5, 6])], distribution: "spread" });
    expect(d.distribution).toBe(DataDistribution.uniform);
  });
});

describe("createMissingAxes (data-model.md §6.8)", () => {
  it("adds linear axes for every dimension longer than 1", () => {
    const d = new DataRaw("d", { data: [DATA2D()] });
    warned(() => d.createMissingAxes());
    expect(d.axes.map((a) => [a.index, a.size, a.label])).toEqual([[0, 5, ""], [1, 6, ""]]);
    const e = new DataRaw("e", { data: [NDArray.zeros([1, 6])] });
    warned(() => e.createMissingAxes());
    expect(e.axes.map((a) => [a.index, a.size])).toEqual([[1, 6]]);
    expect(e.dim).toBe(DataDim.Data2D);
  });

  it("keeps existing axes, navigation ones first", () => {
    const d = new DataRaw("d", { data: [NDArray.zeros([3, 4])], navIndexes: [1], axes: [linAxis("x", 3, 0)] });
    warned(() => d.createMissingAxes());
    expect(d.axes.map((a) => [a.label, a.index])).toEqual([["x", 0], ["", 1]]);
  });

  it("never creates spread navigation axes", () => {
    const d = new DataRaw("d", { data: [NDArray.zeros([5, 6])], navIndexes: [0], distribution: "spread", axes: [linAxis("n", 5, 0)] });
    warned(() => d.createMissingAxes());
    expect(d.axes.map((a) => [a.label, a.index])).toEqual([["n", 0], ["", 1]]);
  });
});

describe("errors (data-model.md §6.6)", () => {
  it("valid errors are kept; anything else becomes null with a warning", () => {
    const ok = new DataRaw("d", { data: [f64([1, 2])], errors: [f64([0.1, 0.2])] });
    expect(ok.errors?.[0]?.toNumbers()).toEqual([0.1, 0.2]);
    expect(ok.getError(0).toNumbers()).toEqual([0.1, 0.2]);
    expect(ok.getErrors().map((e) => e.toNumbers())).toEqual([[0.1, 0.2]]);
    for (const bad of [[f64([1])], [f64([1, 2]), f64([1, 2])], f64([1, 2]), ["x"]]) {
      const { result, names } = warned(() => new DataRaw("d", { data: [f64([1, 2])], errors: bad as never }));
      expect(result.errors).toBeNull();
      expect(names).toEqual(["DataErrorsWarning"]);
    }
    expect(new DataRaw("d", { data: [f64([1, 2])] }).getError(0).toNumbers()).toEqual([0]);
  });

  it("errorsAsDwa", () => {
    const d = new DataRaw("d", {
      data: [f64([1, 2, 3])], errors: [f64([0.1, 0.2, 0.3])], labels: ["lab"], units: "V", origin: "det",
      axes: [new Axis("x", "s", f64([0, 1, 5]))], extraAttributes: { foo: 1n }, timestamp: 12.5,
    });
    const e = d.errorsAsDwa();
    expect(e.name).toBe("d_errors");
    expect(e.source).toBe(DataSource.calculated);
    expect(e.errors).toBeNull();
    expect(e.at(0).toNumbers()).toEqual([0.1, 0.2, 0.3]);
    expect(e.labels).toEqual(["lab"]);
    expect(e.units).toBe("V");
    expect(e.origin).toBe("det");
    expect(e.axes[0]?.label).toBe("x");
    expect(e.timestamp).toBe(12.5);
    expect(e.extraAttributes.get("foo")).toBe(1n);
    expect(d.errors).not.toBeNull();
    expect(errName(() => new DataRaw("n", { data: [f64([1])] }).errorsAsDwa())).toBe("ModelValueError");
  });
});

describe("equality and copies (data-model.md §6.9, §6.10)", () => {
  it("compares data, axes and errors, not names or labels", () => {
    const a = nd3();
    const b = nd3();
    b.name = "other";
    b.labels = ["zzz"];
    expect(a.equals(b)).toBe(true);
    const c = nd3();
    c.axes = [linAxis("a0", 5, 0), linAxis("a1", 6, 1), new Axis("a2", "", f64([0, 1, 5]), { index: 2 })];
    expect(a.equals(c)).toBe(false);
    const withErr = new DataRaw("d", { data: [f64([1, 2])], errors: [f64([0, 0])] });
    const noErr = new DataRaw("d", { data: [f64([1, 2])] });
    expect(withErr.equals(noErr)).toBe(false);
    expect(noErr.equals(withErr)).toBe(false);
    expect(withErr.equals(withErr.deepcopy())).toBe(true);
    const otherErr = new DataRaw("d", { data: [f64([1, 2])], errors: [f64([1, 0])] });
    expect(withErr.equals(otherErr)).toBe(false);
  });

  it("deepcopy copies arrays, axes and errors and keeps the class", () => {
    const a = nd3();
    const c = a.deepcopy();
    expect(c).toBeInstanceOf(DataRaw);
    expect(c.axes[0]).not.toBe(a.axes[0]);
    expect(c.at(0)).not.toBe(a.at(0));
    expect(c.equals(a)).toBe(true);
    c.axes[0]!.label = "changed";
    expect(a.axes[0]?.label).toBe("a0");
    expect(isDataWithAxes(c)).toBe(true);
  });

  it("deepcopyWithNewData options: source null keeps, keepDim keeps, unknown options rejected", () => {
    const a = nd3();
    expect(a.deepcopyWithNewData([DATAND()], { source: null }).source).toBe(DataSource.raw);
    expect(a.deepcopyWithNewData([DATAND()], { keepDim: true }).dim).toBe(DataDim.DataND);
    expect(errName(() => a.deepcopyWithNewData([DATAND()], { keep: true } as never))).toBe("ModelTypeError");
    expect(a.getDataAsDwa(0).source).toBe(DataSource.calculated);
  });

  it("sum along 0 of (5,6) gives Data1D and keeps the other axis; a 1-D sum is Data0D", () => {
    const d = new DataRaw("d", { data: [DATA2D()], axes: [linAxis("y", 5, 0), linAxis("x", 6, 1)] });
    const s = d.sum(0);
    expect(s.shape).toEqual([6]);
    expect(s.dim).toBe(DataDim.Data1D);
    expect(s.axes.map((a) => [a.label, a.index])).toEqual([["x", 0]]);
    const one = new DataRaw("o", { data: [DATA1D()] }).sum(0);
    expect(one.shape).toEqual([1]);
    expect(one.dim).toBe(DataDim.Data0D);
    expect(one.at(0).toNumbers()).toEqual([45]);
  });

  it("NumPy-style reductions over nav ++ sig dimensions get a name suffix", () => {
    const d = new DataRaw("x", { data: [DATA2D()] });
    const total = d.reduce("sum");
    expect(total.name).toBe("x_sum");
    expect(total.dim).toBe(DataDim.Data0D);
    expect(total.at(0).toNumbers()).toEqual([435]);
    const nd = new DataRaw("y", { data: [NDArray.arange(6, undefined, 1, "float64").reshape([2, 3])], navIndexes: [1] });
    const r = nd.reduce("max", 0);
    expect(r.shape).toEqual([2]);
    expect(r.at(0).toNumbers()).toEqual([2, 5]);
    expect(nd.reduce("std", [0, 1]).at(0).numberAt(0)).toBeCloseTo(Math.sqrt(35 / 12));
    expect(errName(() => nd.reduce("sum", 5))).toBe("ModelIndexError");
  });

  it("element-wise functions", () => {
    const d = new DataRaw("d", { data: [f64([1, 10, 100])], units: "V" });
    expect(d.toDB().at(0).toNumbers()).toEqual([-20, -10, 0].map((v) => expect.closeTo(v, 12)));
    expect(d.toDB().units).toBe("dB");
    expect(d.angle().units).toBe("rad");
    expect(d.real().at(0).toNumbers()).toEqual([1, 10, 100]);
    expect(d.imag().at(0).toNumbers()).toEqual([0, 0, 0]);
    const m = new DataRaw("m", { data: [NDArray.arange(4, undefined, 1, "float64").reshape([2, 2])] });
    expect(m.flipud().at(0).toNested()).toEqual([[2, 3], [0, 1]]);
    expect(m.fliplr().at(0).toNested()).toEqual([[1, 0], [3, 2]]);
    expect(d.add(d.subtract(d)).equals(d)).toBe(true);
    expect(errName(() => d.multiply(f64([1, 2])))).toBe("ModelTypeError");
    expect(errName(() => d.multiply("x" as never))).toBe("ModelTypeError");
  });

  it("arithmetic pairs arrays with zip semantics (shorter length wins)", () => {
    const two = new DataRaw("a", { data: [f64([1]), f64([2])] });
    const one = new DataRaw("b", { data: [f64([10])] });
    expect(two.add(one).length).toBe(1);
    expect(two.add(one).at(0).toNumbers()).toEqual([11]);
  });

  it("a DataWithAxes needs a source; subclasses supply it", () => {
    expect(errName(() => new DataWithAxes("d", { data: [f64([1])] } as never))).toBe("ModelValueError");
    expect(new DataWithAxes("d", { source: DataSource.raw, data: [f64([1])] }).source).toBe(DataSource.raw);
    expect(errName(() => new DataRaw("d", undefined as never))).toBe("ModelTypeError");
  });
});

describe("DataWithAxes members ported from pymodaq_data", () => {
  it("asDte wraps the object alone in a DataToExport, giving it the collection's name as origin", () => {
    const dwa = new DataRaw("d", { data: [DATA1D()] });
    const dte = dwa.asDte();
    expect([dte.name, dte.length, dte.at(0)]).toEqual(["mydte", 1, dwa]);
    expect(dwa.origin).toBe("mydte");
    const named = new DataRaw("e", { data: [DATA1D()], origin: "det" }).asDte("scan");
    expect([named.name, named.at(0).origin]).toEqual(["scan", "det"]);
  });

  it("getSigIndex is getSignalAxes (the original's name notwithstanding)", () => {
    const dwa = nd3();
    expect(dwa.getSigIndex().map((a) => a.label)).toEqual(dwa.getSignalAxes().map((a) => a.label));
    expect(dwa.getSigIndex().map((a) => a.label)).toEqual(["a2"]);
  });

  it("getNavAxesWithData gives copies of the navigation axes holding their values, the object's axes untouched", () => {
    const dwa = nd3();
    const axes = dwa.getNavAxesWithData();
    expect(axes.map((a) => a.label)).toEqual(["a0", "a1"]);
    expect(axes.map((a) => a.data?.toNumbers())).toEqual([[0, 1, 2, 3, 4], [0, 1, 2, 3, 4, 5]]);
    expect(dwa.getAxisFromIndex(0)[0]?.data).toBeNull();
    const { result } = warned(() => new DataRaw("bare", { data: [DATAND()], navIndexes: [0] }).getNavAxesWithData());
    expect(result.map((a) => [a.index, a.data?.toNumbers()])).toEqual([[0, [0, 1, 2, 3, 4]]]);
  });

  it("checkAxesLinear tells whether every axis (or every given one) is linear", () => {
    const dwa = new DataRaw("d", { data: [DATA2D()], axes: [new Axis("y", "", [0, 1, 3, 4, 9], { index: 0 }), linAxis("x", 6, 1)] });
    expect(dwa.checkAxesLinear()).toBe(false);
    expect(dwa.checkAxesLinear([linAxis("x", 6, 1)])).toBe(true);
    expect(nd3().checkAxesLinear()).toBe(true);
    expect(new DataRaw("d", { data: [DATA2D()] }).checkAxesLinear()).toBe(true);
  });
});

describe("DataWithAxes.fromFields", () => {
  const fieldsOf = (d: DataWithAxes): DataWithAxesFields => ({
    name: d.name, timestamp: d.timestamp, source: d.source, dim: d.dim, distribution: d.distribution, units: d.units,
    origin: d.origin, labels: d.labels, data: d.data, extraAttributes: d.extraAttributes, axes: d.axes,
    navIndexes: d.navIndexes, errors: d.errors,
  });
  const spread = (): DataCalculated => new DataCalculated("sp", {
    data: [NDArray.zeros([5, 6])], distribution: "spread", navIndexes: [0],
    axes: [linAxis("n0", 5, 0, 0), linAxis("n1", 5, 0, 1), linAxis("s", 6, 1)], units: "V", origin: "det", timestamp: 12.5,
  });

  it("rebuilds each class field for field, its axes manager included", () => {
    const withErrors = new DataRaw("e", { data: [DATA2D(), DATA2D()], labels: ["a", "b"], errors: [DATA2D(), DATA2D()], axes: [linAxis("x", 5, 0)] });
    withErrors.addExtraAttribute("gain", new NpScalar("float32", 1.5));
    const samples: DataWithAxes[] = [nd3(), withErrors, spread(), new DataFromRoi("roi", { data: [DATA1D()] }),
      new DataWithAxes("w", { source: "raw", data: [DATA1D()], timestamp: 3 })];
    for (const d of samples) {
      const copy = (d.constructor as typeof DataWithAxes).fromFields(fieldsOf(d));
      expect(copy.constructor).toBe(d.constructor);
      expect(ownFields(copy)).toEqual(ownFields(d));
      expect(copy.axesManager.constructor).toBe(d.axesManager.constructor);
      expect([copy.navShape, copy.sigShape, copy.getDataDimension()]).toEqual([d.navShape, d.sigShape, d.getDataDimension()]);
      expect(copy.equals(d)).toBe(true);
    }
    expect(DataRaw.fromFields(fieldsOf(spread())).axesManager).toBeInstanceOf(SpreadAxesManager);
    expect(DataRaw.fromFields(fieldsOf(nd3())).axesManager).toBeInstanceOf(UniformAxesManager);
  });

  it("takes enum names, adopts the arrays and axes, and neither infers the dim nor stamps a new time", () => {
    const data = [DATA2D()];
    const axis = linAxis("x", 5, 0);
    const d = DataRaw.fromFields({
      name: "d", timestamp: 7, source: "raw", dim: "Data1D", distribution: "uniform", units: "", origin: "",
      labels: ["CH00"], data, extraAttributes: new Map(), axes: [axis], navIndexes: [], errors: null,
    });
    expect([d.timestamp, d.dim, d.source, d.distribution]).toEqual([7, DataDim.Data1D, DataSource.raw, DataDistribution.uniform]);
    expect(d.data[0]).toBe(data[0]);
    expect(d.axes[0]).toBe(axis);
    expect(errName(() => DataRaw.fromFields({ ...fieldsOf(nd3()), source: "bogus" as never }))).toBe("ModelValueError");
  });
});
