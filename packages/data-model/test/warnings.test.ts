import { afterEach, describe, expect, it } from "vitest";
import {
  DataDimWarning, DataErrorsWarning, DataIndexWarning, DataSizeWarning, DataTypeWarning, captureWarnings, emitWarning,
  isDataDimWarning, isDataErrorsWarning, isDataIndexWarning, isDataSizeWarning, isDataTypeWarning, setWarningHandler,
  type DataModelWarning,
} from "../src/index.js";

describe("warnings channel (data-model.md §2)", () => {
  afterEach(() => {
    setWarningHandler(null);
  });

  it("is silent by default and delivers to one handler", () => {
    emitWarning(new DataDimWarning("nobody listens"));
    const got: DataModelWarning[] = [];
    expect(setWarningHandler((w) => got.push(w))).toBe(null);
    emitWarning(new DataSizeWarning("s"));
    expect(got.map((w) => w.name)).toEqual(["DataSizeWarning"]);
    expect(String(got[0])).toBe("DataSizeWarning: s");
  });

  it("captureWarnings collects and restores the previous handler", () => {
    const outer: string[] = [];
    setWarningHandler((w) => outer.push(w.name));
    const { result, warnings } = captureWarnings(() => {
      emitWarning(new DataIndexWarning("i"));
      return 3;
    });
    expect(result).toBe(3);
    expect(warnings.map((w) => w.name)).toEqual(["DataIndexWarning"]);
    emitWarning(new DataTypeWarning("t"));
    expect(outer).toEqual(["DataTypeWarning"]);
    expect(() => captureWarnings(() => {
      throw new Error("boom");
    })).toThrow("boom");
    emitWarning(new DataTypeWarning("t"));
    expect(outer).toEqual(["DataTypeWarning", "DataTypeWarning"]);
  });

  it("guards tell the kinds apart", () => {
    const all = [new DataDimWarning("a"), new DataSizeWarning("b"), new DataIndexWarning("c"), new DataTypeWarning("d"), new DataErrorsWarning("e")];
    const guards = [isDataDimWarning, isDataSizeWarning, isDataIndexWarning, isDataTypeWarning, isDataErrorsWarning];
    all.forEach((w, i) => guards.forEach((g, j) => expect(g(w)).toBe(i === j)));
  });

  it("rejects a handler that is not a function", () => {
    expect(() => setWarningHandler(3 as unknown as null)).toThrow(TypeError);
  });
});
