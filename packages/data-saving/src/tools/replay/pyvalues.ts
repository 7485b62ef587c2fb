/**
 * Recorded scalar and container values ("V" of the fixture README) rebuilt as `PyValue`s, so
 * that the Python type of every number survives into the attribute envelopes
 * (`{"t": "int", "v": 12}` -> `12n`, `{"t": "numpy.float64", "v": 2.5}` -> `NpScalar`).
 *
 * Arrays, axes and data objects are handled by `values.ts`, which calls back into
 * `decodePyValue` for everything else.
 */
import {
  NpScalar, PyBytes, PyComplex, PyDict, PyRepr, PyTuple,
  type NumpyScalarType, type PyValue,
} from "@pymodaq-ts/data-model";
import { ScenarioValueError } from "./errors.js";

/** A tagged object of the scenario format (`{"t": ...}`). */
export interface Tagged {
  readonly t: string;
  readonly [key: string]: unknown;
}

export function isTagged(value: unknown): value is Tagged {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    && typeof (value as { t?: unknown }).t === "string";
}

const NUMPY_TYPES: ReadonlySet<string> = new Set<NumpyScalarType>([
  "float64", "float32", "float16", "int64", "int32", "int16", "int8",
  "uint64", "uint32", "uint16", "uint8", "bool_", "complex128", "complex64",
]);

/** A recorded float `v`: a JSON number or one of "NaN", "Infinity", "-Infinity". */
export function decodeFloat(v: unknown, where: string): number {
  if (typeof v === "number") return v;
  if (v === "NaN") return NaN;
  if (v === "Infinity") return Infinity;
  if (v === "-Infinity") return -Infinity;
  throw new ScenarioValueError(`${where}: expected a float, got ${JSON.stringify(v)}`);
}

/** A recorded int `v`: a JSON integer, or a decimal string beyond 2^53 - 1. */
export function decodeInt(v: unknown, where: string): bigint {
  if (typeof v === "number" && Number.isInteger(v)) return BigInt(v);
  if (typeof v === "string" && /^-?\d+$/.test(v)) return BigInt(v);
  throw new ScenarioValueError(`${where}: expected an int, got ${JSON.stringify(v)}`);
}

function decodeComplexPair(v: unknown, where: string): [number, number] {
  if (!Array.isArray(v) || v.length !== 2) {
    throw new ScenarioValueError(`${where}: expected [re, im], got ${JSON.stringify(v)}`);
  }
  return [decodeFloat(v[0], where), decodeFloat(v[1], where)];
}

function decodeNumpyScalar(type: string, v: unknown, where: string): NpScalar {
  if (!NUMPY_TYPES.has(type)) throw new ScenarioValueError(`${where}: unknown numpy scalar type ${type}`);
  const t = type as NumpyScalarType;
  if (t === "bool_") {
    if (typeof v !== "boolean") throw new ScenarioValueError(`${where}: expected a bool for numpy.bool_`);
    return new NpScalar(t, v);
  }
  if (t === "complex128" || t === "complex64") return new NpScalar(t, decodeComplexPair(v, where));
  if (t.startsWith("float")) return new NpScalar(t, decodeFloat(v, where));
  return new NpScalar(t, decodeInt(v, where));
}

function base64Bytes(v: unknown, where: string): Uint8Array {
  if (typeof v !== "string") throw new ScenarioValueError(`${where}: expected base64 text`);
  const buf = Buffer.from(v, "base64");
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

function items(v: unknown, where: string): unknown[] {
  if (!Array.isArray(v)) throw new ScenarioValueError(`${where}: expected a JSON array`);
  return v;
}

/** Python repr of a `datetime`/`date`/`time` from its ISO text (no timezone). */
function datetimeRepr(kind: string, iso: unknown, where: string): PyRepr {
  if (typeof iso !== "string") throw new ScenarioValueError(`${where}: expected ISO text`);
  const m = /^(?:(\d{4})-(\d{2})-(\d{2}))?T?(?:(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?)?$/.exec(iso);
  if (!m) throw new ScenarioValueError(`${where}: unsupported ${kind} text ${iso}`);
  const num = (s: string | undefined): number => Number(s ?? "0");
  const date = [num(m[1]), num(m[2]), num(m[3])];
  const time = [num(m[4]), num(m[5]), num(m[6]), Number((m[7] ?? "").padEnd(6, "0"))];
  // Python drops trailing zero fields of the time part (but keeps hours and minutes).
  while (time.length > 2 && time[time.length - 1] === 0) time.pop();
  const parts = kind === "date" ? date : kind === "time" ? time : [...date, ...time];
  return new PyRepr(`datetime.${kind}(${parts.join(", ")})`);
}

/**
 * Rebuilds a recorded plain value as a PyValue.
 *
 * @param value the raw JSON value
 * @param where a location for error messages (e.g. `steps[4].args.metadata`)
 * @throws ScenarioValueError for unknown tags or malformed payloads; arrays, axes and data
 *   objects are not PyValues and are rejected here (see `values.ts`)
 */
export function decodePyValue(value: unknown, where: string): PyValue {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (!isTagged(value)) throw new ScenarioValueError(`${where}: expected a tagged value, got ${JSON.stringify(value)}`);
  const { t, v } = value;
  switch (t) {
    case "int": return decodeInt(v, where);
    case "float": return decodeFloat(v, where);
    case "complex": { const [re, im] = decodeComplexPair(v, where); return new PyComplex(re, im); }
    case "bytes": return new PyBytes(base64Bytes(v, where));
    case "tuple": return new PyTuple(items(v, where).map((x, i) => decodePyValue(x, `${where}[${i}]`)));
    case "list": return items(v, where).map((x, i) => decodePyValue(x, `${where}[${i}]`));
    case "dict": return new PyDict(items(v, where).map((pair, i) => {
      const kv = items(pair, `${where}[${i}]`);
      if (kv.length !== 2) throw new ScenarioValueError(`${where}[${i}]: expected [key, value]`);
      return [decodePyValue(kv[0], `${where}[${i}][0]`), decodePyValue(kv[1], `${where}[${i}][1]`)] as const;
    }));
    case "datetime": case "date": case "time": return datetimeRepr(t, v, where);
    case "Path":
      if (typeof v !== "string") throw new ScenarioValueError(`${where}: expected a file name`);
      return v;
    case "enum":
      if (typeof v !== "string") throw new ScenarioValueError(`${where}: expected an enum member name`);
      return v;
    case "unrecorded":
      throw new ScenarioValueError(`${where}: the recorder could not encode this value (${String(value.repr)})`);
    default:
      if (t.startsWith("numpy.")) return decodeNumpyScalar(t.slice("numpy.".length), v, where);
      throw new ScenarioValueError(`${where}: the tag "${t}" is not a plain value here`);
  }
}
