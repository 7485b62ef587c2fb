/**
 * HDF5 types and dataspaces in HSDS's JSON (the hdf5-json grammar) and back: dataset element types,
 * the attribute types PyMoDAQ's files hold (fixed NULL-terminated strings with their character set,
 * variable-length strings, int32/int64), dataspaces (scalar, NULL, simple) and filters.
 */
import type { Dtype, StoredAttr, StorageLayoutInfo } from "../types.js";
import type { Json } from "./client.js";

const BASE: Readonly<Record<Exclude<Dtype, "complex64" | "complex128" | "bool">, string>> = {
  int8: "H5T_STD_I8LE", uint8: "H5T_STD_U8LE", int16: "H5T_STD_I16LE", uint16: "H5T_STD_U16LE",
  int32: "H5T_STD_I32LE", uint32: "H5T_STD_U32LE", int64: "H5T_STD_I64LE", uint64: "H5T_STD_U64LE",
  float32: "H5T_IEEE_F32LE", float64: "H5T_IEEE_F64LE",
};
const DTYPE_OF_BASE = new Map<string, Dtype>(Object.entries(BASE).map(([d, b]) => [b, d as Dtype]));

/**
 * Complex numbers as h5py stores them (a compound of r and i); bool as h5py's int8 enum, whatever
 * the spec's boolEncoding: h5pyd writes that type, and it is the only bool type HSDS stores.
 */
export function typeJson(dtype: Dtype): Json {
  if (dtype === "complex64" || dtype === "complex128") {
    const part = dtype === "complex64" ? "H5T_IEEE_F32LE" : "H5T_IEEE_F64LE";
    return { class: "H5T_COMPOUND", fields: [{ name: "r", type: { class: "H5T_FLOAT", base: part } }, { name: "i", type: { class: "H5T_FLOAT", base: part } }] };
  }
  if (dtype === "bool") return { class: "H5T_ENUM", base: { class: "H5T_INTEGER", base: "H5T_STD_I8LE" }, mapping: { FALSE: 0, TRUE: 1 } };
  return BASE[dtype];
}

export const VLEN_UINT8_TYPE: Json = { class: "H5T_VLEN", base: { class: "H5T_INTEGER", base: "H5T_STD_U8LE" } };

type TypeObj = { [key: string]: Json };
const asObj = (t: Json): TypeObj => (typeof t === "object" && t !== null && !Array.isArray(t) ? t : { class: "", base: t });

/** The dtype of a dataset type, "vlen-uint8" for the VLARRAY type, or null for anything else. */
export function dtypeOfType(type: Json): Dtype | "vlen-uint8" | null {
  const t = asObj(type);
  if (t["class"] === "H5T_INTEGER" || t["class"] === "H5T_FLOAT") return DTYPE_OF_BASE.get(String(t["base"])) ?? null;
  if (t["class"] === "H5T_ENUM") return "bool";
  if (t["class"] === "H5T_VLEN") return asObj(t["base"] ?? null)["base"] === "H5T_STD_U8LE" ? "vlen-uint8" : null;
  if (t["class"] === "H5T_COMPOUND" && Array.isArray(t["fields"]) && t["fields"].length === 2) {
    const part = asObj(asObj(t["fields"][0] ?? null)["type"] ?? null)["base"];
    return part === "H5T_IEEE_F32LE" ? "complex64" : part === "H5T_IEEE_F64LE" ? "complex128" : null;
  }
  return null;
}

/** A string attribute type: fixed NULL-terminated of `length` bytes, or variable-length. */
export function stringTypeJson(length: number | "vlen", cset: "utf8" | "ascii"): Json {
  return {
    class: "H5T_STRING",
    charSet: cset === "utf8" ? "H5T_CSET_UTF8" : "H5T_CSET_ASCII",
    strPad: "H5T_STR_NULLTERM",
    length: length === "vlen" ? "H5T_VARIABLE" : length,
  };
}

/** An attribute as HSDS lists it (`GET .../attributes?IncludeData=1`). */
export interface AttrJson {
  readonly type: Json;
  readonly shape: Json;
  readonly value: Json;
}

function h5typeOf(type: Json): string {
  const t = asObj(type);
  if (t["class"] === "H5T_STRING") {
    const cset = t["charSet"] === "H5T_CSET_UTF8" ? "utf8" : "ascii";
    return t["length"] === "H5T_VARIABLE" ? `string(vlen,${cset})` : `string(fixed,${String(t["length"])},${cset})`;
  }
  const d = dtypeOfType(type);
  return d === null || d === "vlen-uint8" ? "other" : d;
}

/** The StoredAttr of an attribute listed by HSDS (strings lose their trailing NULs). */
export function storedAttrOf(a: AttrJson): StoredAttr {
  const shape = asObj(a.shape);
  const h5type = h5typeOf(a.type);
  if (shape["class"] === "H5S_NULL") return { h5type, space: "null", value: h5type.startsWith("string") ? "" : null };
  const space: StoredAttr["space"] = shape["class"] === "H5S_SIMPLE" ? { simple: (shape["dims"] as number[]) ?? [] } : "scalar";
  const v = a.value;
  if (typeof v === "string") return { h5type, space, value: v.replace(/\0+$/, "") };
  if (typeof v === "number" && (h5type === "int64" || h5type === "uint64") && !Number.isSafeInteger(v)) return { h5type, space, value: BigInt(v) };
  if (typeof v === "number" || typeof v === "boolean" || v === null) return { h5type, space, value: v };
  if (Array.isArray(v) && v.every((x) => typeof x === "string")) return { h5type, space, value: v as string[] };
  // Numeric array attributes (none in PyMoDAQ's files) read as float64; anything else as its JSON.
  if (Array.isArray(v) && v.every((x) => typeof x === "number")) return { h5type, space, value: Float64Array.from(v as number[]) };
  return { h5type, space, value: JSON.stringify(v) };
}

const FILL_TIME = { alloc: "H5D_FILL_TIME_ALLOC", ifset: "H5D_FILL_TIME_IFSET", never: "H5D_FILL_TIME_NEVER" } as const;
const ALLOC_TIME = { early: "H5D_ALLOC_TIME_EARLY", incr: "H5D_ALLOC_TIME_INCR", late: "H5D_ALLOC_TIME_LATE" } as const;

/**
 * Dataset creation properties: the layout asked for (HSDS keeps it as given, and stores the data in
 * chunks of its own choosing), fill and allocation times, shuffle then deflate.
 */
export function creationProperties(opts: {
  chunks: readonly number[] | null; deflate: number | null; shuffle: boolean; fillTime?: keyof typeof FILL_TIME; allocTime?: keyof typeof ALLOC_TIME;
}): Json {
  const filters: Json[] = [];
  if (opts.shuffle) filters.push({ class: "H5Z_FILTER_SHUFFLE", id: 2, name: "shuffle" });
  if (opts.deflate !== null) filters.push({ class: "H5Z_FILTER_DEFLATE", id: 1, name: "deflate", level: opts.deflate });
  return {
    layout: opts.chunks === null ? { class: "H5D_CONTIGUOUS" } : { class: "H5D_CHUNKED", dims: [...opts.chunks] },
    ...(opts.fillTime === undefined ? {} : { fillTime: FILL_TIME[opts.fillTime] }),
    ...(opts.allocTime === undefined ? {} : { allocTime: ALLOC_TIME[opts.allocTime] }),
    ...(filters.length === 0 ? {} : { filters }),
  };
}

/**
 * The layout as libhdf5 would report it for the creation properties asked for: what an export
 * recreates. `shuffleParams` is what libhdf5 records for shuffle ([element size], [] for vlen).
 */
export function layoutInfoOf(dset: Record<string, Json>, shuffleParams: number[]): StorageLayoutInfo {
  const dtype = dtypeOfType(dset["type"] ?? null);
  const props = asObj(dset["creationProperties"] ?? {});
  const asked = asObj(props["layout"] ?? asObj(dset["layout"] ?? {}));
  const shape = asObj(dset["shape"] ?? {});
  const maxdims = (shape["maxdims"] ?? shape["dims"] ?? []) as number[];
  const filters = Array.isArray(props["filters"]) ? props["filters"].map(asObj) : [];
  return {
    layout: asked["class"] === "H5D_CONTIGUOUS" ? "contiguous" : asked["class"] === "H5D_COMPACT" ? "compact" : "chunked",
    chunks: asked["class"] === "H5D_CONTIGUOUS" ? null : ((asked["dims"] ?? asObj(dset["layout"] ?? {})["dims"] ?? null) as number[] | null),
    maxshape: maxdims.map((m) => (m === 0 ? null : m)),
    filters: filters.map((f) =>
      f["id"] === 2 ? { name: "shuffle", params: shuffleParams } : f["id"] === 1 ? { name: "deflate", params: [Number(f["level"] ?? 6)] } : { name: String(f["name"]), params: [] }),
    // HSDS stores bools as h5py's enum only (h5pyd's type; typeJson).
    boolEncoding: dtype === "bool" ? "enum" : null,
  };
}
