import { describe, expect, it } from "vitest";
import {
  Axis, DataDistribution, DataRaw, NDArray, SpreadAxesManager, UniformAxesManager, isDataLengthError,
} from "../src/index.js";
import { checkNavIndexes } from "../src/axes-manager.js";
import { DATA1D, errName, f64, linAxis, warned } from "./fixtures.js";

/** data-model.md §10.5 fixture: row i is i/21 * DATA1D; nav0, sig, nav1; nav (0,); spread. */
function spreadFixture(options: { nav1Length?: number; navIndexes?: number[] } = {}): DataRaw {
  const data = NDArray.zeros([21, 10]);
  const d1 = DATA1D().toNumbers();
  for (let i = 0; i < 21; i++) for (let j = 0; j < 10; j++) data.set([i, j], (i / 21) * (d1[j] as number));
  const random = (n: number): NDArray => f64(Array.from({ length: n }, (_, k) => Math.sin(7 * k + 1)));
  return new DataRaw("spread", {
    data: [data],
    distribution: "spread",
    dim: "Data1D",
    navIndexes: options.navIndexes ?? [0],
    axes: [
      new Axis("nav0", "", random(21), { index: 0, spreadOrder: 0 }),
      new Axis("sig", "", DATA1D().toFloat64(), { index: 1 }),
      new Axis("nav1", "", random(options.nav1Length ?? 21), { index: 0, spreadOrder: 1 }),
    ],
  });
}

describe("spread distribution (data-model.md §6.3, §10.5)", () => {
  it("S1 construction with dim 'Data1D' passed; inav gives uniform, isig spread", () => {
    const d = warned(() => spreadFixture()).result;
    expect(d.distribution).toBe(DataDistribution.spread);
    expect(d.axesManager).toBeInstanceOf(SpreadAxesManager);
    expect(d.inav.get(10).distribution).toBe(DataDistribution.uniform);
    expect(d.isig.get(5).distribution).toBe(DataDistribution.spread);
  });

  it("S2 two navigation indexes are ModelValueError", () => {
    expect(errName(() => warned(() => spreadFixture({ navIndexes: [0, 1] })))).toBe("ModelValueError");
  });

  it("S3 a navigation axis of another length is DataLengthError", () => {
    let caught: unknown;
    try {
      warned(() => spreadFixture({ nav1Length: 22 }));
    } catch (e) {
      caught = e;
    }
    expect(isDataLengthError(caught)).toBe(true);
  });

  it("S4 computeShapeFromAxes", () => {
    expect(warned(() => spreadFixture()).result.axesManager.computeShapeFromAxes()).toEqual([21, 10]);
  });

  it("S5 dimension string and sizes", () => {
    const d = warned(() => spreadFixture()).result;
    expect(d.getDataDimension()).toBe("(21|10)");
    expect(d.navShape).toEqual([21]);
    expect(d.sigShape).toEqual([10]);
  });

  it("S6 deepcopyWithNewData(data[0,:], remove 0)", () => {
    const d = warned(() => spreadFixture()).result;
    const r = d.deepcopyWithNewData([d.at(0).index(0).copy()], { removeAxesIndex: 0 });
    expect(r.navIndexes).toEqual([]);
    expect(r.sigIndexes).toEqual([0]);
    expect(r.shape).toEqual([10]);
    expect(r.getAxisIndexes()).toEqual([0]);
  });

  it("S7 deepcopyWithNewData(data[:,0], remove 1)", () => {
    const d = warned(() => spreadFixture()).result;
    const r = d.deepcopyWithNewData([d.at(0).index(":", 0).copy()], { removeAxesIndex: 1 });
    expect(r.navIndexes).toEqual([0]);
    expect(r.sigIndexes).toEqual([]);
    expect(r.shape).toEqual([21]);
    expect(r.getAxisIndexes()).toEqual([0]);
  });

  it("S8 mean(0) / mean(1)", () => {
    const d = warned(() => spreadFixture()).result;
    const arr = d.at(0);
    const m0 = d.mean(0);
    expect(m0.at(0).toNumbers()).toEqual(Array.from({ length: 10 }, (_, j) =>
      expect.closeTo(Array.from({ length: 21 }, (_, i) => arr.numberAt(i * 10 + j)).reduce((s, v) => s + v, 0) / 21, 12)));
    expect(m0.getAxisIndexes()).toEqual([0]);
    expect(m0.nAxes).toBe(1);
    const m1 = d.mean(1);
    expect(m1.shape).toEqual([21]);
    expect(m1.getAxisIndexes()).toEqual([0]);
    expect(m1.nAxes).toBe(2);
  });

  it("S9 inav[3] and inav[3:6]", () => {
    const d = warned(() => spreadFixture()).result;
    const one = d.inav.get(3);
    expect(one.shape).toEqual([10]);
    expect(one.axes.map((a) => a.index)).toEqual([0]);
    expect(one.navIndexes).toEqual([]);
    const three = d.inav.get("3:6");
    expect(three.shape).toEqual([3, 10]);
    expect(three.nAxes).toBe(3);
    expect(three.navIndexes).toEqual([0]);
  });

  it("S10 isig[3] and isig[3:6]", () => {
    const d = warned(() => spreadFixture()).result;
    const one = d.isig.get(3);
    expect(one.shape).toEqual([21]);
    expect(one.nAxes).toBe(2);
    expect(one.navIndexes).toEqual([0]);
    const three = d.isig.get("3:6");
    expect(three.shape).toEqual([21, 3]);
    expect(three.nAxes).toBe(3);
    expect(three.navIndexes).toEqual([0]);
  });

  it("look-ups: all nav axes for the nav index, by spread order, flattened nav axes", () => {
    const d = warned(() => spreadFixture()).result;
    expect(d.getAxisFromIndex(0).map((a) => a?.label)).toEqual(["nav0", "nav1"]);
    expect(d.getAxisFromIndexSpread(0, 1)?.label).toBe("nav1");
    expect(d.getAxisFromIndexSpread(0, 2)).toBeNull();
    expect(d.getNavAxes().map((a) => a.label)).toEqual(["nav0", "nav1"]);
    expect(d.getSignalAxes().map((a) => a.label)).toEqual(["sig"]);
    expect(d.getAxisFromIndex(5)).toEqual([null]);
    const bare = new DataRaw("b", { data: [NDArray.zeros([4, 3])], distribution: "spread", navIndexes: [0] });
    expect(bare.getAxisFromIndex(0)).toEqual([]);
    expect(warned(() => bare.getAxisFromIndex(1, true)).result[0]?.size).toBe(3);
  });

  it("value slicing of spread data is not implemented", () => {
    const d = warned(() => spreadFixture()).result;
    expect(errName(() => d.vnav.get(0.5))).toBe("ModelNotImplementedError");
  });
});

describe("axes managers directly", () => {
  it("uniform manager: shapes, look-ups and copies", () => {
    const am = new UniformAxesManager([3, 4], [linAxis("x", 4, 1)], [0]);
    expect(am.navShape).toEqual([3]);
    expect(am.sigShape).toEqual([4]);
    expect(am.getAxesIndex()).toEqual([1]);
    expect(am.getAxisFromIndexSpread()).toBeNull();
    expect(am.getDataDimension()).toBe("(3|4)");
    expect(warned(() => am.computeShapeFromAxes()).result).toEqual([3]);
    const copy = am.withAxes([]);
    expect(copy.axes).toEqual([]);
    expect(copy.shape).toEqual([3, 4]);
    expect(am.axes.length).toBe(1);
  });

  it("checkNavIndexes", () => {
    expect(checkNavIndexes([1, 0], 2)).toEqual([1, 0]);
    expect(checkNavIndexes([1n], 2)).toEqual([1]);
    expect(errName(() => checkNavIndexes("0", 2))).toBe("ModelTypeError");
    expect(errName(() => checkNavIndexes([-1], 2))).toBe("ModelIndexError");
  });
});
