/**
 * Python and NumPy (1.x) float formatting: the shortest digit string that reads back as
 * the same value, laid out positionally or with an exponent.
 */
import { InvalidValueError } from "../errors.js";

/** Shortest round-trip digits of a finite, non-zero magnitude: value = 0.D × 10^decpt. */
interface Digits {
  digits: string;
  decpt: number;
}

function parseExponential(s: string): Digits {
  const m = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) throw new InvalidValueError(`unexpected exponential form ${s}`);
  const digits = (m[1]! + (m[2] ?? "")).replace(/0+$/, "") || "0";
  return { digits, decpt: Number(m[3]) + 1 };
}

/** Digits of the float64 `x` (> 0): ECMAScript's shortest form picks the closest, like Python. */
function shortestFloat64(x: number): Digits {
  return parseExponential(x.toExponential());
}

/** A finite double as an exact fraction num / 2^shift. */
export function exactBinary(x: number): { num: bigint; shift: bigint } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = biased === 0 ? fraction : fraction | (1n << 52n);
  const exponent = BigInt((biased === 0 ? 1 : biased) - 1075);
  return exponent >= 0n ? { num: mantissa << exponent, shift: 0n } : { num: mantissa, shift: -exponent };
}

/** |m × 10^e − x| scaled by a positive factor that depends only on (e, x): comparable across m. */
function scaledDistance(m: bigint, e: number, x: { num: bigint; shift: bigint }): bigint {
  const decimal = e >= 0 ? (m * 10n ** BigInt(e)) << x.shift : m << x.shift;
  const binary = e >= 0 ? x.num : x.num * 10n ** BigInt(-e);
  const d = decimal - binary;
  return d < 0n ? -d : d;
}

/**
 * Shortest digits that read back as `x` once rounded by `round` (float32 or float16). Among
 * the candidates of the shortest length the closest to `x` wins, an exact tie going to the
 * even last digit (NumPy's Dragon4 in unique mode).
 */
function shortestRounded(x: number, round: (v: number) => number): Digits {
  const exact = exactBinary(x);
  for (let p = 1; p <= 17; p++) {
    const nearest = parseExponential(Number(x.toPrecision(p)).toExponential());
    const base = BigInt(nearest.digits.padEnd(p, "0"));
    const e = nearest.decpt - p;
    let best: { m: bigint; dist: bigint } | undefined;
    // The correctly rounded p-digit value can miss the round-trip interval at a power of two
    // (the interval is lopsided there), and toPrecision breaks ties away from zero, so the
    // neighbours are tried too.
    for (const delta of [0n, -1n, 1n]) {
      const m = base + delta;
      if (m <= 0n || round(Number(`${m}e${e}`)) !== x) continue;
      const dist = scaledDistance(m, e, exact);
      if (!best || dist < best.dist || (dist === best.dist && m % 2n === 0n)) best = { m, dist };
    }
    if (best) return parseExponential(Number(`${best.m}e${e}`).toExponential());
  }
  return shortestFloat64(x);
}

/** Round a float64 to the nearest float16 (ties to even), returned as a float64. */
export function f16round(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const sign = x < 0 ? -1 : 1;
  const a = Math.abs(x);
  if (a >= 65520) return sign * Infinity; // half-way between 65504 and 2^16 rounds to even (inf)
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e--;
  if (2 ** (e + 1) <= a) e++;
  const quantum = 2 ** (Math.max(e, -14) - 10);
  const m = a / quantum;
  const f = Math.floor(m);
  const frac = m - f;
  const r = frac > 0.5 ? f + 1 : frac < 0.5 ? f : f % 2 === 0 ? f : f + 1;
  return sign * r * quantum;
}

/** Lay digits out positionally (`dot0`: keep a trailing `.0` on integral values). */
function positional({ digits, decpt }: Digits, dot0: boolean): string {
  if (decpt <= 0) return `0.${"0".repeat(-decpt)}${digits}`;
  if (decpt >= digits.length) return digits + "0".repeat(decpt - digits.length) + (dot0 ? ".0" : "");
  return `${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
}

/** `d[.ddd]e±XX`, exponent with a sign and at least two digits. */
function scientific({ digits, decpt }: Digits): string {
  const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  const e = decpt - 1;
  return `${mantissa}e${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
}

function special(x: number): string | undefined {
  if (Number.isNaN(x)) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  return undefined;
}

/**
 * The common case of both reprs of a float64, 1e-4 <= |x| < 1e16, where Python and NumPy lay
 * the shortest digits out positionally. ECMAScript's `String` gives the same digits there
 * (it uses an exponent only below 1e-6 and from 1e21), so only an integral value's `.0` is
 * missing. Undefined outside that range.
 */
function positionalFloat64(x: number, dot0: boolean): string | undefined {
  const a = Math.abs(x);
  if (!(a >= 1e-4 && a < 1e16)) return undefined;
  const text = String(x);
  return dot0 && Number.isInteger(x) ? `${text}.0` : text;
}

/**
 * Python's `repr(float)`: `nan`, `inf`, `-0.0`, `0.1`, `2.0`, `1e-05`, `1e+16`.
 * @param x any float64
 * @param dot0 keep `.0` on integral positional values (false inside complex reprs: `(1+2j)`)
 */
export function formatPyFloat(x: number, dot0 = true): string {
  const fast = positionalFloat64(x, dot0);
  if (fast !== undefined) return fast;
  const s = special(x);
  if (s !== undefined) return dot0 || x !== 0 ? s : s.slice(0, -2);
  const d = shortestFloat64(Math.abs(x));
  const body = d.decpt > -4 && d.decpt <= 16 ? positional(d, dot0) : scientific(d);
  return x < 0 ? `-${body}` : body;
}

/** The float kinds NumPy prints with Dragon4. */
export type NpFloatKind = "float64" | "float32" | "float16";

/**
 * NumPy 1.x `repr` of a float scalar: positional when 1e-4 <= |x| < 1e16 (compared on the
 * value, so `np.float32(1e-4)` prints `1e-04`), else scientific.
 * @param x the value, already rounded to its kind
 * @param dot0 keep `.0` on integral positional values (false for complex parts)
 */
export function formatNpFloat(x: number, kind: NpFloatKind, dot0 = true): string {
  const fast = kind === "float64" ? positionalFloat64(x, dot0) : undefined;
  if (fast !== undefined) return fast;
  const s = special(x);
  if (s !== undefined) return dot0 || x !== 0 ? s : s.slice(0, -2);
  const a = Math.abs(x);
  const d =
    kind === "float64" ? shortestFloat64(a) : shortestRounded(a, kind === "float32" ? Math.fround : f16round);
  const body = a >= 1e-4 && a < 1e16 ? positional(d, dot0) : scientific(d);
  return x < 0 ? `-${body}` : body;
}

/**
 * Python's `repr(complex)`: `1j`, `-0j`, `(1+2j)`, `(-0+0j)`, `(1+nanj)`.
 * @param part formats one part without a trailing `.0`
 */
export function formatComplex(re: number, im: number, part: (x: number) => string): string {
  const imText = part(im);
  if (re === 0 && !Object.is(re, -0)) return `${imText}j`;
  const sign = imText.startsWith("-") ? "" : "+";
  return `(${part(re)}${sign}${imText}j)`;
}
