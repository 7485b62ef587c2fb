/**
 * Python's `math.fsum`: the exactly rounded (round-half-even) sum of float64 values,
 * with Shewchuk's non-overlapping partials and CPython's final half-even correction.
 * Where CPython raises "intermediate overflow" although the exact sum is finite
 * (1e308 + 1e308 − 1e308), this accumulator switches to exact integer arithmetic and
 * returns the correctly rounded result instead.
 *
 * @example
 * fsum([1e100, 1, -1e100, 1e-100]);   // 1 (naive left-to-right summation gives 0)
 * fsum(Array(10).fill(0.1));          // 1
 */
import { exactBinary } from "../../codec/floatrepr.js";

/** Doubles are multiples of 2^-1074: scaled by 2^1074 every double is an integer. */
const SCALE = 1074n;
/** Past this magnitude an addition may overflow, so the partials are saved first. */
const OVERFLOW_GUARD = 2 ** 1000;

function toScaled(x: number): bigint {
  const { num, shift } = exactBinary(Math.abs(x));
  const v = num << (SCALE - shift);
  return x < 0 ? -v : v;
}

/** Round an integer multiple of 2^-1074 to the nearest double (ties to even). */
function fromScaled(v: bigint): number {
  const negative = v < 0n;
  const n = negative ? -v : v;
  const bits = n.toString(2).length;
  let result: number;
  if (bits <= 53) {
    result = Number(n) * 2 ** -1074;
  } else {
    const shift = BigInt(bits - 53);
    let m = n >> shift;
    const rest = n - (m << shift);
    const half = 1n << (shift - 1n);
    if (rest > half || (rest === half && (m & 1n) === 1n)) m += 1n;
    const e = Number(shift) - 1074;
    // Split the power so neither factor under- or overflows on its own.
    result = e > 1023 ? Number(m) * 2 ** 1023 * 2 ** (e - 1023) : Number(m) * 2 ** e;
  }
  return negative ? -result : result;
}

/** A running exactly rounded sum; feed it with `add`, read it with `value()`. */
export class FsumAccumulator {
  /**
   * The partials are `partials[0..count)`; the array never shrinks (setting an array's length
   * costs more than the additions themselves).
   */
  private partials: number[] = [];
  private count = 0;
  private exact: bigint | undefined;
  private special = 0;
  private infinities = 0;

  /** Add one value (NaN and infinities are handled as in math.fsum). */
  add(value: number): void {
    if (!Number.isFinite(value)) {
      if (!Number.isNaN(value)) this.infinities += value;
      this.special += value;
      return;
    }
    if (this.exact !== undefined) {
      this.exact += toScaled(value);
      return;
    }
    const p = this.partials;
    const n = this.count;
    const saved = Math.abs(value) >= OVERFLOW_GUARD || (n > 0 && Math.abs(p[n - 1]!) >= OVERFLOW_GUARD) ? p.slice(0, n) : undefined;
    let x = value;
    let i = 0;
    for (let j = 0; j < n; j++) {
      let y = p[j]!;
      if (Math.abs(x) < Math.abs(y)) {
        const t = x;
        x = y;
        y = t;
      }
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) p[i++] = lo;
      x = hi;
    }
    if (!Number.isFinite(x)) {
      // Intermediate overflow: continue exactly from the saved partials.
      this.exact = [...(saved ?? []), value].reduce((s, v) => s + toScaled(v), 0n);
      this.partials = [];
      this.count = 0;
      return;
    }
    if (x !== 0) p[i++] = x;
    this.count = i;
  }

  /** The exactly rounded sum so far (NaN for inf − inf, like math.fsum's ValueError case). */
  value(): number {
    if (this.special !== 0) return Number.isNaN(this.infinities) ? NaN : this.special;
    if (this.exact !== undefined) return fromScaled(this.exact);
    const p = this.partials;
    let n = this.count;
    if (n === 0) return 0;
    let hi = p[--n]!;
    let lo = 0;
    while (n > 0) {
      const x = hi;
      const y = p[--n]!;
      hi = x + y;
      const yr = hi - x;
      lo = y - yr;
      if (lo !== 0) break;
    }
    // Make half-even rounding work across several partials.
    if (n > 0 && ((lo < 0 && p[n - 1]! < 0) || (lo > 0 && p[n - 1]! > 0))) {
      const y = lo * 2;
      const x = hi + y;
      const yr = x - hi;
      if (y === yr) hi = x;
    }
    return hi;
  }
}

/**
 * The exactly rounded sum of `values`, as Python's `math.fsum`.
 * @returns NaN when both +inf and −inf (or a NaN) are present; ±inf when one infinity is
 */
export function fsum(values: Iterable<number>): number {
  const acc = new FsumAccumulator();
  for (const v of values) acc.add(v);
  return acc.value();
}
