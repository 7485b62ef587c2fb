/**
 * Building a DataWithAxes from data nodes (the original's `DataSaverLoader.load_data`,
 * file-format.md §7.2): arrays, labels, the parent group's axes, error bars, metadata and extra
 * attributes. Navigation axes stored elsewhere are the DataLoader's business (data-loader.ts).
 */
import { Axis, DataWithAxes, NDArray, squeeze, type PyValue } from "@pymodaq-ts/data-model";
import type { H5Backend } from "../conventions/h5-backend.js";
import type { Node } from "../conventions/nodes/node.js";
import { ATTR, NON_EXTRA_ATTRS, arrayNodeIndex, arrayNodeName, type DataTypeName } from "../conventions/layout.js";
import { checkOptions } from "../options.js";
import { planDataArrays } from "./arrays.js";
import { requireIntTuple, requireNumber, requireString } from "./attr-values.js";
import { planAxes } from "./axes.js";
import { LoadError } from "./errors.js";
import { arrayNodeOf, nodesOfDataType } from "./nodes.js";
import type { Where } from "../conventions/h5-backend.js";
import { readNow, type LoadReads } from "./reads.js";

/** Options of `loadDataFromNode`. */
export interface LoadDataFromNodeOptions {
  /** The DataType the loader works with (the saver class's type; default `"data"`). */
  dataType?: DataTypeName;
  /** Subtract the parent group's background nodes, paired by position (default false). */
  withBkg?: boolean;
  /** Load every node of `dataType` under the parent group (default false). */
  loadAll?: boolean;
}

const OPTION_KEYS = ["dataType", "withBkg", "loadAll"] as const;

/** Node attributes that become extra attributes of the loaded DataWithAxes (path first). */
function extraAttributes(node: Node): Map<string, PyValue> {
  const extras = new Map<string, PyValue>([[ATTR.path, node.path]]);
  for (const name of node.attrs.names()) {
    if (!NON_EXTRA_ATTRS.includes(name)) extras.set(name, node.attrs.get(name));
  }
  return extras;
}

/** The error node paired with a single data node: `ErrorBarNN` with the node's index, if any (Q11 fixed). */
function errorNodeOf(h5: H5Backend, node: Node, dataType: DataTypeName): Node | null {
  const index = arrayNodeIndex(dataType, node.name);
  const parent = node.parentNode;
  if (index === null || parent === null) return null;
  // Asked first rather than caught: most data nodes have no error bars, and a thrown
  // NodeError costs a stack trace on every load.
  const name = arrayNodeName("error", index);
  return parent.hasChild(name) ? h5.getNode(parent, name) : null;
}

/** Loading an Axis node as data (Q15): its values, and an index axis rebuilt by validation. */
function planAxisNodeContent(nodes: readonly Node[], first: Node, reads: LoadReads): () => { arrays: NDArray[]; axes: Axis[] } {
  const values = nodes.map((n) => reads.array(n, true));
  return () => {
    const arrays = values.map((get) => squeeze(get()));
    const n = arrays[0]!.size;
    // linspace(0, n-1, n-1) is one point short on purpose: the model replaces it with 0..n-1.
    const axes = [new Axis({
      label: requireString(first.attrs.get(ATTR.label), first.path, ATTR.label),
      units: requireString(first.attrs.get(ATTR.units), first.path, ATTR.units),
      data: NDArray.linspace(0, n - 1, n - 1),
    })];
    return { arrays, axes };
  };
}

function optionalAttr(node: Node, name: string, fallback: PyValue): PyValue {
  return node.attrs.has(name) ? node.attrs.get(name) : fallback;
}

/**
 * The seed's `DataSaverLoader.load_data(where, with_bkg, load_all)` for a loader of `dataType`.
 * With `loadAll`, every node of `dataType` under the parent group is loaded and the metadata comes
 * from the first of them; otherwise the node alone with its `ErrorBarNN` sibling (a missing one
 * means no errors). The node path becomes the extra attribute `path`.
 * @param h5 the open file.
 * @param where the data node (or its path).
 * @throws NodeError when the node is missing or is a group; MissingAttributeError (Python
 *   KeyError) when a required attribute (`data_dimension`, `distribution`, `label`, `timestamp`,
 *   `shape`, `nav_indexes`) is missing; the model's errors when the data is inconsistent.
 */
export function loadDataFromNode(h5: H5Backend, where: Where, options: LoadDataFromNodeOptions = {}): DataWithAxes {
  return planDataFromNode(h5, where, options, readNow())();
}

/** `loadDataFromNode` planned: the arrays are asked of `reads`, the DataWithAxes built by the returned function. */
export function planDataFromNode(h5: H5Backend, where: Where, options: LoadDataFromNodeOptions, reads: LoadReads): () => DataWithAxes {
  checkOptions(options, OPTION_KEYS, "loadDataFromNode");
  const dataType = options.dataType ?? "data";
  const loadAll = options.loadAll ?? false;
  const requested = h5.getNode(where);
  const parent = requested.parentNode;
  let nodes: Node[];
  let errorNode: Node | null;
  if (loadAll) {
    nodes = nodesOfDataType(h5, requested, dataType);
    if (nodes.length === 0) {
      throw new LoadError("IndexError", `no node of data_type '${dataType}' in the parent group`, { path: requested.path });
    }
    errorNode = nodes[0]!;
  } else {
    arrayNodeOf(requested);
    nodes = [requested];
    errorNode = errorNodeOf(h5, requested, dataType);
  }
  const first = nodes[0]!;
  // What the build reads of the attributes (all of the first node's: its extra attributes).
  first.attrs.prefetch();
  for (const n of nodes) n.attrs.prefetch([ATTR.label]);

  let content: () => { arrays: NDArray[]; axes: Axis[]; errors: NDArray[] | null };
  if (dataType === "axis") {
    const axisContent = planAxisNodeContent(nodes, first, reads);
    content = () => ({ ...axisContent(), errors: null });
  } else {
    const arrays = planDataArrays(h5, first, { withBkg: options.withBkg ?? false, loadAll, dataType }, reads);
    const axes = parent === null ? () => [] : planAxes(h5, parent, reads);
    const errorArrays = errorNode === null ? null : planDataArrays(h5, errorNode, { loadAll, dataType: "error" }, reads);
    content = () => {
      const errors = errorArrays === null ? null : errorArrays();
      return { arrays: arrays(), axes: axes(), errors: errors === null || errors.length === 0 ? null : errors };
    };
  }

  return () => {
    const { arrays, axes, errors } = content();
    const a = first.attrs;
    const dwa = new DataWithAxes(requireString(a.get(ATTR.TITLE), first.path, ATTR.TITLE), {
      source: optionalAttr(first, ATTR.source, "raw") as string,
      dim: a.get(ATTR.data_dimension) as string,
      units: optionalAttr(first, ATTR.units, "") as string,
      distribution: a.get(ATTR.distribution) as string,
      data: arrays,
      labels: nodes.map((n) => n.attrs.get(ATTR.label) as string),
      origin: optionalAttr(first, ATTR.origin, "") as string,
      navIndexes: navIndexesOf(first),
      axes,
      errors,
      extraAttributes: extraAttributes(first),
    });
    if (dataType !== "axis") dwa.timestamp = requireNumber(a.get(ATTR.timestamp), first.path, ATTR.timestamp);
    return dwa;
  };
}

function navIndexesOf(node: Node): number[] {
  if (!node.attrs.has(ATTR.nav_indexes)) return [];
  return requireIntTuple(node.attrs.get(ATTR.nav_indexes), node.path, ATTR.nav_indexes);
}
