/**
 * Argument validation shared by every class: options objects (unknown keys rejected), names,
 * shapes and integers. All failures are H5ArgumentError naming the argument.
 */
import { argumentError } from "./errors.js";
import type { ChunkCacheOptions } from "./types.js";

/**
 * Checks that `options` is undefined or a plain object whose keys are all in `allowed`.
 * @returns the options object (an empty one when undefined)
 */
export function checkOptions<T extends object>(options: T | undefined, allowed: readonly string[], argument = "options"): Partial<T> {
  if (options === undefined) return {};
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw argumentError(argument, "must be an object");
  }
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) {
      throw argumentError(argument, `unknown option ${JSON.stringify(key)} (allowed: ${allowed.join(", ")})`);
    }
  }
  return options;
}

/** A node or attribute name: a non-empty string without NUL characters. */
export function checkName(name: unknown, argument = "name"): string {
  if (typeof name !== "string" || name.length === 0) throw argumentError(argument, "must be a non-empty string");
  if (name.includes("\0")) throw argumentError(argument, "must not contain NUL characters");
  return name;
}

/** A non-negative safe integer (sizes, offsets, counts up to 2^53 - 1). */
export function checkSize(value: unknown, argument: string, min = 0): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < min) {
    throw argumentError(argument, `must be an integer >= ${min} (up to 2^53 - 1), got ${String(value)}`);
  }
  return value;
}

/** An integer in [min, max]. */
export function checkIntegerIn(value: unknown, argument: string, min: number, max: number): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw argumentError(argument, `must be an integer from ${min} to ${max}, got ${String(value)}`);
  }
  return value;
}

/** An array of sizes; `rank` fixes its length when given. */
export function checkDims(value: unknown, argument: string, rank?: number, min = 0): number[] {
  if (!Array.isArray(value)) throw argumentError(argument, "must be an array of integers");
  if (rank !== undefined && value.length !== rank) {
    throw argumentError(argument, `must have ${rank} dimension(s), got ${value.length}`);
  }
  if (value.length > 32) throw argumentError(argument, "HDF5 supports at most 32 dimensions");
  return value.map((v: unknown, i) => checkSize(v, `${argument}[${i}]`, min));
}

/** One of the listed string values. */
export function checkEnum<T extends string>(value: unknown, argument: string, allowed: readonly T[]): T {
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
    throw argumentError(argument, `must be one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}, got ${JSON.stringify(value)}`);
  }
  return value as T;
}

/** Product of dimensions (1 for a scalar). */
export function product(dims: readonly number[]): number {
  let p = 1;
  for (const d of dims) p *= d;
  return p;
}

/** A raw-data chunk cache `{ slots, bytes, w0 }`, checked, as the addon takes it. */
export function checkChunkCache(value: unknown, argument: string): [number, number, number] {
  const cache = checkOptions(value as ChunkCacheOptions, ["slots", "bytes", "w0"], argument);
  const w0 = cache.w0;
  if (typeof w0 !== "number" || !(w0 >= 0 && w0 <= 1)) throw argumentError(`${argument}.w0`, "must be a number from 0 to 1");
  return [checkSize(cache.slots, `${argument}.slots`), checkSize(cache.bytes, `${argument}.bytes`), w0];
}
