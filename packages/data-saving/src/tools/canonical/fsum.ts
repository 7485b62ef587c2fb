/**
 * Python's `math.fsum`: the exactly rounded (round-half-even) sum of float64 values. Every
 * double is an integer multiple of 2^-1074; the accumulator adds those integers exactly, in
 * 32-bit chunks held by float64s, and rounds once, when the sum is read. That costs a few
 * integer operations per value whatever the values are (the canonical summaries add every
 * element of every large array twice: `sumAndSumAbs`). Where CPython raises "intermediate
 * overflow" although the exact sum is finite (1e308 + 1e308 − 1e308), this returns the correctly
 * rounded result.
 *
 * @example
 * fsum([1e100, 1, -1e100, 1e-100]);   // 1 (naive left-to-right summation gives 0)
 * fsum(Array(10).fill(0.1));          // 1
 */

/** A chunk holds the bits [32k, 32k + 32) of the scaled sum, as a float64 integer (signed). */
const CHUNK = 2 ** 32;
/**
 * Chunks: a double scaled by 2^1074 is below 2^2098 (53 bits shifted by up to 2045), and the
 * carries of any count of them fit in two chunks more.
 */
const CHUNKS = 68;
/** Each addition brings a chunk less than 2^32: after 2^20 of them it is still below 2^52, exact. */
const ADDS_BETWEEN_CARRIES = 2 ** 20;

/** The bits of a double, read through a shared view in the platform's byte order. */
const bitsOf = new Float64Array(1);
const words = new Uint32Array(bitsOf.buffer);
const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;
const LOW = LITTLE_ENDIAN ? 0 : 1;
const HIGH = 1 - LOW;

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
  private readonly chunks = new Float64Array(CHUNKS);
  private adds = 0;
  private special = 0;
  private infinities = 0;

  /** Add one value (NaN and infinities are handled as in math.fsum). */
  add(value: number): void {
    if (!Number.isFinite(value)) {
      if (!Number.isNaN(value)) this.infinities += value;
      this.special += value;
      return;
    }
    if (value === 0) return;
    bitsOf[0] = value;
    const high = words[HIGH]!;
    const low = words[LOW]!;
    const biased = (high >>> 20) & 0x7ff;
    // The scaled value is (top·2^32 + low)·2^shift: the 53-bit significand (52 for a subnormal).
    const top = biased === 0 ? high & 0xfffff : (high & 0xfffff) | 0x100000;
    const shift = biased === 0 ? 0 : biased - 1;
    const q = shift >>> 5;
    const r = shift & 31;
    const sign = high >>> 31 === 1 ? -1 : 1;
    const c = this.chunks;
    if (r === 0) {
      c[q]! += sign * low;
      c[q + 1]! += sign * top;
    } else {
      c[q]! += sign * ((low << r) >>> 0);
      c[q + 1]! += sign * (((top << r) | (low >>> (32 - r))) >>> 0);
      c[q + 2]! += sign * (top >>> (32 - r));
    }
    if (++this.adds === ADDS_BETWEEN_CARRIES) this.carry();
  }

  /** Moves each chunk's bits past 32 into the next chunk, so that the next additions stay exact. */
  private carry(): void {
    const c = this.chunks;
    for (let k = 0; k < CHUNKS - 1; k++) {
      const up = Math.floor(c[k]! / CHUNK);
      c[k]! -= up * CHUNK;
      c[k + 1]! += up;
    }
    this.adds = 0;
  }

  /** The exact sum of the finite values added so far, as an integer multiple of 2^-1074. */
  scaledSum(): bigint {
    let sum = 0n;
    for (let k = CHUNKS - 1; k >= 0; k--) sum = (sum << 32n) + BigInt(this.chunks[k]!);
    return sum;
  }

  /** False once an infinity or a NaN was added. */
  get finite(): boolean {
    return this.special === 0;
  }

  /** The exactly rounded sum so far (NaN for inf − inf, like math.fsum's ValueError case). */
  value(): number {
    if (this.special !== 0) return Number.isNaN(this.infinities) ? NaN : this.special;
    return fromScaled(this.scaledSum());
  }
}

/**
 * The exactly rounded sum and sum of absolute values of some values, from the sums of their
 * positive ones (`positive`) and of their negative ones (`negative`): two additions per value
 * instead of four. The exact sums are combined before each result is rounded, once.
 */
export function sumAndSumAbs(positive: FsumAccumulator, negative: FsumAccumulator): [sum: number, sumAbs: number] {
  if (!positive.finite || !negative.finite) {
    const p = positive.value();
    const n = negative.value();
    return [p + n, Math.abs(p) + Math.abs(n)];
  }
  const p = positive.scaledSum();
  const n = negative.scaledSum();
  return [fromScaled(p + n), fromScaled(p - n)];
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
