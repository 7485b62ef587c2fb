/**
 * Node look-ups shared by the load functions: a node's DataType, the nodes of one DataType under
 * a group (walk order, file-format.md §7.5), and the array check.
 */
import { NDArray } from "@pymodaq-ts/data-model";
import type { H5Backend, Where } from "../conventions/h5-backend.js";
import { CARRAY } from "../conventions/nodes/arrays.js";
import { GROUP } from "../conventions/nodes/group.js";
import type { Node } from "../conventions/nodes/node.js";
import { NodeError } from "../errors.js";
import { ATTR, type DataTypeName } from "../conventions/layout.js";

/** The decoded `data_type` attribute of a node, or undefined when it has none. */
export function dataTypeOf(node: Node): unknown {
  return node.attrs.has(ATTR.data_type) ? node.attrs.get(ATTR.data_type) : undefined;
}

/** True when the node's `data_type` attribute equals the DataType name (Python's enum == str). */
export function isNodeOfDataType(node: Node, dataType: DataTypeName): boolean {
  return dataTypeOf(node) === dataType;
}

/**
 * The nodes of `dataType` in the subtree of `where` (a group) or of its parent group (an array),
 * in walk order.
 */
export function nodesOfDataType(h5: H5Backend, where: Where, dataType: DataTypeName): Node[] {
  const node = h5.getNode(where);
  const group = node instanceof GROUP ? node : node.parentNode;
  if (group === null) return [];
  return [...h5.walkNodes(group)].filter((n) => isNodeOfDataType(n, dataType));
}

/**
 * The node as an array node (CARRAY, EARRAY or VLARRAY).
 * @throws NodeError naming the path when it is a group.
 */
export function arrayNodeOf(node: Node): CARRAY {
  if (!(node instanceof CARRAY)) throw new NodeError(node.path, "an array node (CARRAY, EARRAY or VLARRAY)");
  return node;
}

/**
 * The whole stored content of an array node as an NDArray (dataset shape, stored dtype).
 * @throws NodeError naming the path when it is a group.
 */
export function readNDArray(node: Node): NDArray {
  const { dtype, shape, data } = arrayNodeOf(node).read();
  return new NDArray(dtype, shape, data);
}
