import { describe, expect, it } from "vitest";
import { Axis, DataCalculated, DataDim, DataRaw, DataSource, DataWithAxes, NDArray, Slice } from "../src/index.js";
import { errName, linAxis, warned } from "./fixtures.js";

/** data-model.md §6.13 fixture: data (10,5,5,6), nav (0,1), axes nav0, nav1, s0, s1. */
const fixture = (): DataRaw =>
  new DataRaw("x", {
    data: [NDArray.arange(1500, undefined, 1, "float64").reshape([10, 5, 5, 6])],
    navIndexes: [0, 1],
    units: "V",
    labels: ["lab"],
    origin: "det",
    axes: [linAxis("nav0", 10, 0), linAxis("nav1", 5, 1), linAxis("s0", 5, 2), linAxis("s1", 6, 3)],
  });
const axesOf = (d: DataWithAxes): string[] => d.axes.map((a) => `${a.label}@${a.index}`);

describe("inav / isig / vnav (data-model.md §6.13 tables)", () => {
  it("inav[0, :]", () => {
    const r = fixture().inav.get(0, ":");
    expect(r.shape).toEqual([5, 5, 6]);
    expect(r.navIndexes).toEqual([0]);
    expect(axesOf(r)).toEqual(["nav1@0", "s0@1", "s1@2"]);
    expect(r.at(0).get(1, 2, 3)).toBe(fixture().at(0).get(0, 1, 2, 3));
  });

  it("inav[0, 2]", () => {
    const r = fixture().inav.get(0, 2);
    expect(r.shape).toEqual([5, 6]);
    expect(r.navIndexes).toEqual([]);
    expect(axesOf(r)).toEqual(["s0@0", "s1@1"]);
    expect(r.dim).toBe(DataDim.Data2D);
  });

  it("inav[0:3, 2:4]", () => {
    const r = fixture().inav.get("0:3", Slice.of(2, 4));
    expect(r.shape).toEqual([3, 2, 5, 6]);
    expect(r.navIndexes).toEqual([0, 1]);
    expect(axesOf(r)).toEqual(["nav0@0", "nav1@1", "s0@2", "s1@3"]);
    expect(r.axes.map((a) => a.size)).toEqual([3, 2, 5, 6]);
    expect(r.axes[1]?.getData().toNumbers()).toEqual([2, 3]);
  });

  it("inav[0:1, ...] squeezes the length-1 navigation dimension", () => {
    const r = fixture().inav.get("0:1", "...");
    expect(r.shape).toEqual([5, 5, 6]);
    expect(r.navIndexes).toEqual([0]);
    expect(axesOf(r)).toEqual(["nav1@0", "s0@1", "s1@2"]);
  });

  it("isig[0, :]", () => {
    const r = fixture().isig.get(0, ":");
    expect(r.shape).toEqual([10, 5, 6]);
    expect(r.navIndexes).toEqual([0, 1]);
    expect(axesOf(r)).toEqual(["s1@2", "nav0@0", "nav1@1"]);
  });

  it("isig[0, 2]", () => {
    const r = fixture().isig.get(0, 2);
    expect(r.shape).toEqual([10, 5]);
    expect(r.navIndexes).toEqual([0, 1]);
    expect(axesOf(r)).toEqual(["nav0@0", "nav1@1"]);
  });

  it("vnav[0., :] equals inav[0, :]", () => {
    const d = fixture();
    expect(d.vnav.get(0, ":").equals(d.inav.get(0, ":"))).toBe(true);
    expect(d.vsig.get(2.2, Slice.of(1, 4)).equals(d.isig.get(2, "1:4"))).toBe(true);
  });

  it("the result is a calculated DataWithAxes keeping name, origin, labels and units", () => {
    const r = fixture().inav.get(0, 0);
    expect(r.constructor).toBe(DataWithAxes);
    expect(r.source).toBe(DataSource.calculated);
    expect([r.name, r.origin, r.labels, r.units]).toEqual(["x", "det", ["lab"], "V"]);
  });

  it("the first navigation slice of data without axes", () => {
    const d = new DataCalculated("n", { data: [NDArray.zeros([4, 3])], navIndexes: [0] });
    const r = warned(() => d.inav.get(0)).result;
    expect(r.shape).toEqual([3]);
    expect(r.navIndexes).toEqual([]);
    expect(r.dim).toBe(DataDim.Data1D);
  });

  it("no squeeze when the first length-1 dimension is of the other kind", () => {
    const d = new DataRaw("k", { data: [NDArray.zeros([1, 4, 5])], navIndexes: [0] });
    const r = warned(() => d.isig.get(2, ":")).result;
    expect(r.shape).toEqual([1, 5]);
    expect(r.navIndexes).toEqual([0]);
  });

  it("bad items are ModelIndexError", () => {
    const d = fixture();
    expect(errName(() => d.inav.get(0))).toBe("ModelIndexError");
    expect(errName(() => d.inav.get(0, 1, 2))).toBe("ModelIndexError");
    expect(errName(() => d.inav.get(10, 0))).toBe("ModelIndexError");
    expect(errName(() => d.inav.get("...", "..."))).toBe("ModelIndexError");
    expect(errName(() => d.inav.get(0.5, 0))).toBe("ModelIndexError");
  });

  it("setting through a slicer writes into every array", () => {
    const d = new DataRaw("w", { data: [NDArray.zeros([3, 4]), NDArray.zeros([3, 4])], navIndexes: [0] });
    d.isig.set([1], 7);
    expect(d.at(1).index(":", 1).toNumbers()).toEqual([7, 7, 7]);
    d.inav.set(2, NDArray.from("float64", [4], [1, 2, 3, 4]));
    expect(d.at(0).index(2).toNumbers()).toEqual([1, 2, 3, 4]);
    const src = new DataRaw("s", { data: [NDArray.full([3], 5), NDArray.full([3], 6)] });
    d.isig.set(0, src);
    expect(d.at(0).index(":", 0).toNumbers()).toEqual([5, 5, 5]);
    expect(d.at(1).index(":", 0).toNumbers()).toEqual([6, 6, 6]);
    expect(errName(() => d.isig.set(0, NDArray.zeros([2])))).toBe("ModelValueError");
  });

  it("take slices as get does, the other kind's axes keeping their values' arrays instead of copies", () => {
    // Axes holding arrays (not linear), so that keeping or copying them shows.
    const curved = (label: string, n: number, index: number) => new Axis(label, "", NDArray.from("float64", [n], Array.from({ length: n }, (_, i) => i * i + index)), { index });
    const source = (): DataRaw => new DataRaw("x", {
      data: [NDArray.arange(1500, undefined, 1, "float64").reshape([10, 5, 5, 6])],
      navIndexes: [0, 1],
      axes: [curved("nav0", 10, 0), curved("nav1", 5, 1), curved("s0", 5, 2), curved("s1", 6, 3)],
    });
    const cases: [kind: "inav" | "isig", items: (number | string | Slice)[]][] = [
      ["inav", [0, ":"]], ["inav", [0, 2]], ["inav", ["0:3", Slice.of(2, 4)]], ["inav", ["0:1", "..."]], ["isig", [1, "2:5"]], ["isig", ["0:1", 3]],
    ];
    for (const [kind, items] of cases) {
      const copiedFrom = source();
      const copied = copiedFrom[kind].get(...items);
      const takenFrom = source();
      const values = new Map(takenFrom.axes.map((a) => [a.label, a.data]));
      const taken = takenFrom[kind].take(...items);
      const what = `${kind}[${items.join(", ")}]`;
      expect(taken.shape, what).toEqual(copied.shape);
      expect(taken.navIndexes, what).toEqual(copied.navIndexes);
      expect(axesOf(taken), what).toEqual(axesOf(copied));
      expect(taken.axes.map((a) => a.getData().toNumbers()), what).toEqual(copied.axes.map((a) => a.getData().toNumbers()));
      expect(taken.data.map((a) => a.toNumbers()), what).toEqual(copied.data.map((a) => a.toNumbers()));
      // The axes not sliced hold the source's arrays in take's result, copies in get's.
      const others = (kind === "inav" ? ["s0", "s1"] : ["nav0", "nav1"]).filter((l) => taken.axes.some((a) => a.label === l));
      expect(others.length, what).toBeGreaterThan(0);
      for (const label of others) {
        expect(taken.axes.find((a) => a.label === label)!.data, `${what} ${label}`).toBe(values.get(label));
        const copy = copied.axes.find((a) => a.label === label)!.data;
        expect(copy === copiedFrom.axes.find((a) => a.label === label)!.data, `${what} ${label}`).toBe(false);
      }
    }
  });

  it("an axis kept by the slice is the sliced axis", () => {
    const d = new DataRaw("a", { data: [NDArray.zeros([5, 3])], navIndexes: [0], axes: [new Axis("t", "s", NDArray.from("float64", [5], [0, 1, 5, 6, 9]), { index: 0 })] });
    expect(d.inav.get("1:4").axes[0]?.getData().toNumbers()).toEqual([1, 5, 6]);
  });
});
