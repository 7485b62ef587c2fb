/**
 * The `tree` part of the canonical load JSON (fixtures/pymodaq/README.md): one entry per
 * object reachable from `/` with its kind, decoded CLASS/TITLE, every attribute decoded the way
 * pymodaq's `get_attr` does, the raw attribute storage, the dataset storage and a summary of the
 * stored values. Works on any HDF5 file through the storage interface; never writes.
 *
 * @example
 * const tree = canonicalTree("scan.h5");
 * tree["/RawData"].TITLE; // "Data from PyMoDAQ modules"
 */
import { NDArray, type Dtype as ModelDtype, type PyValue } from "@pymodaq-ts/data-model";
import type {
  AttributeStore, StorageArray, StorageGroup, StorageLayoutInfo, StorageVlen, StoredAttr,
} from "../../storage/types.js";
import { floatJson, type JsonFloat } from "./float.js";
import { arraySummary } from "./summary.js";
import { canonicalValue } from "./values.js";
import { decodeAttr, decodeRawText } from "../../codec/envelope.js";
import { unpickleString } from "../../codec/pickle.js";
import { ATTR } from "../../conventions/layout.js";
import { FileStateError } from "../../errors.js";
import { H5SaverLowLevel } from "../../conventions/h5-saver-lowlevel.js";
import { DEFAULT_MAX_LOAD_BYTES, LoadBudget } from "../../loader/budget.js";
import { checkChildCount, readVlenRows } from "../../conventions/limits.js";
import { repeatedAncestor, type Ancestors } from "../../conventions/walk.js";

/**
 * A JSON value of the canonical document: integers beyond 2^53 stay bigint and Python floats
 * with integral values are JsonFloats (see canonical/float.ts); write it with
 * stringifyCanonical to keep both.
 */
export type Json = null | boolean | number | bigint | string | JsonFloat | Json[] | { [key: string]: Json };

/** One entry of `tree`. */
export interface TreeEntry {
  kind: "group" | "dataset" | "softlink" | "externallink" | "other";
  CLASS: Json;
  TITLE: Json;
  shape?: number[];
  dtype?: string;
  attrs: Record<string, Json>;
  strings?: Json[];
  vlen_lengths?: number[];
  value?: Json;
  raw_attrs: Record<string, Json>;
  storage?: Json;
  /** Soft and external links: the path they point to (not followed). */
  target?: string;
  /** External links: the file they point into. */
  file?: string;
  /**
   * A group hard-linked under its own descendant: the path of that ancestor, the same object.
   * Its content is listed there, not again here (a walk into it would never end).
   */
  cycle?: string;
}

/** `tree`: absolute path -> entry. */
export type CanonicalTree = Record<string, TreeEntry>;

const NUMERIC_H5TYPES = new Set<string>([
  "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64", "float32", "float64",
]);

const isFloatType = (h5type: string): boolean => h5type.startsWith("float");

/**
 * A stored number as the Python value h5py / PyTables give for it: a float for a float HDF5
 * type, else an int (bigint kept outside the safe integer range).
 */
function jsonNumber(n: number | bigint, h5type: string): Json {
  if (isFloatType(h5type)) return floatJson(Number(n));
  if (typeof n === "bigint") return Number.isSafeInteger(Number(n)) ? Number(n) : n;
  return n;
}

/** The stored value of an attribute, before any decoding (strings, numbers, arrays). */
function rawJson(stored: StoredAttr): Json {
  if (stored.space === "null") return null;
  const v = stored.value;
  if (v === null || typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "number" || typeof v === "bigint") return jsonNumber(v, stored.h5type);
  if (Array.isArray(v)) return v;
  return Array.from(v as ArrayLike<number | bigint>, (x) => jsonNumber(x, stored.h5type));
}

function spaceJson(space: StoredAttr["space"]): string {
  return typeof space === "string" ? space : `simple[${space.simple.join(", ")}]`;
}

/** What pymodaq's get_attr returns for a stored attribute (numeric arrays stay arrays). */
function decodedAttr(stored: StoredAttr): Json {
  const v = stored.value;
  if (v !== null && typeof v === "object" && !Array.isArray(v)) {
    const dtype = (NUMERIC_H5TYPES.has(stored.h5type) ? stored.h5type : "float64") as ModelDtype;
    const data = v as ArrayLike<number | bigint>;
    const shape = typeof stored.space === "object" ? [...stored.space.simple] : [data.length];
    return canonicalValue({ dtype, shape, data }) as Json;
  }
  if (Array.isArray(v)) return v;
  // A numeric scalar (EXTDIM) is returned unchanged by get_attr: a NumPy int or float.
  if (typeof v === "number" || typeof v === "bigint") return jsonNumber(v, stored.h5type);
  return canonicalValue(decodeAttr(stored.space === "null" ? "" : v) as PyValue) as Json;
}

/** Bytes an attribute value takes in memory (strings at two bytes per character, as V8 may). */
function attrBytes(value: StoredAttr["value"]): number {
  if (typeof value === "string") return 2 * value.length;
  if (Array.isArray(value)) return value.reduce((n, s) => n + 2 * s.length + 16, 0);
  if (ArrayBuffer.isView(value)) return value.byteLength;
  return 8;
}

/**
 * A node's attributes, decoded and raw. Their values are charged to `maxBytes` once read (libhdf5
 * tells the length of a variable-length string only by reading it).
 * @throws LimitError naming the node when they take more
 */
function attrsOf(store: AttributeStore, path: string, maxBytes: number): { attrs: Record<string, Json>; raw: Record<string, Json>; stored: Map<string, StoredAttr> } {
  const attrs: Record<string, Json> = {};
  const raw: Record<string, Json> = {};
  const stored = new Map<string, StoredAttr>();
  const budget = new LoadBudget(maxBytes);
  for (const name of store.names()) {
    const s = store.getStored(name);
    budget.chargeBytes(`${path}@${name}`, attrBytes(s.value));
    stored.set(name, s);
    attrs[name] = decodedAttr(s);
    raw[name] = { h5type: s.h5type, space: spaceJson(s.space), value: rawJson(s) };
  }
  return { attrs, raw, stored };
}

/** CLASS / TITLE: an envelope is decoded (h5py root), any other text is kept as a string. */
function systemText(stored: StoredAttr | undefined): Json {
  if (stored === undefined) return null;
  if (stored.space === "null") return "";
  const v = stored.value;
  if (typeof v !== "string") return rawJson(stored);
  return canonicalValue(decodeRawText(v) as PyValue) as Json;
}

function storageJson(info: StorageLayoutInfo): Json {
  return {
    layout: info.layout,
    chunks: info.chunks,
    maxshape: info.maxshape,
    filters: info.filters.map((f) => ({ filter: f.name, params: f.params })),
  };
}

function rowString(row: Uint8Array): Json {
  try {
    return unpickleString(row);
  } catch {
    return { $bytes: Buffer.from(row).toString("hex") };
  }
}

type OpenedDataset = { array: StorageArray } | { vlen: StorageVlen } | { other: StorageArray };

/**
 * Opens a dataset as a numeric array, else as a vlen-uint8 array (the Logger), else as an array
 * whose elements are neither (strings, compounds...: listed without values; the storage interface has
 * no dtype for them).
 */
function openDataset(group: StorageGroup, name: string): OpenedDataset {
  const array = group.openArray(name);
  try {
    void array.dtype;
    return { array };
  } catch {
    try {
      return { vlen: group.openVlen(name) };
    } catch {
      return { other: array };
    }
  }
}

/** Given each array the tree reads whole, with its path, before the tree summarises it: the callee may keep the array, not change it. */
export type ArrayRead = (path: string, array: NDArray) => void;

function datasetEntry(group: StorageGroup, name: string, path: string, maxBytes: number, onArray: ArrayRead | undefined): TreeEntry {
  const opened = openDataset(group, name);
  const node = "array" in opened ? opened.array : "vlen" in opened ? opened.vlen : opened.other;
  const { attrs, raw, stored } = attrsOf(node.attrs, path, maxBytes);
  const entry: TreeEntry = {
    kind: "dataset",
    CLASS: systemText(stored.get(ATTR.CLASS)),
    TITLE: systemText(stored.get(ATTR.TITLE)),
    attrs,
    raw_attrs: raw,
  };
  if ("array" in opened) {
    const shape = opened.array.shape();
    entry.shape = shape;
    entry.dtype = opened.array.dtype;
    new LoadBudget(maxBytes).charge(path, opened.array.dtype, shape);
    const data = opened.array.read();
    onArray?.(path, new NDArray(opened.array.dtype, shape, data));
    entry.value = arraySummary({ dtype: opened.array.dtype, shape, data }) as Json;
  } else if ("other" in opened) {
    entry.shape = opened.other.shape();
    entry.dtype = "other";
  } else {
    const rows = readVlenRows(opened.vlen, path, maxBytes);
    entry.shape = [rows.length];
    entry.dtype = "vlen-uint8";
    entry.strings = rows.map(rowString);
    entry.vlen_lengths = rows.map((r) => r.length);
  }
  entry.storage = storageJson(node.layoutInfo());
  return entry;
}

function groupEntry(group: StorageGroup, path: string, maxBytes: number): TreeEntry {
  const { attrs, raw, stored } = attrsOf(group.attrs, path, maxBytes);
  return {
    kind: "group",
    CLASS: systemText(stored.get(ATTR.CLASS)),
    TITLE: systemText(stored.get(ATTR.TITLE)),
    attrs,
    raw_attrs: raw,
  };
}

function childPath(parent: string, name: string): string {
  return parent === "/" ? `/${name}` : `${parent}/${name}`;
}

function otherEntry(): TreeEntry {
  return { kind: "other", CLASS: null, TITLE: null, attrs: {}, raw_attrs: {} };
}

/** A soft or external link, with where it points. */
function linkEntry(group: StorageGroup, name: string, kind: "softlink" | "externallink"): TreeEntry {
  const entry: TreeEntry = { kind, CLASS: null, TITLE: null, attrs: {}, raw_attrs: {} };
  const to = group.linkTarget?.(name) ?? null;
  if (to !== null) entry.target = to.target;
  if (to?.kind === "externallink") entry.file = to.file;
  return entry;
}


/**
 * The `tree` of the canonical JSON for an open root group (every group and dataset below it).
 * Soft and external links are listed as such with their `target` (and `file`), not followed; a
 * group hard-linked under its own descendant is listed once more with `cycle` (the ancestor's
 * path) and not entered again. Other objects (named types) are listed with kind "other"; an
 * object that cannot be read is listed the same way and its error, naming the path, is pushed to
 * `errors` when given (else thrown). A dataset whose values would take more than `maxBytes` is
 * not read (LimitError). `onArray` is given each array read, with its path (the inspector keeps
 * them for its loads).
 */
export function canonicalTreeOf(root: StorageGroup, errors?: string[], maxBytes = DEFAULT_MAX_LOAD_BYTES, onArray?: ArrayRead): CanonicalTree {
  const tree: CanonicalTree = {};
  const guarded = (path: string, fn: () => void): void => {
    if (errors === undefined) return fn();
    try {
      fn();
    } catch (e) {
      tree[path] = otherEntry();
      errors.push(`${path}: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const visit = (group: StorageGroup, path: string, parent: Ancestors | null): void => {
    const entry = groupEntry(group, path, maxBytes);
    tree[path] = entry;
    const chain: Ancestors = { id: group.objectId?.() ?? null, path, parent };
    const again = repeatedAncestor(parent, chain.id);
    if (again !== null) {
      entry.cycle = again;
      return;
    }
    const count = group.childCount?.();
    if (count !== undefined) checkChildCount(path, count, maxBytes);
    for (const child of group.children()) {
      const p = childPath(path, child.name);
      if (child.kind === "group") guarded(p, () => visit(group.openGroup(child.name), p, chain));
      else if (child.kind === "dataset") guarded(p, () => { tree[p] = datasetEntry(group, child.name, p, maxBytes, onArray); });
      else if (child.kind === "softlink" || child.kind === "externallink") guarded(p, () => { tree[p] = linkEntry(group, child.name, child.kind as "softlink" | "externallink"); });
      else tree[p] = otherEntry();
    }
  };
  visit(root, "/", null);
  return tree;
}

/**
 * The `tree` of the canonical load JSON of the HDF5 file at `path`, opened read-only.
 * @throws the backend's error when the file cannot be opened.
 */
export function canonicalTree(path: string): CanonicalTree {
  const h5 = H5SaverLowLevel.openReadOnly(path);
  try {
    const file = h5.h5File;
    if (file === null) throw new FileStateError(`${path}: the file did not open`, { path });
    return canonicalTreeOf(file.root);
  } finally {
    h5.closeFile();
  }
}
