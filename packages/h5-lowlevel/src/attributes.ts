/**
 * Attributes of a file, group or dataset: list, has, read (decoded or raw), write, delete.
 * Strings are written as PyTables does by default (fixed-length, NULLTERM, UTF-8, "" as a NULL
 * dataspace) or as h5py does (`storage: "vlen"`); numbers as scalars or 1-d arrays; booleans
 * as h5py's int8 enum or PyTables' bitfield. Reading accepts whatever h5py and PyTables write.
 */
import { assertDtype, checkTypedArray, dtypeOfArray } from "./dtypes.js";
import { scalarArray } from "./scalars.js";
import { argumentError } from "./errors.js";
import type { NativeNode } from "./native.js";
import type { AnyTypedArray, AttrValue, Dtype, H5Attributes, NumericAttrOptions, RawAttr, StringAttrOptions } from "./types.js";
import { checkEnum, checkName, checkOptions } from "./validate.js";

function toRaw(raw: ReturnType<NativeNode["attrRead"]>): RawAttr {
  const space = Array.isArray(raw.space) ? { simple: raw.space } : raw.space;
  return { h5type: raw.h5type, space, value: raw.value };
}

/** String storage options, checked, with their defaults. */
function checkStringOptions(options: StringAttrOptions | undefined): { vlen: boolean; utf8: boolean; emptyAsNull: boolean } {
  const opts = checkOptions(options, ["storage", "cset", "emptyAsNull"]);
  const storage = checkEnum(opts.storage ?? "fixed", "options.storage", ["fixed", "vlen"] as const);
  const cset = checkEnum(opts.cset ?? "utf8", "options.cset", ["utf8", "ascii"] as const);
  const emptyAsNull = opts.emptyAsNull ?? storage === "fixed";
  if (typeof emptyAsNull !== "boolean") throw argumentError("options.emptyAsNull", "must be a boolean");
  return { vlen: storage === "vlen", utf8: cset === "utf8", emptyAsNull };
}

function checkText(value: unknown, argument: string): string {
  if (typeof value !== "string") throw argumentError(argument, "must be a string");
  if (value.includes("\0")) throw argumentError(argument, "must not contain NUL characters");
  return value;
}

export class H5AttributeSet implements H5Attributes {
  constructor(private readonly handle: NativeNode) {}

  /** Attribute names in HDF5 name order. */
  names(): string[] {
    return this.handle.attrNames();
  }

  has(name: string): boolean {
    return this.handle.attrExists(checkName(name));
  }

  /**
   * Decoded value: strings as text ("" for a NULL dataspace), numbers (bigint for 64-bit
   * integers), booleans, TypedArrays for 1-d arrays, string[] for string arrays; null for types
   * this binding does not decode (`getRaw().h5type` is "other").
   * @throws H5ArgumentError when the attribute does not exist
   */
  get(name: string): AttrValue {
    const raw = this.handle.attrRead(checkName(name));
    if (raw.space === "null") return raw.h5type.startsWith("string(") ? "" : null;
    return raw.value;
  }

  /** Raw storage: h5type text, dataspace and value (null for a NULL dataspace). */
  getRaw(name: string): RawAttr {
    return toRaw(this.handle.attrRead(checkName(name)));
  }

  set(name: string, value: string, options?: StringAttrOptions): void;
  set(name: string, value: number | bigint | boolean | AnyTypedArray, options?: NumericAttrOptions): void;
  /**
   * Writes or overwrites (delete + create) an attribute.
   * @throws H5ArgumentError on unknown options, unsupported values or out-of-range numbers
   */
  set(name: string, value: string | number | bigint | boolean | AnyTypedArray, options?: StringAttrOptions | NumericAttrOptions): void {
    checkName(name);
    if (typeof value === "string") {
      const s = checkStringOptions(options as StringAttrOptions | undefined);
      checkText(value, "value");
      this.handle.attrWriteString(name, value, s.vlen, s.utf8, s.emptyAsNull);
      return;
    }
    const opts = checkOptions(options as NumericAttrOptions | undefined, ["dtype", "boolEncoding"]);
    if (opts.dtype !== undefined) {
      assertDtype(opts.dtype, "options.dtype");
      if (opts.dtype.startsWith("complex")) throw argumentError("options.dtype", "complex attributes are not supported");
    }
    const boolEnum = checkEnum(opts.boolEncoding ?? "enum", "options.boolEncoding", ["enum", "bitfield"] as const) === "enum";
    if (ArrayBuffer.isView(value)) {
      const dtype = opts.dtype ?? dtypeOfArray(value);
      if (checkTypedArray(dtype, value, "value") === 0) throw argumentError("value", "an attribute array needs at least one element");
      this.handle.attrWriteNumeric(name, dtype, value, false, boolEnum);
      return;
    }
    let dtype: Dtype;
    if (typeof value === "boolean") dtype = opts.dtype ?? "bool";
    else if (typeof value === "bigint") dtype = opts.dtype ?? "int64";
    else if (typeof value === "number") dtype = opts.dtype ?? (Number.isInteger(value) ? "int64" : "float64");
    else throw argumentError("value", `unsupported attribute value of type ${typeof value}`);
    this.handle.attrWriteNumeric(name, dtype, scalarArray(dtype, value), true, boolEnum);
  }

  /**
   * Writes several string attributes with the same storage options, in order, in one call to
   * the addon (a node's whole attribute set at once); each one is written as `set` writes it.
   * Every entry is checked before anything is written.
   * @throws H5ArgumentError on an invalid name, value or option; H5Error when libhdf5 fails
   *   (the entries before the failing one are written)
   */
  setStrings(entries: ReadonlyArray<readonly [name: string, value: string]>, options?: StringAttrOptions): void {
    if (!Array.isArray(entries)) throw argumentError("entries", "must be an array of [name, value] pairs");
    const s = checkStringOptions(options);
    const names: string[] = [];
    const values: string[] = [];
    for (const entry of entries) {
      if (!Array.isArray(entry) || entry.length !== 2) throw argumentError("entries", "must be an array of [name, value] pairs");
      names.push(checkName(entry[0]));
      values.push(checkText(entry[1], `value of ${entry[0]}`));
    }
    if (names.length > 0) this.handle.attrWriteStrings(names, values, s.vlen, s.utf8, s.emptyAsNull);
  }

  /**
   * Deletes an attribute.
   * @throws H5ArgumentError when it does not exist
   */
  delete(name: string): void {
    if (!this.has(name)) throw argumentError("name", `no attribute ${JSON.stringify(name)}`);
    this.handle.attrDelete(name);
  }
}
