/**
 * Recorded arguments ("V" of the fixture README) rebuilt as the objects the TypeScript API
 * takes: NDArrays from base64 little-endian buffers, Axis objects holding exactly the recorded
 * fields (offset/scaling with their Python types), DataWithAxes and DataToExport objects, and
 * every other value as a PyValue (`pyvalues.ts`).
 */
import {
  Axis, DataToExport, DataWithAxes, NDArray, NpScalar, isDtype, type PyValue,
} from "@pymodaq-ts/data-model";
import { dtypeItemSize } from "@pymodaq-ts/h5-lowlevel";
import { ScenarioValueError } from "./errors.js";
import { decodeFloat, decodeInt, decodePyValue, isTagged, type Tagged } from "./pyvalues.js";

/** A reference to an instance created by an earlier step (`{"t": "ref", "id": "h0"}`). */
export class InstanceRef {
  constructor(readonly id: string) {}
}

/** A node given as a result (`{"t": "node", "path": ..., "class": ...}`). */
export class NodeRef {
  constructor(readonly path: string, readonly nodeClass: string) {}
}

/** Everything a recorded value can become. */
export type ReplayValue =
  | PyValue | NDArray | Axis | DataWithAxes | DataToExport | InstanceRef | NodeRef | ReplayValue[];

function field(obj: Tagged, key: string, where: string): unknown {
  if (!(key in obj)) throw new ScenarioValueError(`${where}: missing "${key}"`);
  return obj[key];
}

function stringField(obj: Tagged, key: string, where: string): string {
  const v = field(obj, key, where);
  if (typeof v !== "string") throw new ScenarioValueError(`${where}.${key}: expected a string`);
  return v;
}

function intList(v: unknown, where: string): number[] {
  if (!Array.isArray(v) || v.some((x) => !Number.isInteger(x))) {
    throw new ScenarioValueError(`${where}: expected a list of integers`);
  }
  return v as number[];
}

/**
 * An NdArray record: `{"t": "ndarray", dtype, shape, encoding: "base64-le", data}`. The bytes are
 * copied into a fresh, aligned TypedArray (the host is little-endian, as the encoding).
 * @throws ScenarioValueError for an unknown dtype or encoding, or a byte count that does not fit
 */
export function decodeNdArray(obj: Tagged, where: string): NDArray {
  const dtype = stringField(obj, "dtype", where);
  if (!isDtype(dtype)) throw new ScenarioValueError(`${where}.dtype: unknown dtype ${dtype}`);
  const encoding = obj.encoding ?? "base64-le";
  if (encoding !== "base64-le") throw new ScenarioValueError(`${where}.encoding: unsupported ${String(encoding)}`);
  const shape = intList(field(obj, "shape", where), `${where}.shape`);
  const bytes = Buffer.from(stringField(obj, "data", where), "base64");
  const size = shape.reduce((a, b) => a * b, 1);
  if (bytes.byteLength !== size * dtypeItemSize(dtype)) {
    throw new ScenarioValueError(`${where}: ${bytes.byteLength} bytes do not fit ${dtype} of shape [${shape.join(", ")}]`);
  }
  const zeros = NDArray.zeros(shape, dtype);
  new Uint8Array(zeros.data.buffer, zeros.data.byteOffset, zeros.data.byteLength).set(bytes);
  return zeros;
}

/** An axis offset/scaling: null, a Python float (number), int (bigint) or a numpy scalar. */
function optionalNumberLike(v: unknown, where: string): number | bigint | NpScalar | null {
  if (v === null) return null;
  const py = decodePyValue(v, where);
  if (typeof py === "number" || typeof py === "bigint" || py instanceof NpScalar) return py;
  throw new ScenarioValueError(`${where}: expected a number, got ${JSON.stringify(v)}`);
}

function smallInt(v: unknown, where: string): number {
  if (typeof v === "number" && Number.isInteger(v)) return v;
  return Number(decodeInt(isTagged(v) ? v.v : v, where));
}

/**
 * An Axis record, rebuilt with exactly its recorded state: a linear axis from offset, scaling
 * (with their Python types) and size; a stored one from its data.
 * @throws ScenarioValueError for a malformed record; the model's errors for invalid values
 */
export function decodeAxis(obj: Tagged, where: string): Axis {
  const data = field(obj, "data", where);
  const offset = optionalNumberLike(field(obj, "offset", where), `${where}.offset`);
  const scaling = optionalNumberLike(field(obj, "scaling", where), `${where}.scaling`);
  const axis = new Axis({
    label: stringField(obj, "label", where),
    units: stringField(obj, "units", where),
    index: smallInt(field(obj, "index", where), `${where}.index`),
    spreadOrder: smallInt(field(obj, "spread_order", where), `${where}.spread_order`),
    data: data === null ? null : decodeNdArray(asTagged(data, `${where}.data`), `${where}.data`),
    ...(data === null ? { size: smallInt(field(obj, "size", where), `${where}.size`) } : {}),
    ...(offset === null ? {} : { offset }),
    ...(scaling === null ? {} : { scaling }),
  });
  return axis;
}

function asTagged(v: unknown, where: string): Tagged {
  if (!isTagged(v)) throw new ScenarioValueError(`${where}: expected a tagged object`);
  return v;
}

function list(v: unknown, where: string): unknown[] {
  if (!Array.isArray(v)) throw new ScenarioValueError(`${where}: expected a list`);
  return v;
}

function extraAttributes(v: unknown, where: string): Map<string, PyValue> {
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw new ScenarioValueError(`${where}: expected an object`);
  return new Map(Object.entries(v).map(([k, x]) => [k, decodePyValue(x, `${where}.${k}`)]));
}

/**
 * A DataWithAxes record. The object is built from the recorded fields; its `dim` is then
 * checked against the recorded one.
 * @throws ScenarioValueError for a malformed record or a dim that differs from the record
 */
export function decodeDataWithAxes(obj: Tagged, where: string): DataWithAxes {
  const data = list(field(obj, "data", where), `${where}.data`).map((a, i) => decodeNdArray(asTagged(a, `${where}.data[${i}]`), `${where}.data[${i}]`));
  const errorsRaw = field(obj, "errors", where);
  const errors = errorsRaw === null ? null
    : list(errorsRaw, `${where}.errors`).map((a, i) => decodeNdArray(asTagged(a, `${where}.errors[${i}]`), `${where}.errors[${i}]`));
  const timestamp = decodeFloat(asTagged(field(obj, "timestamp", where), `${where}.timestamp`).v, `${where}.timestamp`);
  const labels = list(field(obj, "labels", where), `${where}.labels`);
  if (labels.some((l) => typeof l !== "string")) throw new ScenarioValueError(`${where}.labels: expected strings`);
  const dwa = new DataWithAxes(stringField(obj, "name", where), {
    source: stringField(obj, "source", where),
    dim: stringField(obj, "dim", where),
    distribution: stringField(obj, "distribution", where),
    units: stringField(obj, "units", where),
    labels: labels as string[],
    origin: stringField(obj, "origin", where),
    navIndexes: intList(field(obj, "nav_indexes", where), `${where}.nav_indexes`),
    timestamp,
    data,
    errors,
    axes: list(field(obj, "axes", where), `${where}.axes`).map((a, i) => decodeAxis(asTagged(a, `${where}.axes[${i}]`), `${where}.axes[${i}]`)),
    extraAttributes: extraAttributes(field(obj, "extra_attributes", where), `${where}.extra_attributes`),
  });
  const dim = stringField(obj, "dim", where);
  if (dwa.dim.name !== dim) throw new ScenarioValueError(`${where}: rebuilt dim ${dwa.dim.name} differs from the recorded ${dim}`);
  return dwa;
}

/**
 * A DataToExport record (its DataWithAxes in recorded order; the savers sort channels).
 * @throws ScenarioValueError for a malformed record
 */
export function decodeDataToExport(obj: Tagged, where: string): DataToExport {
  const data = list(field(obj, "data", where), `${where}.data`).map((d, i) => decodeDataWithAxes(asTagged(d, `${where}.data[${i}]`), `${where}.data[${i}]`));
  const timestamp = decodeFloat(asTagged(field(obj, "timestamp", where), `${where}.timestamp`).v, `${where}.timestamp`);
  return new DataToExport(stringField(obj, "name", where), { data, timestamp });
}

/**
 * Any recorded value, rebuilt. Lists and tuples whose items are arrays, axes or data objects
 * become JS arrays of those; plain values become PyValues.
 * @param value the raw JSON value
 * @param where a location for error messages
 * @throws ScenarioValueError for unknown tags or malformed records
 */
export function decodeValue(value: unknown, where: string): ReplayValue {
  if (!isTagged(value)) return decodePyValue(value, where);
  switch (value.t) {
    case "ndarray": return decodeNdArray(value, where);
    case "Axis": return decodeAxis(value, where);
    case "DataWithAxes": return decodeDataWithAxes(value, where);
    case "DataToExport": return decodeDataToExport(value, where);
    case "ref": return new InstanceRef(stringField(value, "id", where));
    case "node": return new NodeRef(stringField(value, "path", where), stringField(value, "class", where));
    case "list": case "tuple": {
      const items = list(value.v, where);
      if (items.some((x) => isTagged(x) && ["ndarray", "Axis", "DataWithAxes", "DataToExport", "ref", "node"].includes(x.t))) {
        return items.map((x, i) => decodeValue(x, `${where}[${i}]`));
      }
      return decodePyValue(value, where);
    }
    default: return decodePyValue(value, where);
  }
}
