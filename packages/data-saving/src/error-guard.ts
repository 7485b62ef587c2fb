/**
 * The brand every data-saving error carries and the guard built on it. Guards test the brand and
 * the code rather than `instanceof`, so an error thrown by another copy of the package (two
 * builds loaded in one process) is still recognised.
 */
import type { DataSavingError, DataSavingErrorCode } from "./errors.js";

export const BRAND: unique symbol = Symbol.for("@pymodaq-ts/data-saving.error") as never;

/** A type guard for the errors of one code (every data-saving error when no code is given). */
export function guardFor<T extends DataSavingError>(code?: DataSavingErrorCode): (e: unknown) => e is T {
  return (e: unknown): e is T =>
    typeof e === "object" && e !== null && (e as { [BRAND]?: unknown })[BRAND] === true &&
    (code === undefined || (e as DataSavingError).code === code);
}
