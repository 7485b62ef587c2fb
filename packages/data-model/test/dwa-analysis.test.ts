// The analysis methods of DataWithAxes against pymodaq_data's code, run with NumPy.
import { describe, expect, it } from "vitest";
import {
  Axis, DataCalculated, DataDistribution, DataRaw, NDArray, isDataDimError, isModelIndexError, isModelValueError,
} from "../src/index.js";
import { errName, f64, linAxis } from "./fixtures.js";
import { numpy } from "./numpy.js";

const numbers = (a: NDArray): number[] => a.toNumbers();

describe("DataWithAxes.transpose", () => {
  it("transposes 2-D arrays and errors in place and swaps the axes of index 0 and 1", () => {
    const data = NDArray.arange(12).reshape([3, 4]);
    const dwa = new DataRaw("img", {
      data: [data, data.copy()],
      axes: [new Axis("y", "mm", [0, 1, 3], { index: 0 }), new Axis("x", "s", f64([0, 2, 4, 6]), { index: 1 })],
      errors: [NDArray.full([3, 4], 0.5), NDArray.full([3, 4], 1)],
    });
    const ref = numpy<number[][]>("out = np.arange(12).reshape(3, 4).T.tolist()");
    dwa.transpose();
    expect(dwa.shape).toEqual([4, 3]);
    expect(dwa.at(0).toNested()).toEqual(ref.map((row) => row.map((v) => BigInt(v))));
    expect(dwa.getAxisFromIndex(0)[0]?.label).toBe("x");
    expect(dwa.getAxisFromIndex(1)[0]?.label).toBe("y");
    expect(dwa.errors?.[1]?.shape).toEqual([4, 3]);
    expect(dwa.dim.name).toBe("Data2D");
    expect(dwa.getDataDimension()).toBe("(|4, 3)");
  });

  it("leaves data that is not Data2D alone, as the original", () => {
    const dwa = new DataRaw("line", { data: [f64([1, 2, 3])] });
    dwa.transpose();
    expect(numbers(dwa.at(0))).toEqual([1, 2, 3]);
  });
});

describe("DataWithAxes.sortData", () => {
  const x = [3, -1, 2.5, 0, 7];
  const rows = [[1, 2], [3, 4], [5, 6], [7, 8], [9, 10]];
  const make = (): DataRaw =>
    new DataRaw("d", { data: [NDArray.fromNested(rows, "float64")], axes: [new Axis("x", "mm", x, { index: 0 }), linAxis("sig", 2, 1)] });

  it("reorders the data along the axis and sorts the axis, as argsort does, on a copy by default", () => {
    const ref = numpy<{ order: number[]; data: number[][] }>(
      "i = np.argsort(inp['x'])\nout = dict(order=np.array(inp['x'])[i].tolist(), data=np.array(inp['rows'])[i, ...].tolist())", { x, rows });
    const dwa = make();
    const sorted = dwa.sortData(0);
    expect(sorted).not.toBe(dwa);
    expect(numbers((sorted.getAxisFromIndex(0)[0] as Axis).getData())).toEqual(ref.order);
    expect(sorted.at(0).toNested()).toEqual(ref.data);
    expect(numbers((dwa.getAxisFromIndex(0)[0] as Axis).getData())).toEqual(x);
    expect(dwa.sortData(0, 0, true)).toBe(dwa);
    expect(dwa.at(0).toNested()).toEqual(ref.data);
  });

  it("sorts spread data by the chosen spread axis and reorders every spread axis", () => {
    const sx = [2, 0, 1, 3];
    const sy = [10, 30, 20, 0];
    const dwa = new DataRaw("spread", {
      distribution: DataDistribution.spread,
      data: [NDArray.fromNested([[1, 1], [2, 2], [3, 3], [4, 4]], "float64")],
      navIndexes: [0],
      axes: [new Axis("sx", "", sx, { index: 0, spreadOrder: 0 }), new Axis("sy", "", sy, { index: 0, spreadOrder: 1 }), linAxis("sig", 2, 1)],
    });
    const byY = dwa.sortData(0, 1);
    const ref = numpy<{ x: number[]; y: number[]; d: number[] }>(
      "i = np.argsort(inp['sy'])\nout = dict(x=np.array(inp['sx'])[i].tolist(), y=np.array(inp['sy'])[i].tolist(), d=[1 + int(k) for k in i])", { sx, sy });
    expect(numbers((byY.getAxisFromIndexSpread(0, 1) as Axis).getData())).toEqual(ref.y);
    expect(numbers((byY.getAxisFromIndexSpread(0, 0) as Axis).getData())).toEqual(ref.x);
    expect(numbers(byY.at(0).index(":", 0))).toEqual(ref.d);
  });

  it("changes nothing without an axis at that index", () => {
    const dwa = new DataRaw("d", { data: [NDArray.fromNested(rows, "float64")] });
    expect(dwa.sortData(1).at(0).toNested()).toEqual(rows);
  });
});

describe("DataWithAxes.cropAtAlong", () => {
  it("crops each signal dimension between the indexes of two axis values", () => {
    const dwa = new DataRaw("spectra", {
      data: [NDArray.arange(40).reshape([4, 10])],
      navIndexes: [0],
      axes: [linAxis("nav", 4, 0), new Axis("wl", "nm", NDArray.linspace(400, 490, 10), { index: 1 })],
    });
    const cropped = dwa.cropAtAlong([[420, 460]]);
    expect(cropped.shape).toEqual([4, 4]);
    expect(numbers((cropped.getAxisFromIndex(1)[0] as Axis).getData())).toEqual([420, 430, 440, 450]);
    expect(numbers(cropped.at(0).index(0))).toEqual([2, 3, 4, 5]);
    expect(isModelIndexError(captured(() => dwa.cropAtAlong([[0, 1], [0, 1]])))).toBe(true);
  });
});

describe("DataWithAxes.moment", () => {
  it("gives pymodaq_utils' my_moment mean and std per array, as DataCalculated 'mean' and 'std'", () => {
    const x = [0, 0.5, 1.1, 1.5, 2, 2.4, 3];
    const y = [[0, 1, 4, 9, 4, 1, 0], [1, 2, 1, 0.5, 0.25, 0, 0]];
    const ref = numpy<number[][]>(`
def my_moment(x, y):
    dx = np.mean(np.diff(x))
    norm = np.sum(y) * dx
    m = [np.sum(x * y) * dx / norm]
    m.extend([np.sqrt(np.sum((x - m[0]) ** 2 * y) * dx / norm)])
    return m
out = [[float(v) for v in my_moment(np.array(inp['x']), np.array(yy))] for yy in inp['y']]`, { x, y });
    const dwa = new DataRaw("peak", { data: y.map(f64), axes: [new Axis("t", "s", x)] });
    const [mean, std] = dwa.moment();
    expect(mean).toBeInstanceOf(DataCalculated);
    expect([mean.name, std.name]).toEqual(["mean", "std"]);
    expect(mean.data.map((a) => a.numberAt(0))).toEqual(ref.map((m) => m[0]));
    expect(std.data.map((a) => a.numberAt(0))).toEqual(ref.map((m) => m[1]));
  });

  it("is only for Data1D (DataDimError), and needs the axis", () => {
    expect(isDataDimError(captured(() => new DataRaw("img", { data: [NDArray.zeros([2, 3])] }).moment()))).toBe(true);
    expect(errName(() => new DataRaw("line", { data: [f64([1, 2, 3])] }).moment())).toBe("ModelIndexError");
  });
});

describe("DataWithAxes.interp", () => {
  it("equals numpy.interp at the new axis values, with left/right, and keeps labels and units", () => {
    const xp = [0, 1, 2.5, 4];
    const fp = [[1, 3, 2, 8], [0, -1, -4, 2]];
    const xs = [-1, 0, 0.3, 1, 2, 3.99, 4, 5];
    const ref = numpy<{ plain: number[][]; edges: number[][] }>(`
xs, xp = inp['xs'], inp['xp']
out = dict(plain=[np.interp(xs, xp, f).tolist() for f in inp['fp']],
           edges=[np.interp(xs, xp, f, left=-10, right=10).tolist() for f in inp['fp']])`, { xp, fp, xs });
    const dwa = new DataRaw("sig", { data: fp.map(f64), axes: [new Axis("x", "mm", xp)], labels: ["a", "b"], units: "V" });
    const out = dwa.interp(xs);
    expect(out).toBeInstanceOf(DataCalculated);
    expect(out.name).toBe("sig_interp");
    expect(out.data.map(numbers)).toEqual(ref.plain);
    expect(out.labels).toEqual(["a", "b"]);
    expect(out.units).toBe("V");
    const axis = out.getAxisFromIndex(0)[0] as Axis;
    expect([axis.label, axis.units, numbers(axis.getData())]).toEqual(["x", "mm", xs]);
    const newAxis = new Axis("x", "mm", Float64Array.from(xs));
    const edges = dwa.interp(newAxis, { left: -10, right: 10 });
    expect(edges.data.map(numbers)).toEqual(ref.edges);
    expect(edges.getAxisFromIndex(0)[0]).toBe(newAxis);
  });

  it("interpolates complex data part by part, and refuses what the original refuses", () => {
    const ref = numpy<number[][]>("out = c(np.interp([0.5, 1.5], [0, 1, 2], np.array([1, 2j, 3 + 1j])))");
    const dwa = new DataRaw("z", { data: [NDArray.from("complex128", [3], [{ re: 1, im: 0 }, { re: 0, im: 2 }, { re: 3, im: 1 }])], axes: [new Axis("x", "", [0, 1, 2])] });
    const z = dwa.interp([0.5, 1.5]).at(0);
    expect([0, 1].map((i) => [z.data[2 * i], z.data[2 * i + 1]])).toEqual(ref);
    expect(isModelValueError(captured(() => new DataRaw("img", { data: [NDArray.zeros([2, 3])] }).interp([0])))).toBe(true);
    expect(errName(() => dwa.interp([0], { period: 1 } as never))).toBe("ModelTypeError");
  });
});

describe("DataWithAxes.ft / ift", () => {
  it("equal pymodaq_data's ft: centred FFT of each array, axis made of ftAxis_time's omega grid", () => {
    const n = 12;
    const t = Array.from({ length: n }, (_, i) => -1 + 0.25 * i);
    const sig = t.map((v) => Math.exp(-v * v) * Math.cos(3 * v));
    const ref = numpy<{ ft: number[][]; ift: number[][]; omega: number[] }>(`
x = np.array(inp['sig'])
t = np.array(inp['t'])
n = len(t)
time_max = abs((t[0] + n * (t[1] - t[0])) - t[0])   # Axis.max() of a linear axis: offset + size * scaling
omega_max = (n - 1) / 2 * 2 * np.pi / time_max
out = dict(ft=c(np.fft.fftshift(np.fft.fft(np.fft.fftshift(x)))), ift=c(np.fft.fftshift(np.fft.ifft(np.fft.fftshift(x)))),
           omega=np.linspace(-omega_max, omega_max, n).tolist())`, { sig, t });
    const dwa = new DataRaw("pulse", { data: [f64(sig)], axes: [new Axis("time", "s", f64(t))], units: "V" });
    const ft = dwa.ft();
    expect(ft).toBeInstanceOf(DataRaw);
    expect(ft.source.name).toBe("calculated");
    expect(ft.at(0).dtype).toBe("complex128");
    const got = Array.from({ length: n }, (_, i) => [ft.at(0).data[2 * i] as number, ft.at(0).data[2 * i + 1] as number]);
    got.forEach(([re, im], i) => {
      expect(re).toBeCloseTo(ref.ft[i]?.[0] as number, 12);
      expect(im).toBeCloseTo(ref.ft[i]?.[1] as number, 12);
    });
    const axis = ft.getAxisFromIndex(0)[0] as Axis;
    expect(axis.label).toBe("ft(time)");
    expect(axis.units).toBe("rad/s");
    numbers(axis.getData()).forEach((w, i) => expect(w).toBeCloseTo(ref.omega[i] as number, 12));
    const ift = dwa.ift(0, { axisLabel: "omega", axisUnits: "rad/fs", labels: ["E"] });
    const back = ift.at(0);
    Array.from({ length: n }, (_, i) => i).forEach((i) => {
      expect(back.data[2 * i]).toBeCloseTo(ref.ift[i]?.[0] as number, 13);
      expect(back.data[2 * i + 1]).toBeCloseTo(ref.ift[i]?.[1] as number, 13);
    });
    expect([(ift.getAxisFromIndex(0)[0] as Axis).label, (ift.getAxisFromIndex(0)[0] as Axis).units, ift.labels]).toEqual(["omega", "rad/fs", ["E"]]);
    expect((ft.ift().getAxisFromIndex(0)[0] as Axis).units).toBe("s");
    expect(numbers(dwa.at(0))).toEqual(sig);
  });

  it("transforms along the requested dimension of n-d data and needs an axis there", () => {
    const dwa = new DataRaw("nd", { data: [NDArray.arange(24).reshape([4, 6])], navIndexes: [0], axes: [linAxis("n", 4, 0), linAxis("s", 6, 1)] });
    const ref = numpy<number[][][]>("a = np.arange(24).reshape(4, 6)\nout = c(np.fft.fftshift(np.fft.fft(np.fft.fftshift(a, axes=1), axis=1), axes=1))");
    const ft = dwa.ft(1);
    expect(ft.shape).toEqual([4, 6]);
    expect((ft.getAxisFromIndex(1)[0] as Axis).label).toBe("ft(s)");
    expect((ft.getAxisFromIndex(0)[0] as Axis).label).toBe("n");
    ref.forEach((row, r) => row.forEach(([re, im], k) => {
      expect(ft.at(0).data[2 * (r * 6 + k)]).toBeCloseTo(re as number, 10);
      expect(ft.at(0).data[2 * (r * 6 + k) + 1]).toBeCloseTo(im as number, 10);
    }));
    expect(errName(() => new DataRaw("bare", { data: [f64([1, 2, 3, 4])] }).ft())).toBe("ModelIndexError");
  });
});

/** The error `fn` throws (undefined when none). */
function captured(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}
