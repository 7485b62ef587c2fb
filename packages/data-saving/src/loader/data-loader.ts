/**
 * The seed's `DataLoader` (spec h5-layout.md §7): loads DataWithAxes from any PyMoDAQ file,
 * adding the navigation axes stored in the nearest `NavAxes` group, and whole groups at once
 * (`loadAll`). A path is opened read-only: the loader never writes to the file it reads (Q17).
 *
 * @example
 * using loader = new DataLoader("scan.h5");
 * const dwa = loader.loadData("/RawData/Scan000/Detector000/Data1D/CH00/Data00");
 * const all = loader.loadAll("/RawData");           // a DataToExport named "All"
 */
import { DataToExport, type DataWithAxes } from "@pymodaq-ts/data-model";
import { MissingAttributeError, NodeError } from "../errors.js";
import { ATTR, DATA_TYPES, NAV_AXES_GROUP_NAME, type DataTypeName } from "../conventions/layout.js";
import { GROUP } from "../conventions/nodes/group.js";
import type { Node } from "../conventions/nodes/node.js";
import type { H5Backend } from "../conventions/h5-backend.js";
import type { Storage } from "../storage/types.js";
import { H5SaverLowLevel } from "../conventions/h5-saver-lowlevel.js";
import { checkOptions } from "../options.js";
import { getAxes } from "./axes.js";
import { loadDataFromNode } from "./data-node.js";
import { LoadError } from "./errors.js";
import { dataTypeOf } from "./nodes.js";
import type { Where } from "../conventions/h5-backend.js";

/** Options of `DataLoader.loadData`. */
export interface LoadDataOptions {
  /** Subtract the background nodes of the parent group, paired by position (Q2; default false). */
  withBkg?: boolean;
  /** Load every node of the same data_type under the parent group (default false). */
  loadAll?: boolean;
}

/** Options of `DataLoader.loadAll`. */
export interface LoadAllOptions {
  /** Subtract backgrounds (default false). */
  withBkg?: boolean;
}

const LOAD_DATA_KEYS = ["withBkg", "loadAll"] as const;
const LOAD_ALL_KEYS = ["withBkg"] as const;

/** The DataType named by a node's `data_type` attribute (Python `DataType[name]`: exact name). */
function nodeDataType(node: Node): DataTypeName {
  if (!node.attrs.has(ATTR.data_type)) throw new MissingAttributeError(node.path, ATTR.data_type);
  const name = dataTypeOf(node);
  if (typeof name !== "string" || !Object.prototype.hasOwnProperty.call(DATA_TYPES, name)) {
    throw new LoadError("KeyError", `data_type ${JSON.stringify(String(name))} is not a DataType name (expected one of ${
      Object.keys(DATA_TYPES).join(", ")})`, { path: node.path });
  }
  return name as DataTypeName;
}

export class DataLoader {
  /** The open file (an `H5SaverLowLevel`, or the read-only backend opened from a path). */
  readonly h5saver: H5Backend;
  private readonly opened: boolean;

  /**
   * @param source an open `H5SaverLowLevel` (or any `H5Backend`; used as is, closed by
   *   `closeFile`) or the path of a file to open read-only.
   * @param options.storage the storage a path is opened with (default libhdf5; e.g. an HSDS
   *   storage, the path then being a domain)
   * @throws the backend's error when the path cannot be opened; InvalidTypeError for unknown options.
   */
  constructor(source: H5Backend | string, options: { storage?: Storage } = {}) {
    const o = checkOptions(options, ["storage"], "DataLoader");
    if (typeof source === "string") {
      this.h5saver = H5SaverLowLevel.openReadOnly(source, o.storage === undefined ? {} : { storage: o.storage });
      this.opened = true;
    } else {
      this.h5saver = source;
      this.opened = false;
    }
  }

  /**
   * A node by path, or the child `name` of `where`.
   * @throws NodeError when there is no such node.
   */
  getNode(where: Where, name?: string): Node {
    return this.h5saver.getNode(where, name);
  }

  /** Every node under `where` (itself included), in the original's walk order (§7.5). */
  walkNodes(where: Where = "/"): Iterable<Node> {
    return this.h5saver.walkNodes(where);
  }

  /**
   * The `NavAxes` group that holds the navigation axes of `where`: the first one found walking up
   * from the node through its parents, or null.
   * @throws NodeError when `where` does not exist, or when a child matches `NavAxes` only
   *   case-insensitively (Q19).
   */
  getNavGroup(where: Where): GROUP | null {
    let node: Node | null = this.h5saver.getNode(where);
    while (node !== null) {
      if (node instanceof GROUP && this.h5saver.isNodeInGroup(node, NAV_AXES_GROUP_NAME)) {
        const nav = this.h5saver.getNode(node, NAV_AXES_GROUP_NAME);
        if (!(nav instanceof GROUP)) throw new NodeError(nav.path, "a group holding the navigation axes");
        return nav;
      }
      node = node.parentNode;
    }
    return null;
  }

  /**
   * The seed's `load_data`: a DataWithAxes from a data node, with the navigation axes of the
   * nearest `NavAxes` group (except for axis nodes), `dim` recomputed and missing axes created.
   * @param where the node (or its path); its `data_type` attribute selects the loader.
   * @throws MissingAttributeError (KeyError) when the node has no `data_type`; LoadError when it
   *   names no DataType; NodeError when the node is missing or is a group; the model's errors
   *   when the stored data is inconsistent (IndexError, DataShapeError...).
   */
  loadData(where: Where, options: LoadDataOptions = {}): DataWithAxes {
    checkOptions(options, LOAD_DATA_KEYS, "loadData");
    const node = this.h5saver.getNode(where);
    const dataType = nodeDataType(node);
    const dwa = loadDataFromNode(this.h5saver, node, {
      dataType, withBkg: options.withBkg ?? false, loadAll: options.loadAll ?? false,
    });
    if (dataType !== "axis") {
      const nav = this.getNavGroup(node);
      if (nav !== null) {
        dwa.axes = [...dwa.axes, ...getAxes(this.h5saver, nav)];
        dwa.getDimFromDataAxes();
      }
    }
    dwa.createMissingAxes();
    return dwa;
  }

  /**
   * The seed's `load_all`: walks the children of the group `where` (sub-groups first, by name),
   * recursing into sub-groups, and loads the group's first node whose `data_type` contains
   * `data` with `loadAll` (the later arrays are skipped, Q14). The group's DataWithAxes are
   * appended to `data` as a DataToExport named after the group (same name and origin replace).
   * @param where a group (or its path).
   * @param data the collection to fill (default: a new DataToExport named `All`).
   * @returns `data`.
   * @throws NodeError when `where` is not a group; any load error aborts the whole call.
   */
  loadAll(where: Where, data: DataToExport = new DataToExport("All"), options: LoadAllOptions = {}): DataToExport {
    checkOptions(options, LOAD_ALL_KEYS, "loadAll");
    const group = this.h5saver.getNode(where);
    if (!(group instanceof GROUP)) throw new NodeError(group.path, "a group");
    const loaded: DataWithAxes[] = [];
    for (const child of group.children()) {
      if (child instanceof GROUP) {
        this.loadAll(child, data, options);
        continue;
      }
      const dataType = dataTypeOf(child);
      if (typeof dataType === "string" && dataType.includes("data")) {
        loaded.push(this.loadData(child, { withBkg: options.withBkg ?? false, loadAll: true }));
        break;
      }
    }
    // the DataWithAxes were just read and belong to nobody else: no copy of the arrays
    data.appendOwned(new DataToExport(group.name, { data: loaded }));
    return data;
  }

  /** Closes the file (also when it was handed in open). Idempotent. */
  closeFile(): void {
    this.h5saver.closeFile();
  }

  /** Closes the file, as the original's context manager does. */
  [Symbol.dispose](): void {
    this.closeFile();
  }

  /** True when this loader opened the file itself (from a path, read-only). */
  get ownsFile(): boolean {
    return this.opened;
  }
}
