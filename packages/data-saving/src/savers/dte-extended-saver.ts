/**
 * `DataToExportExtendedSaver` (seed, file-format.md §6.7): scans. Every DataWithAxes of a DataToExport
 * is written at the scan indexes into `where/<dim>/CH{i}/Data{n}` arrays of shape
 * `extendedShape + data shape`; the scan axes go to `where/NavAxes` once.
 *
 * @example
 * const saver = new DataToExportExtendedSaver(h5, [nx, ny]);
 * saver.addNavAxes(scan, [xAxis, yAxis]);
 * saver.addData(det, dte, [ix, iy]);
 */
import type { Axis, DataDistribution, DataToExport } from "@pymodaq-ts/data-model";
import { NAV_AXES_GROUP_NAME } from "../conventions/layout.js";
import type { Where } from "../conventions/h5-backend.js";
import type { Metadata } from "../conventions/metadata.js";
import { checkOptions } from "../options.js";
import { AxisSaverLoader } from "./axis-saver.js";
import type { H5SaverInput } from "./on-file.js";
import { DataToExportSaverBase } from "./dte-saver.js";
import { DataExtendedSaver, distributionOf, normalizeExtendedIndexes } from "./extended-saver.js";
import { checkAxes, checkDataToExport } from "../arguments.js";

export interface DataToExportExtendedAddOptions {
  /** `distribution` written on new data nodes (default `uniform`). */
  distribution?: DataDistribution | string;
  /** Accepted for API parity; ignored, as in the original (Q18). */
  settingsAsXml?: string;
  /** Accepted for API parity; ignored, as in the original (Q18). */
  metadata?: Metadata | null;
}

const ADD_KEYS: readonly (keyof DataToExportExtendedAddOptions)[] = ["distribution", "settingsAsXml", "metadata"];

export class DataToExportExtendedSaver extends DataToExportSaverBase {
  private readonly dataSaver: DataExtendedSaver;
  private readonly navAxisSaver: AxisSaverLoader;

  /**
   * @param h5saver an open saver or a file path
   * @param extendedShape the scan dimensions, e.g. `[nx, ny]`
   * @throws InvalidTypeError when `extendedShape` is not a list of non-negative integers
   */
  constructor(h5saver: H5SaverInput, extendedShape: readonly number[]) {
    super(h5saver);
    this.dataSaver = new DataExtendedSaver(this.h5saver, extendedShape);
    this.navAxisSaver = new AxisSaverLoader(this.h5saver);
  }

  /** The scan shape prepended to each array. */
  get extendedShape(): readonly number[] {
    return this.dataSaver.extendedShape;
  }

  /**
   * Writes the scan axes as `where/NavAxes/Axis{n}` nodes, unless that group already holds
   * axes (then nothing is written).
   * @throws NodeError when `where` is not a group.
   */
  addNavAxes(where: Where, axes: readonly Axis[]): void {
    checkAxes("DataToExportExtendedSaver.addNavAxes", axes);
    const navGroup = this.groups.getSet(where, NAV_AXES_GROUP_NAME);
    if (this.navAxisSaver.getLastNodeName(navGroup) !== null) return;
    for (const axis of axes) this.navAxisSaver.addAxis(navGroup, axis);
  }

  /**
   * Writes every DataWithAxes of `data` at `indexes` in its channel group (arrays created on
   * the first call). The indexes are checked before anything is written.
   * @param indexes one index per scan dimension (negatives count from the end)
   * @throws IndexOutOfRangeError (Python IndexError) for a wrong count or an index out of range;
   *   InvalidTypeError for unknown options.
   */
  addData(where: Where, data: DataToExport, indexes: readonly number[], options: DataToExportExtendedAddOptions = {}): void {
    checkDataToExport("DataToExportExtendedSaver.addData", data);
    return this.h5saver.savePoint(() => { // one point for the flush policy
      const o = checkOptions(options, ADD_KEYS, "DataToExportExtendedSaver.addData");
      // Indexes and options are checked once here, not again per DataWithAxes.
      const at = normalizeExtendedIndexes(indexes, this.extendedShape);
      const distribution = distributionOf(o.distribution);
      this.groups.forEachChannel(where, data, (ch, dwa) => this.dataSaver.writePoint(ch, dwa, at, distribution));
    });
  }
}
