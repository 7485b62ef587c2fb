/**
 * `DataSaverLoader`, `BkgSaver` and `ErrorSaverLoader` (seed): one CARRAY per array of a
 * DataWithAxes (`Data{n}`, `Bkg{n}`, `ErrorBar{n}`), its axes as `Axis{n}` nodes and its error
 * bars as `ErrorBar{n}` nodes (file-format.md §6.1); reading goes through the loader's functions.
 *
 * @example
 * const saver = new DataSaverLoader(h5);
 * saver.addData("/RawData/Det", dwa);                 // Data00, Data01, Axis00, ErrorBar00...
 * saver.loadData("/RawData/Det/Data00", { loadAll: true });
 */
import { className, DataType, type Axis, type DataWithAxes, type NDArray } from "@pymodaq-ts/data-model";
import { getBkgNodes, getDataArrays } from "../loader/arrays.js";
import { loadDataFromNode } from "../loader/data-node.js";
import type { Where } from "../conventions/h5-backend.js";
import { checkOptions } from "../options.js";
import type { Node } from "../conventions/nodes/node.js";
import { AxisSaverLoader } from "./axis-saver.js";
import { DataManagement } from "./data-management.js";
import type { H5SaverInput } from "./on-file.js";
import { nodeMetadata } from "./node-metadata.js";
import { checkDataWithAxes } from "../arguments.js";

export interface AddDataOptions {
  /** Also write the DataWithAxes' axes as `Axis{n}` nodes (default true). */
  saveAxes?: boolean;
}

export interface LoadOptions {
  /** Subtract the parent group's background nodes, paired by position (Q2; default false). */
  withBkg?: boolean;
  /** Load every node of this type hanging from the same parent (default false). */
  loadAll?: boolean;
}

const ADD_DATA_KEYS: readonly (keyof AddDataOptions)[] = ["saveAxes"];
const LOAD_KEYS: readonly (keyof LoadOptions)[] = ["withBkg", "loadAll"];

/**
 * What every saver of DataWithAxes nodes shares (Python puts it in DataSaverLoader, which the
 * enlargeable and extended savers derive from; here their `addData` signatures differ, so they
 * derive from this common base instead): the axis and error-bar savers and the load methods.
 */
export abstract class DataNodeSaver extends DataManagement {
  /** Writes and reads the axis nodes. */
  protected readonly axisSaver: AxisSaverLoader;
  /** Writes the error bars (null for the ErrorSaverLoader itself). */
  private errorSaverInstance: ErrorSaverLoader | null | undefined;
  /** The class's name in messages, found once: `addData` runs for every channel of every point. */
  protected readonly saverName: string;

  /** @param h5saver an open saver or a file path (opened read-write, created if absent) */
  constructor(h5saver: H5SaverInput) {
    super(h5saver);
    this.axisSaver = new AxisSaverLoader(this.h5saver);
    this.saverName = className(this);
  }

  /** The error-bar saver, created on first use (ErrorSaverLoader has none). */
  protected get errorSaver(): ErrorSaverLoader | null {
    if (this.errorSaverInstance === undefined) {
      this.errorSaverInstance = this instanceof ErrorSaverLoader ? null : new ErrorSaverLoader(this.h5saver);
    }
    return this.errorSaverInstance;
  }

  /** Whether the underlying file is open. */
  isopen(): boolean {
    return this.h5saver.isopen();
  }

  /**
   * Every axis node under `where` (a group, or the parent of an array), in walk order.
   * @throws NodeError when `where` is missing.
   */
  getAxes(where: Where): Axis[] {
    return this.axisSaver.getAxes(where);
  }

  /** Every `bkg` node in the subtree of `where`, in walk order. */
  getBkgNodes(where: Where): Node[] {
    return getBkgNodes(this.h5saver, where);
  }

  /**
   * The squeezed arrays of the node at `where` (or, with `loadAll`, of every node of this type
   * under its parent), background-subtracted with `withBkg`.
   * @throws NodeError when `where` is missing; MissingAttributeError without `shape`/`nav_indexes`.
   */
  getDataArrays(where: Where, options: LoadOptions = {}): NDArray[] {
    const o = checkOptions(options, LOAD_KEYS, `${this.saverName}.getDataArrays`);
    return getDataArrays(this.h5saver, where, { ...o, dataType: this.dataType.name });
  }

  /**
   * The DataWithAxes stored at a node of this type, with the axes of its group (navigation axes
   * stored elsewhere are not included: see DataLoader).
   * @throws NodeError, MissingAttributeError, or the model's errors for inconsistent data.
   */
  loadData(where: Where, options: LoadOptions = {}): DataWithAxes {
    const o = checkOptions(options, LOAD_KEYS, `${this.saverName}.loadData`);
    return loadDataFromNode(this.h5saver, where, { ...o, dataType: this.dataType.name });
  }
}

export class DataSaverLoader extends DataNodeSaver {
  readonly dataType: DataType = DataType.data;

  /**
   * Writes each array of `data` as the next node of this type in `where` (attributes of
   * file-format.md §5.2: timestamp, label, source, distribution, origin, units, nav_indexes, then the extra
   * attributes), then its axes (unless `saveAxes` is false), then its error bars as
   * `ErrorBar{n}` nodes (`data.errorsAsDwa()`, without axes).
   * @param where the group (or its path)
   * @throws NodeError when `where` is not a group; InvalidTypeError for unknown options.
   */
  addData(where: Where, data: DataWithAxes, options: AddDataOptions = {}): void {
    checkDataWithAxes(`${this.saverName}.addData`, data);
    return this.h5saver.savePoint(() => { // one point for the flush policy
      const o = checkOptions(options, ADD_DATA_KEYS, `${this.saverName}.addData`);
      const dim = data.dim.name;
      // Each array is complete once written: release it, as a writer closing it would, rather than
      // keep its handle and chunk cache until the file closes.
      for (let i = 0; i < data.length; i++) {
        const array = this.h5saver.addArray(where, this.nextNodeName(where), this.dataType, {
          title: data.name,
          data: data.data[i] as NDArray,
          dataDimension: dim,
          metadata: nodeMetadata(data, i, { full: true }),
        });
        this.h5saver.releaseNode(array);
      }
      if (o.saveAxes ?? true) for (const axis of data.axes) this.h5saver.releaseNode(this.axisSaver.addAxis(where, axis));
      const errorSaver = this.errorSaver;
      if (data.errors !== null && errorSaver !== null) {
        errorSaver.addData(where, data.errorsAsDwa(), { saveAxes: false });
      }
    });
  }
}

/** Background saver: the same nodes as DataSaverLoader, named `Bkg{n}`, `data_type='bkg'`. */
export class BkgSaver extends DataSaverLoader {
  override readonly dataType: DataType = DataType.bkg;
}

/** Error-bar saver: `ErrorBar{n}` nodes, `data_type='error'`. */
export class ErrorSaverLoader extends DataSaverLoader {
  override readonly dataType: DataType = DataType.error;
}
