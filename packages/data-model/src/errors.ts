/**
 * Typed errors of the data model (data-model.md §2). Python raises builtin `TypeError`,
 * `ValueError` and `IndexError` for bad input; the port raises `ModelTypeError`,
 * `ModelValueError` and `ModelIndexError` in their place, so callers can tell the
 * model's validation errors from bugs. Every class has a `name` tag and a type guard
 * that works across duplicated copies of the package (it checks a brand, not the
 * prototype chain).
 */

const BRAND = Symbol.for("@pymodaq-ts/data-model/error");

/** Every error name this package throws. */
export type DataModelErrorName =
  | "ModelTypeError" | "ModelValueError" | "ModelIndexError" | "ModelNotImplementedError"
  | "DataShapeError" | "DataLengthError" | "DataDimError" | "DataUnitError";

type ErrorBase = new (message?: string, options?: ErrorOptions) => Error;

/** A branded error class named `name` extending `Base` (the classes below only differ in these two). */
function errorClass<N extends DataModelErrorName>(name: N, Base: ErrorBase) {
  return class extends Base {
    declare readonly name: N;
    constructor(message: string, options?: ErrorOptions) {
      super(message, options);
      Object.defineProperty(this, "name", { value: name, enumerable: false, configurable: true, writable: true });
      Object.defineProperty(this, BRAND, { value: true, enumerable: false });
    }
  };
}

/** Python `TypeError`: a value of the wrong type (a label that is not a string, a non-Axis in `axes`...). Extends TypeError. */
export class ModelTypeError extends errorClass("ModelTypeError", TypeError) {}

/** Python `ValueError`: a value of the right type but not allowed (unknown enum name, negative index...). */
export class ModelValueError extends errorClass("ModelValueError", Error) {}

/** Python `IndexError`: an index outside the data, an axis index beyond the data dimensions. Extends RangeError. */
export class ModelIndexError extends errorClass("ModelIndexError", RangeError) {}

/** Python `NotImplementedError`: a feature the original declares but does not support. */
export class ModelNotImplementedError extends errorClass("ModelNotImplementedError", Error) {}

/** The arrays given as data do not all have the shape of the first one; `append` of another shape. */
export class DataShapeError extends errorClass("DataShapeError", Error) {}

/** Spread distribution: a navigation axis has a size other than 1 and other than the navigation length. */
export class DataLengthError extends errorClass("DataLengthError", Error) {}

/** Data of the wrong dimensionality for an operation (e.g. appending DataND to an enlargeable array). */
export class DataDimError extends errorClass("DataDimError", Error) {}

/** Conversion between incompatible units. */
export class DataUnitError extends errorClass("DataUnitError", Error) {}

export type DataModelError =
  | ModelTypeError | ModelValueError | ModelIndexError | ModelNotImplementedError
  | DataShapeError | DataLengthError | DataDimError | DataUnitError;

function isBranded(e: unknown): e is Error {
  return e instanceof Error && (e as unknown as Record<symbol, unknown>)[BRAND] === true;
}

function guard<N extends DataModelErrorName>(name: N) {
  return (e: unknown): e is Extract<DataModelError, { name: N }> => isBranded(e) && e.name === name;
}

/** True for any error thrown by this package's validation. */
export function isDataModelError(e: unknown): e is DataModelError {
  return isBranded(e);
}
export const isModelTypeError = guard("ModelTypeError");
export const isModelValueError = guard("ModelValueError");
export const isModelIndexError = guard("ModelIndexError");
export const isModelNotImplementedError = guard("ModelNotImplementedError");
export const isDataShapeError = guard("DataShapeError");
export const isDataLengthError = guard("DataLengthError");
export const isDataDimError = guard("DataDimError");
export const isDataUnitError = guard("DataUnitError");
