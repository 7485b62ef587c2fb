// data-model.md §8: what the HDF5 savers and loaders need from the model, exercised the way they use it.
import { describe, expect, it } from "vitest";
import {
  Axis, DataDim, DataRaw, DataToExport, DataType, DataWithAxes, GroupType, NDArray, NpScalar, SaveType, enumChecker, squeeze,
} from "../src/index.js";
import { f64, linAxis, warned } from "./fixtures.js";

/** What a loader does: rebuild an Axis from the written array and attributes (file-format.md §6.3). */
const reload = (ax: Axis): Axis =>
  new Axis(ax.label, ax.units, squeeze(ax.getData().copy()), { index: ax.index, spreadOrder: ax.spreadOrder });

describe("the model as the savers use it (data-model.md §8)", () => {
  it("enum names and values written to files", () => {
    expect(DataType.members().map((m) => [m.name, m.value])).toContainEqual(["error", "ErrorBar"]);
    expect(enumChecker(DataType, "axis")).toBe(DataType.axis);
    expect(GroupType.ch.name).toBe("ch");
    expect(SaveType.logger.name).toBe("logger");
    expect(DataDim.DataND.name).toBe("DataND");
  });

  it("axis attributes: offset and scaling with their Python types", () => {
    expect(new Axis({ data: f64([0, 0.1, 0.2]) }).offsetPy()).toEqual(new NpScalar("float64", 0));
    expect(new Axis({ data: NDArray.fromNested([0, 1, 2]) }).offsetPy()).toEqual(new NpScalar("int64", 0n));
    expect(new Axis({ data: f64([5]) }).scalingPy()).toBe(1n);
    expect(new Axis({ data: f64([1, 2, 4]) }).offsetPy()).toBeNull();
    expect(new Axis({ offset: 0.5, scaling: 2n, size: 2 }).offsetPy()).toBe(0.5);
    expect(new Axis({ offset: 0.5, scaling: 2n, size: 2 }).scalingPy()).toBe(2n);
  });

  it("getData is float64 for a linear axis even from integer data; stored dtype otherwise", () => {
    expect(new Axis({ data: NDArray.fromNested([0, 1, 2]) }).getData().dtype).toBe("float64");
    expect(new Axis({ data: NDArray.fromNested([0, 1, 5]) }).getData().dtype).toBe("int64");
  });

  it("an axis rebuilt from its written array equals the original", () => {
    for (const ax of [linAxis("x", 5, 1), new Axis("t", "s", f64([0, 1, 5]), { index: 0, spreadOrder: 2 }), new Axis("one", "m", f64([3]))]) {
      const back = reload(ax);
      expect(back.equals(ax)).toBe(true);
      expect(back.isAxisLinear()).toBe(ax.isAxisLinear());
      expect(back.spreadOrder).toBe(ax.spreadOrder);
    }
  });

  it("a DWA rebuilt from its fields equals the original, extra attributes in order", () => {
    const dwa = new DataRaw("mydata2D", {
      data: [NDArray.arange(6, undefined, 1, "float64").reshape([2, 3])],
      axes: [new Axis("y", "mm", f64([0, 0.5]), { index: 0 }), new Axis("x", "s", f64([1, 2, 4]), { index: 1 })],
      labels: ["ch"], units: "V", origin: "det", errors: [NDArray.full([2, 3], 0.1)],
      extraAttributes: { foo: 1n, bar: "b" },
    });
    expect(dwa.extraAttributeNames).toEqual(["foo", "bar"]);
    const back = new DataWithAxes(dwa.name, {
      source: dwa.source.name, distribution: dwa.distribution.name, dim: dwa.dim.name, labels: dwa.labels,
      origin: dwa.origin, units: dwa.units, navIndexes: [...dwa.navIndexes], timestamp: dwa.timestamp,
      data: dwa.data.map((a) => a.copy()), axes: dwa.axes.map(reload), errors: dwa.errors?.map((e) => e.copy()) ?? null,
      extraAttributes: dwa.extraAttributes,
    });
    expect(back.equals(dwa)).toBe(true);
    expect(back.timestamp).toBe(dwa.timestamp);
    expect([...back.extraAttributes]).toEqual([["foo", 1n], ["bar", "b"]]);
    const errors = dwa.errorsAsDwa();
    expect([errors.name, errors.source.name, errors.dim.name]).toEqual(["mydata2D_errors", "calculated", "Data2D"]);
  });

  it("the loader path: data loaded, axes re-assigned, dim recomputed, missing axes created", () => {
    const loaded = new DataWithAxes("d", { source: "raw", data: [NDArray.zeros([4, 3])], navIndexes: [0] });
    loaded.axes = [linAxis("sig", 3, 1)];
    loaded.getDimFromDataAxes();
    expect(loaded.dim).toBe(DataDim.DataND);
    warned(() => loaded.createMissingAxes());
    expect(loaded.axes.map((a) => a.index).sort()).toEqual([0, 1]);
  });

  it("DTE walk: dims present, then name-sorted channels", () => {
    const mk = (n: string, shape: number[]): DataRaw => new DataRaw(n, { data: [NDArray.zeros(shape)] });
    const dte = new DataToExport("mydte", { data: [mk("z2", [2, 2]), mk("b", [3]), mk("a", [3]), mk("s", [1]), mk("n", [2, 2, 2])] });
    const walk = dte.getDimPresents().map((dim) => [dim, dte.getDataFromDim(dim).getNames()]);
    expect(walk).toEqual([["Data0D", ["s"]], ["Data1D", ["a", "b"]], ["Data2D", ["z2"]], ["DataND", ["n"]]]);
  });

  it("inav(0) and pop, used by round-trip tests", () => {
    const d = new DataRaw("scan", { data: [NDArray.arange(12, undefined, 1, "float64").reshape([3, 4])], navIndexes: [0], axes: [linAxis("x", 4, 1)] });
    const first = d.inav.get(0);
    expect(first.at(0).toNumbers()).toEqual([0, 1, 2, 3]);
    expect(first.axes.map((a) => [a.label, a.index])).toEqual([["x", 0]]);
    const two = new DataRaw("two", { data: [f64([1, 2]), f64([3, 4])], labels: ["a", "b"] });
    expect(two.pop(1).labels).toEqual(["b"]);
  });

  it("NDArray buffers are C-order TypedArrays the HDF5 layer can write as they are", () => {
    const a = NDArray.arange(6, undefined, 1, "int64").reshape([2, 3]);
    expect(a.data).toBeInstanceOf(BigInt64Array);
    expect(a.data.length).toBe(6);
    expect(Array.from(a.index(1).data)).toEqual([3n, 4n, 5n]);
    expect(NDArray.zeros([2], "complex128").data.length).toBe(4);
  });
});
