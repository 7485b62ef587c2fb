/**
 * The PyMoDAQ HDF5 layout in one place: node names and prefixes, attribute names, the Python
 * type of each attribute, and the file profiles of the two backends (`FileProfile`: how system
 * attributes are stored, chunking rules, file settings). docs/file-format.md (sections cited
 * inline) is the documentation of this module. Savers and loaders call these helpers and never spell a node or
 * attribute name inline.
 *
 * @example
 * arrayNodeName("data", 3)          // "Data03"
 * incrementalGroupName("scan", 0)   // "Scan000"
 * typedAttr("shape", [5, 10])       // PyTuple of Python ints: (5, 10)
 */
import { PyTuple, type PyValue } from "@pymodaq-ts/data-model";
import type { ArrayCreateSpec, Dtype, FileSettings, StringStorage, VlenCreateSpec } from "../storage/types.js";
import { InvalidValueError } from "../errors.js";
import { describeValue } from "../options.js";
import { dtypeItemSize, pytablesChunkShape, pytablesMaxShape } from "@pymodaq-ts/h5-lowlevel";

// ---------------------------------------------------------------------------------------------
// Fixed names and titles (§1, §3)

export const ROOT_TITLE = "PyMoDAQ file";
export const DEFAULT_RAW_GROUP_NAME = "RawData";
export const RAW_GROUP_TITLE = "Data from PyMoDAQ modules";
export const LOGGER_NAME = "Logger";
export const LOGGER_TYPE = "log";
export const NAV_AXES_GROUP_NAME = "NavAxes";
/** The layout version this port emulates (§1.2). */
export const PYMODAQ_DATA_VERSION = "5.0.0";
/** `pymodaq_version` when the pymodaq package is absent (§1.2). */
export const DEFAULT_PYMODAQ_VERSION = "0.0.0";

/** Values of the `backend` attribute (§5.1); each writes its own file profile (`FileProfile`, §8). */
export type BackendName = "tables" | "h5py";
export const BACKEND_NAMES: readonly BackendName[] = ["tables", "h5py"];

// ---------------------------------------------------------------------------------------------
// Enumerations stored in the file (data-model.md §1.6, §1.7): name -> value

/** DataType: the name goes to `data_type`, the value is the node-name prefix. */
export const DATA_TYPES = {
  data: "Data",
  axis: "Axis",
  live_scan: "Live",
  external_h5: "ExtData",
  strings: "Strings",
  bkg: "Bkg",
  data_enlargeable: "EnlData",
  error: "ErrorBar",
} as const;
export type DataTypeName = keyof typeof DATA_TYPES;

export const GROUP_TYPES = [
  "detector", "actuator", "data", "ch", "scan", "external_h5", "data_dim", "data_logger",
] as const;
export type GroupTypeName = (typeof GROUP_TYPES)[number];

export const SAVE_TYPES = ["scan", "detector", "logger", "custom", "actuator"] as const;
export type SaveTypeName = (typeof SAVE_TYPES)[number];

export const DATA_DIMS = ["Data0D", "Data1D", "Data2D", "DataND"] as const;
export type DataDimName = (typeof DATA_DIMS)[number];

/** An enum member from data-model (anything with a `name`) or its name as a string. */
export type EnumInput = string | { readonly name: string };

function checkName<T extends string>(kind: string, names: readonly T[], item: EnumInput): T {
  const text = typeof item === "string" ? item : item !== null && typeof item === "object" ? item.name : undefined;
  if (typeof text === "string") {
    const lower = text.toLowerCase();
    const hit = names.find((n) => n.toLowerCase() === lower);
    if (hit !== undefined) return hit;
  }
  throw new InvalidValueError(`${String(typeof item === "object" ? item?.name : item)} is not a valid ${kind}: expected one of ${names.join(", ")}`);
}

/** enum_checker for DataType: case-insensitive member name (never the value). @throws InvalidValueError */
export function checkDataType(item: EnumInput): DataTypeName {
  return checkName("DataType", Object.keys(DATA_TYPES) as DataTypeName[], item);
}
/** enum_checker for GroupType. @throws InvalidValueError */
export function checkGroupType(item: EnumInput): GroupTypeName {
  return checkName("GroupType", GROUP_TYPES, item);
}
/** enum_checker for SaveType. @throws InvalidValueError */
export function checkSaveType(item: EnumInput): SaveTypeName {
  return checkName("SaveType", SAVE_TYPES, item);
}
/** enum_checker for DataDim. @throws InvalidValueError */
export function checkDataDim(item: EnumInput): DataDimName {
  return checkName("DataDim", DATA_DIMS, item);
}

// ---------------------------------------------------------------------------------------------
// Node names (§3)

/** Python `capitalize(s, n)`: upper-case the first `n` characters, keep the rest. */
export function capitalize(s: string, n = 1): string {
  const chars = Array.from(s);
  return chars.slice(0, n).join("").toUpperCase() + chars.slice(n).join("");
}

/** Python `f"{i:0{width}d}"`. */
export function zeroPad(index: number, width: number): string {
  const sign = index < 0 ? "-" : "";
  return sign + String(Math.abs(index)).padStart(width - sign.length, "0");
}

/** `Data03`, `Axis00`, `EnlData01`, `ErrorBar00`, `Bkg02`: capitalize(DataType value) + 2 digits. */
export function arrayNodeName(dataType: EnumInput, index: number): string {
  return capitalize(DATA_TYPES[checkDataType(dataType)]) + zeroPad(index, 2);
}

/** The node-name prefix of a DataType (`Data`, `EnlData`...). */
export function arrayNodePrefix(dataType: EnumInput): string {
  return capitalize(DATA_TYPES[checkDataType(dataType)]);
}

/**
 * The index encoded in an array node name (`Data03` -> 3, `EnlData00` -> 0), or null when the
 * name does not start with the type's prefix followed by digits only (§7.2).
 */
export function arrayNodeIndex(dataType: EnumInput, nodeName: string): number | null {
  const prefix = arrayNodePrefix(dataType);
  if (!nodeName.startsWith(prefix)) return null;
  const digits = nodeName.slice(prefix.length);
  return /^[0-9]+$/.test(digits) ? Number(digits) : null;
}

/** `CH00`, `CH01`: channel groups of the DataToExport savers (§3). */
export function channelGroupName(index: number): string {
  return `CH${zeroPad(index, 2)}`;
}

/** The incremental-group prefix, `capitalize(GroupType name)`: `Detector`, `Scan`, `Ch`... */
export function incrementalGroupPrefix(groupType: EnumInput): string {
  return capitalize(checkGroupType(groupType));
}

/** `Scan000`, `Detector001`, `Ch000`: capitalize(GroupType name) + 3 digits (§3.2). */
export function incrementalGroupName(groupType: EnumInput, index: number): string {
  return incrementalGroupPrefix(groupType) + zeroPad(index, 3);
}

/**
 * Next index of an incremental group from the names of the parent's direct children (§3.2):
 * names containing the prefix, string-sorted, last one's last 3 characters + 1; 0 when none.
 * @throws InvalidValueError when the last matching name does not end in 3 digits.
 */
export function nextIncrementalIndex(groupType: EnumInput, childNames: readonly string[]): number {
  const prefix = incrementalGroupPrefix(groupType);
  const matching = childNames.filter((n) => n.includes(prefix)).sort(compareNodeNames);
  const last = matching[matching.length - 1];
  if (last === undefined) return 0;
  const tail = last.slice(-3);
  if (!/^[0-9]{3}$/.test(tail)) {
    throw new InvalidValueError(`cannot number a new ${prefix} group: the child '${last}' does not end with 3 digits`);
  }
  return Number(tail) + 1;
}

/** The `type` attribute of a group of this GroupType: lower-case name, `''` for `ch` (Q24). */
export function groupTypeAttrValue(groupType: EnumInput): string {
  const name = checkGroupType(groupType);
  return name === "ch" ? "" : name;
}

/** HDF5 name order (byte-wise UTF-8) = Python's str order = code-point order (§7.5). */
export function compareNodeNames(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(i);
    if (ca !== cb) return codePointRank(ca) - codePointRank(cb);
  }
  return a.length - b.length;
}

/** UTF-16 code unit -> rank in code-point order: surrogates (astral characters) after U+FFFF. */
function codePointRank(unit: number): number {
  if (unit < 0xd800) return unit;
  return unit <= 0xdfff ? unit + 0x2000 : unit - 0x800;
}

// ---------------------------------------------------------------------------------------------
// Attribute names (§1.2, §2.6, §5)

/** Every attribute name the layout uses, by its own spelling. */
export const ATTR = {
  CLASS: "CLASS",
  TITLE: "TITLE",
  VERSION: "VERSION",
  PYTABLES_FORMAT_VERSION: "PYTABLES_FORMAT_VERSION",
  EXTDIM: "EXTDIM",
  shape: "shape",
  dtype: "dtype",
  subdtype: "subdtype",
  backend: "backend",
  data_type: "data_type",
  data_dimension: "data_dimension",
  timestamp: "timestamp",
  label: "label",
  source: "source",
  distribution: "distribution",
  origin: "origin",
  units: "units",
  nav_indexes: "nav_indexes",
  size: "size",
  index: "index",
  offset: "offset",
  scaling: "scaling",
  spread_order: "spread_order",
  type: "type",
  settings: "settings",
  description: "description",
  scan_done: "scan_done",
  file: "file",
  date: "date",
  time: "time",
  pymodaq_version: "pymodaq_version",
  pymodaq_data_version: "pymodaq_data_version",
  path: "path",
} as const;
export type AttrName = (typeof ATTR)[keyof typeof ATTR];

/** Raw (not enveloped) system attributes (§2.6). */
export const SYSTEM_ATTRS: ReadonlySet<string> = new Set([
  ATTR.CLASS, ATTR.TITLE, ATTR.VERSION, ATTR.PYTABLES_FORMAT_VERSION, ATTR.EXTDIM,
]);

/**
 * Attributes that a loader never turns into extra attributes of a DataWithAxes (§7.2), in the
 * original's order.
 */
export const NON_EXTRA_ATTRS: readonly string[] = [
  "TITLE", "CLASS", "VERSION", "backend", "source", "data_dimension", "distribution", "label",
  "origin", "nav_indexes", "dtype", "data_type", "subdtype", "shape", "size", "EXTDIM", "path",
  "timestamp", "units",
];

/** Attributes kept in memory and written at flush/close when updated (appends). */
export const DEFERRED_ATTRS: ReadonlySet<string> = new Set([ATTR.shape, ATTR.size]);

/** The Python type each pymodaq attribute has (§5.4); attributes not listed keep their value's type. */
export type AttrPyType = "str" | "int" | "float" | "bool" | "tuple-of-int";

export const ATTR_PY_TYPES: Readonly<Record<string, AttrPyType>> = {
  shape: "tuple-of-int",
  nav_indexes: "tuple-of-int",
  timestamp: "float",
  index: "int",
  size: "int",
  spread_order: "int",
  scan_done: "bool",
  label: "str", units: "str", origin: "str", source: "str", distribution: "str", dtype: "str",
  subdtype: "str", backend: "str", data_type: "str", data_dimension: "str", type: "str",
  settings: "str", description: "str", file: "str", date: "str", time: "str",
  pymodaq_version: "str", pymodaq_data_version: "str",
};

/** Plain JS inputs accepted by `typedAttr`. */
export type TypedAttrInput = string | number | bigint | boolean | readonly (number | bigint)[];

/**
 * The PyValue to store for attribute `name` with the Python type of §5.4: ints become bigint
 * (Python int), tuples of ints become PyTuple, timestamps stay floats. Attributes without a
 * fixed type (`offset`, `scaling`, extras) must be given as PyValue and are passed through.
 * @throws InvalidValueError when the value does not fit the attribute's Python type.
 */
export function typedAttr(name: string, value: TypedAttrInput | PyValue): PyValue {
  const kind = ATTR_PY_TYPES[name];
  if (kind === undefined) return value as PyValue;
  const bad = (): never => {
    throw new InvalidValueError(`attribute '${name}' must be a Python ${kind}, got ${describeValue(value)}`);
  };
  switch (kind) {
    case "str":
      return typeof value === "string" ? value : bad();
    case "bool":
      return typeof value === "boolean" ? value : bad();
    case "float":
      if (typeof value === "number") return value;
      return typeof value === "bigint" ? Number(value) : bad();
    case "int":
      if (typeof value === "bigint") return value;
      return typeof value === "number" && Number.isInteger(value) ? BigInt(value) : bad();
    case "tuple-of-int": {
      const items = value instanceof PyTuple ? value.items : Array.isArray(value) ? (value as readonly unknown[]) : bad();
      return new PyTuple(
        items.map((v) =>
          typeof v === "bigint" ? v : typeof v === "number" && Number.isInteger(v) ? BigInt(v) : bad(),
        ),
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Node classes and system attributes, PyTables profile (§2.6, §8.1, WORKLOADS "System attributes")

export type NodeClass = "GROUP" | "CARRAY" | "EARRAY" | "VLARRAY";

/** PyTables `VERSION` per class. */
export const CLASS_VERSIONS: Readonly<Record<NodeClass, string>> = {
  GROUP: "1.0",
  CARRAY: "1.1",
  EARRAY: "1.1",
  VLARRAY: "1.4",
};
export const PYTABLES_FORMAT_VERSION = "2.1";

/**
 * How CLASS/TITLE/VERSION are stored on a node of this class: fixed-length NULLTERM strings
 * sized to the UTF-8 byte length, "" as a NULL dataspace; ASCII cset on CARRAY/EARRAY (even
 * for UTF-8 bytes), UTF-8 on groups and VLARRAY.
 */
export function systemStringStorage(cls: NodeClass): StringStorage {
  return cls === "CARRAY" || cls === "EARRAY" ? FIXED_ASCII : FIXED_UTF8;
}
const FIXED_UTF8: StringStorage = Object.freeze({ storage: "fixed", cset: "utf8", emptyAsNull: true });
const FIXED_ASCII: StringStorage = Object.freeze({ storage: "fixed", cset: "ascii", emptyAsNull: true });

/** How enveloped pymodaq attributes are stored: fixed-length UTF-8 (PyTables profile). */
export const PYMODAQ_ATTR_STORAGE: StringStorage = FIXED_UTF8;

/** `EXTDIM` on EARRAYs: scalar int32 0 (PyTables). */
export const EXTDIM_VALUE = 0;
export const EXTDIM_DTYPE = "int32" as const;

/**
 * A system attribute to write on a new node: raw in the given string storage (null: EXTDIM, an
 * integer), or, when `envelope` is set, as a pymodaq attribute (JSON envelope).
 */
export interface SystemAttr {
  readonly name: string;
  readonly value: string | number;
  readonly storage: StringStorage | null;
  readonly envelope?: boolean;
}

/** The raw system attributes written on a new node, in PyTables' write order. */
export function systemAttributes(cls: NodeClass, title: string, options: { root?: boolean } = {}): SystemAttr[] {
  const s = systemStringStorage(cls);
  const out: SystemAttr[] = [
    { name: ATTR.CLASS, value: cls, storage: s },
    { name: ATTR.VERSION, value: CLASS_VERSIONS[cls], storage: s },
    { name: ATTR.TITLE, value: title, storage: s },
  ];
  if (options.root) out.push({ name: ATTR.PYTABLES_FORMAT_VERSION, value: PYTABLES_FORMAT_VERSION, storage: s });
  if (cls === "EARRAY") out.push({ name: ATTR.EXTDIM, value: EXTDIM_VALUE, storage: null });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Dataset storage: PyTables chunk rule, fill settings, compression (§4, Appendix A, WORKLOADS)

/** Deflate settings chosen by `defineCompression`; null = no filter. */
export interface Compression {
  readonly level: number;
}

const COMPRESSION_LIBS = ["gzip", "zlib"] as const;

/**
 * Validates `define_compression(lib, level)`: gzip and zlib are the same deflate filter; level
 * 0 means no filter (PyTables `complevel=0`).
 * @throws InvalidValueError for another library or a level outside 0..9.
 */
export function compressionFor(lib: string, level: number): Compression | null {
  if (!(COMPRESSION_LIBS as readonly string[]).includes(lib)) {
    throw new InvalidValueError(`compression library '${lib}' is not supported: expected 'gzip' or 'zlib'`);
  }
  if (!Number.isInteger(level) || level < 0 || level > 9) {
    throw new InvalidValueError(`compression level must be an integer from 0 to 9, got ${level}`);
  }
  return level === 0 ? null : { level };
}

/** PyTables' expected rows for an EArray (EXPECTED_ROWS_EARRAY). */
export const EARRAY_EXPECTED_ROWS = 1000;

/**
 * Fill settings of every array, as PyTables 3.7 leaves them: fill time alloc, alloc time incr,
 * and libhdf5's default fill value (0), not one set explicitly (WORKLOADS).
 */
const FILL = { fillTime: "alloc", allocTime: "incr" } as const;

/** Compression filters of PyTables: shuffle, then deflate. */
function filters(compression: Compression | null): { deflate: number | null; shuffle: boolean } {
  return compression === null ? { deflate: null, shuffle: false } : { deflate: compression.level, shuffle: true };
}

/** PyTables stores NumPy bools as an 8-bit bitfield (`tables.BoolAtom`). */
const PYTABLES_BOOL = { boolEncoding: "bitfield" } as const;

/** CARRAY storage: chunked with the PyTables chunk shape, max dims = max(shape, chunk). */
export function carraySpec(dtype: Dtype, shape: readonly number[], compression: Compression | null): ArrayCreateSpec {
  const chunks = pytablesChunkShape(shape, dtypeItemSize(dtype), shape[0] ?? 1);
  return { dtype, ...PYTABLES_BOOL, shape: [...shape], maxshape: pytablesMaxShape(shape, chunks), chunks, ...filters(compression), ...FILL };
}

/** EARRAY storage: shape (0, *rowShape), max (unlimited, *rowShape), chunked for 1000 rows. */
export function earraySpec(dtype: Dtype, rowShape: readonly number[], compression: Compression | null): ArrayCreateSpec {
  const shape = [0, ...rowShape];
  const chunks = pytablesChunkShape(shape, dtypeItemSize(dtype), EARRAY_EXPECTED_ROWS);
  return { dtype, ...PYTABLES_BOOL, shape, maxshape: [null, ...rowShape], chunks, ...filters(compression), ...FILL };
}

/** VLARRAY of uint8 (the Logger): chunk (65536,) as PyTables. */
export function vlarraySpec(compression: Compression | null): VlenCreateSpec {
  const [chunk] = pytablesChunkShape([0], 1, EARRAY_EXPECTED_ROWS);
  return { chunk: chunk ?? 65536, ...filters(compression) };
}

/** File access settings of PyTables: chunk cache 521 slots, 2 MiB, w0 = 0 (WORKLOADS). */
export const FILE_SETTINGS: FileSettings = Object.freeze({
  chunkCache: Object.freeze({ slots: 521, bytes: 2 * 1024 * 1024, w0: 0 }),
  nameCset: "ascii",
});

// ---------------------------------------------------------------------------------------------
// h5py profile (§8): what PyMoDAQ's h5py backend writes

/** Every string attribute of the h5py backend: variable-length UTF-8, "" stored as "". */
const VLEN_UTF8: StringStorage = Object.freeze({ storage: "vlen", cset: "utf8", emptyAsNull: false });

/** The system attributes h5py's backend writes: CLASS and TITLE (enveloped on the root), EXTDIM int64 on EARRAY and VLARRAY. */
function h5pySystemAttributes(cls: NodeClass, title: string, options: { root?: boolean } = {}): SystemAttr[] {
  const envelope = options.root === true;
  const out: SystemAttr[] = [
    { name: ATTR.CLASS, value: cls, storage: VLEN_UTF8, envelope },
    { name: ATTR.TITLE, value: title, storage: VLEN_UTF8, envelope },
  ];
  if (cls === "EARRAY" || cls === "VLARRAY") out.push({ name: ATTR.EXTDIM, value: EXTDIM_VALUE, storage: null });
  return out;
}

/** h5py's chunk-size targets (`h5py._hl.filters`): adjustment base, soft minimum, hard maximum. */
const H5PY_CHUNK_BASE = 16 * 1024;
const H5PY_CHUNK_MIN = 8 * 1024;
const H5PY_CHUNK_MAX = 1024 * 1024;

/**
 * h5py's automatic chunk shape (`guess_chunk`): a zero dimension (an unlimited one not yet
 * grown) counts as 1024; the target size grows with the dataset's size (clamped to 8 KiB..1 MiB)
 * and the dimensions are halved in turn, first to last, until a chunk is near the target.
 * @throws InvalidValueError for a scalar shape (h5py cannot chunk it either).
 */
export function h5pyChunkShape(shape: readonly number[], itemSize: number): number[] {
  if (shape.length === 0) throw new InvalidValueError("a chunk shape needs at least one dimension");
  const chunks = shape.map((n) => (n === 0 ? 1024 : n));
  const bytes = (): number => chunks.reduce((a, b) => a * b, itemSize);
  const target = Math.min(H5PY_CHUNK_MAX, Math.max(H5PY_CHUNK_MIN, H5PY_CHUNK_BASE * 2 ** Math.log10(bytes() / (1024 * 1024))));
  for (let i = 0; ; i++) {
    const size = bytes();
    if ((size < target || Math.abs(size - target) / target < 0.5) && size < H5PY_CHUNK_MAX) break;
    if (size === itemSize) break;
    const d = i % chunks.length;
    chunks[d] = Math.ceil(chunks[d]! / 2);
  }
  return chunks;
}

/** Compression filters of h5py's `compression="gzip"`: deflate alone. */
function h5pyFilters(compression: Compression | null): { deflate: number | null; shuffle: boolean } {
  return { deflate: compression?.level ?? null, shuffle: false };
}

/** h5py's fill settings: libhdf5's defaults (fill if set, late allocation) on contiguous data, fill at allocation, incremental on chunked. */
const H5PY_CONTIGUOUS_FILL = { fillTime: "ifset", allocTime: "late" } as const;
const H5PY_CHUNKED_FILL = { fillTime: "alloc", allocTime: "incr" } as const;

/** h5py stores NumPy bools as an enum FALSE=0, TRUE=1 over int8. */
const H5PY_BOOL = { boolEncoding: "enum" } as const;

/** CARRAY of the h5py backend: contiguous, or chunked by h5py's rule when compressed. */
function h5pyCarraySpec(dtype: Dtype, shape: readonly number[], compression: Compression | null): ArrayCreateSpec {
  if (compression === null) return { dtype, ...H5PY_BOOL, shape: [...shape], maxshape: [...shape], chunks: null, ...h5pyFilters(null), ...H5PY_CONTIGUOUS_FILL };
  const chunks = h5pyChunkShape(shape, dtypeItemSize(dtype));
  return { dtype, ...H5PY_BOOL, shape: [...shape], maxshape: [...shape], chunks, ...h5pyFilters(compression), ...H5PY_CHUNKED_FILL };
}

/** EARRAY of the h5py backend: shape (0, *rowShape), max (unlimited, *rowShape), h5py's chunks. */
function h5pyEarraySpec(dtype: Dtype, rowShape: readonly number[], compression: Compression | null): ArrayCreateSpec {
  const shape = [0, ...rowShape];
  const chunks = h5pyChunkShape(shape, dtypeItemSize(dtype));
  return { dtype, ...H5PY_BOOL, shape, maxshape: [null, ...rowShape], chunks, ...h5pyFilters(compression), ...H5PY_CHUNKED_FILL };
}

/** VLARRAY of the h5py backend: h5py's chunk for an unlimited (0,) dataset of one vlen element. */
function h5pyVlarraySpec(compression: Compression | null): VlenCreateSpec {
  return { chunk: 1024, ...h5pyFilters(compression) };
}

// ---------------------------------------------------------------------------------------------
// File profiles: everything that differs between the backends' files, chosen once per file

/** How one backend writes a file (§8): system attributes, string storage, array storage, file settings. */
export interface FileProfile {
  /** The backend whose files this profile writes. */
  readonly backend: BackendName;
  /** Access and creation settings of the file (names ASCII-marked or UTF-8 when needed). */
  readonly fileSettings: FileSettings;
  /** System attributes of a new node (the root's with `root`). */
  systemAttributes(cls: NodeClass, title: string, options?: { root?: boolean }): SystemAttr[];
  /** Storage of raw system strings (CLASS, TITLE, VERSION) on a node of this class. */
  systemStringStorage(cls: NodeClass): StringStorage;
  /** Storage of enveloped pymodaq attributes. */
  readonly attrStorage: StringStorage;
  /** Integer type of `EXTDIM`. */
  readonly extdimDtype: "int32" | "int64";
  carraySpec(dtype: Dtype, shape: readonly number[], compression: Compression | null): ArrayCreateSpec;
  earraySpec(dtype: Dtype, rowShape: readonly number[], compression: Compression | null): ArrayCreateSpec;
  vlarraySpec(compression: Compression | null): VlenCreateSpec;
}

/** PyTables' files (the default): the rules above. */
export const PYTABLES_PROFILE: FileProfile = Object.freeze({
  backend: "tables",
  fileSettings: FILE_SETTINGS,
  systemAttributes,
  systemStringStorage,
  attrStorage: PYMODAQ_ATTR_STORAGE,
  extdimDtype: EXTDIM_DTYPE,
  carraySpec,
  earraySpec,
  vlarraySpec,
});

/**
 * PyMoDAQ's h5py backend: vlen UTF-8 strings, no VERSION attributes, root CLASS/TITLE enveloped,
 * EXTDIM int64, contiguous CARRAYs unless compressed, h5py's chunks, deflate without shuffle,
 * non-ASCII group names marked UTF-8 as h5py's create_group marks them (their parent then keeps
 * its links in its header), dataset and attribute names ASCII as h5py's create_dataset and attrs.
 */
export const H5PY_PROFILE: FileProfile = Object.freeze({
  backend: "h5py",
  fileSettings: Object.freeze({ chunkCache: FILE_SETTINGS.chunkCache, nameCset: "h5py" }),
  systemAttributes: h5pySystemAttributes,
  systemStringStorage: () => VLEN_UTF8,
  attrStorage: VLEN_UTF8,
  extdimDtype: "int64",
  carraySpec: h5pyCarraySpec,
  earraySpec: h5pyEarraySpec,
  vlarraySpec: h5pyVlarraySpec,
});

/** The profile files of `backend` are written in. */
export function fileProfile(backend: BackendName): FileProfile {
  return backend === "h5py" ? H5PY_PROFILE : PYTABLES_PROFILE;
}
