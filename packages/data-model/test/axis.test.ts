import { ownFields } from "@pymodaq-ts/test-support";
import { describe, expect, it } from "vitest";
import { Axis, NDArray, NavAxis, NpScalar, Slice, isAxis } from "../src/index.js";
import { LIN20, errName, f64 } from "./fixtures.js";

const A4 = (): Axis => new Axis("A Label", "units", LIN20(), { index: 0 });
const A5 = (): Axis => new Axis({ data: f64([0.1, 2, 23, 44, 21, 20]) });

describe("Axis construction (data-model.md §4.1, §10.2)", () => {
  it("A1 non-string units raise ModelTypeError", () => {
    expect(errName(() => new Axis("axis", 45 as unknown as string, f64([0, 1])))).toBe("ModelTypeError");
  });

  it("A2 unknown units are kept (the port does not validate units)", () => {
    expect(new Axis("axis", "unknown units", f64([0, 1])).units).toBe("unknown units");
  });

  it("A3 bad label / units / index", () => {
    expect(errName(() => new Axis({ label: 24 as unknown as string }))).toBe("ModelTypeError");
    expect(errName(() => new Axis({ units: 42 as unknown as string }))).toBe("ModelTypeError");
    expect(errName(() => new Axis({ index: 1.5 }))).toBe("ModelTypeError");
    expect(errName(() => new Axis({ index: new NpScalar("int64", 1n) as unknown as number }))).toBe("ModelTypeError");
    expect(errName(() => new Axis({ index: -2 }))).toBe("ModelValueError");
  });

  it("A4 linear float data is reduced to offset/scaling/size", () => {
    const ax = A4();
    expect(ax.label).toBe("A Label");
    expect(ax.units).toBe("units");
    expect(ax.index).toBe(0);
    expect(ax.data).toBeNull();
    expect(ax.offset).toBeCloseTo(-20.4);
    expect(ax.scaling).toBeCloseTo(0.22);
    expect(ax.size).toBe(20);
    expect(ax.length).toBe(20);
    expect(ax.offsetKind).toBe("float64");
    expect(ax.scalingKind).toBe("float64");
  });

  it("A5 non-linear data is kept, offset/scaling null", () => {
    const ax = A5();
    expect(ax.data?.toNumbers()).toEqual([0.1, 2, 23, 44, 21, 20]);
    expect(ax.offset).toBeNull();
    expect(ax.scaling).toBeNull();
    expect(ax.offsetPy()).toBeNull();
  });

  it("A6 [0,1,6,8,9] is kept and getData returns it", () => {
    const data = NDArray.fromNested([0, 1, 6, 8, 9]);
    const ax = new Axis({ data });
    expect(ax.data).toBe(data);
    expect(ax.offset).toBeNull();
    expect(ax.getData().toNumbers()).toEqual([0, 1, 6, 8, 9]);
  });

  it("A7 [1,2,3,4] is linear", () => {
    const ax = new Axis({ data: NDArray.fromNested([1, 2, 3, 4]) });
    expect(ax.data).toBeNull();
    expect(ax.offset).toBe(1);
    expect(ax.scaling).toBe(1);
    expect(ax.getData().toNumbers()).toEqual([1, 2, 3, 4]);
    expect(ax.getData().dtype).toBe("float64");
  });

  it("A19 integer data: offset int64, scaling float64", () => {
    const ax = new Axis({ data: NDArray.fromNested([0, 1, 2]) });
    expect(ax.label).toBe("");
    expect(ax.offsetPy()).toEqual(new NpScalar("int64", 0n));
    expect(ax.scalingPy()).toEqual(new NpScalar("float64", 1));
    expect(ax.size).toBe(3);
  });

  it("A20 2-D data is ModelValueError, a non-array ModelTypeError, empty data ModelIndexError", () => {
    expect(errName(() => new Axis({ data: NDArray.zeros([2, 2]) }))).toBe("ModelValueError");
    expect(errName(() => new Axis({ data: [[0, 1], [2, 3]] as never }))).toBe("ModelValueError");
    expect(errName(() => new Axis({ data: "012" as unknown as NDArray }))).toBe("ModelTypeError");
    expect(errName(() => new Axis({ data: NDArray.zeros([0]) }))).toBe("ModelIndexError");
    expect(errName(() => new Axis({ data: NDArray.zeros([2], "complex128") }))).toBe("ModelTypeError");
  });

  it("unknown options are rejected", () => {
    expect(errName(() => new Axis({ lable: "x" } as never))).toBe("ModelTypeError");
    expect(errName(() => new Axis("x", "", { navIndex: 1 } as never))).toBe("ModelTypeError");
  });
});

describe("Axis linearity (data-model.md §4.2 table)", () => {
  it("single point: offset float64, scaling Python int 1", () => {
    const ax = new Axis({ data: f64([5]) });
    expect(ax.data).toBeNull();
    expect(ax.offsetPy()).toEqual(new NpScalar("float64", 5));
    expect(ax.scalingPy()).toBe(1n);
    expect(ax.size).toBe(1);
  });

  it("tolerance: 1e-6 relative deviation is linear, 1e-4 is not", () => {
    const near = new Axis({ data: f64([0, 1, 2.000001, 3]) });
    expect(near.data).toBeNull();
    expect(near.offset).toBe(0);
    expect(near.scaling).toBeCloseTo(1);
    const far = new Axis({ data: f64([0, 1, 2.0001, 3]) });
    expect(far.data).not.toBeNull();
    expect(far.offset).toBeNull();
  });

  it("each axis is judged on its own data, whatever was checked before it, short or long (past 65,536 points too)", () => {
    const line = (n: number, f: (i: number) => number): NDArray => NDArray.from("float64", [n], Array.from({ length: n }, (_, i) => f(i)));
    const short = (): Axis => new Axis({ data: line(100, (i) => 3 + 0.5 * i) });
    const first = short();
    // A short bent axis after a long straight one: what is left of the longer one's differences is not read.
    expect(new Axis({ data: line(60_000, (i) => 2 * i) }).scaling).toBe(2);
    expect(new Axis({ data: line(40, (i) => (i === 39 ? 100 : i)) }).data).not.toBeNull();
    expect(new Axis({ data: line(70_000, (i) => i + (i === 69_999 ? 0.5 : 0)) }).data).not.toBeNull();
    expect(new Axis({ data: line(200_000, (i) => -i) }).scaling).toBe(-1);
    const again = short();
    expect([again.offset, again.scaling, again.data]).toEqual([first.offset, first.scaling, null]);
  });

  it("a constant axis is linear with scaling 0", () => {
    const ax = new Axis({ data: NDArray.zeros([10]) });
    expect(ax.data).toBeNull();
    expect(ax.offset).toBe(0);
    expect(ax.scaling).toBe(0);
    expect(ax.size).toBe(10);
  });

  it("no data: offset/scaling/size given, or nothing at all", () => {
    const ax = new Axis({ offset: 1, scaling: 0.5, size: 4 });
    expect(ax.getData().toNumbers()).toEqual([1, 1.5, 2, 2.5]);
    expect(ax.offsetPy()).toBe(1);
    expect(new Axis({ offset: 1n, scaling: 2n, size: 2 }).offsetPy()).toBe(1n);
    const empty = new Axis();
    expect(empty.size).toBe(0);
    expect(empty.offset).toBeNull();
    expect(empty.getData().size).toBe(0);
    expect(errName(() => new Axis({ size: 3 }).getData())).toBe("ModelValueError");
  });

  it("the data setter keeps a linear array (constructor/setter quirk)", () => {
    const ax = new Axis();
    ax.data = f64([0, 2, 4]);
    expect(ax.data?.toNumbers()).toEqual([0, 2, 4]);
    expect(ax.offset).toBe(0);
    expect(ax.scaling).toBe(2);
    expect(ax.size).toBe(3);
    expect(ax.isAxisLinear()).toBe(true);
    expect(A5().isAxisLinear()).toBe(false);
  });

  it("size is settable only without data; data with offset, scaling and size all given is kept", () => {
    const lin = A4();
    lin.size = 5;
    expect(lin.size).toBe(5);
    const kept = A5();
    kept.size = 2;
    expect(kept.size).toBe(6);
    const all = new Axis({ data: f64([0, 1, 2]), offset: 0, scaling: 1, size: 3 });
    expect(all.data).not.toBeNull();
  });

  it("float32 data is judged on its float32 values, as NumPy judges them", () => {
    const f32 = (offset: number, step: number, n: number): NDArray => new NDArray("float32", [n], Float32Array.from({ length: n }, (_, i) => offset + step * i));
    // numpy: v = np.array([np.float32(0.5 + 0.1*i) for i in range(60)]); d = np.diff(v)
    //   np.allclose(d, d.mean()) is True, float(d.mean()) == 0.10000000149011612
    expect(new Axis({ data: f32(0.5, 0.1, 60) }).scaling).toBe(0.10000000149011612);
    // numpy: the same with 0.1 + 0.3*i, 300 points: float32's rounding near 90 is past rtol, not linear
    expect(new Axis({ data: f32(0.1, 0.3, 300) }).scaling).toBeNull();
  });

  it("float32 data gives float32 kinds", () => {
    const ax = new Axis({ data: NDArray.from("float32", [3], [0, 0.5, 1]) });
    expect(ax.offsetKind).toBe("float32");
    expect(ax.scalingKind).toBe("float32");
  });
});

describe("Axis methods (data-model.md §4.3 to §4.7)", () => {
  it("A8 linear arithmetic", () => {
    expect(A4().multiply(2).scaling).toBeCloseTo(0.44);
    expect(A4().add(100).offset).toBeCloseTo(79.6);
    expect(A4().multiply("x")).toBeUndefined();
  });

  it("A9 non-linear arithmetic", () => {
    expect(A5().multiply(2).data?.toNumbers()).toEqual([0.2, 4, 46, 88, 42, 40]);
    expect(A5().add(100).data?.toNumbers()).toEqual([100.1, 102, 123, 144, 121, 120]);
    const original = A5();
    original.multiply(3);
    expect(original.data?.toNumbers()[1]).toBe(2);
  });

  it("A10 linear stats use size*scaling (quirk)", () => {
    const ax = A4();
    expect(ax.mean()).toBeCloseTo(-20.4 + 10 * 0.22);
    expect(ax.min()).toBeCloseTo(-20.4);
    expect(ax.max()).toBeCloseTo(-16.0);
  });

  it("A11 non-linear stats", () => {
    const ax = A5();
    expect(ax.mean()).toBeCloseTo((0.1 + 2 + 23 + 44 + 21 + 20) / 6);
    expect(ax.min()).toBe(0.1);
    expect(ax.max()).toBe(44);
  });

  it("A12 linear findIndex truncates", () => {
    const ax = A4();
    expect(ax.findIndex(0.01 - 20.4 + 4 * 0.22)).toBe(4);
    expect(ax.findIndex(-100)).toBe(0);
    expect(ax.findIndex(100)).toBe(19);
  });

  it("A13 non-linear findIndex is the nearest", () => {
    const ax = A5();
    expect(ax.findIndex(5)).toBe(1);
    expect(ax.findIndex(22)).toBe(2);
    expect(ax.findIndexes([5, 22, 1000])).toEqual([1, 2, 5]);
    expect(ax.findIndexes(5)).toEqual([1]);
  });

  it("A14 iaxis/vaxis with an ellipsis give equal copies", () => {
    const ax = A4();
    expect(ax.iaxis.get("...").equals(ax)).toBe(true);
    expect(ax.vaxis.get("...").equals(ax)).toBe(true);
    expect(ax.iaxis.get("...")).not.toBe(ax);
  });

  it("A15 iaxis[2:10] equals vaxis[d[2]:d[10]]", () => {
    const ax = A4();
    const d = ax.getData();
    const sliced = ax.iaxis.get("2:10");
    expect(sliced.size).toBe(8);
    expect(sliced.getData().toNumbers()).toEqual(d.index("2:10").toNumbers().map((v) => expect.closeTo(v, 12)));
    expect(sliced.equals(ax.vaxis.get(Slice.of(d.numberAt(2), d.numberAt(10))))).toBe(true);
  });

  it("A16 iaxis[3] is a 1-point axis equal to vaxis[d[3]]", () => {
    const ax = A4();
    const d = ax.getData();
    const one = ax.iaxis.get(3);
    expect(one.size).toBe(1);
    expect(one.getData().toNumbers()).toEqual([d.numberAt(3)]);
    expect(one.data).not.toBeNull();
    expect(one.offset).toBe(d.numberAt(3));
    expect(one.scaling).toBe(1);
    expect(one.equals(ax.vaxis.get(d.numberAt(3)))).toBe(true);
  });

  it("A17 iaxis[2:10] = Axis(...) / array materialises and replaces", () => {
    for (const value of [new Axis("replace", "", NDArray.arange(-8, 0, 1, "float64")), NDArray.arange(-8, 0, 1, "float64")]) {
      const ax = A4();
      const before = ax.getData().toNumbers();
      ax.iaxis.set("2:10", value);
      expect(ax.data).not.toBeNull();
      expect(ax.size).toBe(20);
      const after = ax.getData().toNumbers();
      expect(after.slice(2, 10)).toEqual([-8, -7, -6, -5, -4, -3, -2, -1]);
      expect(after.slice(0, 2)).toEqual(before.slice(0, 2));
      expect(after.slice(10)).toEqual(before.slice(10));
    }
    expect(errName(() => A4().iaxis.set("2:10", NDArray.zeros([3])))).toBe("ModelValueError");
  });

  it("A18 getDataAt with an int, a list, an array, a slice", () => {
    const ax = new Axis({ data: NDArray.fromNested([0, 1, 6, 8, 9]) });
    expect(ax.getDataAt(2)).toBe(6);
    expect(ax.getDataAt([0, 3, 4]).toNumbers()).toEqual([0, 8, 9]);
    expect(ax.getDataAt(NDArray.fromNested([0, 3, 4])).toNumbers()).toEqual([0, 8, 9]);
    expect(ax.getDataAt(Slice.of(0, null, 2)).toNumbers()).toEqual([0, 6, 9]);
    expect(errName(() => ax.getDataAt(7))).toBe("ModelIndexError");
  });

  it("linear slicing with a start shifts the offset; a step scales", () => {
    const ax = new Axis({ offset: 1, scaling: 0.5, size: 10 });
    const s = ax.iaxis.get("4:");
    expect(s.offset).toBe(3);
    expect(s.size).toBe(6);
    expect(ax.iaxis.get("::2").getData().toNumbers()).toEqual([1, 2, 3, 4, 5]);
  });

  it("copy is shallow, deepcopy is deep", () => {
    const ax = A5();
    expect(ax.copy().data).toBe(ax.data);
    expect(ax.deepcopy().data).not.toBe(ax.data);
    expect(ax.deepcopy().equals(ax)).toBe(true);
  });

  it("createLinearData and createSimpleLinearData", () => {
    const ax = new Axis({ offset: 2, scaling: 3, size: 0 });
    ax.createLinearData(3);
    expect(ax.data?.toNumbers()).toEqual([2, 5, 8]);
    expect(Axis.createSimpleLinearData(4).toNumbers()).toEqual([0, 1, 2, 3]);
  });

  it("repr, NavAxis alias and guard", () => {
    expect(String(new Axis("L", "U", undefined, { index: 2 }))).toBe("Axis: <label: L> - <units: U> - <index: 2>");
    expect(new NavAxis("x")).toBeInstanceOf(Axis);
    expect(isAxis(A4())).toBe(true);
    expect(isAxis({})).toBe(false);
  });
});

describe("Axis equality (data-model.md §4.5)", () => {
  it("compares label, index, compatible units and values; not size or spreadOrder", () => {
    const base = new Axis("a", "mm", f64([0, 1, 5]));
    expect(base.equals(new Axis("a", "mm", f64([0, 1, 5]), { spreadOrder: 3 }))).toBe(true);
    expect(base.equals(new Axis("b", "mm", f64([0, 1, 5])))).toBe(false);
    expect(base.equals(new Axis("a", "mm", f64([0, 1, 5]), { index: 1 }))).toBe(false);
    expect(base.equals(new Axis("a", "s", f64([0, 1, 5])))).toBe(false);
    expect(base.equals(new Axis("a", "um", f64([0, 1000, 5000])))).toBe(true);
    expect(new Axis("a", "mm", f64([0, 1, 2])).equals(new Axis("a", "m", f64([0, 1, 2])))).toBe(false);
    expect(base.equals("a")).toBe(false);
  });

  it("linear axes with different sizes are equal (quirk); linear vs non-linear is false", () => {
    expect(new Axis({ offset: 0, scaling: 1, size: 3 }).equals(new Axis({ offset: 0, scaling: 1, size: 9 }))).toBe(true);
    expect(A4().equals(A5())).toBe(false);
    expect(A5().equals(A4())).toBe(false);
  });
});

describe("Axis from plain and typed arrays", () => {
  it("takes a list of numbers or a TypedArray as data, positionally as Python's Axis(label, units, data)", () => {
    const ints = new Axis("a", "mm", [1, 2, 3]);
    expect([ints.label, ints.units, ints.size]).toEqual(["a", "mm", 3]);
    expect(ints.offsetPy()).toEqual(new NpScalar("int64", 1n));
    expect(ints.scalingPy()).toEqual(new NpScalar("float64", 1));
    const floats = new Axis("b", "s", Float64Array.of(0, 0.5, 2), { index: 1 });
    expect(floats.data?.dtype).toBe("float64");
    expect(floats.index).toBe(1);
    expect(new Axis("c", "", Float32Array.of(1, 2, 3)).offsetPy()).toEqual(new NpScalar("float32", 1));
    const fromOptions = new Axis({ label: "d", data: [0, 1, 4] });
    expect(fromOptions.getData().toNumbers()).toEqual([0, 1, 4]);
    const set = new Axis("e");
    set.data = Int16Array.of(5, 3);
    expect(set.getData().dtype).toBe("int16");
  });

  it("says what to pass for other data", () => {
    expect(() => new Axis("a", "mm", "123" as never)).toThrow(
      "Axis: the third argument should be the data (an NDArray, a TypedArray such as Float64Array, or a (nested) list of numbers) or an options object, got the string \"123\"");
    expect(() => new Axis({ data: { length: 2 } as never })).toThrow(
      "data for the Axis class should be 1-D: an NDArray, a TypedArray such as Float64Array, or a (nested) list of numbers; got a Object");
    expect(errName(() => new Axis("a", "", [true, false] as never))).toBe("ModelTypeError");
  });
});

describe("Axis.unitsAs / forceUnits", () => {
  it("converts in place through the data setter (the array is kept) and returns the axis", () => {
    const axis = new Axis("x", "mm", f64([0, 1, 2.5]), { index: 1 });
    expect(axis.unitsAs("m")).toBe(axis);
    expect(axis.units).toBe("m");
    expect(axis.data?.toNumbers()).toEqual([0, 0.001, 0.0025]);
    const linear = new Axis("t", "s", NDArray.linspace(0, 1, 3));
    expect(linear.data).toBeNull();
    linear.unitsAs("ms");
    expect(linear.data?.toNumbers()).toEqual([0, 500, 1000]);
    expect([linear.offset, linear.scaling]).toEqual([0, 500]);
  });

  it("builds a new axis when not in place: a linear one keeps offset and scaling only", () => {
    const linear = new Axis("t", "s", NDArray.linspace(0, 1, 3), { index: 2, spreadOrder: 1 });
    const ms = linear.unitsAs("ms", false);
    expect(ms).not.toBe(linear);
    expect([ms.label, ms.units, ms.index, ms.spreadOrder, ms.data, ms.offset, ms.scaling]).toEqual(["t", "ms", 2, 1, null, 0, 500]);
    expect(linear.units).toBe("s");
    expect(errName(() => linear.unitsAs("kg"))).toBe("DataUnitError");
  });

  it("forceUnits and the units setter relabel without converting", () => {
    const axis = new Axis("x", "mm", f64([1, 3, 4]));
    axis.forceUnits("eV");
    expect([axis.units, axis.getData().toNumbers()]).toEqual(["eV", [1, 3, 4]]);
    axis.units = "m";
    expect([axis.units, axis.getData().toNumbers()]).toEqual(["m", [1, 3, 4]]);
    expect(errName(() => axis.forceUnits(3 as never))).toBe("ModelTypeError");
  });
});

describe("Axis.fromFields", () => {
  const fieldsOf = (a: Axis) => ({
    label: a.label, units: a.units, index: a.index, spreadOrder: a.spreadOrder, data: a.data, size: a.size,
    offset: a.offset, offsetKind: a.offsetKind, scaling: a.scaling, scalingKind: a.scalingKind,
  });

  it("rebuilds an axis field for field: data dropped or kept, Python kinds of offset and scaling", () => {
    const kept = new Axis({ label: "x", units: "mm", index: 1 });
    kept.data = LIN20(); // assigned: kept though linear
    const axes = [A4(), A5(), kept, new Axis({ label: "z", offset: 3n, scaling: new NpScalar("float32", 0.5), size: 7, spreadOrder: 2 })];
    for (const axis of axes) {
      const copy = Axis.fromFields(fieldsOf(axis));
      expect(copy).toBeInstanceOf(Axis);
      expect(ownFields(copy)).toEqual(ownFields(axis));
      expect(copy.offsetPy()).toEqual(axis.offsetPy());
      expect(copy.scalingPy()).toEqual(axis.scalingPy());
      expect(copy.getData().toNumbers()).toEqual(axis.getData().toNumbers());
    }
  });

  it("adopts the data and recomputes nothing from it", () => {
    const data = LIN20();
    const axis = Axis.fromFields({ ...fieldsOf(A5()), data, offset: null, scaling: null });
    expect(axis.data).toBe(data);
    expect([axis.offset, axis.offsetKind, axis.scaling, axis.scalingKind]).toEqual([null, null, null, null]);
    expect(axis.size).toBe(6); // as given, not the data's 20
  });
});
