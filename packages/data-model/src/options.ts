/**
 * Validation of options objects: unknown or misspelled keys are rejected, so a typo
 * such as `navIndex` fails loudly instead of being ignored.
 */
import { describe } from "./dtype.js";
import { ModelTypeError } from "./errors.js";

/**
 * Checks that `options` is a plain object (or undefined) whose keys are all in `allowed`.
 * @param where the constructor or function name, for messages.
 * @throws ModelTypeError for a non-object or an unknown key.
 */
export function checkOptions<T extends object>(options: T | undefined, allowed: readonly string[], where: string): T | Record<string, never> {
  if (options === undefined || options === null) return {};
  if (typeof options !== "object" || Array.isArray(options)) {
    throw new ModelTypeError(`${where}: options must be an object, got ${describe(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) {
      throw new ModelTypeError(`${where}: unknown option '${key}' (allowed: ${allowed.join(", ")})`);
    }
  }
  return options;
}

/**
 * Checks a non-negative integer argument (an index, a size...). JS cannot tell `1.0`
 * from `1`, so integral numbers are accepted; bigints are Python ints and accepted too.
 * @throws ModelTypeError for a non-integer (the caller checks the sign).
 */
export function checkInteger(where: string, what: string, value: unknown): number {
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value !== "number" || !Number.isSafeInteger(value)) {
    throw new ModelTypeError(`${where}: ${what} should be an integer, got ${describe(value)}`);
  }
  return value;
}
