/**
 * `AxisSaverLoader` (seed): writes an Axis as an `Axis{n}` array node (file-format.md §5.3, §6.3) and
 * reads axis nodes back (through the loader's `loadAxis`/`getAxes`).
 *
 * @example
 * const axes = new AxisSaverLoader(h5);
 * axes.addAxis("/RawData", new Axis("x", "mm", NDArray.linspace(0, 1, 11)));   // /RawData/Axis00
 * axes.loadAxis("/RawData/Axis00");                                          // the Axis back
 */
import { Axis, DataType, type NDArray } from "@pymodaq-ts/data-model";
import { ATTR, typedAttr } from "../conventions/layout.js";
import { getAxes, loadAxis } from "../loader/axes.js";
import type { Where } from "../conventions/h5-backend.js";
import { checkOptions } from "../options.js";
import type { CARRAY, EARRAY } from "../conventions/nodes/arrays.js";
import { DataManagement } from "./data-management.js";
import type { H5SaverInput } from "./on-file.js";
import { checkAxis } from "../arguments.js";

export interface AddAxisOptions {
  /** Create an EARRAY of shape (0,) whose values the caller appends (default false). */
  enlargeable?: boolean;
}

const ADD_AXIS_KEYS: readonly (keyof AddAxisOptions)[] = ["enlargeable"];

/**
 * `distribution` of an axis node: whether the axis is linear, not the data's distribution (Q23).
 * `data` is the axis's `getData()`, passed in so that a linear axis's values are made once.
 */
function axisDistribution(axis: Axis, data: NDArray): "uniform" | "spread" {
  return axis.isAxisLinear(data) ? "uniform" : "spread";
}

export class AxisSaverLoader extends DataManagement {
  readonly dataType = DataType.axis;

  /** @param h5saver an open saver or a file path */
  constructor(h5saver: H5SaverInput) {
    super(h5saver);
  }

  /**
   * Writes `axis.getData()` as the next `Axis{n}` node of `where` with the axis attributes:
   * `size`, `label`, `units`, `index`, `offset` and `scaling` with their Python types (numpy
   * float64 for a linear axis from float data, None for a stored one...), `distribution`
   * (`'uniform'` when linear) and `spread_order`. With `enlargeable`, the node is an empty EARRAY
   * (the axis only gives its dtype and attributes).
   * @param where the group (or its path)
   * @returns the new array node
   * @throws NodeError when `where` is not a group; InvalidTypeError for unknown options.
   */
  addAxis(where: Where, axis: Axis, options: AddAxisOptions = {}): CARRAY | EARRAY {
    checkAxis("AxisSaverLoader.addAxis", axis);
    const o = checkOptions(options, ADD_AXIS_KEYS, "AxisSaverLoader.addAxis");
    const data = axis.getData();
    return this.h5saver.addArray(where, this.nextNodeName(where), this.dataType, {
      title: axis.label,
      data,
      dataDimension: "Data1D",
      enlargeable: o.enlargeable ?? false,
      metadata: new Map([
        [ATTR.size, typedAttr(ATTR.size, axis.size)],
        [ATTR.label, axis.label],
        [ATTR.units, axis.units],
        [ATTR.index, typedAttr(ATTR.index, axis.index)],
        [ATTR.offset, axis.offsetPy()],
        [ATTR.scaling, axis.scalingPy()],
        [ATTR.distribution, axisDistribution(axis, data)],
        [ATTR.spread_order, typedAttr(ATTR.spread_order, axis.spreadOrder)],
      ]),
    });
  }

  /**
   * The Axis stored at an axis node (label, units, index, spread_order and the values;
   * linearity re-detected).
   * @throws AxisError when the node's `data_type` is not `axis`; NodeError when it is missing.
   */
  loadAxis(where: Where): Axis {
    return loadAxis(this.h5saver, where);
  }

  /**
   * Every axis node in the subtree of `where` (a group, or the parent group of an array), in
   * walk order.
   * @throws NodeError when `where` is missing.
   */
  getAxes(where: Where): Axis[] {
    return getAxes(this.h5saver, where);
  }
}
