/**
 * Typed errors of the data model (spec §2). Python raises builtin `TypeError`,
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

function brand(error: Error, name: DataModelErrorName): void {
  Object.defineProperty(error, "name", { value: name, enumerable: false, configurable: true, writable: true });
  Object.defineProperty(error, BRAND, { value: true, enumerable: false });
}

/** Python `TypeError`: a value of the wrong type (a label that is not a string, a non-Axis in `axes`...). */
export class ModelTypeError extends TypeError {
  declare readonly name: "ModelTypeError";
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    brand(this, "ModelTypeError");
  }
}

/** Python `ValueError`: a value of the right type but not allowed (unknown enum name, negative index...). */
export class ModelValueError extends Error {
  declare readonly name: "ModelValueError";
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    brand(this, "ModelValueError");
  }
}

/** Python `IndexError`: an index outside the data, an axis index beyond the data dimensions. */
export class ModelIndexError extends RangeError {
  declare readonly name: "ModelIndexError";
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    brand(this, "ModelIndexError");
  }
}

/** Python `NotImplementedError`: a feature the original declares but does not support. */
export class ModelNotImplementedError extends Error {
  declare readonly name: "ModelNotImplementedError";
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    brand(this, "ModelNotImplementedError");
  }
}

/** The arrays given as data do not all have the shape of the first one; `append` of another shape. */
export class DataShapeError extends Error {
  declare readonly name: "DataShapeError";
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    brand(this, "DataShapeError");
  }
}

/** Spread distribution: a navigation axis has a size other than 1 and other than the navigation length. */
export class DataLengthError extends Error {
  declare readonly name: "DataLengthError";
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    brand(this, "DataLengthError");
  }
}

/** Data of the wrong dimensionality for an operation (e.g. appending DataND to an enlargeable array). */
export class DataDimError extends Error {
  declare readonly name: "DataDimError";
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    brand(this, "DataDimError");
  }
}

/** Conversion between incompatible units. */
export class DataUnitError extends Error {
  declare readonly name: "DataUnitError";
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    brand(this, "DataUnitError");
  }
}

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
