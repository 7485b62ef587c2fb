/**
 * Metadata arguments (Python dicts of attribute values) in the forms the API accepts: a plain
 * object, a Map, or a PyDict with string keys. Entries keep their insertion order, which is the
 * order the attributes are written in.
 */
import { PyDict, type PyValue } from "@pymodaq-ts/data-model";
import { InvalidTypeError } from "../errors.js";

export type Metadata = Readonly<Record<string, PyValue>> | ReadonlyMap<string, PyValue> | PyDict;

/**
 * The `[name, value]` pairs of a metadata argument (none for null/undefined).
 * @throws InvalidTypeError for a non-string key or another kind of argument.
 */
export function metadataEntries(meta: Metadata | null | undefined): [string, PyValue][] {
  if (meta === null || meta === undefined) return [];
  if (meta instanceof Map) return [...meta.entries()].map(([k, v]) => [checkKey(k), v]);
  if (meta instanceof PyDict) return meta.entries.map(([k, v]) => [checkKey(k), v]);
  if (typeof meta === "object" && !Array.isArray(meta)) return Object.entries(meta as Record<string, PyValue>);
  throw new InvalidTypeError("metadata must be an object, a Map or a PyDict of attribute values");
}

function checkKey(k: unknown): string {
  if (typeof k !== "string") throw new InvalidTypeError(`metadata keys must be strings, got ${typeof k}`);
  return k;
}
