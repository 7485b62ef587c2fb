/**
 * Python's `repr()` of the values PyMoDAQ writes into attributes (file-format.md §2.2), for the
 * `data` field of the attribute envelope. NumPy scalars use the NumPy 1.x form (plain
 * numbers), which both NumPy 1 and NumPy 2 readers evaluate.
 *
 * @example
 * pyRepr(new PyTuple([0n]));   // "(0,)"
 * pyRepr("it's");              // "\"it's\""
 * pyFloatRepr(1e16);           // "1e+16"
 */
import { NpScalar, PyBytes, PyComplex, PyDict, PyRepr, PyTuple, type PyValue } from "@pymodaq-ts/data-model";
import { PyEncodeError } from "./errors.js";
import { f16round, formatComplex, formatNpFloat, formatPyFloat } from "./floatrepr.js";

/**
 * Python's `repr(float)`: shortest round trip, always with `.` or an exponent.
 * @example pyFloatRepr(2) === "2.0"; pyFloatRepr(1e-5) === "1e-05"; pyFloatRepr(NaN) === "nan"
 */
export function pyFloatRepr(x: number): string {
  return formatPyFloat(x);
}

// Python's str.isprintable(): everything but these categories, plus the ASCII space.
const NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, "0");
}

function chooseQuote(hasSingle: boolean, hasDouble: boolean): string {
  return hasSingle && !hasDouble ? '"' : "'";
}

// Characters a str repr may have to change: backslash, quotes, controls, DEL, non-ASCII.
const STR_SPECIAL = /[\\'"]|[^ -~]/gu;

/** Python's `repr(str)`: quote choice, `\\`, `\n`, `\xhh` and the printable rule. */
export function pyStrRepr(s: string): string {
  const quote = chooseQuote(s.includes("'"), s.includes('"'));
  const body = s.replace(STR_SPECIAL, (ch) => {
    const c = ch.codePointAt(0)!;
    if (ch === quote || ch === "\\") return `\\${ch}`;
    if (ch === "'" || ch === '"') return ch;
    if (ch === "\t") return "\\t";
    if (ch === "\n") return "\\n";
    if (ch === "\r") return "\\r";
    if (c < 0x20 || c === 0x7f) return `\\x${hex(c, 2)}`;
    if (!NOT_PRINTABLE.test(ch)) return ch;
    if (c <= 0xff) return `\\x${hex(c, 2)}`;
    if (c <= 0xffff) return `\\u${hex(c, 4)}`;
    return `\\U${hex(c, 8)}`;
  });
  return quote + body + quote;
}

/** Python's `repr(bytes)`: `b'...'` with `\xhh` for everything outside printable ASCII. */
export function pyBytesRepr(bytes: Uint8Array): string {
  const quote = chooseQuote(bytes.includes(0x27), bytes.includes(0x22));
  const q = quote.charCodeAt(0);
  let out = `b${quote}`;
  for (const c of bytes) {
    if (c === q || c === 0x5c) out += `\\${String.fromCharCode(c)}`;
    else if (c === 0x09) out += "\\t";
    else if (c === 0x0a) out += "\\n";
    else if (c === 0x0d) out += "\\r";
    else if (c < 0x20 || c >= 0x7f) out += `\\x${hex(c, 2)}`;
    else out += String.fromCharCode(c);
  }
  return out + quote;
}

const INT_RANGES: Record<string, readonly [bigint, bigint]> = {
  int8: [-(2n ** 7n), 2n ** 7n - 1n],
  int16: [-(2n ** 15n), 2n ** 15n - 1n],
  int32: [-(2n ** 31n), 2n ** 31n - 1n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
  uint8: [0n, 2n ** 8n - 1n],
  uint16: [0n, 2n ** 16n - 1n],
  uint32: [0n, 2n ** 32n - 1n],
  uint64: [0n, 2n ** 64n - 1n],
};

/** The inclusive range of a NumPy integer type name, or undefined for other names. */
export function npIntRange(type: string): readonly [bigint, bigint] | undefined {
  return INT_RANGES[type];
}

function bad(scalar: NpScalar): never {
  throw new PyEncodeError(`numpy ${scalar.type} cannot hold ${String(scalar.value)}`);
}

/** NumPy 1.x `repr` of a scalar: `3`, `-20.4`, `1.5`, `True`, `(1+2j)`. */
export function npScalarRepr(scalar: NpScalar): string {
  const { type, value } = scalar;
  const range = INT_RANGES[type];
  if (range) {
    const n = typeof value === "bigint" ? value : typeof value === "number" && Number.isInteger(value) ? BigInt(value) : undefined;
    if (n === undefined || n < range[0] || n > range[1]) bad(scalar);
    return n.toString();
  }
  if (type === "bool_") {
    if (typeof value !== "boolean") bad(scalar);
    return value ? "True" : "False";
  }
  if (type === "float64" || type === "float32" || type === "float16") {
    if (typeof value !== "number" && typeof value !== "bigint") bad(scalar);
    const x = Number(value);
    return formatNpFloat(type === "float32" ? Math.fround(x) : type === "float16" ? f16round(x) : x, type);
  }
  if (type === "complex128" || type === "complex64") {
    if (!Array.isArray(value)) bad(scalar);
    const [re, im] = value as readonly [number, number];
    const kind = type === "complex64" ? "float32" : "float64";
    const round = type === "complex64" ? Math.fround : (x: number) => x;
    return formatComplex(round(re), round(im), (x) => formatNpFloat(x, kind, false));
  }
  return bad(scalar);
}

/**
 * Python's `repr()` of a value of the PyValue vocabulary.
 * @throws PyEncodeError for a NumPy scalar whose value does not fit its type
 */
export function pyRepr(value: PyValue): string {
  if (value === null) return "None";
  switch (typeof value) {
    case "boolean":
      return value ? "True" : "False";
    case "string":
      return pyStrRepr(value);
    case "number":
      return formatPyFloat(value);
    case "bigint":
      return value.toString();
  }
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(", ")}]`;
  if (value instanceof PyTuple) {
    const items = value.items.map(pyRepr);
    return items.length === 1 ? `(${items[0]},)` : `(${items.join(", ")})`;
  }
  if (value instanceof PyDict) return `{${value.entries.map(([k, v]) => `${pyRepr(k)}: ${pyRepr(v)}`).join(", ")}}`;
  if (value instanceof PyBytes) return pyBytesRepr(value.bytes);
  if (value instanceof PyComplex) return formatComplex(value.re, value.im, (x) => formatPyFloat(x, false));
  if (value instanceof NpScalar) return npScalarRepr(value);
  if (value instanceof PyRepr) return value.repr;
  throw new PyEncodeError(`not a Python value: ${Object.prototype.toString.call(value)}`);
}
