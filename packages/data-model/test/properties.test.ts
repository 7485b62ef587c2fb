// Property-based tests (fast-check): construction and validation over random inputs.
// Invalid inputs must throw the package's documented error classes, never a bare TypeError.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  Axis, DataDim, DataRaw, DataToExport, DataWithAxes, NDArray, captureWarnings, compareCodePoints, enumChecker,
  isDataLengthError, isDataModelError, squeeze, type Dtype,
} from "../src/index.js";

const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 300);
const shapeArb = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 });
const dtypeArb = fc.constantFrom<Dtype>("int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64", "float32", "float64", "complex64", "complex128", "bool");
const anyValue = fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(null), fc.constant(undefined), fc.boolean(), fc.bigInt(), fc.array(fc.integer(), { maxLength: 3 }), fc.object());

/** Runs `fn`; a thrown error must be one of the model's typed errors. */
function modelErrorsOnly(fn: () => void): boolean {
  try {
    captureWarnings(fn);
    return true;
  } catch (e) {
    if (!isDataModelError(e)) throw e;
    return false;
  }
}

describe("NDArray properties", () => {
  it("from/zeros give consistent size, lanes and C-order element access", () => {
    fc.assert(fc.property(dtypeArb, shapeArb, (dtype, shape) => {
      const a = NDArray.zeros(shape, dtype);
      const size = shape.reduce((p, s) => p * s, 1);
      expect(a.size).toBe(size);
      expect(a.data.length).toBe(size * (dtype.startsWith("complex") ? 2 : 1));
      const flat = a.reshape([size]);
      expect(flat.data).toBe(a.data);
      const last = shape.map((s) => s - 1);
      a.set(last, 1);
      expect(a.numberAt(size - 1)).toBe(1);
    }), { numRuns: NUM_RUNS });
  });

  it("index with random items returns the NumPy shape or a typed error", () => {
    const itemArb = fc.oneof(fc.integer({ min: -6, max: 6 }), fc.constant(":"), fc.constant("..."), fc.tuple(fc.option(fc.integer({ min: -6, max: 6 })), fc.option(fc.integer({ min: -6, max: 6 })), fc.option(fc.integer({ min: -3, max: 3 }))).map(([a, b, c]) => `${a ?? ""}:${b ?? ""}:${c ?? ""}`));
    fc.assert(fc.property(shapeArb, fc.array(itemArb, { maxLength: 5 }), (shape, items) => {
      const a = NDArray.arange(shape.reduce((p, s) => p * s, 1)).reshape(shape);
      modelErrorsOnly(() => {
        const r = a.index(...items);
        const ints = items.filter((i) => typeof i === "number").length;
        expect(r.ndim).toBe(shape.length - ints);
        if (r.size > 0) expect(r.toNumbers().every((v) => v >= 0 && v < a.size)).toBe(true);
      });
    }), { numRuns: NUM_RUNS });
  });

  it("squeeze removes exactly the length-1 dimensions and stays at least 1-D", () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 5 }), (shape) => {
      const s = squeeze(NDArray.zeros(shape)).shape;
      const kept = shape.filter((x) => x !== 1);
      expect(s).toEqual(kept.length === 0 ? [1] : kept);
    }), { numRuns: NUM_RUNS });
  });
});

describe("enum properties", () => {
  it("enumChecker accepts exactly the names, in any case", () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.constantFrom("data0d", "DATA1D", "Data2D", "datand", "Data3D")), (text) => {
      const match = DataDim.names().find((n) => n.toLowerCase() === text.toLowerCase());
      if (match === undefined) expect(() => enumChecker(DataDim, text)).toThrow(expect.objectContaining({ name: "ModelValueError" }));
      else expect(enumChecker(DataDim, text).name).toBe(match);
    }), { numRuns: NUM_RUNS });
  });
});

describe("Axis properties", () => {
  it("linear data is detected and reproduced by getData", () => {
    fc.assert(fc.property(
      fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.double({ min: 1e-3, max: 1e2, noNaN: true }), fc.integer({ min: 2, max: 200 }),
      (offset, step, n) => {
        const data = NDArray.from("float64", [n], Array.from({ length: n }, (_, i) => offset + step * i));
        const ax = new Axis({ data });
        expect(ax.data).toBeNull();
        expect(ax.size).toBe(n);
        const back = ax.getData().toNumbers();
        back.forEach((v, i) => expect(v).toBeCloseTo(data.numberAt(i), 6));
        expect(ax.offsetKind).toBe("float64");
      },
    ), { numRuns: NUM_RUNS });
  });

  it("random constructor arguments construct or throw typed errors", () => {
    fc.assert(fc.property(anyValue, anyValue, anyValue, anyValue, (label, units, index, size) => {
      modelErrorsOnly(() => {
        const ax = new Axis({ label: label as string, units: units as string, index: index as number, size: size as number });
        expect(typeof ax.label).toBe("string");
        expect(Number.isInteger(ax.index) && ax.index >= 0).toBe(true);
      });
    }), { numRuns: NUM_RUNS });
  });
});

describe("DataWithAxes construction properties", () => {
  const axisArb = fc.record({
    index: fc.integer({ min: -1, max: 4 }),
    size: fc.integer({ min: 1, max: 5 }),
    spreadOrder: fc.integer({ min: 0, max: 2 }),
    linear: fc.boolean(),
  });
  const dwaArb = fc.record({
    shape: shapeArb,
    dim: fc.option(fc.constantFrom("Data0D", "Data1D", "Data2D", "DataND", "data2d", "Data5D")),
    navIndexes: fc.array(fc.integer({ min: -1, max: 4 }), { maxLength: 3 }),
    distribution: fc.constantFrom("uniform", "spread", "SPREAD", "grid"),
    axes: fc.array(axisArb, { maxLength: 4 }),
    length: fc.integer({ min: 1, max: 3 }),
  });

  it("random shapes, dims, nav indexes, axes and distributions: valid objects or typed errors", () => {
    fc.assert(fc.property(dwaArb, (p) => {
      modelErrorsOnly(() => {
        const axes = p.axes.map((a) => new Axis({
          label: `ax${a.index}`,
          index: Math.max(0, a.index),
          spreadOrder: a.spreadOrder,
          data: a.linear ? NDArray.arange(0, a.size, 1, "float64") : NDArray.from("float64", [a.size], Array.from({ length: a.size }, (_, i) => i * i)),
        }));
        const dwa = new DataRaw("p", {
          data: Array.from({ length: p.length }, () => NDArray.zeros(p.shape)),
          dim: p.dim, navIndexes: p.navIndexes, distribution: p.distribution, axes,
        });
        const ndim = p.shape.length;
        expect([...dwa.navIndexes, ...dwa.sigIndexes].sort()).toEqual(p.shape.map((_, k) => k));
        expect(dwa.labels.length).toBeGreaterThanOrEqual(p.length);
        if (dwa.navIndexes.length > 0) expect(dwa.dim).toBe(DataDim.DataND);
        else if (dwa.axes.length !== ndim) expect(dwa.dim).toBe(DataDim.fromDataArray(dwa.at(0)));
        if (dwa.distribution.name === "uniform") {
          for (const ax of dwa.axes) if (ax.data === null) expect(ax.size).toBe(p.shape[ax.index]);
        }
        expect(dwa.getDataDimension()).toMatch(/^\(.*\|.*\)$/);
        expect(dwa.equals(dwa.deepcopy())).toBe(true);
      });
    }), { numRuns: NUM_RUNS });
  });

  it("spread: DataLengthError exactly when a navigation axis length is neither 1 nor N", () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 8 }), fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 3 }), (n, sizes) => {
      const axes = sizes.map((s, k) => new Axis({ label: `n${k}`, index: 0, spreadOrder: k, data: NDArray.from("float64", [s], Array.from({ length: s }, (_, i) => i * i)) }));
      const bad = sizes.some((s) => s !== 1 && s !== n);
      let caught: unknown = null;
      try {
        new DataRaw("s", { data: [NDArray.zeros([n, 3])], distribution: "spread", navIndexes: [0], axes });
      } catch (e) {
        caught = e;
      }
      expect(isDataLengthError(caught)).toBe(bad);
      if (!bad) expect(caught).toBeNull();
    }), { numRuns: NUM_RUNS });
  });

  it("random data arguments: wrapped, validated or typed errors", () => {
    fc.assert(fc.property(fc.oneof(anyValue, fc.array(fc.oneof(anyValue, shapeArb.map((s) => NDArray.zeros(s))), { maxLength: 3 })), anyValue, anyValue, (data, source, labels) => {
      modelErrorsOnly(() => {
        const d = new DataWithAxes("x", { data: data as never, source: source as never, labels: labels as never });
        expect(d.length).toBeGreaterThan(0);
      });
    }), { numRuns: NUM_RUNS });
  });
});

describe("DataToExport properties", () => {
  it("getDataFromDim is sorted by code point and stable", () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.string({ unit: "binary", maxLength: 3 }), fc.integer({ min: 1, max: 2 })), { maxLength: 8 }), (entries) => {
      const dwas = entries.map(([name, ndim], k) => new DataRaw(name, { data: [NDArray.zeros(ndim === 1 ? [2] : [2, 2])], origin: `o${k}` }));
      const dte = new DataToExport("t", { data: dwas });
      for (const dim of ["Data1D", "Data2D"] as const) {
        const got = dte.getDataFromDim(dim).data;
        const expected = dwas.filter((d) => d.dim.name === dim).sort((a, b) => compareCodePoints(a.name, b.name));
        expect(got).toEqual(expected);
        for (let i = 1; i < got.length; i++) {
          const prev = got[i - 1] as DataRaw;
          const cur = got[i] as DataRaw;
          expect(compareCodePoints(prev.name, cur.name)).toBeLessThanOrEqual(0);
          if (prev.name === cur.name) expect(dwas.indexOf(prev)).toBeLessThan(dwas.indexOf(cur));
        }
      }
      expect(dte.getDimPresents()).toEqual(DataDim.names().filter((n) => dwas.some((d) => d.dim.name === n)));
    }), { numRuns: NUM_RUNS });
  });

  it("append keeps at most one DWA per (name, origin) pair", () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.constantFrom("a", "b", "c"), fc.constantFrom("", "x", "y")), { maxLength: 12 }), (entries) => {
      const dte = new DataToExport("t");
      for (const [name, origin] of entries) dte.append(new DataRaw(name, { data: [NDArray.zeros([2])], origin }));
      const keys = dte.data.map((d) => `${d.origin}/${d.name}`);
      expect(new Set(keys.filter((k) => !k.startsWith("/"))).size).toBe(keys.filter((k) => !k.startsWith("/")).length);
    }), { numRuns: NUM_RUNS });
  });
});
