/**
 * Loading Axis nodes (the read side of the seed's AxisSaverLoader, file-format.md §6.3): the
 * axis is rebuilt from the stored values, linearity re-detected by the model; `offset`,
 * `scaling`, `size` and `distribution` attributes are ignored (Q5, Q7, Q23).
 */
import { Axis, squeeze } from "@pymodaq-ts/data-model";
import type { H5Backend } from "../conventions/h5-backend.js";
import { ATTR } from "../conventions/layout.js";
import { requireInt, requireString } from "./attr-values.js";
import { AxisError } from "./errors.js";
import { dataTypeOf, isNodeOfDataType, nodesOfDataType } from "./nodes.js";
import type { Where } from "../conventions/h5-backend.js";
import { readNow, type LoadReads } from "./reads.js";

/**
 * The seed's `load_axis`: an Axis from an axis node (label, units, index, spread_order
 * attributes and the squeezed values).
 * @param h5 the open file.
 * @param where the axis node (or its path).
 * @throws AxisError when the node's `data_type` is not `axis`; NodeError when it does not exist;
 *   MissingAttributeError when `label`, `units`, `index` or `spread_order` is missing.
 */
export function loadAxis(h5: H5Backend, where: Where): Axis {
  return planAxis(h5, where, readNow())();
}

/** `loadAxis` planned: the values are asked of `reads`, the axis built by the returned function. */
export function planAxis(h5: H5Backend, where: Where, reads: LoadReads): () => Axis {
  const node = h5.getNode(where);
  if (!isNodeOfDataType(node, "axis")) throw new AxisError(node.path, dataTypeOf(node));
  const values = reads.array(node, true);
  node.attrs.prefetch([ATTR.label, ATTR.units, ATTR.index, ATTR.spread_order]);
  return () => {
    const a = node.attrs;
    return reads.axis(new Axis({
      label: requireString(a.get(ATTR.label), node.path, ATTR.label),
      units: requireString(a.get(ATTR.units), node.path, ATTR.units),
      data: squeeze(values()),
      index: requireInt(a.get(ATTR.index), node.path, ATTR.index),
      spreadOrder: requireInt(a.get(ATTR.spread_order), node.path, ATTR.spread_order),
    }));
  };
}

/**
 * The seed's `get_axes`: every axis node in the subtree of `where` (a group) or of its parent
 * group (an array), loaded in walk order. Subgroups' axes are included (they leak into the
 * parent's loads, as in the original).
 * @param h5 the open file.
 * @param where a group or a node of the group (or a path).
 */
export function getAxes(h5: H5Backend, where: Where): Axis[] {
  return planAxes(h5, where, readNow())();
}

/** `getAxes` planned. */
export function planAxes(h5: H5Backend, where: Where, reads: LoadReads): () => Axis[] {
  const parts = nodesOfDataType(h5, where, "axis").map((n) => planAxis(h5, n, reads));
  return () => parts.map((build) => build());
}
