/**
 * Validation of options objects: unknown (or misspelled) keys are rejected with the list of the
 * accepted ones, so a typo never silently falls back to a default.
 */
import { className } from "@pymodaq-ts/data-model";
import { InvalidTypeError } from "./errors.js";

/**
 * Returns `options` (or `{}`) after checking that it is a plain object whose keys are all in
 * `allowed`.
 * @throws InvalidTypeError naming the offending key and the accepted keys.
 */
export function checkOptions<T extends object>(options: T | undefined | null, allowed: readonly (keyof T & string)[], context: string): Partial<T> {
  if (options === undefined || options === null) return {};
  if (typeof options !== "object" || Array.isArray(options)) {
    throw new InvalidTypeError(`${context}: options must be an object`);
  }
  for (const key of Object.keys(options)) {
    if (!(allowed as readonly string[]).includes(key)) {
      throw new InvalidTypeError(`${context}: unknown option '${key}' (accepted: ${allowed.join(", ")})`);
    }
  }
  return options;
}

/** A short description of a value of the wrong kind, for error messages ("Map", "number 3"). */
export function describeValue(v: unknown): string {
  if (v === null || v === undefined) return String(v);
  if (typeof v === "object") return className(v as object);
  return `${typeof v} ${String(v)}`;
}
