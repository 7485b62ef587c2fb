/**
 * Scanning of Python string and bytes literals (all quote forms, prefixes u/r/b, escapes)
 * for the literal parser. Nothing is evaluated: escapes are decoded by table.
 */
import { PyLiteralError } from "./errors.js";

/** A scanned string token: its text (str) or byte values (bytes), and where it ends. */
export interface StringToken {
  isBytes: boolean;
  text: string;
  end: number;
}

const SIMPLE_ESCAPES: Record<string, number> = {
  "\\": 0x5c,
  "'": 0x27,
  '"': 0x22,
  a: 0x07,
  b: 0x08,
  f: 0x0c,
  n: 0x0a,
  r: 0x0d,
  t: 0x09,
  v: 0x0b,
};

const PLAIN_RUN = /[^\\\n\r'"]*/y;
const PREFIX = /([rRuUbBfF]{0,2})(['"])/y;

/**
 * If a string literal (with optional prefix) starts at `pos`, return its prefix length,
 * else -1. Rejects prefixes Python does not allow (`f`, `ur`, repeated letters).
 */
export function stringPrefixAt(text: string, pos: number): number {
  PREFIX.lastIndex = pos;
  const m = PREFIX.exec(text);
  if (!m) return -1;
  const p = m[1]!.toLowerCase();
  if (p.includes("f")) throw new PyLiteralError("f-strings are not allowed", pos);
  if (!["", "r", "u", "b", "br", "rb"].includes(p)) return -1;
  return p.length;
}

function hexValue(text: string, at: number, width: number): number {
  const s = text.slice(at, at + width);
  if (s.length !== width || !/^[0-9a-fA-F]+$/.test(s)) {
    throw new PyLiteralError(`truncated \\${width === 2 ? "x" : width === 4 ? "u" : "U"} escape`, at - 2);
  }
  return parseInt(s, 16);
}

/**
 * Scan one string or bytes literal starting at `pos` (its prefix included).
 * @throws PyLiteralError on an unterminated literal, a bad escape, or non-ASCII in bytes
 */
export function scanString(text: string, pos: number): StringToken {
  const prefixLength = stringPrefixAt(text, pos);
  const prefix = text.slice(pos, pos + prefixLength).toLowerCase();
  const isBytes = prefix.includes("b");
  const raw = prefix.includes("r");
  let i = pos + prefixLength;
  const quote = text[i]!;
  const triple = text.startsWith(quote.repeat(3), i);
  i += triple ? 3 : 1;
  const parts: string[] = [];
  let runStart = i;
  const flush = (end: number) => {
    if (end > runStart) parts.push(text.slice(runStart, end));
  };
  for (;;) {
    if (i >= text.length) throw new PyLiteralError("unterminated string literal", pos);
    const ch = text[i]!;
    if (ch === quote && (!triple || text.startsWith(quote.repeat(3), i))) {
      flush(i);
      i += triple ? 3 : 1;
      break;
    }
    if ((ch === "\n" || ch === "\r") && !triple) throw new PyLiteralError("unterminated string literal", pos);
    if (ch !== "\\") {
      // Skip the run of characters that need no attention in one step.
      PLAIN_RUN.lastIndex = i + 1;
      PLAIN_RUN.exec(text);
      if (isBytes) {
        const bad = text.slice(i, PLAIN_RUN.lastIndex).search(/[\u0080-\uffff]/);
        if (bad >= 0) throw new PyLiteralError("bytes can only contain ASCII literal characters", i + bad);
      }
      i = ch === quote || ch === "\n" || ch === "\r" ? i + 1 : PLAIN_RUN.lastIndex;
      continue;
    }
    if (i + 1 >= text.length) throw new PyLiteralError("unterminated string literal", pos);
    if (raw) {
      // A raw literal keeps the backslash, but the next character cannot end the literal.
      i += 2;
      continue;
    }
    flush(i);
    i = decodeEscape(text, i, isBytes, parts);
    runStart = i;
  }
  return { isBytes, text: parts.join(""), end: i };
}

/** Decode the escape at `at` (a backslash) into `parts`; return the index after it. */
function decodeEscape(text: string, at: number, isBytes: boolean, parts: string[]): number {
  const e = text[at + 1]!;
  const simple = SIMPLE_ESCAPES[e];
  if (simple !== undefined) {
    parts.push(String.fromCharCode(simple));
    return at + 2;
  }
  if (e === "\n") return at + 2; // line continuation
  if (e === "\r") return text[at + 2] === "\n" ? at + 3 : at + 2;
  if (e >= "0" && e <= "7") {
    let j = at + 1;
    let v = 0;
    while (j < at + 4 && text[j]! >= "0" && text[j]! <= "7") v = v * 8 + Number(text[j++]);
    parts.push(String.fromCharCode(isBytes ? v & 0xff : v));
    return j;
  }
  if (e === "x") {
    parts.push(String.fromCharCode(hexValue(text, at + 2, 2)));
    return at + 4;
  }
  if (!isBytes && (e === "u" || e === "U")) {
    const width = e === "u" ? 4 : 8;
    const cp = hexValue(text, at + 2, width);
    if (cp > 0x10ffff) throw new PyLiteralError("illegal Unicode character", at);
    parts.push(String.fromCodePoint(cp));
    return at + 2 + width;
  }
  if (!isBytes && e === "N") throw new PyLiteralError("\\N{...} escapes are not supported", at);
  // An unknown escape keeps its backslash (Python warns but accepts it).
  parts.push("\\");
  return at + 1;
}
