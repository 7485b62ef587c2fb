import { describe, expect, it } from "vitest";
import {
  DataCalculated, DataFromRoi, DataRaw, DataSource, DataWithAxes, checkUnits, divideUnits,
  isDataUnitError, isKnownUnit, multiplyUnits, unitConverter, unitsCompatible,
} from "../src/index.js";
import { acceptsBareNumbers } from "../src/units.js";
import { f64 } from "./fixtures.js";

describe("units (data-model.md §3) and data sources (data-model.md §10.7)", () => {
  it("D1 DataRaw / DataCalculated / DataFromRoi fix the source", () => {
    const raw = new DataRaw("r", { data: [f64([1])], source: "calculated" });
    expect(raw.source).toBe(DataSource.raw);
    expect(new DataCalculated("c", { data: [f64([1])] }).source).toBe(DataSource.calculated);
    expect(new DataFromRoi("c", { data: [f64([1])] }).source).toBe(DataSource.calculated);
    for (const d of [raw, new DataCalculated("c", { data: [f64([1])] }), new DataFromRoi("c", { data: [f64([1])] })]) {
      expect(d).toBeInstanceOf(DataWithAxes);
    }
  });

  it("D2 unit strings are kept as given (no pint-like validation), non-strings rejected", () => {
    expect(new DataRaw("r", { data: [f64([1])], units: "unknown_unit" }).units).toBe("unknown_unit");
    expect(new DataRaw("r", { data: [f64([1])], units: "ms" }).units).toBe("ms");
    expect(() => checkUnits(3)).toThrow(expect.objectContaining({ name: "ModelTypeError" }));
    expect(isKnownUnit("unknown_unit")).toBe(false);
    for (const u of ["", "m", "mm", "eV", "V", "µm", "%", "px", "degC", "m/s"]) expect(isKnownUnit(u)).toBe(true);
  });

  it("D3 sums convert the right operand to the left units", () => {
    const s = new DataRaw("s", { data: [f64([0, 1, 2])], units: "s" });
    const ms = new DataRaw("ms", { data: [f64([0, 1, 2])], units: "ms" });
    const a = s.add(ms);
    expect(a.units).toBe("s");
    expect(a.at(0).toNumbers()).toEqual([0, 1.001, 2.002].map((v) => expect.closeTo(v, 12)));
    const b = ms.add(s);
    expect(b.units).toBe("ms");
    expect(b.at(0).toNumbers()).toEqual([0, 1001, 2002].map((v) => expect.closeTo(v, 9)));
    let caught: unknown;
    try {
      s.add(new DataRaw("m", { data: [f64([0, 1, 2])], units: "m" }));
    } catch (e) {
      caught = e;
    }
    expect(isDataUnitError(caught)).toBe(true);
    expect(() => s.add(1)).toThrow(expect.objectContaining({ name: "DataUnitError" }));
    expect(new DataRaw("n", { data: [f64([1])] }).add(1).at(0).toNumbers()).toEqual([2]);
  });

  it("D4 unitsAs converts in place or on a copy", () => {
    const s = new DataRaw("s", { data: [f64([0, 1, 2])], units: "s" });
    const copy = s.unitsAs("ms", false);
    expect(copy).not.toBe(s);
    expect(copy.units).toBe("ms");
    expect(copy.at(0).toNumbers()).toEqual([0, 1000, 2000].map((v) => expect.closeTo(v, 9)));
    expect(s.units).toBe("s");
    expect(s.at(0).toNumbers()).toEqual([0, 1, 2]);
    const same = s.unitsAs("ms");
    expect(same).toBe(s);
    expect(s.units).toBe("ms");
    expect(s.at(0).toNumbers()).toEqual([0, 1000, 2000].map((v) => expect.closeTo(v, 9)));
    s.units = "s";
    expect(s.at(0).toNumbers()).toEqual([0, 1, 2].map((v) => expect.closeTo(v, 12)));
    s.forceUnits("V");
    expect(s.units).toBe("V");
    expect(() => s.unitsAs("m")).toThrow(expect.objectContaining({ name: "DataUnitError" }));
  });

  it("compatibility, conversion and unit algebra", () => {
    expect(unitsCompatible("mm", "m")).toBe(true);
    expect(unitsCompatible("m", "s")).toBe(false);
    expect(unitsCompatible("", "")).toBe(true);
    expect(unitsCompatible("", "m")).toBe(false);
    expect(unitsCompatible("a.u.", "a.u.")).toBe(true);
    expect(unitsCompatible("a.u.", "")).toBe(false);
    expect(unitConverter("mm", "um")(2)).toBeCloseTo(2000);
    expect(unitConverter("x", "x")(2)).toBe(2);
    expect(() => unitConverter("m", "s")).toThrow(expect.objectContaining({ name: "DataUnitError" }));
    expect(multiplyUnits("m", "s")).toBe("m * s");
    expect(multiplyUnits("", "s")).toBe("s");
    expect(divideUnits("m", "s")).toBe("m / s");
    expect(divideUnits("m", "m")).toBe("");
    expect(divideUnits("", "s")).toBe("1 / s");
    expect(acceptsBareNumbers("")).toBe(true);
    expect(acceptsBareNumbers("m")).toBe(false);
    expect(acceptsBareNumbers("a.u.")).toBe(true);
  });
});
