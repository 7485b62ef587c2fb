/**
 * PyMoDAQ's HDF5 data saving: H5SaverLowLevel, the savers (DataToExportSaver, DataToExportExtendedSaver, DataToExportEnlargeableSaver, DataToExportTimedSaver...), DataLoader and the load functions.
 *
 * @module @pymodaq-ts/data-saving
 */
export * from "@pymodaq-ts/data-saving";
