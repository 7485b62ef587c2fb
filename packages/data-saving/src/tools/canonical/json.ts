/**
 * JSON text of a canonical load document, with numbers written as Python's `json.dumps` writes
 * them (the layout is JSON.stringify's for a given indentation): integers as integer literals
 * (bigints beyond ±(2^53 − 1) included, instead of throwing), floats in Python's `repr` form
 * (`jsonFloat(1)` → `1.0`, `1e-7` → `1e-07`, `jsonFloat(1e16)` → `1e+16`), so that the checks
 * see the same int / float types as in the reference expectations (see float.ts).
 *
 * @example
 * stringifyCanonical({ n: 2n ** 64n, x: 0.5, f: jsonFloat(1) });
 * // '{"n":18446744073709551616,"x":0.5,"f":1.0}'
 */
import { InvalidTypeError, InvalidValueError } from "../../errors.js";
import { formatPyFloat } from "../../codec/floatrepr.js";
import { isJsonFloat } from "./float.js";

export { floatJson, isJsonFloat, jsonFloat, PY_FLOAT, type JsonFloat } from "./float.js";

/**
 * A bare number: an integer literal when integral (a Python int), else Python's float repr;
 * `null` for NaN / ±Infinity, as JSON.stringify (the canonical tree holds those as strings).
 */
function numberText(x: number): string {
  if (!Number.isFinite(x)) return "null";
  if (Number.isInteger(x)) return Number.isSafeInteger(x) ? String(x) : BigInt(x).toString();
  return formatPyFloat(x);
}

/** A marked float: always written as a float (`1.0`, `-0.0`, `1e+16`). */
function floatText(x: number): string {
  return Number.isFinite(x) ? formatPyFloat(x) : "null";
}

function write(value: unknown, indent: string, step: string, seen: Set<object>): string | undefined {
  if (value === null) return "null";
  switch (typeof value) {
    case "bigint":
      return value.toString();
    case "number":
      return numberText(value);
    case "string":
    case "boolean":
      return JSON.stringify(value);
    case "undefined":
    case "function":
    case "symbol":
      return undefined;
  }
  if (isJsonFloat(value)) return floatText(value.value);
  const obj = value as object;
  if (seen.has(obj)) throw new InvalidValueError("stringifyCanonical: cannot serialize a cyclic structure");
  seen.add(obj);
  const inner = indent + step;
  const open = step ? `\n${inner}` : "";
  const sep = step ? `,\n${inner}` : ",";
  const close = step ? `\n${indent}` : "";
  let text: string;
  if (Array.isArray(obj)) {
    const items = obj.map((v: unknown) => write(v, inner, step, seen) ?? "null");
    text = items.length === 0 ? "[]" : `[${open}${items.join(sep)}${close}]`;
  } else {
    const members: string[] = [];
    for (const [k, v] of Object.entries(obj)) {
      const w = write(v, inner, step, seen);
      if (w !== undefined) members.push(`${JSON.stringify(k)}:${step ? " " : ""}${w}`);
    }
    text = members.length === 0 ? "{}" : `{${open}${members.join(sep)}${close}}`;
  }
  seen.delete(obj);
  return text;
}

/**
 * Serialize a canonical JSON tree (plain objects, arrays, strings, numbers, bigints, JsonFloats,
 * booleans, null; undefined members are left out, as JSON.stringify does).
 * @param space indentation width, as for JSON.stringify
 * @throws TypeError for a cyclic structure or a top-level value with no JSON form
 */
export function stringifyCanonical(value: unknown, space = 0): string {
  const text = write(value, "", " ".repeat(Math.min(10, Math.max(0, space))), new Set());
  if (text === undefined) throw new InvalidTypeError("stringifyCanonical: value has no JSON form");
  return text;
}
