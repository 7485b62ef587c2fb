/**
 * The attribute envelope of file-format.md §2: PyMoDAQ stores every attribute it writes as
 * `json.dumps({"module": M, "type": T, "data": repr(value)})`, and reads it back by
 * evaluating `data` for a few trusted types. Here the writer builds the exact same string
 * and the reader uses the safe literal parser instead of `eval`.
 *
 * @example
 * encodeAttr(PyTuple.ofInts([0]));   // '{"module": "builtins", "type": "tuple", "data": "(0,)"}'
 * decodeAttr('{"module": "builtins", "type": "float", "data": "nan"}');  // the raw string back
 * decodeAttr("1.1");                 // 1.1 (PyTables' VERSION text reads as a float)
 */
import { NpScalar, PyBytes, PyComplex, PyDict, PyRepr, PyTuple, type PyValue } from "@pymodaq-ts/data-model";
import { InvalidValueError } from "../errors.js";
import { checkOptions } from "../options.js";
import { PyEncodeError, isPyJsonError, isPyLiteralError } from "./errors.js";
import { numpyCall } from "./literal-calls.js";
import { decodeCommonEnvelope } from "./envelope-fast.js";
import { parsePyLiteral } from "./literal.js";
import { pyJsonLoads, pyJsonString } from "./pyjson.js";
import { pyRepr } from "./pyrepr.js";

/** The `type` values whose `data` PyMoDAQ's reader evaluates (`JsonConverter.json2object`). */
export const TRUSTED_TYPES: ReadonlySet<string> = new Set([
  "float", "int", "str", "datetime", "date", "time", "tuple", "list", "bool", "bytes", "float64",
]);

/** What Python's `type(v).__module__` and `type(v).__name__` give for a value. */
export interface PyTypeName {
  module: string;
  type: string;
}

// Reprs of the kinds PyRepr stands for, with the type that wrote them.
const REPR_TYPES: readonly (readonly [RegExp, PyTypeName])[] = [
  [/^datetime\.datetime\(/, { module: "datetime", type: "datetime" }],
  [/^datetime\.date\(/, { module: "datetime", type: "date" }],
  [/^datetime\.time\(/, { module: "datetime", type: "time" }],
  [/^datetime\.timedelta\(/, { module: "datetime", type: "timedelta" }],
  [/^array\(/, { module: "numpy", type: "ndarray" }],
];

/**
 * The Python module and type name of a value, as written into the envelope.
 * @throws PyEncodeError for a PyRepr whose type cannot be told from its text
 */
export function pyTypeOf(value: PyValue): PyTypeName {
  const builtin = (type: string): PyTypeName => ({ module: "builtins", type });
  if (value === null) return builtin("NoneType");
  switch (typeof value) {
    case "boolean":
      return builtin("bool");
    case "string":
      return builtin("str");
    case "number":
      return builtin("float");
    case "bigint":
      return builtin("int");
  }
  if (Array.isArray(value)) return builtin("list");
  if (value instanceof PyTuple) return builtin("tuple");
  if (value instanceof PyDict) return builtin("dict");
  if (value instanceof PyBytes) return builtin("bytes");
  if (value instanceof PyComplex) return builtin("complex");
  if (value instanceof NpScalar) return { module: "numpy", type: value.type };
  if (value instanceof PyRepr) {
    const found = REPR_TYPES.find(([re]) => re.test(value.repr));
    if (found) return found[1];
    throw new PyEncodeError(`cannot tell the Python type of the repr ${JSON.stringify(value.repr.slice(0, 60))}`);
  }
  throw new PyEncodeError(`not a Python value: ${Object.prototype.toString.call(value)}`);
}

/**
 * The envelope string for explicit parts: `{"module": M, "type": T, "data": D}`.
 * Use it for values outside the PyValue vocabulary (for example another module's repr).
 */
export function encodeEnvelope(module: string, type: string, data: string): string {
  // pyJsonDumps of the PyDict {module, type, data}, written out: it runs for every attribute.
  return `{"module": ${pyJsonString(module)}, "type": ${pyJsonString(type)}, "data": ${pyJsonString(data)}}`;
}

/**
 * The attribute text PyMoDAQ writes for a value: byte for byte Python's
 * `json.dumps({"module": ..., "type": ..., "data": repr(value)})` (NumPy scalars in NumPy 1.x form).
 * @throws PyEncodeError for a value with no Python type (see pyTypeOf) or an out-of-range NumPy scalar
 */
export function encodeAttr(value: PyValue): string {
  // Most attributes repeat a few primitive values ('tables', 'float64', '', labels): their
  // envelopes are cached (-0 is left out: Map keys do not tell it from 0, reprs do; long
  // strings too, so that the cache stays small).
  const cacheable = typeof value !== "object" && !Object.is(value, -0) && (typeof value !== "string" || value.length <= 256);
  if (cacheable) {
    const hit = ENCODED.get(value);
    if (hit !== undefined) return hit;
  }
  const { module, type } = pyTypeOf(value);
  const text = encodeEnvelope(module, type, pyRepr(value));
  if (cacheable) {
    if (ENCODED.size >= ENCODED_MAX) ENCODED.clear();
    ENCODED.set(value, text);
  }
  return text;
}

/** Envelopes of primitive values already encoded (bounded: cleared when full). */
const ENCODED = new Map<string | number | bigint | boolean, string>();
const ENCODED_MAX = 1024;

/** Options of {@link decodeAttr}. */
export interface DecodeAttrOptions {
  /**
   * `"parity"` (default): return exactly what PyMoDAQ's reader returns (untrusted types as the
   * envelope dict, nan/inf floats as the raw text). `"lenient"`: also decode `NoneType` to null,
   * NumPy scalars, dict and complex to their values, and nan/inf floats to numbers.
   */
  mode?: "parity" | "lenient";
}

/** The raw value of an attribute as read from HDF5: text, a number, or nothing. */
export type RawAttr = string | number | bigint | boolean | null;

const NON_FINITE: Record<string, number> = { nan: NaN, inf: Infinity, "-inf": -Infinity };

function parseData(data: string): PyValue | undefined {
  try {
    return parsePyLiteral(data);
  } catch (e) {
    if (isPyLiteralError(e)) return undefined;
    throw e;
  }
}

function numpyValue(type: string, value: PyValue): PyValue | undefined {
  const result = numpyCall(type, [value]);
  return result.ok ? result.value : undefined;
}

/** Lenient mode: the value behind an envelope the parity reader leaves undecoded. */
function lenientValue(type: PyValue, data: PyValue): PyValue | undefined {
  if (typeof data !== "string" || typeof type !== "string") return undefined;
  if (type === "NoneType") return data === "None" ? null : undefined;
  const special = NON_FINITE[data];
  if (special !== undefined) return type === "float" || type === "float64" ? special : numpyValue(type, special);
  const value = parseData(data);
  if (value === undefined || value instanceof NpScalar) return value;
  return type === "dict" || type === "complex" ? value : numpyValue(type, value);
}

/** Python's json.loads of the text, or undefined where it raises. */
function tryJsonLoads(raw: string): PyValue | undefined {
  try {
    return pyJsonLoads(raw);
  } catch (e) {
    if (isPyJsonError(e)) return undefined;
    throw e;
  }
}

function decodeMode(options: DecodeAttrOptions | undefined): "parity" | "lenient" {
  const mode = checkOptions(options, ["mode"], "decodeAttr").mode ?? "parity";
  if (mode !== "parity" && mode !== "lenient") throw new InvalidValueError(`decodeAttr: mode must be "parity" or "lenient", got ${String(mode)}`);
  return mode;
}

/**
 * Decode an attribute as PyMoDAQ's `get_attr` does (file-format.md §2.4): non-strings unchanged; text
 * that is not JSON unchanged; an envelope of a trusted type → its `data` parsed as a Python
 * literal (the raw text when that fails, e.g. `nan`); an object of another type → that object
 * as a PyDict; an object without `type` → the raw text; any other JSON value → as parsed
 * (ints as bigint, so the text `"123"` gives 123n and `"1.1"` gives 1.1).
 * @param raw the attribute as read (decoded UTF-8 text, or a number such as EXTDIM)
 * @throws InvalidTypeError for unknown options, InvalidValueError for an unknown mode
 */
export function decodeAttr(raw: RawAttr, options?: DecodeAttrOptions): PyValue {
  const mode = decodeMode(options);
  if (typeof raw !== "string" || raw === "") return raw;
  const common = decodeCommonEnvelope(raw);
  if (common !== undefined) return common;
  const parsed = tryJsonLoads(raw);
  if (parsed === undefined) return raw;
  if (!(parsed instanceof PyDict)) return parsed;
  const type = parsed.get("type");
  if (type === undefined) return raw;
  const data = parsed.get("data");
  if (typeof type === "string" && TRUSTED_TYPES.has(type)) {
    const value = typeof data === "string" ? parseData(data) : undefined;
    if (value !== undefined) return value;
    const lenient = mode === "lenient" && data !== undefined ? lenientValue(type, data) : undefined;
    return lenient === undefined ? raw : lenient;
  }
  const lenient = mode === "lenient" && data !== undefined ? lenientValue(type, data) : undefined;
  return lenient === undefined ? parsed : lenient;
}

/**
 * Decode a raw system attribute (`TITLE`, `CLASS`; file-format.md §2.6): a JSON envelope (as the h5py
 * backend writes on the root) is decoded like {@link decodeAttr}; any other text stays a
 * string, so a title `"123"` stays `"123"` (quirk Q12 fixed).
 */
export function decodeRawText(raw: RawAttr): PyValue {
  if (typeof raw !== "string" || !raw.startsWith("{")) return raw;
  const parsed = tryJsonLoads(raw);
  const isEnvelope =
    parsed instanceof PyDict && ["module", "type", "data"].every((k) => parsed.get(k) !== undefined);
  return isEnvelope ? decodeAttr(raw) : raw;
}
