// The replay harness on its own: scenario validation, value rebuilding, step errors.
import { NpScalar, PyBytes, PyDict, PyRepr, PyTuple } from "@pymodaq-ts/data-model";
import { tempPath } from "@pymodaq-ts/test-support";
import { describe, expect, it } from "vitest";
import {
  isReplayStepError, isScenarioFormatError, isScenarioValueError, parseScenario, replayScenario, ReplayStepError,
} from "../src/tools/replay/index.js";
import { decodePyValue } from "../src/tools/replay/pyvalues.js";
import { decodeAxis, decodeNdArray, decodeValue } from "../src/tools/replay/values.js";
import { H5SaverLowLevel } from "../src/conventions/h5-saver-lowlevel.js";
import { thrown } from "./savers.helpers.js";

function outPath(): string {
  return tempPath("out.h5", "pymodaq-replay-unit");
}


const CLOCK = { now: "2024-01-02T03:04:05.678901", date: "2024-01-02", time: "03:04:05.678901" };

/** A minimal valid scenario: saver, init_file, then the given steps, then close_file. */
function scenario(steps: object[]): Record<string, unknown> {
  const all = [
    { op: "new", class: "H5SaverLowLevel", id: "h0", args: { save_type: "detector", backend: "tables" }, defaults: {} },
    {
      op: "call", class: "H5SaverLowLevel", id: "h0", method: "init_file",
      args: { file_name: { t: "Path", v: "recorded.h5" }, new_file: true, metadata: null },
      defaults: { raw_group_name: "RawData" }, clock: CLOCK, result: null,
    },
    ...steps,
    { op: "call", class: "H5SaverLowLevel", id: "h0", method: "close_file", args: {}, defaults: {}, result: null },
  ];
  return {
    format: "pymodaq-saver-scenario", format_version: 1, name: "unit", file_name: "recorded.h5",
    environment: { pymodaq_version: "4.9.9", pymodaq_data_version: "5.0.0" },
    steps: all.map((s, n) => ({ n, ...s })),
  };
}

const ndarray = (dtype: string, shape: number[], bytes: number[]): object =>
  ({ t: "ndarray", dtype, shape, encoding: "base64-le", data: Buffer.from(bytes).toString("base64") });

describe("parseScenario", () => {
  it("accepts a valid scenario and types its steps", () => {
    const s = parseScenario(scenario([]));
    expect(s.name).toBe("unit");
    expect(s.environment.pymodaqVersion).toBe("4.9.9");
    expect(s.steps[1]?.op).toBe("call");
    expect(s.steps[1]?.op === "call" && s.steps[1].clock?.time).toBe("03:04:05.678901");
  });

  it.each([
    ["another format", { ...scenario([]), format: "other" }],
    ["another version", { ...scenario([]), format_version: 2 }],
    ["no steps", { ...scenario([]), steps: [] }],
    ["a step out of order", { ...scenario([]), steps: [{ n: 1, op: "new", class: "X", id: "a" }] }],
    ["an unknown op", { ...scenario([]), steps: [{ n: 0, op: "delete", class: "X", id: "a" }] }],
    ["a step without class", { ...scenario([]), steps: [{ n: 0, op: "new", id: "a" }] }],
    ["not an object", 42],
  ])("rejects %s with ScenarioFormatError", (_label, doc) => {
    expect(isScenarioFormatError(thrown(() => parseScenario(doc)))).toBe(true);
  });
});

describe("recorded values", () => {
  it("keep their Python types", () => {
    expect(decodePyValue({ t: "int", v: 12 }, "x")).toBe(12n);
    expect(decodePyValue({ t: "int", v: "18446744073709551616" }, "x")).toBe(18446744073709551616n);
    expect(decodePyValue({ t: "float", v: 12 }, "x")).toBe(12);
    expect(decodePyValue({ t: "float", v: "NaN" }, "x")).toBeNaN();
    expect(decodePyValue({ t: "float", v: "-Infinity" }, "x")).toBe(-Infinity);
    expect(decodePyValue({ t: "numpy.float64", v: 2.5 }, "x")).toEqual(new NpScalar("float64", 2.5));
    expect(decodePyValue({ t: "numpy.int64", v: 7 }, "x")).toEqual(new NpScalar("int64", 7n));
    expect(decodePyValue({ t: "numpy.bool_", v: true }, "x")).toEqual(new NpScalar("bool_", true));
    expect(decodePyValue({ t: "bytes", v: "YWIA" }, "x")).toEqual(new PyBytes(new Uint8Array([97, 98, 0])));
    expect(decodePyValue({ t: "tuple", v: [{ t: "int", v: 1 }, "a"] }, "x")).toEqual(new PyTuple([1n, "a"]));
    expect(decodePyValue({ t: "dict", v: [["k", null]] }, "x")).toEqual(new PyDict([["k", null]]));
    expect(decodePyValue({ t: "datetime", v: "2023-05-06T07:08:09" }, "x")).toEqual(new PyRepr("datetime.datetime(2023, 5, 6, 7, 8, 9)"));
    expect(decodePyValue({ t: "time", v: "07:08:00" }, "x")).toEqual(new PyRepr("datetime.time(7, 8)"));
    expect(decodePyValue({ t: "enum", cls: "DataDistribution", v: "spread" }, "x")).toBe("spread");
  });

  it.each([
    ["an unknown tag", { t: "set", v: [] }],
    ["an int that is not one", { t: "int", v: 1.5 }],
    ["an unrecorded default", { t: "unrecorded", repr: "<object>" }],
    ["a bare number", 3],
    ["an unknown numpy type", { t: "numpy.float128", v: 1 }],
  ])("reject %s with ScenarioValueError", (_label, v) => {
    expect(isScenarioValueError(thrown(() => decodePyValue(v, "x")))).toBe(true);
  });

  it("rebuild arrays from little-endian base64 and check their byte count", () => {
    const a = decodeNdArray(ndarray("int32", [2], [1, 0, 0, 0, 255, 255, 255, 255]) as never, "x");
    expect(a.dtype).toBe("int32");
    expect(Array.from(a.data as Int32Array)).toEqual([1, -1]);
    expect(isScenarioValueError(thrown(() => decodeNdArray(ndarray("int32", [3], [1, 0, 0, 0]) as never, "x")))).toBe(true);
    expect(isScenarioValueError(thrown(() => decodeNdArray(ndarray("float128", [1], [0]) as never, "x")))).toBe(true);
  });

  it("rebuild a linear axis with the recorded offset/scaling types, a stored one with its data", () => {
    const linear = decodeAxis({
      t: "Axis", label: "single", units: "mm", index: 0, spread_order: { t: "int", v: 0 }, size: { t: "int", v: 1 },
      offset: { t: "numpy.float64", v: 5 }, scaling: { t: "int", v: 1 }, data: null,
    }, "x");
    expect(linear.offsetPy()).toEqual(new NpScalar("float64", 5));
    expect(linear.scalingPy()).toBe(1n);
    expect(linear.size).toBe(1);
    const stored = decodeAxis({
      t: "Axis", label: "t", units: "s", index: 1, spread_order: { t: "int", v: 2 }, size: { t: "int", v: 3 },
      offset: null, scaling: null, data: ndarray("float64", [3], [...new Uint8Array(new Float64Array([0, 1, 5]).buffer)]),
    }, "x");
    expect(stored.offset).toBeNull();
    expect(stored.spreadOrder).toBe(2);
    expect(Array.from(stored.getData().data as Float64Array)).toEqual([0, 1, 5]);
  });

  it("check that a rebuilt DataWithAxes has the recorded dim", () => {
    const dwa = {
      t: "DataWithAxes", name: "d", source: "raw", dim: "Data2D", distribution: "uniform", units: "", labels: ["CH00"],
      origin: "", nav_indexes: [], timestamp: { t: "float", v: 1.5 }, errors: null, axes: [], extra_attributes: {},
      data: [ndarray("float64", [2], new Array(16).fill(0))],
    };
    expect(isScenarioValueError(thrown(() => decodeValue(dwa, "x")))).toBe(true);
    expect(decodeValue({ ...dwa, dim: "Data1D" }, "x")).toHaveProperty("name", "d");
  });
});

describe("replayScenario", () => {
  it("writes the file with the recorded clock, versions and file name", () => {
    const out = outPath();
    const result = replayScenario(scenario([
      { op: "call", class: "H5SaverLowLevel", id: "h0", method: "add_log", args: { msg: "hello" }, defaults: {}, result: null },
    ]), out);
    expect(result).toEqual({ name: "unit", outPath: out, steps: 4 });
    const h5 = H5SaverLowLevel.openReadOnly(out);
    try {
      const root = h5.root().attrs;
      expect([root.get("date"), root.get("time"), root.get("file"), root.get("pymodaq_version")])
        .toEqual(["2024-01-02", "03:04:05.678901", "recorded.h5", "4.9.9"]);
      expect(h5.rawGroup.attrs.get("type")).toBe("detector");
      expect(h5.getNode("/RawData/Logger").attrs.get("shape")).toEqual(new PyTuple([1n]));
    } finally {
      h5.closeFile();
    }
  });

  it("checks node results against the recorded paths", () => {
    const wrong = scenario([{
      op: "call", class: "H5SaverLowLevel", id: "h0", method: "get_set_group", where: "/RawData", where_type: "node",
      args: { name: "Det" }, defaults: { title: "" }, result: { t: "node", path: "/RawData/Other", class: "GROUP" },
    }]);
    const e = thrown(() => replayScenario(wrong, outPath()));
    expect(e).toBeInstanceOf(ReplayStepError);
    expect((e as ReplayStepError).step).toBe(2);
    expect((e as Error).message).toContain("/RawData/Other");
  });

  it.each([
    ["an unknown class", { op: "new", class: "Nope", id: "s0", args: {}, defaults: {} }, "unknown class"],
    ["an unknown method", { op: "call", class: "H5SaverLowLevel", id: "h0", method: "nope", args: {}, defaults: {}, result: null }, "unknown method"],
    ["an unknown instance", { op: "call", class: "H5SaverLowLevel", id: "h9", method: "flush", args: {}, defaults: {}, result: null }, "unknown instance"],
    ["an unhandled parameter", { op: "call", class: "H5SaverLowLevel", id: "h0", method: "add_log", args: { msg: "a", level: { t: "int", v: 3 } }, defaults: {}, result: null }, "unhandled parameter"],
    ["**kwargs", { op: "call", class: "H5SaverLowLevel", id: "h0", method: "flush", args: {}, defaults: {}, kwargs: { x: 1 }, result: null }, "kwargs"],
    ["a call that should have raised", { op: "call", class: "H5SaverLowLevel", id: "h0", method: "flush", args: {}, defaults: {}, result: null, raises: "IOError" }, "should raise"],
    ["a failing saver call", {
      op: "call", class: "H5SaverLowLevel", id: "h0", method: "get_set_group", where: "/Nope", where_type: "node",
      args: { name: "x" }, defaults: { title: "" }, result: null,
    }, "/Nope"],
  ])("fails with ReplayStepError on %s", (_label, step, message) => {
    const e = thrown(() => replayScenario(scenario([step]), outPath()));
    expect(isReplayStepError(e)).toBe(true);
    expect((e as ReplayStepError).step).toBe(2);
    expect((e as Error).message).toContain(message);
  });

  it("accepts a step that raised in Python when ours raises too", () => {
    const step = {
      op: "call", class: "H5SaverLowLevel", id: "h0", method: "get_set_group", where: "/Nope", where_type: "node",
      args: { name: "x" }, defaults: { title: "" }, result: null, raises: "NodeError",
    };
    expect(replayScenario(scenario([step]), outPath()).steps).toBe(4);
  });
});
