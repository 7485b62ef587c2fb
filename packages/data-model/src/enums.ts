/**
 * PyMoDAQ's enumerations (data-model.md §1.3 to §1.8): DataDim, DataSource, DataDistribution,
 * DataType, GroupType, SaveType, and the informational DwaType and FileType.
 * Each member is a frozen object with `name` and `value`; see `PyEnum`.
 */
import { PyEnum, enumChecker } from "./enum-base.js";

export type DataDimName = "Data0D" | "Data1D" | "Data2D" | "DataND";

/** Dimensionality of data (data-model.md §1.3): value = `dimIndex`. Compare with `lt`/`le`/`gt`/`ge`. */
export class DataDim extends PyEnum<DataDimName, number> {
  static override readonly enumName = "DataDim";
  static readonly Data0D = new DataDim("Data0D", 0) as DataDim & { readonly name: "Data0D" };
  static readonly Data1D = new DataDim("Data1D", 1) as DataDim & { readonly name: "Data1D" };
  static readonly Data2D = new DataDim("Data2D", 2) as DataDim & { readonly name: "Data2D" };
  static readonly DataND = new DataDim("DataND", 3) as DataDim & { readonly name: "DataND" };


  /** The dimension index: 0, 1, 2 or 3. */
  get dimIndex(): number {
    return this.value;
  }

  /** `this < other`; `other` goes through `enumChecker`, so names work. @throws ModelValueError */
  lt(other: DataDim | string): boolean {
    return this.value < enumChecker(DataDim, other).value;
  }
  /** `this <= other`. @throws ModelValueError */
  le(other: DataDim | string): boolean {
    return this.value <= enumChecker(DataDim, other).value;
  }
  /** `this > other`. @throws ModelValueError */
  gt(other: DataDim | string): boolean {
    return this.value > enumChecker(DataDim, other).value;
  }
  /** `this >= other`. @throws ModelValueError */
  ge(other: DataDim | string): boolean {
    return this.value >= enumChecker(DataDim, other).value;
  }

  /**
   * The dim of an array from its shape: 1-D of size 1 is Data0D, 1-D larger is Data1D,
   * 2-D is Data2D, anything else DataND (data-model.md §1.3).
   */
  static fromDataArray(array: { readonly shape: readonly number[] }): DataDim {
    const s = array.shape;
    if (s.length === 1) {
      if (s[0] === 1) return DataDim.Data0D;
      if ((s[0] ?? 0) > 1) return DataDim.Data1D;
      return DataDim.DataND;
    }
    if (s.length === 2) return DataDim.Data2D;
    return DataDim.DataND;
  }
}

export type DataSourceName = "raw" | "calculated";

/** Where data comes from (data-model.md §1.4). */
export class DataSource extends PyEnum<DataSourceName, number> {
  static override readonly enumName = "DataSource";
  static readonly raw = new DataSource("raw", 0) as DataSource & { readonly name: "raw" };
  static readonly calculated = new DataSource("calculated", 1) as DataSource & { readonly name: "calculated" };
}

export type DataDistributionName = "uniform" | "spread";

/** How navigation points are laid out (data-model.md §1.5). */
export class DataDistribution extends PyEnum<DataDistributionName, number> {
  static override readonly enumName = "DataDistribution";
  static readonly uniform = new DataDistribution("uniform", 0) as DataDistribution & { readonly name: "uniform" };
  static readonly spread = new DataDistribution("spread", 1) as DataDistribution & { readonly name: "spread" };
}

export type DataTypeName =
  | "data" | "axis" | "live_scan" | "external_h5" | "strings" | "bkg" | "data_enlargeable" | "error";

/** Kind of an HDF5 array node (data-model.md §1.6): name = `data_type` attribute, value = node-name prefix. */
export class DataType extends PyEnum<DataTypeName, string> {
  static override readonly enumName = "DataType";
  static readonly data = new DataType("data", "Data") as DataType & { readonly name: "data" };
  static readonly axis = new DataType("axis", "Axis") as DataType & { readonly name: "axis" };
  static readonly live_scan = new DataType("live_scan", "Live") as DataType & { readonly name: "live_scan" };
  static readonly external_h5 = new DataType("external_h5", "ExtData") as DataType & { readonly name: "external_h5" };
  static readonly strings = new DataType("strings", "Strings") as DataType & { readonly name: "strings" };
  static readonly bkg = new DataType("bkg", "Bkg") as DataType & { readonly name: "bkg" };
  static readonly data_enlargeable = new DataType("data_enlargeable", "EnlData") as DataType & { readonly name: "data_enlargeable" };
  static readonly error = new DataType("error", "ErrorBar") as DataType & { readonly name: "error" };
}

export type GroupTypeName =
  | "detector" | "actuator" | "data" | "ch" | "scan" | "external_h5" | "data_dim" | "data_logger";

/** Kind of an HDF5 group (data-model.md §1.7); the lower-cased name is the `type` attribute (`ch` writes ''). */
export class GroupType extends PyEnum<GroupTypeName, number> {
  static override readonly enumName = "GroupType";
  static readonly detector = new GroupType("detector", 0) as GroupType & { readonly name: "detector" };
  static readonly actuator = new GroupType("actuator", 1) as GroupType & { readonly name: "actuator" };
  static readonly data = new GroupType("data", 2) as GroupType & { readonly name: "data" };
  static readonly ch = new GroupType("ch", 3) as GroupType & { readonly name: "ch" };
  static readonly scan = new GroupType("scan", 4) as GroupType & { readonly name: "scan" };
  static readonly external_h5 = new GroupType("external_h5", 5) as GroupType & { readonly name: "external_h5" };
  static readonly data_dim = new GroupType("data_dim", 6) as GroupType & { readonly name: "data_dim" };
  static readonly data_logger = new GroupType("data_logger", 7) as GroupType & { readonly name: "data_logger" };
}

export type SaveTypeName = "scan" | "detector" | "logger" | "custom" | "actuator";

/** What a file holds (data-model.md §1.7); the name is the `type` attribute of `/RawData`. */
export class SaveType extends PyEnum<SaveTypeName, number> {
  static override readonly enumName = "SaveType";
  static readonly scan = new SaveType("scan", 0) as SaveType & { readonly name: "scan" };
  static readonly detector = new SaveType("detector", 1) as SaveType & { readonly name: "detector" };
  static readonly logger = new SaveType("logger", 2) as SaveType & { readonly name: "logger" };
  static readonly custom = new SaveType("custom", 3) as SaveType & { readonly name: "custom" };
  static readonly actuator = new SaveType("actuator", 4) as SaveType & { readonly name: "actuator" };
}

export type DwaTypeName = "DataWithAxes" | "DataRaw" | "DataActuator" | "DataFromPlugins" | "DataCalculated";

/** Informational class tags of the data containers (data-model.md §1.8). */
export class DwaType extends PyEnum<DwaTypeName, number> {
  static override readonly enumName = "DwaType";
  static readonly DataWithAxes = new DwaType("DataWithAxes", 0) as DwaType & { readonly name: "DataWithAxes" };
  static readonly DataRaw = new DwaType("DataRaw", 1) as DwaType & { readonly name: "DataRaw" };
  static readonly DataActuator = new DwaType("DataActuator", 2) as DwaType & { readonly name: "DataActuator" };
  static readonly DataFromPlugins = new DwaType("DataFromPlugins", 3) as DwaType & { readonly name: "DataFromPlugins" };
  static readonly DataCalculated = new DwaType("DataCalculated", 4) as DwaType & { readonly name: "DataCalculated" };
}

export type FileTypeName = "detector" | "actuator" | "axis" | "scan";

/** File kinds of saving.py (data-model.md §1.8). */
export class FileType extends PyEnum<FileTypeName, number> {
  static override readonly enumName = "FileType";
  static readonly detector = new FileType("detector", 0) as FileType & { readonly name: "detector" };
  static readonly actuator = new FileType("actuator", 1) as FileType & { readonly name: "actuator" };
  static readonly axis = new FileType("axis", 2) as FileType & { readonly name: "axis" };
  static readonly scan = new FileType("scan", 3) as FileType & { readonly name: "scan" };
}
