import { describe, expect, it } from "vitest";
import {
  DataDim, DataDistribution, DataSource, DataType, DwaType, FileType, GroupType, NDArray, SaveType,
  enumChecker, enumEquals, isModelValueError, isPyEnum,
} from "../src/index.js";

describe("enums (data-model.md §1, §10.1)", () => {
  it("E1 DataDim.dimIndex is 0/1/2/3", () => {
    expect(DataDim.members().map((d) => d.dimIndex)).toEqual([0, 1, 2, 3]);
  });

  it("E2 DataDim comparisons follow dimIndex, with names accepted", () => {
    for (const a of DataDim.members()) {
      for (const b of DataDim.members()) {
        expect(a.lt(b)).toBe(a.dimIndex < b.dimIndex);
        expect(a.le(b)).toBe(a.dimIndex <= b.dimIndex);
        expect(a.gt(b)).toBe(a.dimIndex > b.dimIndex);
        expect(a.ge(b)).toBe(a.dimIndex >= b.dimIndex);
      }
    }
    expect(DataDim.Data1D.lt("Data2D")).toBe(true);
    expect(DataDim.Data1D.ge("data0d")).toBe(true);
    expect(() => DataDim.Data1D.lt("Data9D")).toThrow(/not a valid DataDim/);
  });

  it("E3 enumChecker(DataSource, 'calculated')", () => {
    expect(enumChecker(DataSource, "calculated")).toBe(DataSource.calculated);
  });

  it("E4 enumChecker(DataType, 'EnlData') throws ModelValueError (a value, not a name)", () => {
    let caught: unknown;
    try {
      enumChecker(DataType, "EnlData");
    } catch (e) {
      caught = e;
    }
    expect(isModelValueError(caught)).toBe(true);
  });

  it("E5 DataType.data_enlargeable value and name", () => {
    expect(DataType.data_enlargeable.value).toBe("EnlData");
    expect(DataType.data_enlargeable.name).toBe("data_enlargeable");
  });

  it("E6 DataType.data value and name", () => {
    expect(DataType.data.value).toBe("Data");
    expect(DataType.data.name).toBe("data");
  });

  it("E7 a member equals its name string, not its value", () => {
    expect(DataType.axis.is("axis")).toBe(true);
    expect(DataType.axis.is("Axis")).toBe(false);
    expect(enumEquals("axis", DataType.axis)).toBe(true);
    expect(enumEquals(DataType.axis, "axis")).toBe(true);
    expect(enumEquals("Axis", DataType.axis)).toBe(false);
    expect(enumEquals(DataType.axis, DataType.axis)).toBe(true);
    expect(enumEquals(DataType.axis, DataType.data)).toBe(false);
  });

  it("E8 GroupType.names() in declaration order", () => {
    expect(GroupType.names()).toEqual(["detector", "actuator", "data", "ch", "scan", "external_h5", "data_dim", "data_logger"]);
  });

  it("E9 DataDim.fromDataArray of shapes (1,), (1,1), (2,3,4)", () => {
    expect(DataDim.fromDataArray(NDArray.zeros([1]))).toBe(DataDim.Data0D);
    expect(DataDim.fromDataArray(NDArray.zeros([1, 1]))).toBe(DataDim.Data2D);
    expect(DataDim.fromDataArray(NDArray.zeros([2, 3, 4]))).toBe(DataDim.DataND);
    expect(DataDim.fromDataArray(NDArray.zeros([5]))).toBe(DataDim.Data1D);
    expect(DataDim.fromDataArray(NDArray.zeros([0]))).toBe(DataDim.DataND);
  });

  it("enumChecker table of §1.2", () => {
    expect(enumChecker(DataSource, "raw")).toBe(DataSource.raw);
    expect(enumChecker(DataSource, "RAW")).toBe(DataSource.raw);
    expect(enumChecker(DataSource, DataSource.calculated)).toBe(DataSource.calculated);
    expect(enumChecker(DataDim, "data1d")).toBe(DataDim.Data1D);
    expect(enumChecker(DataType, "DATA")).toBe(DataType.data);
    for (const bad of [0, null, undefined, "nope", DataDistribution.uniform, {}]) {
      expect(() => enumChecker(DataSource, bad)).toThrow(expect.objectContaining({ name: "ModelValueError" }));
    }
  });

  it("names, values, toDict, toDictValue, fromName, fromValue", () => {
    expect(DataSource.names()).toEqual(["raw", "calculated"]);
    expect(DataSource.values()).toEqual([0, 1]);
    expect(DataDistribution.toDict()).toEqual({ uniform: 0, spread: 1 });
    expect(DataType.toDictValue()).toMatchObject({ Data: "data", Axis: "axis", ErrorBar: "error", EnlData: "data_enlargeable" });
    expect(DataSource.fromValue(0)).toBe(DataSource.raw);
    expect(DataDim.fromName("DataND")).toBe(DataDim.DataND);
    expect(() => DataDim.fromName("datand" as "DataND")).toThrow(expect.objectContaining({ name: "ModelValueError" }));
    expect(() => DataSource.fromValue(7)).toThrow(expect.objectContaining({ name: "ModelValueError" }));
    expect(DataSource.isMember(DataSource.raw)).toBe(true);
    expect(DataSource.isMember(DataDistribution.uniform)).toBe(false);
  });

  it("SaveType, DwaType and FileType values", () => {
    expect(SaveType.toDict()).toEqual({ scan: 0, detector: 1, logger: 2, custom: 3, actuator: 4 });
    expect(DwaType.toDict()).toEqual({ DataWithAxes: 0, DataRaw: 1, DataActuator: 2, DataFromPlugins: 3, DataCalculated: 4 });
    expect(FileType.toDict()).toEqual({ detector: 0, actuator: 1, axis: 2, scan: 3 });
    expect(GroupType.values()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it("members are frozen, print as their name, serialise as their name", () => {
    expect(Object.isFrozen(DataDim.Data2D)).toBe(true);
    expect(String(DataDim.Data2D)).toBe("Data2D");
    expect(`${DataSource.raw}`).toBe("raw");
    expect(JSON.stringify({ d: DataType.axis })).toBe('{"d":"axis"}');
    expect(isPyEnum(DataType.axis)).toBe(true);
    expect(isPyEnum("axis")).toBe(false);
  });
});
