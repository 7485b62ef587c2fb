/**
 * `DataToExportSaver` (seed, file-format.md §6.2): saves every DataWithAxes of a DataToExport under
 * `where/<dim>/CH{i:02d}` with a DataSaverLoader; backgrounds with a BkgSaver.
 *
 * @example
 * const saver = new DataToExportSaver(h5);
 * const det = h5.addDetGroup(h5.rawGroup, "my detector");
 * saver.addData(det, dte);      // /RawData/Detector000/Data1D/CH00/Data00 ...
 * saver.addBkg(det, dteBkg);    // ... /CH00/Bkg00
 */
import { className, type DataToExport } from "@pymodaq-ts/data-model";
import { channelGroupName, type EnumInput } from "../conventions/layout.js";
import type { Where } from "../conventions/h5-backend.js";
import type { Metadata } from "../conventions/metadata.js";
import { checkOptions } from "../options.js";
import { ChannelGroups } from "./channel-walk.js";
import { SaverOnFile, type H5SaverInput } from "./on-file.js";
import { BkgSaver, DataSaverLoader, type AddDataOptions } from "./data-saver.js";
import { checkDataToExport } from "../arguments.js";

export interface DataToExportSaverOptions {
  /** SaveType (member or name) of the file created when `h5saver` is a path (default `'scan'`). */
  saveType?: EnumInput;
}

export interface DataToExportAddOptions extends AddDataOptions {
  /** Accepted for API parity; ignored, as in the original (Q18). */
  settingsAsXml?: string;
  /** Accepted for API parity; ignored, as in the original (Q18). */
  metadata?: Metadata | null;
}

const CTOR_KEYS: readonly (keyof DataToExportSaverOptions)[] = ["saveType"];
const ADD_KEYS: readonly (keyof DataToExportAddOptions)[] = ["settingsAsXml", "metadata", "saveAxes"];

/**
 * What every DataToExport saver shares (Python puts it in DataToExportSaver, which the extended
 * saver derives from; its `addData` signature differs, so it derives from this base instead):
 * the group cache, backgrounds and errors (Q1), on the file its `SaverOnFile` base holds.
 */
export abstract class DataToExportSaverBase extends SaverOnFile {
  /** The dim and channel groups already resolved. */
  protected readonly groups: ChannelGroups;
  private readonly bkgSaver: BkgSaver;

  /**
   * @param h5saver an open saver or a file path (opened read-write, created if absent)
   * @param saveType SaveType of the file created when `h5saver` is a path
   */
  protected constructor(h5saver: H5SaverInput, saveType: EnumInput = "scan") {
    super(h5saver, saveType);
    this.groups = new ChannelGroups(this.h5saver);
    this.bkgSaver = new BkgSaver(this.h5saver);
  }

  /** `CH00`, `CH01`...: the channel group of the i-th DataWithAxes of a dim. */
  static channelFormatter(ind: number): string {
    return channelGroupName(ind);
  }

  /** Whether the underlying file is open. */
  isopen(): boolean {
    return this.h5saver.isopen();
  }

  /**
   * Saves every DataWithAxes of `data` as background (`Bkg{n}` nodes, no axes) in the channel
   * groups of `where`. A background that has errors also writes `ErrorBar{n}` nodes (Q10).
   * @throws NodeError when `where` is not a group.
   */
  addBkg(where: Where, data: DataToExport): void {
    checkDataToExport(`${className(this)}.addBkg`, data);
    this.groups.forEachChannel(where, data, (ch, dwa) => this.bkgSaver.addData(ch, dwa, { saveAxes: false }));
  }

  /**
   * The original's `add_error`: identical to `addBkg`, so the "errors" are written as `Bkg{n}`
   * nodes (Q1, kept for parity: the original reads them back as backgrounds).
   * @throws NodeError when `where` is not a group.
   */
  addError(where: Where, data: DataToExport): void {
    this.addBkg(where, data);
  }
}

export class DataToExportSaver extends DataToExportSaverBase {
  private readonly dataSaver: DataSaverLoader;

  /**
   * @param h5saver an open saver or a file path (opened read-write, created if absent)
   * @throws InvalidTypeError for unknown options
   */
  constructor(h5saver: H5SaverInput, options: DataToExportSaverOptions = {}) {
    const o = checkOptions(options, CTOR_KEYS, "DataToExportSaver");
    super(h5saver, o.saveType ?? "scan");
    this.dataSaver = new DataSaverLoader(this.h5saver);
  }

  /**
   * Saves every DataWithAxes of `data` in `where/<dim>/CH{i}` (channels numbered in name order
   * within each dim). `settingsAsXml` and `metadata` are ignored (Q18); `saveAxes` is passed to
   * DataSaverLoader.addData.
   * @param where the group (or its path)
   * @throws NodeError when `where` is not a group; InvalidTypeError for unknown options.
   */
  addData(where: Where, data: DataToExport, options: DataToExportAddOptions = {}): void {
    checkDataToExport("DataToExportSaver.addData", data);
    return this.h5saver.savePoint(() => { // one point for the flush policy
      const o = checkOptions(options, ADD_KEYS, "DataToExportSaver.addData");
      const saveOptions = o.saveAxes === undefined ? {} : { saveAxes: o.saveAxes };
      this.groups.forEachChannel(where, data, (ch, dwa) => this.dataSaver.addData(ch, dwa, saveOptions));
    });
  }
}
