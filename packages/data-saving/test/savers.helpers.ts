/**
 * Shared set-up of the savers' unit tests: a fresh file per test in a temp directory, the data
 * of the original test suite (file-format.md §10.3: DATA2D (5,6) int, DATA1D (10,) int, DATA0D [2.7],
 * axis values −20.4 + 0.22·[0..n−1]) and small readers of what was written.
 */
import { Axis, DataRaw, DataToExport, NDArray, type DataWithAxes, type PyValue } from "@pymodaq-ts/data-model";
import { tempPath } from "@pymodaq-ts/test-support";
import { CARRAY } from "../src/conventions/nodes/arrays.js";
import { H5SaverLowLevel } from "../src/conventions/h5-saver-lowlevel.js";

/** A new file in its own temp directory (removed after the test); `cleanup` closes it. */
export function newFile(saveType = "scan"): { h5: H5SaverLowLevel; path: string; cleanup: () => void } {
  const path = tempPath("test.h5", "pymodaq-savers");
  const h5 = new H5SaverLowLevel({ saveType });
  h5.initFile(path, { newFile: true });
  return { h5, path, cleanup: () => h5.closeFile() };
}

/** `-20.4 + 0.22 * [0..n-1]` (float64). */
export function axisValues(n: number): NDArray<"float64"> {
  return NDArray.from("float64", [n], Array.from({ length: n }, (_, i) => -20.4 + 0.22 * i));
}

/** An int64 array of `shape` holding `start, start+1, ...`. */
export function ints(shape: number[], start = 0): NDArray<"int64"> {
  const n = shape.reduce((a, b) => a * b, 1);
  return NDArray.from("int64", shape, Array.from({ length: n }, (_, i) => BigInt(start + i)));
}

export function floats(shape: number[], values: number[]): NDArray<"float64"> {
  return NDArray.from("float64", shape, values);
}

export const DATA2D = (): NDArray<"int64"> => ints([5, 6]);
export const DATA1D = (): NDArray<"int64"> => ints([10], 3);
export const DATA0D = (): NDArray<"float64"> => floats([1], [2.7]);

/** A 2-channel 2-D DataRaw with two axes and errors. */
export function dwa2D(options: { errors?: boolean; name?: string } = {}): DataRaw {
  return new DataRaw(options.name ?? "mydata", {
    data: [DATA2D(), ints([5, 6], 100)],
    labels: ["CH00", "CH01"],
    units: "V",
    timestamp: 1700000000.5,
    axes: [new Axis({ label: "y", units: "mm", data: axisValues(5), index: 0 }),
      new Axis({ label: "x", units: "s", data: axisValues(6), index: 1 })],
    ...(options.errors ? { errors: [ints([5, 6], 1000), ints([5, 6], 2000)] } : {}),
  });
}

/** The test DataToExport: 2-D, 1-D and 0-D data, one named so that it sorts first. */
export function dte(name = "mydte"): DataToExport {
  const d1 = new DataRaw("zspectrum", {
    data: [DATA1D()], timestamp: 1700000001.5, axes: [new Axis({ label: "w", units: "nm", data: axisValues(10), index: 0 })],
  });
  const d1b = new DataRaw("aspectrum", { data: [ints([10], 7)], timestamp: 1700000001.25 });
  const d0 = new DataRaw("power", { data: [DATA0D(), floats([1], [3.5])], labels: ["p0", "p1"], timestamp: 1700000002.5 });
  return new DataToExport(name, { data: [dwa2D(), d1, d1b, d0], timestamp: 1700000003.5 });
}

/** The raw (stored) text of an attribute: the JSON envelope of a pymodaq attribute. */
export function rawAttr(h5: H5SaverLowLevel, path: string, name: string): unknown {
  return h5.getNode(path).attrs.getStored(name).value;
}

/** The decoded value of an attribute. */
export function attr(h5: H5SaverLowLevel, path: string, name: string): PyValue {
  return h5.getNode(path).attrs.get(name);
}

/** The stored array of an array node, as plain numbers. */
export function values(h5: H5SaverLowLevel, path: string): number[] {
  const node = h5.getNode(path);
  if (!(node instanceof CARRAY)) throw new Error(`${path} is not an array node`);
  return Array.from(node.read().data as ArrayLike<number | bigint>, Number);
}

/** The dataset shape of an array node. */
export function shapeOf(h5: H5SaverLowLevel, path: string): number[] {
  const node = h5.getNode(path);
  if (!(node instanceof CARRAY)) throw new Error(`${path} is not an array node`);
  return node.shape;
}

/** Names of the direct children of a group (load order). */
export function childNames(h5: H5SaverLowLevel, path: string): string[] {
  return h5.getGroup(path).childrenName();
}

/** The flat numbers of one array of a DataWithAxes. */
export function dataOf(dwa: DataWithAxes, i = 0): number[] {
  return Array.from((dwa.data[i] as NDArray).data as ArrayLike<number | bigint>, Number);
}

/** The error `f` throws (undefined when it does not throw). */
export function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
}
