// Property: whatever DataWithAxes DataSaverLoader writes loads back equal (data, dtype, labels,
// units, axes, errors, extra attributes with their Python types), and DataExtendedSaver puts each
// point where its indexes say.
import { Axis, DataRaw, NDArray, NpScalar, PyTuple, type Dtype, type PyValue } from "@pymodaq-ts/data-model";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DataExtendedSaver, DataSaverLoader } from "../src/savers/index.js";
import { newFile, values } from "./savers.helpers.js";

const DTYPES: Dtype[] = ["float64", "float32", "int64", "int32", "int16", "uint8", "uint16"];

function array(dtype: Dtype, shape: number[], seed: number): NDArray {
  const n = shape.reduce((a, b) => a * b, 1);
  const big = dtype === "int64";
  return NDArray.from(dtype, shape, Array.from({ length: n }, (_, i) => (big ? BigInt((seed * 7 + i) % 200) : (seed * 7 + i) % 200)));
}

const extraValue: fc.Arbitrary<PyValue> = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer({ min: -9, max: 9 }), { maxLength: 3 }).map((a) => new PyTuple(a.map((x) => BigInt(x)))),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => new NpScalar("float64", x)),
);

const dwaSpec = fc.record({
  dtype: fc.constantFrom(...DTYPES),
  shape: fc.oneof(fc.tuple(fc.integer({ min: 2, max: 6 })), fc.tuple(fc.integer({ min: 2, max: 4 }), fc.integer({ min: 2, max: 5 }))),
  channels: fc.integer({ min: 1, max: 3 }),
  units: fc.constantFrom("", "V", "mm", "nm"),
  withErrors: fc.boolean(),
  linearAxis: fc.boolean(),
  extras: fc.dictionary(fc.stringMatching(/^x_[a-z]{1,6}$/), extraValue, { maxKeys: 3 }),
  seed: fc.integer({ min: 0, max: 1000 }),
});

type DwaSpec = typeof dwaSpec extends fc.Arbitrary<infer T> ? T : never;

function build(spec: DwaSpec): DataRaw {
  const shape = [...spec.shape];
  const axes = shape.map((len, index) => new Axis({
    label: `a${index}`, units: "s", index,
    data: spec.linearAxis ? NDArray.linspace(1, 2, len) : NDArray.from("float64", [len], Array.from({ length: len }, (_, i) => i * i)),
  }));
  const data = Array.from({ length: spec.channels }, (_, c) => array(spec.dtype, shape, spec.seed + c));
  return new DataRaw("rt", {
    data, units: spec.units, axes, timestamp: 1700000000.25 + spec.seed,
    labels: data.map((_, c) => `L${c}`),
    errors: spec.withErrors ? data.map((_, c) => array(spec.dtype, shape, spec.seed + 10 + c)) : null,
    extraAttributes: spec.extras,
  });
}

describe("round trips through the savers", () => {
  it("DataSaverLoader: addData then loadData(loadAll) gives an equal DataWithAxes", () => {
    fc.assert(fc.property(dwaSpec, (spec) => {
      const file = newFile();
      try {
        const dwa = build(spec);
        const saver = new DataSaverLoader(file.h5);
        saver.addData("/RawData", dwa);
        const loaded = saver.loadData("/RawData/Data00", { loadAll: true });
        expect(loaded.equals(dwa)).toBe(true);
        expect(loaded.data[0]?.dtype).toBe(spec.dtype);
        expect(loaded.labels).toEqual(dwa.labels);
        expect(loaded.units).toBe(spec.units);
        expect(loaded.timestamp).toBe(dwa.timestamp);
        for (const [k, v] of Object.entries(spec.extras)) expect(loaded.extraAttributes.get(k)).toEqual(v);
      } finally {
        file.cleanup();
      }
    }), { numRuns: 30 });
  });

  it("DataExtendedSaver: every point lands at its indexes", () => {
    fc.assert(fc.property(
      fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 })),
      fc.integer({ min: 1, max: 5 }),
      (ext, len) => {
        const file = newFile();
        try {
          const saver = new DataExtendedSaver(file.h5, ext);
          const written = new Map<number, number[]>();
          for (let ix = 0; ix < ext[0]; ix++) {
            for (let iy = 0; iy < ext[1]; iy += 2) {
              const v = Array.from({ length: len }, (_, i) => 100 * ix + 10 * iy + i + 1);
              saver.addData("/RawData", new DataRaw("p", { data: [NDArray.from("float64", [len], v)] }), [ix, iy]);
              written.set(ix * ext[1] + iy, v);
            }
          }
          const all = values(file.h5, "/RawData/Data00");
          for (let p = 0; p < ext[0] * ext[1]; p++) {
            expect(all.slice(p * len, (p + 1) * len)).toEqual(written.get(p) ?? new Array(len).fill(0));
          }
        } finally {
          file.cleanup();
        }
      },
    ), { numRuns: 20 });
  });
});
