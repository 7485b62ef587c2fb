/**
 * The savers of the seed (`pymodaq_data.h5modules.data_saving`), camelCased: one module per
 * class family. Every class accepts an open `H5SaverLowLevel` or a file path.
 *
 * @example
 * const h5 = new H5SaverLowLevel({ saveType: "detector" });
 * h5.initFile("/tmp/det.h5", { newFile: true });
 * new DataToExportSaver(h5).addData(h5.addDetGroup(h5.rawGroup, "det"), dte);
 * h5.closeFile();
 */
export { DataManagement } from "./data-management.js";
export { SaverOnFile, resolveH5Saver, type H5SaverInput } from "./on-file.js";
export { AxisSaverLoader, type AddAxisOptions } from "./axis-saver.js";
export {
  BkgSaver, DataNodeSaver, DataSaverLoader, ErrorSaverLoader, type AddDataOptions, type LoadOptions,
} from "./data-saver.js";
export {
  DataEnlargeableSaver, type AxisValue, type DataEnlargeableSaverOptions, type EnlargeableAddOptions,
} from "./enlargeable-saver.js";
export { DataExtendedSaver, type ExtendedAddOptions } from "./extended-saver.js";
export {
  DataToExportSaver, DataToExportSaverBase, type DataToExportAddOptions, type DataToExportSaverOptions,
} from "./dte-saver.js";
export {
  DataToExportEnlargeableSaver, DataToExportTimedSaver,
  type DataToExportEnlargeableAddOptions, type DataToExportEnlargeableSaverOptions, type DataToExportTimedAddOptions,
} from "./dte-enlargeable-saver.js";
export { DataToExportExtendedSaver, type DataToExportExtendedAddOptions } from "./dte-extended-saver.js";
export { AxisError, isAxisError } from "../loader/errors.js";
