// AxisSaverLoader and the DataManagement base (file-format.md §3.1, §5.3, §6.3; cases S1-S4).
import { Axis, DataType, NDArray, NpScalar } from "@pymodaq-ts/data-model";
import { afterEach, describe, expect, it } from "vitest";
import { isNodeError } from "../src/errors.js";
import { EARRAY } from "../src/conventions/nodes/arrays.js";
import { AxisError, AxisSaverLoader, isAxisError } from "../src/savers/index.js";
import { H5SaverLowLevel } from "../src/conventions/h5-saver-lowlevel.js";
import { attr, axisValues, childNames, newFile, rawAttr, shapeOf, values } from "./savers.helpers.js";

let file: ReturnType<typeof newFile>;
afterEach(() => file.cleanup());

describe("AxisSaverLoader", () => {
  it("S1: its data type is 'axis' (value 'Axis')", () => {
    file = newFile();
    const saver = new AxisSaverLoader(file.h5);
    expect(saver.dataType).toBe(DataType.axis);
    expect(saver.dataType.name).toBe("axis");
    expect(saver.formatNodeName(3)).toBe("Axis03");
  });

  it("S2: addAxis writes the values and the axis attributes with their Python types", () => {
    file = newFile();
    const axis = new Axis({ label: "myaxis", units: "ms", data: NDArray.from("float64", [10], Array.from({ length: 10 }, (_, i) => -5 + 0.2 * i)), index: 5 });
    const node = new AxisSaverLoader(file.h5).addAxis("/RawData", axis);
    expect(node.path).toBe("/RawData/Axis00");
    const p = node.path;
    expect(attr(file.h5, p, "TITLE")).toBe("myaxis");
    expect(attr(file.h5, p, "label")).toBe("myaxis");
    expect(attr(file.h5, p, "units")).toBe("ms");
    expect(attr(file.h5, p, "data_type")).toBe("axis");
    expect(attr(file.h5, p, "data_dimension")).toBe("Data1D");
    expect(attr(file.h5, p, "distribution")).toBe("uniform");
    expect(rawAttr(file.h5, p, "index")).toBe('{"module": "builtins", "type": "int", "data": "5"}');
    expect(rawAttr(file.h5, p, "size")).toBe('{"module": "builtins", "type": "int", "data": "10"}');
    expect(rawAttr(file.h5, p, "spread_order")).toBe('{"module": "builtins", "type": "int", "data": "0"}');
    expect(rawAttr(file.h5, p, "offset")).toBe('{"module": "numpy", "type": "float64", "data": "-5.0"}');
    expect(String(rawAttr(file.h5, p, "scaling"))).toMatch(/^\{"module": "numpy", "type": "float64", "data": "0\.(2|1999)/);
    expect(values(file.h5, p)).toEqual(Array.from(axis.getData().data as Float64Array));
  });

  it("writes a non-linear axis with its own dtype, offset/scaling None and distribution 'spread'", () => {
    file = newFile();
    const axis = new Axis({ label: "t", units: "s", data: NDArray.from("int32", [4], [0, 1, 6, 8]), index: 0 });
    const node = new AxisSaverLoader(file.h5).addAxis("/RawData", axis);
    expect(attr(file.h5, node.path, "dtype")).toBe("int32");
    expect(rawAttr(file.h5, node.path, "offset")).toBe('{"module": "builtins", "type": "NoneType", "data": "None"}');
    expect(rawAttr(file.h5, node.path, "scaling")).toBe('{"module": "builtins", "type": "NoneType", "data": "None"}');
    expect(attr(file.h5, node.path, "distribution")).toBe("spread");
    expect(values(file.h5, node.path)).toEqual([0, 1, 6, 8]);
  });

  it("writes an integer-valued linear axis as float64 with a numpy int64 offset", () => {
    file = newFile();
    const axis = new Axis({ label: "idx", data: NDArray.from("int64", [4], [0n, 1n, 2n, 3n]) });
    const node = new AxisSaverLoader(file.h5).addAxis("/RawData", axis);
    expect(attr(file.h5, node.path, "dtype")).toBe("float64");
    expect(rawAttr(file.h5, node.path, "offset")).toBe('{"module": "numpy", "type": "int64", "data": "0"}');
  });

  it("with enlargeable, creates an empty EARRAY keeping the template's attributes", () => {
    file = newFile();
    const axis = new Axis({ label: "t", units: "s", data: NDArray.from("float64", [2], [0, 1]) });
    const node = new AxisSaverLoader(file.h5).addAxis("/RawData", axis, { enlargeable: true });
    expect(node).toBeInstanceOf(EARRAY);
    expect(shapeOf(file.h5, node.path)).toEqual([0]);
    expect(attr(file.h5, node.path, "shape")).toEqual(expect.objectContaining({ items: [0n] }));
    expect(attr(file.h5, node.path, "size")).toBe(2n);
    expect(attr(file.h5, node.path, "offset")).toEqual(new NpScalar("float64", 0));
    expect(attr(file.h5, node.path, "scaling")).toEqual(new NpScalar("float64", 1));
  });

  it("S3: loadAxis gives the saved axis back", () => {
    file = newFile();
    const saver = new AxisSaverLoader(file.h5);
    const axis = new Axis({ label: "myaxis", units: "ms", data: axisValues(10), index: 5 });
    saver.addAxis("/RawData", axis);
    const loaded = saver.loadAxis("/RawData/Axis00");
    expect(loaded.equals(axis)).toBe(true);
    expect(loaded.index).toBe(5);
  });

  it("S4: three axes are numbered Axis00..02 and getAxes returns them in order from the group or a node", () => {
    file = newFile();
    const saver = new AxisSaverLoader(file.h5);
    const axes = [0, 1, 2].map((i) => new Axis({ label: `LABEL${i}`, units: "", data: axisValues(4 + i), index: i }));
    for (const a of axes) saver.addAxis(file.h5.rawGroup, a);
    expect(childNames(file.h5, "/RawData").filter((n) => n.startsWith("Axis"))).toEqual(["Axis00", "Axis01", "Axis02"]);
    for (const [i, a] of axes.entries()) {
      expect(attr(file.h5, `/RawData/Axis0${i}`, "label")).toBe(a.label);
      expect(attr(file.h5, `/RawData/Axis0${i}`, "index")).toBe(BigInt(i));
    }
    for (const where of ["/RawData", "/RawData/Axis01"]) {
      const got = saver.getAxes(where);
      expect(got.map((a) => a.label)).toEqual(["LABEL0", "LABEL1", "LABEL2"]);
      got.forEach((a, i) => expect(a.equals(axes[i])).toBe(true));
    }
  });

  it("loadAxis of a node that is not an axis node raises AxisError", () => {
    file = newFile();
    expect(() => new AxisSaverLoader(file.h5).loadAxis("/RawData/Logger")).toThrow(AxisError);
    try {
      new AxisSaverLoader(file.h5).loadAxis("/RawData/Logger");
    } catch (e) {
      expect(isAxisError(e)).toBe(true);
      expect((e as Error).message).toContain("/RawData/Logger");
    }
  });

  it("rejects unknown options", () => {
    file = newFile();
    const saver = new AxisSaverLoader(file.h5);
    expect(() => saver.addAxis("/RawData", new Axis({ label: "x" }), { enlargable: true } as never)).toThrow(/unknown option 'enlargable'/);
  });
});

describe("DataManagement (node naming)", () => {
  it("getLastNodeName is null before the first node, then the last name; counts the whole subtree (Q9)", () => {
    file = newFile();
    const saver = new AxisSaverLoader(file.h5);
    expect(saver.getLastNodeName("/RawData")).toBeNull();
    const sub = file.h5.getSetGroup("/RawData", "Sub");
    saver.addAxis(sub, new Axis({ label: "a", data: axisValues(3) }));
    expect(saver.getLastNodeName(sub)).toBe("Axis00");
    // The nested axis counts for /RawData too: the next one there is Axis01.
    expect(saver.getLastNodeName("/RawData")).toBe("Axis00");
    expect(saver.addAxis("/RawData", new Axis({ label: "b", data: axisValues(3) })).path).toBe("/RawData/Axis01");
  });

  it("getNodeFromIndex finds a direct child and raises NodeError otherwise", () => {
    file = newFile();
    const saver = new AxisSaverLoader(file.h5);
    saver.addAxis("/RawData", new Axis({ label: "a", data: axisValues(3) }));
    expect(saver.getNodeFromIndex("/RawData", 0).path).toBe("/RawData/Axis00");
    let error: unknown;
    try {
      saver.getNodeFromIndex("/RawData", 1);
    } catch (e) {
      error = e;
    }
    expect(isNodeError(error)).toBe(true);
    expect((error as Error).message).toContain("/RawData/Axis01");
  });

  it("getIndexFromNodeName parses the index, or gives null for another prefix", () => {
    file = newFile();
    const saver = new AxisSaverLoader(file.h5);
    saver.addAxis("/RawData", new Axis({ label: "a", data: axisValues(3) }));
    expect(saver.getIndexFromNodeName("/RawData/Axis00")).toBe(0);
    expect(saver.getIndexFromNodeName("/RawData/Logger")).toBeNull();
  });

  it("accepts a file path and closes it with closeFile/close (idempotent)", () => {
    file = newFile();
    file.h5.closeFile();
    const saver = new AxisSaverLoader(file.path);
    expect(saver.h5saver).toBeInstanceOf(H5SaverLowLevel);
    expect(saver.h5saver.isopen()).toBe(true);
    saver.addAxis("/RawData", new Axis({ label: "a", data: axisValues(3) }));
    saver.close();
    expect(saver.h5saver.isopen()).toBe(false);
    saver.closeFile();
    const again = new AxisSaverLoader(file.path);
    expect(again.getLastNodeName("/RawData")).toBe("Axis00");
    again.closeFile();
  });
});
