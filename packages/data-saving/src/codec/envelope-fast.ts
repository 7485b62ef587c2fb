/**
 * Fast path of `decodeAttr` for the envelopes PyMoDAQ writes most (`str`, `int`, `float`,
 * `float64`, `bool` and tuples of ints, in `json.dumps`' exact form): one regular expression
 * and a direct conversion instead of the JSON and Python-literal parsers, which cost most when
 * a process decodes only a few dozen attributes (they run cold). Anything else returns
 * `undefined` and takes the full path, so results are identical by construction: the data
 * forms accepted here are those on which both parsers are the identity or a plain conversion.
 */
import { PyTuple, type PyValue } from "@pymodaq-ts/data-model";

// The envelope as json.dumps writes it, split around its `type` and `data` fields (plain string
// operations: a regular expression over the whole text costs more to compile than it saves when a
// process decodes a few dozen attributes).
const PREFIXES = ['{"module": "builtins", "type": "', '{"module": "numpy", "type": "'];
const MIDDLE = '", "data": "';
const SUFFIX = '"}';
const TYPES: ReadonlySet<string> = new Set(["str", "int", "float", "float64", "bool", "tuple"]);

/** The `data` field of a trusted envelope when its JSON decoding is the text itself, else undefined. */
function envelopeData(raw: string): string | undefined {
  const prefix = raw.startsWith(PREFIXES[0]!) ? PREFIXES[0]! : raw.startsWith(PREFIXES[1]!) ? PREFIXES[1]! : undefined;
  if (prefix === undefined || !raw.endsWith(SUFFIX)) return undefined;
  const typeEnd = raw.indexOf('"', prefix.length);
  if (typeEnd < 0 || !TYPES.has(raw.slice(prefix.length, typeEnd)) || !raw.startsWith(MIDDLE, typeEnd)) return undefined;
  const start = typeEnd + MIDDLE.length;
  const end = raw.length - SUFFIX.length;
  if (end < start) return undefined;
  for (let i = start; i < end; i++) {
    const c = raw.charCodeAt(i);
    // JSON escapes, quotes and control characters: the full parser decides.
    if (c === 0x22 || c === 0x5c || c < 0x20) return undefined;
  }
  return raw.slice(start, end);
}

// A str repr in single quotes with nothing the literal parser would transform.
const SIMPLE_STR = /^'([^'\\\x7f-\x9f\u2028\u2029]*)'$/;
// Python ints and float reprs of bounded length (the literal parser's length limit is far above).
const INT = /^-?(?:0|[1-9][0-9]{0,29})$/;
const FLOAT = /^-?(?:0|[1-9][0-9]{0,29})(?:\.[0-9]{1,30}(?:e[+-][0-9]{1,3})?|e[+-][0-9]{1,3})$/;
// `()`, `(n,)` or `(n, m, ...)`: the repr of a tuple of ints.
const INT_TUPLE = /^\((?:|-?(?:0|[1-9][0-9]{0,29}),|-?(?:0|[1-9][0-9]{0,29})(?:, -?(?:0|[1-9][0-9]{0,29}))+)\)$/;

/**
 * The decoded value of a common envelope, or `undefined` when the text is not one of the forms
 * handled here (the caller then runs the full decoder).
 * @param raw an attribute's text
 */
export function decodeCommonEnvelope(raw: string): PyValue | undefined {
  const data = envelopeData(raw);
  if (data === undefined) return undefined;
  const first = data.charCodeAt(0);
  if (first === 0x27 /* ' */) {
    const s = SIMPLE_STR.exec(data);
    return s === null ? undefined : s[1]!;
  }
  if (first === 0x28 /* ( */) {
    if (!INT_TUPLE.test(data)) return undefined;
    const inner = data.slice(1, data.endsWith(",)") ? -2 : -1);
    return new PyTuple(inner === "" ? [] : inner.split(", ").map((t) => BigInt(t)));
  }
  if (data === "True") return true;
  if (data === "False") return false;
  if (INT.test(data)) return BigInt(data);
  if (FLOAT.test(data)) return Number(data);
  return undefined;
}
