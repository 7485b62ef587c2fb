/**
 * PyMoDAQ's data model: Axis, DataWithAxes (DataRaw, DataCalculated...), DataToExport, NDArray, enums and errors.
 *
 * @module @pymodaq-ts/data-model
 */
export * from "@pymodaq-ts/data-model";
