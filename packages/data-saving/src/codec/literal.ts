/**
 * A safe parser of the Python literal subset that PyMoDAQ's attribute reader evaluates
 * (file-format.md §2.5). It never evaluates anything: names, calls (except NumPy scalar and datetime
 * constructors), attribute access and operators other than unary sign and `real ± imag`
 * are rejected with a PyLiteralError that gives the offset.
 *
 * @example
 * parsePyLiteral("(50, 40)");          // PyTuple [50n, 40n]
 * parsePyLiteral("np.float64(1.5)");   // NpScalar("float64", 1.5)
 * parsePyLiteral("__import__('os')");  // throws PyLiteralError
 */
import { NpScalar, PyBytes, PyComplex, PyDict, PyRepr, PyTuple, type PyValue } from "@pymodaq-ts/data-model";
import { InvalidTypeError, InvalidValueError } from "../errors.js";
import { PyLiteralError } from "./errors.js";
import { datetimeCall, numpyCall, numpyConstant, type CallResult } from "./literal-calls.js";
import { scanString, stringPrefixAt } from "./literal-strings.js";

/** Bounds that keep hostile input cheap. */
export interface PyLiteralLimits {
  /** Deepest nesting of brackets, unary signs and calls (default 64). */
  maxDepth?: number;
  /** Longest accepted text in UTF-16 units (default 16 Mi). */
  maxLength?: number;
  /** Longest number token, in characters (default 4300, Python's int digit limit). */
  maxNumberLength?: number;
}

export const DEFAULT_LITERAL_LIMITS: Readonly<Required<PyLiteralLimits>> = {
  maxDepth: 64,
  maxLength: 16 * 1024 * 1024,
  maxNumberLength: 4300,
};

/** Deeper nesting could overflow the JS stack of this recursive parser. */
const MAX_DEPTH_CAP = 1000;

function checkLimits(limits: PyLiteralLimits | undefined): Required<PyLiteralLimits> {
  const out = { ...DEFAULT_LITERAL_LIMITS };
  for (const [key, value] of Object.entries(limits ?? {})) {
    if (!(key in DEFAULT_LITERAL_LIMITS)) throw new InvalidTypeError(`parsePyLiteral: unknown limit '${key}' (accepted: ${Object.keys(DEFAULT_LITERAL_LIMITS).join(", ")})`);
    if (value === undefined) continue;
    if (!Number.isSafeInteger(value) || value < 1 || (key === "maxDepth" && value > MAX_DEPTH_CAP)) {
      throw new InvalidValueError(`parsePyLiteral: limit "${key}" must be a positive integer${key === "maxDepth" ? ` <= ${MAX_DEPTH_CAP}` : ""}, got ${String(value)}`);
    }
    out[key as keyof PyLiteralLimits] = value;
  }
  return out;
}

const WS = /[ \t\f\r\n]*/y;
const IDENT = /[A-Za-z_][A-Za-z0-9_]*/y;
const RADIX_INT = /0(?:[xX](?:_?[0-9a-fA-F])+|[oO](?:_?[0-7])+|[bB](?:_?[01])+)/y;
const DEC_NUMBER = /((?:\d(?:_?\d)*)?\.\d(?:_?\d)*|\d(?:_?\d)*\.?)([eE][+-]?\d(?:_?\d)*)?([jJ])?/y;
const IDENT_CHAR = /[A-Za-z0-9_]/;

class LiteralParser {
  pos = 0;
  depth = 0;

  constructor(
    readonly text: string,
    readonly limits: Required<PyLiteralLimits>,
  ) {}

  fail(message: string, at = this.pos): never {
    throw new PyLiteralError(message, at);
  }

  ws(): void {
    WS.lastIndex = this.pos;
    WS.exec(this.text);
    this.pos = WS.lastIndex;
  }

  peek(): string | undefined {
    return this.text[this.pos];
  }

  expect(ch: string): void {
    this.ws();
    if (this.text[this.pos] !== ch) this.fail(`expected '${ch}'`);
    this.pos++;
  }

  enter(): void {
    if (++this.depth > this.limits.maxDepth) this.fail(`nesting deeper than ${this.limits.maxDepth}`);
  }

  /** Top level: an expression, or a bare tuple `1, 2` as eval accepts. */
  top(): PyValue {
    const first = this.expr();
    this.ws();
    if (this.peek() !== ",") return first;
    const items = [first];
    while (this.peek() === ",") {
      this.pos++;
      this.ws();
      if (this.pos >= this.text.length) break;
      items.push(this.expr());
      this.ws();
    }
    return new PyTuple(items);
  }

  /** A signed operand, then optionally `± imaginary` to form a complex. */
  expr(): PyValue {
    this.ws();
    const start = this.pos;
    const value = this.signed();
    this.ws();
    const op = this.peek();
    if ((op === "+" || op === "-") && isReal(value)) {
      this.pos++;
      this.ws();
      const at = this.pos;
      const imag = this.signed();
      if (!(imag instanceof PyComplex) || imag.re !== 0) this.fail("only 'real ± imaginary' arithmetic is allowed", at);
      // Python promotes the real operand to complex(x, 0.0) and combines part by part.
      const x = Number(value);
      return op === "+" ? new PyComplex(x + imag.re, 0 + imag.im) : new PyComplex(x - imag.re, 0 - imag.im);
    }
    if (this.pos === start) this.fail("expected a literal");
    return value;
  }

  signed(): PyValue {
    this.ws();
    const op = this.peek();
    if (op !== "+" && op !== "-") return this.atom();
    const at = this.pos++;
    this.enter();
    const v = this.signed();
    this.depth--;
    if (op === "+") {
      if (isNumeric(v)) return v;
    } else if (typeof v === "number" || typeof v === "bigint") {
      return -v;
    } else if (v instanceof PyComplex) {
      return new PyComplex(-v.re, -v.im);
    }
    return this.fail(`unary '${op}' needs a number`, at);
  }

  atom(): PyValue {
    this.ws();
    const c = this.peek();
    if (c === undefined) this.fail("unexpected end of text");
    if (c === "(") return this.paren();
    if (c === "[") return this.list();
    if (c === "{") return this.dict();
    if (stringPrefixAt(this.text, this.pos) >= 0) return this.strings();
    if ((c >= "0" && c <= "9") || (c === "." && /[0-9]/.test(this.text[this.pos + 1] ?? ""))) return this.number();
    if (IDENT_CHAR.test(c)) return this.name();
    return this.fail(`unexpected character ${JSON.stringify(c)}`);
  }

  /** Comma-separated expressions up to `close`, trailing comma allowed. */
  sequence(close: string): { items: PyValue[]; trailingComma: boolean } {
    const items: PyValue[] = [];
    let trailingComma = false;
    this.ws();
    while (this.peek() !== close) {
      items.push(this.expr());
      this.ws();
      trailingComma = this.peek() === ",";
      if (!trailingComma) break;
      this.pos++;
      this.ws();
    }
    this.expect(close);
    return { items, trailingComma };
  }

  paren(): PyValue {
    this.enter();
    this.pos++;
    const { items, trailingComma } = this.sequence(")");
    this.depth--;
    return items.length === 1 && !trailingComma ? items[0]! : new PyTuple(items);
  }

  list(): PyValue[] {
    this.enter();
    this.pos++;
    const { items } = this.sequence("]");
    this.depth--;
    return items;
  }

  dict(): PyDict {
    this.enter();
    this.pos++;
    const entries: [PyValue, PyValue][] = [];
    const index = new Map<string, number>();
    this.ws();
    while (this.peek() !== "}") {
      const at = this.pos;
      const key = this.expr();
      this.ws();
      if (this.peek() !== ":") this.fail(entries.length === 0 ? "sets are not supported" : "expected ':'");
      this.pos++;
      const value = this.expr();
      const hash = keyOf(key);
      if (hash === undefined) this.fail("unhashable dict key", at);
      // A repeated key keeps its first position and takes the last value.
      const seen = index.get(hash);
      if (seen === undefined) {
        index.set(hash, entries.length);
        entries.push([key, value]);
      } else {
        entries[seen]![1] = value;
      }
      this.ws();
      if (this.peek() !== ",") break;
      this.pos++;
      this.ws();
    }
    this.expect("}");
    this.depth--;
    return new PyDict(entries);
  }

  /** One string literal, or several adjacent ones of the same kind (concatenated). */
  strings(): PyValue {
    let isBytes: boolean | undefined;
    let text = "";
    do {
      const token = scanString(this.text, this.pos);
      if (isBytes !== undefined && isBytes !== token.isBytes) this.fail("cannot mix bytes and str literals", this.pos);
      isBytes = token.isBytes;
      text += token.text;
      this.pos = token.end;
      this.ws();
    } while (this.pos < this.text.length && stringPrefixAt(this.text, this.pos) >= 0);
    if (!isBytes) return text;
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    return new PyBytes(bytes);
  }

  number(): PyValue {
    const start = this.pos;
    RADIX_INT.lastIndex = start;
    let m = RADIX_INT.exec(this.text);
    let value: PyValue;
    if (m) {
      value = BigInt(m[0].replace(/_/g, ""));
      this.pos = RADIX_INT.lastIndex;
    } else {
      DEC_NUMBER.lastIndex = start;
      m = DEC_NUMBER.exec(this.text);
      if (!m) return this.fail("invalid number");
      this.pos = DEC_NUMBER.lastIndex;
      const body = m[0].replace(/_/g, "");
      if (m[3] !== undefined) {
        value = new PyComplex(0, Number(body.slice(0, -1)));
      } else if (m[2] !== undefined || m[1]!.includes(".")) {
        value = Number(body);
      } else {
        if (/^0+[1-9]/.test(body)) this.fail("leading zeros in decimal integer literals are not permitted", start);
        value = BigInt(body);
      }
    }
    if (this.pos - start > this.limits.maxNumberLength) {
      this.fail(`number longer than ${this.limits.maxNumberLength} characters`, start);
    }
    if (IDENT_CHAR.test(this.peek() ?? "")) this.fail("invalid number", start);
    return value;
  }

  ident(): string {
    IDENT.lastIndex = this.pos;
    const m = IDENT.exec(this.text);
    if (!m) this.fail("expected a name");
    this.pos = IDENT.lastIndex;
    return m[0];
  }

  name(): PyValue {
    const start = this.pos;
    const word = this.ident();
    if (word === "True") return true;
    if (word === "False") return false;
    if (word === "None") return null;
    const isNumpy = word === "np" || word === "numpy";
    if (!isNumpy && word !== "datetime") this.fail(`names are not allowed (${word})`, start);
    this.ws();
    if (this.peek() !== ".") this.fail(`names are not allowed (${word})`, start);
    this.pos++;
    this.ws();
    const member = this.ident();
    this.ws();
    if (this.peek() !== "(") return this.checked(isNumpy ? numpyConstant(member) : { ok: false, reason: `datetime.${member} is not allowed` }, start);
    this.enter();
    this.pos++;
    const { items } = this.sequence(")");
    this.depth--;
    return this.checked(isNumpy ? numpyCall(member, items) : datetimeCall(member, items), start);
  }

  checked(result: CallResult, at: number): PyValue {
    if (!result.ok) this.fail(result.reason, at);
    return result.value;
  }
}

function isReal(v: PyValue): v is number | bigint {
  return typeof v === "number" || typeof v === "bigint";
}

function isNumeric(v: PyValue): boolean {
  return isReal(v) || v instanceof PyComplex;
}

/**
 * A key under which equal Python values (1 == 1.0 == True, (1,) == (1.0,)) collide, as in
 * a dict; undefined for unhashable values (list, dict) and NaN (never equal to itself).
 */
function keyOf(v: PyValue): string | undefined {
  if (v === null) return "None";
  if (typeof v === "boolean") return `n${v ? 1 : 0}`;
  if (typeof v === "bigint") return `n${v}`;
  if (typeof v === "number") {
    if (Number.isNaN(v)) return undefined;
    return Number.isInteger(v) ? `n${BigInt(v)}` : `f${v}`;
  }
  if (typeof v === "string") return `s${JSON.stringify(v)}`;
  if (v instanceof PyComplex) return v.im === 0 ? keyOf(v.re) : `c${v.re},${v.im}`;
  if (v instanceof PyBytes) return `b${Buffer.from(v.bytes).toString("hex")}`;
  if (v instanceof PyRepr) return `r${v.repr}`;
  if (v instanceof NpScalar) {
    const x = v.value;
    if (typeof x === "object") return keyOf(new PyComplex(x[0], x[1]));
    return keyOf(x);
  }
  if (v instanceof PyTuple) {
    const keys = v.items.map(keyOf);
    return keys.includes(undefined) ? undefined : `t(${keys.join(",")})`;
  }
  return undefined;
}

/**
 * Parse the Python literal subset of file-format.md §2.5 without evaluating anything.
 *
 * Returns: int → bigint, float → number, complex → PyComplex, str → string, bytes → PyBytes,
 * True/False/None, tuple → PyTuple, list → array, dict → PyDict, `np.<type>(x)` → NpScalar
 * (`np.str_` → string), `datetime.datetime(...)`/`date`/`time` → PyRepr of Python's repr.
 * @param text the `data` field of an attribute envelope
 * @param limits optional bounds (unknown keys rejected with InvalidTypeError, bad values with InvalidValueError)
 * @throws PyLiteralError with the offset of the first problem
 */
export function parsePyLiteral(text: string, limits?: PyLiteralLimits): PyValue {
  const checked = checkLimits(limits);
  if (text.length > checked.maxLength) throw new PyLiteralError(`text longer than ${checked.maxLength}`, checked.maxLength);
  const parser = new LiteralParser(text, checked);
  const value = parser.top();
  parser.ws();
  if (parser.pos !== text.length) parser.fail("unexpected text after the literal");
  return value;
}
