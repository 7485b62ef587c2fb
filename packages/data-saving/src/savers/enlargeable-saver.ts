/**
 * `DataEnlargeableSaver` (seed, file-format.md §6.4): appends one acquisition at a time to `EnlData{n}`
 * EARRAYs, for logging and adaptive scans whose final length is unknown. Optional enlargeable
 * axes (`Axis{k}` EARRAYs) receive one value per append; their `size` attribute starts at the
 * template's 2 and is never reset (Q5), and is kept in memory until the next flush.
 *
 * @example
 * const saver = new DataEnlargeableSaver(h5, { enlAxisNames: ["t"], enlAxisUnits: ["s"] });
 * saver.addData("/RawData/Log", dwa0D, { axisValues: [0.0] });
 * saver.addData("/RawData/Log", dwa0D, { axisValues: [0.5] });   // EnlData00 shape (2, 1)
 */
import { Axis, DataDimError, DataType, NDArray, NpScalar, squeeze, type DataWithAxes } from "@pymodaq-ts/data-model";
import { InvalidTypeError, InvalidValueError } from "../errors.js";
import { ATTR } from "../conventions/layout.js";
import type { Where } from "../conventions/h5-backend.js";
import { checkOptions } from "../options.js";
import { EARRAY } from "../conventions/nodes/arrays.js";
import type { ArrayData } from "../conventions/nodes/arraydata.js";
import type { H5SaverInput } from "./on-file.js";
import { DataNodeSaver } from "./data-saver.js";
import { NodeListCache } from "./node-cache.js";
import { nodeMetadata } from "./node-metadata.js";
import { checkDataWithAxes } from "../arguments.js";

export interface DataEnlargeableSaverOptions {
  /** Names of the enlargeable axes (default `['nav axis']`). */
  enlAxisNames?: readonly string[];
  /** Units of the enlargeable axes (default `['']`). */
  enlAxisUnits?: readonly string[];
}

const ONE: readonly number[] = Object.freeze([1]);

/** One value of an enlargeable axis: a number (Python float or int, or a numpy scalar) or an array of values. */
export type AxisValue = number | bigint | NpScalar | NDArray;

export interface EnlargeableAddOptions {
  /** The next value of each enlargeable axis; null or absent: no enlargeable axes are written. */
  axisValues?: readonly AxisValue[] | null;
}

const CTOR_KEYS: readonly (keyof DataEnlargeableSaverOptions)[] = ["enlAxisNames", "enlAxisUnits"];
const ADD_KEYS: readonly (keyof EnlargeableAddOptions)[] = ["axisValues"];

/** The template every enlargeable axis is created from (offset 0, scaling 1, size 2: Q5, Q7). */
export function enlargeableAxisTemplate(label: string, units: string, spreadOrder: number): Axis {
  return new Axis({ label, units, data: NDArray.from("float64", [2], [0, 1]), index: 0, spreadOrder });
}

/**
 * The array appended for one enlargeable-axis value: `[v]` for a number, the array as is
 * otherwise; `squeezed` gives Python's `squeeze(np.array([v]))` (the DataToExport savers).
 * @throws InvalidTypeError for anything else.
 */
export function axisValueArray(value: AxisValue, squeezed: boolean): ArrayData {
  // Plain arrays: this runs at every append, an NDArray's validation is not needed here.
  if (typeof value === "number") return { dtype: "float64", shape: ONE, data: Float64Array.of(value) };
  if (typeof value === "bigint") return { dtype: "int64", shape: ONE, data: BigInt64Array.of(value) };
  if (value instanceof NDArray) return squeezed ? squeeze(value) : value;
  if (value instanceof NpScalar && (typeof value.value === "number" || typeof value.value === "bigint")) {
    return axisValueArray(value.value, squeezed);
  }
  throw new InvalidTypeError(`an enlargeable axis value must be a number, a numeric NpScalar or an NDArray, got ${typeof value}`);
}

/**
 * Appends `value` to an enlargeable axis node, then adds 1 to its `size` attribute whatever the
 * number of rows appended, as the original does (kept in memory, written at flush/close).
 */
export function appendAxisValue(node: EARRAY, value: ArrayData, expand: boolean): void {
  node.append(value, { expand });
  const size = node.attrs.has(ATTR.size) ? node.attrs.get(ATTR.size) : 0n;
  const n = typeof size === "bigint" ? size : BigInt(Number(size));
  node.attrs.setDeferred(ATTR.size, n + 1n);
}

export class DataEnlargeableSaver extends DataNodeSaver {
  readonly dataType: DataType = DataType.data_enlargeable;
  /** Names of the enlargeable axes. */
  readonly enlAxisNames: readonly string[];
  /** Units of the enlargeable axes. */
  readonly enlAxisUnits: readonly string[];
  /** The EnlData EARRAYs of each group. */
  private readonly dataNodes = new NodeListCache((w, i) => this.getNodeFromIndex(w, i), EARRAY, "an EnlData EARRAY");
  /** The enlargeable axis EARRAYs of each group. */
  private readonly axisNodes = new NodeListCache((w, i) => this.axisSaver.getNodeFromIndex(w, i), EARRAY, "an enlargeable Axis EARRAY");

  /**
   * @param h5saver an open saver or a file path
   * @throws InvalidTypeError for unknown options
   */
  constructor(h5saver: H5SaverInput, options: DataEnlargeableSaverOptions = {}) {
    super(h5saver);
    const o = checkOptions(options, CTOR_KEYS, "DataEnlargeableSaver");
    this.enlAxisNames = [...(o.enlAxisNames ?? ["nav axis"])];
    this.enlAxisUnits = [...(o.enlAxisUnits ?? [""])];
  }

  /**
   * Appends each array of `data` (0-D, 1-D or 2-D: no navigation indexes) as one row of
   * `EnlData{i}` in `where`, creating the EARRAYs, the enlargeable axes and the signal axes
   * (index + 1) on the first call. With `axisValues`, appends `axisValues[k]` to `Axis{k}` and
   * adds 1 to its `size`.
   * @param where the group (or its path)
   * @throws DataDimError when `data` has navigation indexes (DataND cannot be appended);
   *   InvalidValueError when fewer axis values than enlargeable axes are given; NodeError when
   *   the nodes of a previous call are missing.
   */
  addData(where: Where, data: DataWithAxes, options: EnlargeableAddOptions = {}): void {
    checkDataWithAxes("DataEnlargeableSaver.addData", data);
    return this.h5saver.savePoint(() => { // one point for the flush policy
      const o = checkOptions(options, ADD_KEYS, "DataEnlargeableSaver.addData");
      const axisValues = o.axisValues ?? null;
      if (data.navIndexes.length !== 0) {
        throw new DataDimError(`It is not possible to append DataND: '${data.name}' has navigation indexes (${data.navIndexes.join(", ")})`);
      }
      if (axisValues !== null && axisValues.length < this.enlAxisNames.length) {
        throw new InvalidValueError(`addData: ${this.enlAxisNames.length} enlargeable axes need as many axis values, got ${axisValues.length}`);
      }
      let arrays = this.dataNodes.cached(where, data.length);
      if (arrays === null) {
        if (this.getLastNodeName(where) === null) this.createArrays(where, data, axisValues !== null);
        arrays = this.dataNodes.get(where, data.length);
      }
      for (let i = 0; i < data.length; i++) (arrays[i] as EARRAY).append(data.data[i] as NDArray);
      if (axisValues === null) return;
      const axes = this.axisNodes.get(where, this.enlAxisNames.length);
      for (let k = 0; k < axes.length; k++) {
        const value = axisValues[k] as AxisValue;
        appendAxisValue(axes[k] as EARRAY, axisValueArray(value, false), !(value instanceof NDArray));
      }
    });
  }

  /** First call: the EnlData EARRAYs, the enlargeable axes, then the signal axes shifted by one. */
  private createArrays(where: Where, data: DataWithAxes, addEnlAxes: boolean): void {
    const dim = data.dim.name;
    for (let i = 0; i < data.length; i++) {
      const array = data.data[i] as NDArray;
      this.h5saver.addArray(where, this.nextNodeName(where), this.dataType, {
        title: data.name,
        data: array,
        dataShape: array.shape,
        arrayType: array.dtype,
        enlargeable: true,
        dataDimension: dim,
        metadata: nodeMetadata(data, i, { full: false, distribution: "spread", navIndexes: [0] }),
      });
    }
    if (addEnlAxes) {
      this.enlAxisNames.forEach((name, k) => {
        const axis = enlargeableAxisTemplate(name, this.enlAxisUnits[k] ?? "", k);
        this.axisSaver.addAxis(where, axis, { enlargeable: true });
      });
    }
    for (const axis of data.axes) {
      const shifted = axis.copy();
      shifted.index = axis.index + 1;
      this.axisSaver.addAxis(where, shifted);
    }
  }
}
