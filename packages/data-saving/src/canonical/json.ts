/**
 * JSON text of a canonical load document. Like `JSON.stringify` (same layout for a given
 * indentation), but bigints (integers beyond ±(2^53 − 1)) are written as plain integer
 * literals instead of throwing.
 *
 * @example
 * stringifyCanonical({ n: 2n ** 64n, x: 0.5 });   // '{"n":18446744073709551616,"x":0.5}'
 */

function write(value: unknown, indent: string, step: string, seen: Set<object>): string | undefined {
  if (value === null) return "null";
  switch (typeof value) {
    case "bigint":
      return value.toString();
    case "number":
    case "string":
    case "boolean":
      return JSON.stringify(value);
    case "undefined":
    case "function":
    case "symbol":
      return undefined;
  }
  const obj = value as object;
  if (seen.has(obj)) throw new TypeError("cannot serialize a cyclic structure");
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
 * Serialize a canonical JSON tree (plain objects, arrays, strings, numbers, bigints,
 * booleans, null; undefined members are left out, as JSON.stringify does).
 * @param space indentation width, as for JSON.stringify
 * @throws TypeError for a cyclic structure or a top-level value with no JSON form
 */
export function stringifyCanonical(value: unknown, space = 0): string {
  const text = write(value, "", " ".repeat(Math.min(10, Math.max(0, space))), new Set());
  if (text === undefined) throw new TypeError("value has no JSON form");
  return text;
}
