/**
 * What the parent asks an untrusted-file reader (`reader-child.ts`) and what it answers, over the
 * IPC channel with structured-clone serialization. Errors travel as their fields and are rebuilt
 * with their code, so the data-saving guards (`isLimitError`, ...) recognise them in the parent.
 */
import { DataSavingError, type DataSavingErrorCode, type PythonErrorName } from "../../errors.js";
import type { Encoded } from "../../background/codec.js";
import { isJsonFloat, jsonFloat } from "../canonical/float.js";

export type ReaderRequest =
  | { op: "inspect"; file: string; maxLoadBytes?: number }
  | { op: "loadData"; file: string; where: string; withBkg?: boolean; loadAll?: boolean; maxLoadBytes?: number }
  | { op: "loadAll"; file: string; where: string; withBkg?: boolean; maxLoadBytes?: number };

/** An error as it crosses the process boundary. */
export interface ErrorFields {
  name: string;
  message: string;
  code?: DataSavingErrorCode;
  pythonName?: PythonErrorName;
  path?: string;
  /** The error's other own fields of primitive value (`needed`, `limit`, `operation`, ...). */
  extra: Record<string, string | number | boolean | null>;
}

export type ReaderReply =
  /** `doc` in `docToWire`'s form. */
  | { ok: true; doc: unknown }
  | { ok: true; value: Encoded }
  | { ok: false; error: ErrorFields };

/**
 * A canonical document as it crosses the boundary: structured clone keeps plain objects, arrays,
 * bigints and typed arrays but not classes, so each `JsonFloat` (a Python float of integral
 * value) travels as a one-element Float64Array, which a canonical tree never holds otherwise.
 */
export function docToWire(value: unknown): unknown {
  if (isJsonFloat(value)) return Float64Array.of(value.value);
  if (Array.isArray(value)) return value.map(docToWire);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, docToWire(v)]));
  }
  return value;
}

/** The canonical document rebuilt from `docToWire`'s form. */
export function docFromWire(value: unknown): unknown {
  if (value instanceof Float64Array) return jsonFloat(value[0]!);
  if (Array.isArray(value)) return value.map(docFromWire);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, docFromWire(v)]));
  }
  return value;
}

const BASE_FIELDS = new Set(["name", "message", "stack", "code", "pythonName", "path", "cause"]);

export function errorFields(e: unknown): ErrorFields {
  if (!(e instanceof Error)) return { name: "Error", message: String(e), extra: {} };
  const extra: ErrorFields["extra"] = {};
  for (const [k, v] of Object.entries(e)) {
    if (BASE_FIELDS.has(k)) continue;
    if (v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean") extra[k] = v;
  }
  const out: ErrorFields = { name: e.name, message: e.message, extra };
  if (e instanceof DataSavingError) {
    out.code = e.code;
    out.pythonName = e.pythonName;
    if (e.path !== undefined) out.path = e.path;
  }
  return out;
}

/** The error the reader threw, rebuilt in this process (a `DataSavingError` when it was one). */
export function rebuildError(f: ErrorFields): Error {
  const e = f.code !== undefined && f.pythonName !== undefined
    ? new DataSavingError(f.code, f.pythonName, f.message, f.path === undefined ? undefined : { path: f.path })
    : new Error(f.message);
  Object.assign(e, f.extra);
  e.name = f.name;
  return e;
}
