/**
 * The arrays of a load (file-format.md §7.3): which nodes are read, the squeeze rule driven by
 * the `shape` and `nav_indexes` attributes (Q16), and the background subtraction paired by
 * position (Q2) in the stored dtype (Q21).
 */
import { NDArray, squeeze } from "@pymodaq-ts/data-model";
import type { H5Backend } from "../conventions/h5-backend.js";
import { GROUP } from "../conventions/nodes/group.js";
import type { Node } from "../conventions/nodes/node.js";
import { ATTR, type DataTypeName } from "../conventions/layout.js";
import { checkOptions } from "../options.js";
import { requireIntTuple } from "./attr-values.js";
import { LoadError } from "./errors.js";
import { isNodeOfDataType, nodesOfDataType } from "./nodes.js";
import type { Where } from "../conventions/h5-backend.js";
import { readNow, type LoadReads } from "./reads.js";
import { subtractArrays } from "./subtract.js";

/** Options of `getDataArrays`. */
export interface DataArraysOptions {
  /** Subtract the background nodes of the parent group, paired by position (default false). */
  withBkg?: boolean;
  /** Read every node of `dataType` under the parent group instead of the node alone (default false). */
  loadAll?: boolean;
  /** The DataType whose nodes `loadAll` collects (the loader's type; default `"data"`). */
  dataType?: DataTypeName;
}

const DATA_ARRAYS_KEYS = ["withBkg", "loadAll", "dataType"] as const;

/**
 * The dimensions the loader squeezes: every index whose `shape` attribute entry is 1 and which
 * is not in the `nav_indexes` attribute.
 * @throws MissingAttributeError (Python KeyError) when `shape` or `nav_indexes` is missing.
 */
export function signalIndexesToSqueeze(node: Node): number[] {
  const shape = requireIntTuple(node.attrs.get(ATTR.shape), node.path, ATTR.shape);
  const nav = requireIntTuple(node.attrs.get(ATTR.nav_indexes), node.path, ATTR.nav_indexes);
  const out: number[] = [];
  shape.forEach((size, i) => {
    if (size === 1 && !nav.includes(i)) out.push(i);
  });
  return out;
}

/**
 * Every background node (`data_type == 'bkg'`) of `where`'s subtree, in walk order.
 * @param h5 the open file.
 * @param where a group (or its path).
 */
export function getBkgNodes(h5: H5Backend, where: Where): Node[] {
  return [...h5.walkNodes(where)].filter((n) => isNodeOfDataType(n, "bkg"));
}

function planSqueezed(reads: LoadReads, node: Node, bkg: Node | null): () => NDArray {
  const data = reads.array(node);
  const background = bkg === null ? null : reads.array(bkg);
  node.attrs.prefetch([ATTR.shape, ATTR.nav_indexes]);
  return () => {
    let raw = data();
    if (background !== null) {
      const diff = subtractArrays(raw, background());
      raw = new NDArray(diff.dtype, diff.shape, diff.data);
    }
    try {
      return squeeze(raw, true, signalIndexesToSqueeze(node));
    } catch (e) {
      if (e instanceof LoadError) throw e;
      throw new LoadError("ValueError", `cannot squeeze the array with its 'shape' attribute: ${(e as Error).message}`, {
        path: node.path, cause: e,
      });
    }
  };
}

/**
 * The seed's `get_data_arrays`: the squeezed arrays of the node (or, with `loadAll`, of every node
 * of `dataType` under its parent), minus the parent's background nodes when `withBkg` is set and
 * there are some. Data and backgrounds are zipped: the shorter list decides the count.
 * @param h5 the open file.
 * @param where the data node (or its path).
 * @throws NodeError when the node does not exist; InvalidTypeError for an unknown option; MissingAttributeError when `shape` or
 *   `nav_indexes` is missing; LoadError when shapes do not broadcast.
 */
export function getDataArrays(h5: H5Backend, where: Where, options: DataArraysOptions = {}): NDArray[] {
  return planDataArrays(h5, where, options, readNow())();
}

/** `getDataArrays` planned: the arrays are asked of `reads`, the squeezed arrays built by the returned function. */
export function planDataArrays(h5: H5Backend, where: Where, options: DataArraysOptions, reads: LoadReads): () => NDArray[] {
  checkOptions(options, DATA_ARRAYS_KEYS, "getDataArrays");
  const node = h5.getNode(where);
  const parent = node.parentNode;
  const bkgs = options.withBkg && parent !== null ? getBkgNodes(h5, parent) : [];
  const nodes = options.loadAll
    ? nodesOfDataType(h5, node, options.dataType ?? "data")
    : node instanceof GROUP ? [...h5.walkNodes(node)] : [node];
  const count = bkgs.length === 0 ? nodes.length : Math.min(nodes.length, bkgs.length);
  const parts = nodes.slice(0, count).map((n, i) => planSqueezed(reads, n, bkgs[i] ?? null));
  return () => parts.map((build) => build());
}
