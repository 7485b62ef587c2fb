/** Checks shared by every options object of this package: unknown keys are rejected, numbers are checked. */
import { InvalidOptionsError } from "./errors.js";

/**
 * Rejects keys of `options` that are not in `allowed` (a misspelled option must not be ignored).
 * @param options the caller's options object (undefined is accepted and means "all defaults")
 * @param allowed the keys the function understands
 * @param where the function name, for the message
 * @throws InvalidOptionsError when `options` is not an object or holds an unknown key
 */
export function checkKeys(options: unknown, allowed: readonly string[], where: string): void {
  if (options === undefined) return;
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw new InvalidOptionsError(`${where}: options must be an object`);
  }
  const unknown = Object.keys(options).filter((k) => !allowed.includes(k));
  if (unknown.length > 0) {
    throw new InvalidOptionsError(
      `${where}: unknown option${unknown.length > 1 ? "s" : ""} ${unknown.map((k) => `'${k}'`).join(", ")}` +
        ` (known: ${allowed.join(", ")})`,
    );
  }
}

/**
 * Returns `value`, or `fallback` when undefined, after checking it is a finite number in [min, max].
 * @throws InvalidOptionsError when the value is not a finite number, out of range, or not an integer
 * although `integer` is set
 */
export function checkNumber(
  value: unknown,
  fallback: number,
  name: string,
  limits: { min?: number; max?: number; integer?: boolean } = {},
): number {
  const v = value === undefined ? fallback : value;
  if (typeof v !== "number" || !Number.isFinite(v)) {
    throw new InvalidOptionsError(`${name} must be a finite number, got ${String(v)}`);
  }
  if (limits.integer === true && !Number.isInteger(v)) {
    throw new InvalidOptionsError(`${name} must be an integer, got ${v}`);
  }
  if (limits.min !== undefined && v < limits.min) {
    throw new InvalidOptionsError(`${name} must be >= ${limits.min}, got ${v}`);
  }
  if (limits.max !== undefined && v > limits.max) {
    throw new InvalidOptionsError(`${name} must be <= ${limits.max}, got ${v}`);
  }
  return v;
}
