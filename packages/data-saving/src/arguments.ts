/**
 * Checks of the values callers hand the savers, the background saver and the loader. A caller in
 * plain JavaScript can pass anything; a wrong value is refused with a typed error naming the call
 * and the argument before anything is written, rather than failing halfway through a point with
 * a TypeError from deep inside.
 */
import { isAxis, isDataToExport, isDataWithAxes, type Axis, type DataToExport, type DataWithAxes } from "@pymodaq-ts/data-model";
import { InvalidTypeError, InvalidValueError } from "./errors.js";
import { describeValue } from "./options.js";

function refuse(call: string, argument: string, expected: string, value: unknown): never {
  throw new InvalidTypeError(`${call}: ${argument} must be ${expected}, got ${describeValue(value)}`);
}

/** @throws InvalidTypeError when `data` is not a DataToExport */
export function checkDataToExport(call: string, data: unknown): asserts data is DataToExport {
  if (!isDataToExport(data)) refuse(call, "data", "a DataToExport", data);
}

/** @throws InvalidTypeError when `data` is not a DataWithAxes */
export function checkDataWithAxes(call: string, data: unknown): asserts data is DataWithAxes {
  if (!isDataWithAxes(data)) refuse(call, "data", "a DataWithAxes", data);
}

/** @throws InvalidTypeError when `axis` is not an Axis */
export function checkAxis(call: string, axis: unknown, argument = "axis"): asserts axis is Axis {
  if (!isAxis(axis)) refuse(call, argument, "an Axis", axis);
}

/** @throws InvalidTypeError when `axes` is not an array of Axis */
export function checkAxes(call: string, axes: unknown): asserts axes is readonly Axis[] {
  if (!Array.isArray(axes)) refuse(call, "axes", "an array of Axis", axes);
  axes.forEach((axis: unknown, i) => checkAxis(call, axis, `axes[${i}]`));
}

/** @throws InvalidTypeError when `where` is not a string (a group's path) */
export function checkPath(call: string, where: unknown): asserts where is string {
  if (typeof where !== "string") refuse(call, "where", "a group's path (a string)", where);
}

/**
 * @throws InvalidTypeError when `fileName` is not a string; InvalidValueError when it is empty
 *   (the path would resolve to the working directory, and the file be named after it)
 */
export function checkFileName(call: string, fileName: unknown): asserts fileName is string {
  if (typeof fileName !== "string") refuse(call, "fileName", "a string", fileName);
  if (fileName === "") throw new InvalidValueError(`${call}: fileName must not be empty`);
}
