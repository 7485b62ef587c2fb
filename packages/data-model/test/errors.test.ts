import { describe, expect, it } from "vitest";
import {
  DataDimError, DataLengthError, DataShapeError, DataUnitError, ModelIndexError, ModelNotImplementedError,
  ModelTypeError, ModelValueError, isDataDimError, isDataLengthError, isDataModelError, isDataShapeError,
  isDataUnitError, isModelIndexError, isModelNotImplementedError, isModelTypeError, isModelValueError,
} from "../src/index.js";

describe("typed errors (data-model.md §2)", () => {
  const table = [
    [ModelTypeError, isModelTypeError, TypeError],
    [ModelValueError, isModelValueError, Error],
    [ModelIndexError, isModelIndexError, RangeError],
    [ModelNotImplementedError, isModelNotImplementedError, Error],
    [DataShapeError, isDataShapeError, Error],
    [DataLengthError, isDataLengthError, Error],
    [DataDimError, isDataDimError, Error],
    [DataUnitError, isDataUnitError, Error],
  ] as const;

  for (const [Cls, guard, Base] of table) {
    it(`${Cls.name} has its name tag, its guard and keeps the cause`, () => {
      const cause = new Error("root");
      const e = new Cls("msg", { cause });
      expect(e.name).toBe(Cls.name);
      expect(e).toBeInstanceOf(Base);
      expect(e.cause).toBe(cause);
      expect(guard(e)).toBe(true);
      expect(isDataModelError(e)).toBe(true);
      for (const [Other, otherGuard] of table) if (Other !== Cls) expect(otherGuard(e)).toBe(false);
    });
  }

  it("guards reject foreign errors that merely share the name", () => {
    const fake = new Error("x");
    fake.name = "DataShapeError";
    expect(isDataShapeError(fake)).toBe(false);
    expect(isDataModelError(new TypeError("x"))).toBe(false);
    expect(isDataModelError("DataShapeError")).toBe(false);
  });
});
