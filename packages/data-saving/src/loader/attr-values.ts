/**
 * Reading decoded attribute values (PyValue) as the plain JS values the loader needs: Python
 * ints (bigint or numpy int scalars) as numbers, tuples as number arrays. Every failure names the
 * node path and the attribute.
 */
import { className, NpScalar, PyTuple, pyNumber, type PyValue } from "@pymodaq-ts/data-model";
import { LoadError } from "./errors.js";

function describe(value: PyValue): string {
  if (value === null) return "None";
  if (typeof value === "object") return className(value);
  return `${typeof value} ${String(value)}`;
}

/** A Python int (bigint, integral number or numpy integer scalar) as a JS number, else undefined. */
export function intOf(value: PyValue): number | undefined {
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "number" && Number.isInteger(value)) return value;
  if (value instanceof NpScalar && value.type.includes("int")) {
    return typeof value.value === "bigint" || typeof value.value === "number" ? Number(value.value) : undefined;
  }
  if (typeof value === "boolean") return value ? 1 : 0; // Python bools are ints
  return undefined;
}

/**
 * An attribute holding a Python int.
 * @throws LoadError (Python TypeError) naming the node and attribute otherwise.
 */
export function requireInt(value: PyValue, path: string, attr: string): number {
  const n = intOf(value);
  if (n === undefined) {
    throw new LoadError("TypeError", `attribute '${attr}' should be an int, found ${describe(value)}`, { path });
  }
  return n;
}

/** The items of a tuple or list value, else undefined. */
export function sequenceOf(value: PyValue): readonly PyValue[] | undefined {
  if (value instanceof PyTuple) return value.items;
  if (Array.isArray(value)) return value;
  return undefined;
}

/**
 * An attribute holding a tuple (or list) of Python ints, such as `shape` or `nav_indexes`.
 * @throws LoadError (Python TypeError) naming the node and attribute otherwise.
 */
export function requireIntTuple(value: PyValue, path: string, attr: string): number[] {
  const items = sequenceOf(value);
  if (items === undefined) {
    throw new LoadError("TypeError", `attribute '${attr}' should be a tuple of ints, found ${describe(value)}`, { path });
  }
  return items.map((item) => requireInt(item, path, attr));
}

/**
 * An attribute holding a str.
 * @throws LoadError (Python TypeError) naming the node and attribute otherwise.
 */
export function requireString(value: PyValue, path: string, attr: string): string {
  if (typeof value !== "string") {
    throw new LoadError("TypeError", `attribute '${attr}' should be a str, found ${describe(value)}`, { path });
  }
  return value;
}

/**
 * An attribute holding a Python number (float, int or numpy scalar), such as `timestamp`.
 * @throws LoadError (Python TypeError) naming the node and attribute otherwise.
 */
export function requireNumber(value: PyValue, path: string, attr: string): number {
  const n = pyNumber(value);
  if (n === undefined) {
    throw new LoadError("TypeError", `attribute '${attr}' should be a number, found ${describe(value)}`, { path });
  }
  return n;
}
