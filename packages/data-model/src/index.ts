/**
 * @pymodaq-ts/data-model: PyMoDAQ's data model (pymodaq_data 5.0) in TypeScript.
 * Axis, DataWithAxes (DataRaw, DataCalculated), DataToExport, their enums, errors and
 * warnings, and the small NDArray they hold. No dependency on any HDF5 code.
 *
 * @example
 * import { Axis, DataRaw, DataToExport, NDArray } from "@pymodaq-ts/data-model";
 * const spectrum = new DataRaw("spectrum", {
 *   data: [NDArray.linspace(0, 1, 100)],
 *   axes: [new Axis("wavelength", "nm", NDArray.linspace(400, 800, 100))],
 *   units: "V",
 * });
 * const dte = new DataToExport("detector", { data: [spectrum] });
 * dte.getDimPresents();                  // ["Data1D"]
 * dte.getDataFromDim("Data1D").at(0);    // spectrum (origin set to "detector")
 */
export const packageName = "@pymodaq-ts/data-model";

export * from "./pyvalue.js";
export {
  DTYPES, allocate, dtypeOfTypedArray, inferDtype, isBigIntDtype, isComplexDtype, isDtype, isFloatDtype, isIntegerDtype, lanesOf, matchesDtype,
  scalarTypeOf,
  type AnyTypedArray, type BigIntDtype, type Complex, type ComplexDtype, type Dtype, type FloatDtype, type IntegerDtype,
  type NumberDtype, type ScalarOf, type TypedArrayOf,
} from "./dtype.js";
export * from "./errors.js";
export * from "./warnings.js";
export { ELLIPSIS, Slice, type IndexItem } from "./slice.js";
export { NDArray, isNDArray, shapeSize, type Nested } from "./ndarray.js";
export { concatenate, stack } from "./ndjoin.js";
export { allclose, binaryOp, reduce, unwrap, type BinaryOp, type ReduceOp } from "./ndmath.js";
export { squeeze } from "./squeeze.js";
export { PyEnum, enumChecker, enumEquals, isPyEnum, type EnumClass } from "./enum-base.js";
export * from "./enums.js";
export { checkUnits, divideUnits, isKnownUnit, multiplyUnits, unitConverter, unitsCompatible } from "./units.js";
export { Axis, NavAxis, isAxis, type AxisDataInput, type AxisFields, type AxisOptions, type AxisRestOptions } from "./axis.js";
export type { NumberKind, PyNumberLike } from "./py-number.js";
export { AxisSlicer, ValueAxisSlicer } from "./axis-slicing.js";
export { DataBase, DataLowLevel, isDataBase, type DataBaseOptions } from "./data-base.js";
export { toNDArray, type ArrayInput, type DataInput } from "./data-input.js";
export type { DataOperand } from "./data-ops.js";
export { AxesManager, SpreadAxesManager, UniformAxesManager } from "./axes-manager.js";
export {
  DataCalculated, DataFromRoi, DataRaw, DataWithAxes, isDataWithAxes,
  type DataWithAxesFields, type DataWithAxesOptions, type DataWithFixedSourceOptions, type NewDataOptions,
} from "./data-with-axes.js";
export { DataSlicer } from "./dwa-slicing.js";
export type { FtOptions, InterpOptions } from "./dwa-analysis.js";
export { centredFt, centredIft, fftAlong, ftAxisTime } from "./fourier.js";
export { className } from "./class-name.js";
export { DataToExport, compareCodePoints, isDataToExport, type DataToExportFields, type DataToExportOptions } from "./data-to-export.js";
