/**
 * `DataToExportEnlargeableSaver` and `DataToExportTimedSaver` (seed, file-format.md §6.5, §6.6): each
 * DataWithAxes of a DataToExport is appended to `where/<dim>/CH{i}/EnlData{n}` EARRAYs, and the
 * enlargeable axes live in `where/NavAxes` (one value per axis per call; `size` starts at 0 and
 * counts the appends, kept in memory until the next flush).
 *
 * @example
 * const saver = new DataToExportTimedSaver(h5);
 * const det = h5.addDetGroup(h5.rawGroup, "logger");
 * for (const dte of acquisitions) saver.addData(det, dte);   // NavAxes/Axis00 = the DTE timestamps
 */
import type { DataToExport } from "@pymodaq-ts/data-model";
import { InvalidTypeError, InvalidValueError } from "../errors.js";
import { ATTR, NAV_AXES_GROUP_NAME, typedAttr } from "../conventions/layout.js";
import type { Where } from "../conventions/h5-backend.js";
import type { Metadata } from "../conventions/metadata.js";
import { checkOptions } from "../options.js";
import { EARRAY } from "../conventions/nodes/arrays.js";
import type { GROUP } from "../conventions/nodes/group.js";
import { AxisSaverLoader } from "./axis-saver.js";
import type { H5SaverInput } from "./on-file.js";
import { DataToExportSaverBase } from "./dte-saver.js";
import {
  appendAxisValue, axisValueArray, DataEnlargeableSaver, enlargeableAxisTemplate, type AxisValue,
} from "./enlargeable-saver.js";
import { NodeListCache } from "./node-cache.js";
import { checkDataToExport } from "../arguments.js";

export interface DataToExportEnlargeableSaverOptions {
  /** Names of the enlargeable axes (default `[axisName]`). */
  enlAxisNames?: readonly string[] | null;
  /** Units of the enlargeable axes (default `[axisUnits]`). */
  enlAxisUnits?: readonly string[] | null;
  /** Name of the single enlargeable axis when `enlAxisNames` is absent (default `'nav axis'`). */
  axisName?: string;
  /** Units of the single enlargeable axis when `enlAxisUnits` is absent (default `''`). */
  axisUnits?: string;
}

export interface DataToExportEnlargeableAddOptions {
  /** The next value of each enlargeable axis (required, unless `axisValue` is given). */
  axisValues?: readonly AxisValue[] | null;
  /** Deprecated single-axis form of `axisValues`. */
  axisValue?: AxisValue | null;
  /** Accepted for API parity; ignored, as in the original (Q18). */
  settingsAsXml?: string;
  /** Accepted for API parity; ignored, as in the original (Q18). */
  metadata?: Metadata | null;
}

const CTOR_KEYS: readonly (keyof DataToExportEnlargeableSaverOptions)[] = ["enlAxisNames", "enlAxisUnits", "axisName", "axisUnits"];
const ADD_KEYS: readonly (keyof DataToExportEnlargeableAddOptions)[] = ["axisValues", "axisValue", "settingsAsXml", "metadata"];

export class DataToExportEnlargeableSaver extends DataToExportSaverBase {
  /** Names of the enlargeable axes. */
  readonly enlAxisNames: readonly string[];
  /** Units of the enlargeable axes. */
  readonly enlAxisUnits: readonly string[];
  private readonly dataSaver: DataEnlargeableSaver;
  private readonly navAxisSaver: AxisSaverLoader;
  /** The `where/NavAxes/Axis{k}` EARRAYs, by `where`. */
  private readonly navAxes = new NodeListCache(
    (where, k) => this.navAxisSaver.getNodeFromIndex(this.groups.getSet(where, NAV_AXES_GROUP_NAME), k), EARRAY, "an enlargeable Axis EARRAY");

  /**
   * @param h5saver an open saver or a file path
   * @throws InvalidValueError when names and units differ in length; InvalidTypeError for
   *   unknown options
   */
  constructor(h5saver: H5SaverInput, options: DataToExportEnlargeableSaverOptions = {}) {
    const o = checkOptions(options, CTOR_KEYS, "DataToExportEnlargeableSaver");
    super(h5saver);
    this.enlAxisNames = [...(o.enlAxisNames ?? [o.axisName ?? "nav axis"])];
    this.enlAxisUnits = [...(o.enlAxisUnits ?? [o.axisUnits ?? ""])];
    if (this.enlAxisNames.length !== this.enlAxisUnits.length) {
      throw new InvalidValueError("Both enlAxisNames and enlAxisUnits should have the same length");
    }
    this.dataSaver = new DataEnlargeableSaver(this.h5saver);
    this.navAxisSaver = new AxisSaverLoader(this.h5saver);
  }

  /**
   * Appends every DataWithAxes of `data` to the EARRAYs of its channel group (no enlargeable
   * axes there), then appends `axisValues[k]` to `where/NavAxes/Axis{k}` (created on the first
   * call from the template, `size` 0) and adds 1 to its `size`.
   * @param where the group (or its path)
   * @throws InvalidTypeError when neither `axisValues` nor `axisValue` is given (checked before
   *   anything is written); InvalidValueError when fewer values than axes are given;
   *   DataDimError for DataND data.
   */
  addData(where: Where, data: DataToExport, options: DataToExportEnlargeableAddOptions = {}): void {
    checkDataToExport("DataToExportEnlargeableSaver.addData", data);
    return this.h5saver.savePoint(() => { // one point for the flush policy
      const o = checkOptions(options, ADD_KEYS, "DataToExportEnlargeableSaver.addData");
      const axisValues = o.axisValues ?? (o.axisValue === undefined || o.axisValue === null ? null : [o.axisValue]);
      if (axisValues === null) throw new InvalidTypeError("addData: axisValues (or axisValue) is required");
      if (axisValues.length < this.enlAxisNames.length) {
        throw new InvalidValueError(`addData: ${this.enlAxisNames.length} enlargeable axes need as many axis values, got ${axisValues.length}`);
      }
      this.groups.forEachChannel(where, data, (ch, dwa) => this.dataSaver.addData(ch, dwa));
      const n = this.enlAxisNames.length;
      let axes = this.navAxes.cached(where, n);
      if (axes === null) {
        const navGroup = this.groups.getSet(where, NAV_AXES_GROUP_NAME);
        if (this.navAxisSaver.getLastNodeName(navGroup) === null) this.createNavAxes(navGroup);
        axes = this.navAxes.get(where, n);
      }
      for (let k = 0; k < n; k++) appendAxisValue(axes[k] as EARRAY, axisValueArray(axisValues[k] as AxisValue, true), false);
    });
  }

  private createNavAxes(navGroup: GROUP): void {
    this.enlAxisNames.forEach((name, k) => {
      const axis = enlargeableAxisTemplate(name, this.enlAxisUnits[k] ?? "", k);
      const node = this.navAxisSaver.addAxis(navGroup, axis, { enlargeable: true });
      node.attrs.set(ATTR.size, typedAttr(ATTR.size, 0));
    });
  }
}

export interface DataToExportTimedAddOptions {
  /** Accepted for API parity; ignored, as in the original (Q18). */
  settingsAsXml?: string;
  /** Accepted for API parity; ignored, as in the original (Q18). */
  metadata?: Metadata | null;
}

const TIMED_KEYS: readonly (keyof DataToExportTimedAddOptions)[] = ["settingsAsXml", "metadata"];

/** A DataToExportEnlargeableSaver whose single axis is `time` in `s`: the DataToExport timestamps. */
export class DataToExportTimedSaver extends DataToExportEnlargeableSaver {
  /** @param h5saver an open saver or a file path */
  constructor(h5saver: H5SaverInput) {
    super(h5saver, { enlAxisNames: ["time"], enlAxisUnits: ["s"] });
  }

  /**
   * Appends `data` with its timestamp (seconds since the epoch) as the next time value.
   * @throws DataDimError for DataND data; InvalidTypeError for unknown options.
   */
  override addData(where: Where, data: DataToExport, options: DataToExportTimedAddOptions = {}): void {
    checkDataToExport("DataToExportTimedSaver.addData", data);
    checkOptions(options, TIMED_KEYS, "DataToExportTimedSaver.addData");
    super.addData(where, data, { axisValues: [data.timestamp] });
  }
}
