/**
 * Python's `json.dumps` (default settings) and `json.loads`, over the PyValue vocabulary.
 *
 * `dumps` writes `", "` and `": "` separators and escapes everything outside printable ASCII
 * as lowercase `\uXXXX` (ensure_ascii). `loads` keeps Python's int/float distinction (an
 * integer literal becomes a bigint, anything with `.` or an exponent a number) and accepts
 * `NaN`, `Infinity` and `-Infinity`, as Python does.
 *
 * @example
 * pyJsonDumps(new PyDict([["a", "é"]]));  // '{"a": "\\u00e9"}'
 * pyJsonLoads("1.1");                     // 1.1 (a float), pyJsonLoads("12") -> 12n
 */
import { className, NpScalar, PyDict, PyTuple, type PyValue } from "@pymodaq-ts/data-model";
import { PyEncodeError, PyJsonError } from "./errors.js";
import { formatPyFloat } from "./floatrepr.js";

const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  "\\": "\\\\",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\b": "\\b",
  "\f": "\\f",
};

// What ensure_ascii escapes: quote, backslash, controls and everything past '~'.
const JSON_SPECIAL = /["\\]|[^ -~]/g;
const HAS_JSON_SPECIAL = /["\\]|[^ -~]/;

/** A JSON string literal as Python's `json.dumps` writes it (ensure_ascii). */
export function pyJsonString(s: string): string {
  // Most attribute texts need no escape: a test is cheaper than a replace with a callback.
  if (!HAS_JSON_SPECIAL.test(s)) return `"${s}"`;
  const body = s.replace(JSON_SPECIAL, (ch) => SHORT_ESCAPES[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return `"${body}"`;
}

function floatJson(x: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (x === Infinity) return "Infinity";
  if (x === -Infinity) return "-Infinity";
  return formatPyFloat(x);
}

function keyJson(key: PyValue): string {
  if (typeof key === "string") return pyJsonString(key);
  if (typeof key === "bigint") return `"${key}"`;
  if (typeof key === "number") return `"${floatJson(key)}"`;
  if (typeof key === "boolean") return key ? '"true"' : '"false"';
  if (key === null) return '"null"';
  throw new PyEncodeError("JSON object keys must be str, int, float, bool or None");
}

/**
 * Python's `json.dumps(value)` with default settings.
 * Lists and tuples become arrays, PyDict an object, numbers Python floats, bigints ints;
 * NumPy float64 is written like a float (a float subclass in Python).
 * @throws PyEncodeError for values Python's encoder rejects (bytes, complex, other NumPy scalars)
 */
export function pyJsonDumps(value: PyValue): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "boolean":
      return value ? "true" : "false";
    case "string":
      return pyJsonString(value);
    case "number":
      return floatJson(value);
    case "bigint":
      return value.toString();
  }
  if (Array.isArray(value)) return `[${value.map(pyJsonDumps).join(", ")}]`;
  if (value instanceof PyTuple) return `[${value.items.map(pyJsonDumps).join(", ")}]`;
  if (value instanceof PyDict) {
    return `{${value.entries.map(([k, v]) => `${keyJson(k)}: ${pyJsonDumps(v)}`).join(", ")}}`;
  }
  if (value instanceof NpScalar && value.type === "float64" && typeof value.value === "number") {
    return floatJson(value.value);
  }
  throw new PyEncodeError(`Object of type ${className(value)} is not JSON serializable`);
}

/** Python's default limit on the digits of an int read from text (3.11+). */
const MAX_INT_DIGITS = 4300;
const MAX_JSON_DEPTH = 1000;
const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/y;
const WS = /[ \t\n\r]*/y;
const PLAIN_RUN = /[ !#-[\]-\uffff]*/y;

class JsonReader {
  pos = 0;
  depth = 0;

  constructor(readonly text: string) {}

  fail(message: string, at = this.pos): never {
    throw new PyJsonError(message, at);
  }

  ws(): void {
    WS.lastIndex = this.pos;
    WS.exec(this.text);
    this.pos = WS.lastIndex;
  }

  value(): PyValue {
    this.ws();
    const t = this.text;
    const c = t[this.pos];
    if (c === "{") return this.object();
    if (c === "[") return this.array();
    if (c === '"') return this.string();
    for (const [word, v] of WORDS) {
      if (t.startsWith(word, this.pos)) {
        this.pos += word.length;
        return v;
      }
    }
    return this.number();
  }

  number(): PyValue {
    NUMBER.lastIndex = this.pos;
    const m = NUMBER.exec(this.text);
    if (!m) this.fail("Expecting value");
    const start = this.pos;
    this.pos = NUMBER.lastIndex;
    if (m[1] === undefined && m[2] === undefined) {
      if (m[0].replace("-", "").length > MAX_INT_DIGITS) this.fail("integer exceeds the digit limit", start);
      return BigInt(m[0]);
    }
    return Number(m[0]);
  }

  string(): string {
    const t = this.text;
    let i = this.pos + 1;
    let out = "";
    for (;;) {
      // Everything from U+0020 up, except '"' and '\\', needs no attention.
      PLAIN_RUN.lastIndex = i;
      PLAIN_RUN.exec(t);
      out += t.slice(i, PLAIN_RUN.lastIndex);
      i = PLAIN_RUN.lastIndex;
      if (i >= t.length) this.fail("Unterminated string starting at", this.pos);
      const ch = t[i]!;
      if (ch === '"') break;
      if (ch !== "\\") this.fail("Invalid control character at", i);
      const e = t[i + 1];
      const simple = e === undefined ? undefined : JSON_ESCAPES[e];
      if (simple !== undefined) {
        out += simple;
        i += 2;
      } else if (e === "u" && /^[0-9a-fA-F]{4}$/.test(t.slice(i + 2, i + 6))) {
        out += String.fromCharCode(parseInt(t.slice(i + 2, i + 6), 16));
        i += 6;
      } else {
        this.fail("Invalid \\escape", i);
      }
    }
    this.pos = i + 1;
    return out;
  }

  enter(): void {
    if (++this.depth > MAX_JSON_DEPTH) this.fail("maximum nesting depth exceeded");
  }

  array(): PyValue[] {
    this.enter();
    this.pos++;
    const items: PyValue[] = [];
    this.ws();
    if (this.text[this.pos] === "]") {
      this.pos++;
    } else {
      for (;;) {
        items.push(this.value());
        this.ws();
        const c = this.text[this.pos++];
        if (c === "]") break;
        if (c !== ",") this.fail("Expecting ',' delimiter", this.pos - 1);
      }
    }
    this.depth--;
    return items;
  }

  object(): PyDict {
    this.enter();
    this.pos++;
    const entries = new Map<string, PyValue>();
    this.ws();
    if (this.text[this.pos] === "}") {
      this.pos++;
    } else {
      for (;;) {
        this.ws();
        if (this.text[this.pos] !== '"') this.fail("Expecting property name enclosed in double quotes");
        const key = this.string();
        this.ws();
        if (this.text[this.pos++] !== ":") this.fail("Expecting ':' delimiter", this.pos - 1);
        // A repeated key keeps its first position and takes the last value, as a Python dict.
        entries.set(key, this.value());
        this.ws();
        const c = this.text[this.pos++];
        if (c === "}") break;
        if (c !== ",") this.fail("Expecting ',' delimiter", this.pos - 1);
      }
    }
    this.depth--;
    return new PyDict([...entries]);
  }
}

const WORDS: readonly (readonly [string, PyValue])[] = [
  ["null", null],
  ["true", true],
  ["false", false],
  ["NaN", NaN],
  ["Infinity", Infinity],
  ["-Infinity", -Infinity],
];

const JSON_ESCAPES: Record<string, string> = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};

/**
 * Python's `json.loads(text)`: objects become PyDict, arrays lists, integer literals bigint,
 * other numbers floats (`NaN`/`Infinity` accepted).
 * @throws PyJsonError where Python raises (bad syntax, extra data, int over 4300 digits)
 */
export function pyJsonLoads(text: string): PyValue {
  const reader = new JsonReader(text);
  const value = reader.value();
  reader.ws();
  if (reader.pos !== text.length) reader.fail("Extra data");
  return value;
}
