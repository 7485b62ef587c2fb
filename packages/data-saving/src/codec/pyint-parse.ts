/**
 * Python's `int(text)` on a str (base 10), for the one rule of the original that relies on it
 * (`get_index_from_node_name`). Python accepts surrounding whitespace, one sign, decimal digits
 * of any script (Unicode category Nd) and single underscores between digits.
 */

/** What `str.strip()` removes: Python's whitespace (Zs, the B/S/WS bidi classes), not U+FEFF. */
const PY_WHITESPACE = "\t\n\v\f\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000";

const DECIMAL = /^\p{Nd}$/u;

/** The value of a Unicode decimal digit: Nd digits come in runs of whole 0-9 sets. */
function digitValue(cp: number): number {
  let zero = cp;
  while (DECIMAL.test(String.fromCodePoint(zero - 1))) zero--;
  return (cp - zero) % 10;
}

/**
 * The integer Python's `int(text)` gives, or null where Python raises ValueError.
 * Values beyond 2**53 are rounded to the nearest double.
 */
export function parsePythonInt(text: string): number | null {
  let start = 0;
  let end = text.length;
  while (start < end && PY_WHITESPACE.includes(text[start]!)) start++;
  while (end > start && PY_WHITESPACE.includes(text[end - 1]!)) end--;
  let sign = 1n;
  if (text[start] === "+" || text[start] === "-") {
    if (text[start] === "-") sign = -1n;
    start++;
  }
  let value = 0n;
  let digits = 0;
  let underscore = false;
  for (const ch of text.slice(start, end)) {
    if (ch === "_") {
      if (digits === 0 || underscore) return null;
      underscore = true;
      continue;
    }
    if (!DECIMAL.test(ch)) return null;
    value = value * 10n + BigInt(digitValue(ch.codePointAt(0)!));
    digits++;
    underscore = false;
  }
  return digits === 0 || underscore ? null : Number(sign * value);
}
