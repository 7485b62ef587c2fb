/**
 * JSON read the way Python's `json.loads` reads it, keeping what JavaScript's `JSON.parse`
 * loses: an integer literal (`12`) is a Python int, any other number (`12.0`, `1e5`) a float.
 * Ints become `bigint`, floats `number`, so `12` and `12.0` stay different (PyMoDAQ writes the
 * Python type into the file, and the comparisons check it). Like Python, the bare tokens `NaN`,
 * `Infinity` and `-Infinity` are accepted as floats, and a repeated key keeps its last value.
 *
 * @example
 * parsePyJson('{"a": 1, "b": 1.0}');   // { a: 1n, b: 1 }
 */

/** A JSON value as Python holds it: `bigint` = int, `number` = float. */
export type PyJson = null | boolean | string | number | bigint | PyJson[] | PyJsonObject;
export interface PyJsonObject {
  [key: string]: PyJson;
}

/** Text that is not JSON, with the offset where reading stopped. */
export class PyJsonSyntaxError extends Error {
  override readonly name = "PyJsonSyntaxError";
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at offset ${offset}`);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;
const ESCAPES: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

class Reader {
  pos = 0;
  constructor(readonly text: string) {}

  fail(message: string): never {
    throw new PyJsonSyntaxError(message, this.pos);
  }

  skip(): void {
    WHITESPACE.lastIndex = this.pos;
    WHITESPACE.exec(this.text);
    this.pos = WHITESPACE.lastIndex;
  }

  take(word: string): boolean {
    if (!this.text.startsWith(word, this.pos)) return false;
    this.pos += word.length;
    return true;
  }

  value(depth: number): PyJson {
    if (depth > 512) this.fail("nesting too deep");
    this.skip();
    const c = this.text[this.pos];
    if (c === "{") return this.object(depth);
    if (c === "[") return this.array(depth);
    if (c === '"') return this.string();
    if (this.take("null")) return null;
    if (this.take("true")) return true;
    if (this.take("false")) return false;
    if (this.take("NaN")) return NaN;
    if (this.take("Infinity")) return Infinity;
    if (this.take("-Infinity")) return -Infinity;
    return this.number();
  }

  number(): number | bigint {
    NUMBER.lastIndex = this.pos;
    const m = NUMBER.exec(this.text);
    if (m === null || m[0] === "-") this.fail("expected a JSON value");
    this.pos = NUMBER.lastIndex;
    return m[1] === undefined && m[2] === undefined ? BigInt(m[0]) : Number(m[0]);
  }

  string(): string {
    this.pos++;
    let out = "";
    for (;;) {
      let end = this.pos;
      while (end < this.text.length && this.text[end] !== '"' && this.text[end] !== "\\" && this.text.charCodeAt(end) >= 0x20) end++;
      if (end >= this.text.length) this.fail("unterminated string");
      out += this.text.slice(this.pos, end);
      this.pos = end;
      const c = this.text[this.pos];
      if (c === '"') {
        this.pos++;
        return out;
      }
      if (c !== "\\") this.fail("control character in a string");
      const e = this.text[this.pos + 1] ?? "";
      if (e === "u") {
        const hex = this.text.slice(this.pos + 2, this.pos + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail("bad \\u escape");
        out += String.fromCharCode(parseInt(hex, 16));
        this.pos += 6;
      } else {
        const ch = ESCAPES[e];
        if (ch === undefined) this.fail("bad escape");
        out += ch;
        this.pos += 2;
      }
    }
  }

  array(depth: number): PyJson[] {
    this.pos++;
    const out: PyJson[] = [];
    this.skip();
    if (this.take("]")) return out;
    for (;;) {
      out.push(this.value(depth + 1));
      this.skip();
      if (this.take("]")) return out;
      if (!this.take(",")) this.fail("expected ',' or ']'");
    }
  }

  object(depth: number): PyJsonObject {
    this.pos++;
    const out: PyJsonObject = {};
    this.skip();
    if (this.take("}")) return out;
    for (;;) {
      this.skip();
      if (this.text[this.pos] !== '"') this.fail("expected a key");
      const key = this.string();
      this.skip();
      if (!this.take(":")) this.fail("expected ':'");
      // defineProperty, so that a key such as "__proto__" is data, never the prototype.
      Object.defineProperty(out, key, { value: this.value(depth + 1), enumerable: true, writable: true, configurable: true });
      this.skip();
      if (this.take("}")) return out;
      if (!this.take(",")) this.fail("expected ',' or '}'");
    }
  }
}

/**
 * Parse JSON text keeping Python's int / float distinction.
 * @throws PyJsonSyntaxError when the text is not one JSON value
 */
export function parsePyJson(text: string): PyJson {
  const reader = new Reader(text);
  const value = reader.value(0);
  reader.skip();
  if (reader.pos !== text.length) reader.fail("extra data after the JSON value");
  return value;
}

/** True for a JSON object (not an array, not null). */
export function isPyObject(x: unknown): x is PyJsonObject {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

/** True for a Python int or float (bools excluded, as in the Python tools). */
export function isPyNumber(x: unknown): x is number | bigint {
  return typeof x === "number" || typeof x === "bigint";
}

/** Python's name for the type of a JSON value. */
export function pyTypeName(x: PyJson | undefined): string {
  if (x === null || x === undefined) return "NoneType";
  if (typeof x === "boolean") return "bool";
  if (typeof x === "bigint") return "int";
  if (typeof x === "number") return "float";
  if (typeof x === "string") return "str";
  return Array.isArray(x) ? "list" : "dict";
}

/** Python's `==` on JSON values: bools, ints and floats compare as numbers (`True == 1 == 1.0`). */
export function pyEquals(x: PyJson | undefined, y: PyJson | undefined): boolean {
  const nx = typeof x === "boolean" ? BigInt(x) : x;
  const ny = typeof y === "boolean" ? BigInt(y) : y;
  if (isPyNumber(nx) && isPyNumber(ny)) return nx == ny; // bigint == number compares exact values
  if (nx === undefined || ny === undefined) return (nx ?? null) === (ny ?? null);
  if (Array.isArray(nx)) return Array.isArray(ny) && nx.length === ny.length && nx.every((v, i) => pyEquals(v, ny[i]));
  if (isPyObject(nx)) {
    if (!isPyObject(ny)) return false;
    const keys = Object.keys(nx);
    return keys.length === Object.keys(ny).length && keys.every((k) => Object.hasOwn(ny, k) && pyEquals(nx[k], ny[k]));
  }
  return nx === ny;
}

/** Python's string order (by code point; JavaScript's `<` compares UTF-16 units). */
export function compareCodePoints(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i] as string).codePointAt(0)! - (y[i] as string).codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}
