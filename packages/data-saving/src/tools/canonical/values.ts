/**
 * The "Value encoding" of the canonical load JSON (fixtures README): how attribute values,
 * extra attributes, origin, offset and scaling appear in JSON.
 *
 * | Python value                  | JSON                                   |
 * |-------------------------------|----------------------------------------|
 * | None / bool / str             | null / true, false / string            |
 * | int, numpy integer            | integer                                |
 * | float, numpy floating         | number, or "NaN" / "Infinity" / "-Infinity" |
 * | tuple, list                   | array                                  |
 * | dict                          | object                                 |
 * | bytes                         | {"$bytes": "<hex>"}                    |
 * | complex (and numpy complex)   | {"$complex": [re, im]}                 |
 * | numpy array                   | {"$ndarray": ArraySummary}             |
 * | anything else (datetime, ...) | {"$repr": "<python repr>"}             |
 */
import { NpScalar, PyBytes, PyComplex, PyDict, PyRepr, PyTuple, type PyValue } from "@pymodaq-ts/data-model";
import { pyFloatRepr, pyRepr } from "../../codec/pyrepr.js";
import { floatJson } from "./float.js";
import { arraySummary, type ArrayLikeND } from "./summary.js";

function isArrayLikeND(v: unknown): v is ArrayLikeND {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const o = v as Partial<ArrayLikeND>;
  return typeof o.dtype === "string" && Array.isArray(o.shape) && typeof o.data === "object" && o.data !== null;
}

function integer(v: bigint): number | bigint {
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
}

/** A dict key as Python's json.dumps writes it (str kept; int, float, bool, None converted). */
function keyText(k: PyValue): string {
  if (typeof k === "string") return k;
  if (typeof k === "bigint") return k.toString();
  if (typeof k === "number") {
    const e = floatJson(k);
    return typeof e === "string" ? e : pyFloatRepr(k);
  }
  if (typeof k === "boolean") return k ? "true" : "false";
  if (k === null) return "null";
  return pyRepr(k);
}

function complexValue(re: number, im: number): unknown {
  return { $complex: [floatJson(re), floatJson(im)] };
}

/**
 * The canonical JSON form of a decoded value (or of an n-d array), keeping Python's int / float
 * distinction: a JS number (Python float) or a NumPy float scalar becomes a float (`floatJson`:
 * a JsonFloat when integral), a bigint (Python int) or a NumPy integer scalar an integer.
 * @returns a JSON-ready tree; integers beyond ±(2^53 − 1) stay bigint; write it with
 *   stringifyCanonical to keep `1.0` a float
 */
export function canonicalValue(v: PyValue | ArrayLikeND): unknown {
  if (v === null || typeof v === "boolean" || typeof v === "string") return v;
  if (typeof v === "number") return floatJson(v);
  if (typeof v === "bigint") return integer(v);
  if (Array.isArray(v)) return v.map(canonicalValue);
  if (v instanceof PyTuple) return v.items.map(canonicalValue);
  if (v instanceof PyDict) {
    const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const [k, x] of v.entries) out[keyText(k)] = canonicalValue(x);
    return out;
  }
  if (v instanceof PyBytes) return { $bytes: Buffer.from(v.bytes).toString("hex") };
  if (v instanceof PyComplex) return complexValue(v.re, v.im);
  if (v instanceof PyRepr) return { $repr: v.repr };
  if (v instanceof NpScalar) {
    const x = v.value;
    if (typeof x === "boolean") return x;
    if (typeof x === "bigint") return integer(x);
    if (typeof x === "number") return v.type.startsWith("float") ? floatJson(x) : x;
    return complexValue(x[0], x[1]);
  }
  if (isArrayLikeND(v)) return { $ndarray: arraySummary(v) };
  return { $repr: String(v) };
}
