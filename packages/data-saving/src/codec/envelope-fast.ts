/**
 * Fast path of `decodeAttr` for the envelopes PyMoDAQ writes most (`str`, `int`, `float`,
 * `float64`, `bool` and tuples of ints, in `json.dumps`' exact form): one regular expression
 * and a direct conversion instead of the JSON and Python-literal parsers, which cost most when
 * a process decodes only a few dozen attributes (they run cold). Anything else returns
 * `undefined` and takes the full path, so results are identical by construction: the data
 * forms accepted here are those on which both parsers are the identity or a plain conversion.
 */
import { PyTuple, type PyValue } from "@pymodaq-ts/data-model";

// The whole text as json.dumps writes an envelope; the data field without JSON escapes or
// control characters, so its JSON decoding is the text itself.
const ENVELOPE = /^\{"module": "(?:builtins|numpy)", "type": "(?:str|int|float|float64|bool|tuple)", "data": "([^"\\\p{Cc}]*)"\}$/u;
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
  const m = ENVELOPE.exec(raw);
  if (m === null) return undefined;
  const data = m[1]!;
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
