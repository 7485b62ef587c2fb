/**
 * The `ArraySummary` of the canonical load JSON (fixtures README): arrays of at most 4096
 * elements in full, larger ones as a digest (sha256 of the little-endian float64 form with
 * canonical NaNs, exactly rounded sums, NaN/inf counts, first and last 8 values).
 *
 * @example
 * arraySummary({ dtype: "float64", shape: [2], data: Float64Array.of(1, NaN) });
 * // { dtype: "float64", shape: [2], size: 2, values: [JsonFloat(1), "NaN"] }   (text: [1.0, "NaN"])
 */
import { createHash } from "node:crypto";
import { InvalidValueError } from "../../errors.js";
import { floatJson, type JsonFloat } from "./float.js";
import { FsumAccumulator, sumAndSumAbs } from "./fsum.js";

/** An n-d array as the model and the binding hold it (complex interleaved re, im). */
export interface ArrayLikeND {
  dtype: string;
  shape: readonly number[];
  data: ArrayLike<number | bigint>;
}

/**
 * One element in JSON: an int (number or bigint), a float (number, JsonFloat or a special-value
 * string), a boolean or a [re, im] pair.
 */
export type JsonElement = number | bigint | string | boolean | JsonFloat | JsonElement[];

/** Arrays with more elements than this are digested. */
export const FULL_VALUES_LIMIT = 4096;
const EDGE_COUNT = 8;
const WEIGHT_PERIOD = 101;
const HASH_CHUNK = 8192;

/** An integer in canonical JSON: a number when exact, else the bigint (see stringifyCanonical). */
function encodeInteger(v: number | bigint): number | bigint {
  if (typeof v === "number") return v;
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
}

const isComplex = (dtype: string) => dtype.startsWith("complex");
const isFloat = (dtype: string) => dtype.startsWith("float");

/** The JSON form of element `i` (flat C index) of the array. */
function element(arr: ArrayLikeND, i: number): JsonElement {
  const { dtype, data } = arr;
  if (isComplex(dtype)) return [floatJson(Number(data[2 * i])), floatJson(Number(data[2 * i + 1]))];
  if (dtype === "bool") return Number(data[i]) !== 0;
  if (isFloat(dtype)) return floatJson(Number(data[i]));
  return encodeInteger(data[i]!);
}

/**
 * What one lane accumulates: its positive and its negative values apart (a value and its
 * weighted value have the same sign), which give the sums and the sums of absolute values
 * (`sumAndSumAbs`).
 */
interface LaneDigest {
  positive: FsumAccumulator;
  negative: FsumAccumulator;
  wpositive: FsumAccumulator;
  wnegative: FsumAccumulator;
  nan: number;
  posinf: number;
  neginf: number;
}

function newLane(): LaneDigest {
  return {
    positive: new FsumAccumulator(),
    negative: new FsumAccumulator(),
    wpositive: new FsumAccumulator(),
    wnegative: new FsumAccumulator(),
    nan: 0,
    posinf: 0,
    neginf: 0,
  };
}

/** True on a little-endian host, where a Float64Array's bytes are already the hashed form. */
const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/** Whether `data[from..to)` holds a NaN. */
function hasNaN(data: Float64Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (data[i] !== data[i]) return true;
  return false;
}

/**
 * The sha256 of the values' little-endian float64 form, NaNs made the canonical quiet NaN.
 * Float64 data on a little-endian host is hashed where it lies, chunk by chunk, unless the chunk
 * holds a NaN (whose payload may differ from the canonical one); other chunks and dtypes are
 * converted into a scratch chunk first.
 */
function sha256Of(arr: ArrayLikeND, size: number, lanes: number): string {
  const hash = createHash("sha256");
  const { data } = arr;
  const inPlace = LITTLE_ENDIAN && data instanceof Float64Array ? data : null;
  const chunk = new DataView(new ArrayBuffer(HASH_CHUNK * 8));
  const n = size * lanes;
  for (let from = 0; from < n; from += HASH_CHUNK) {
    const to = Math.min(n, from + HASH_CHUNK);
    if (inPlace !== null && !hasNaN(inPlace, from, to)) {
      hash.update(new Uint8Array(inPlace.buffer, inPlace.byteOffset + from * 8, (to - from) * 8));
      continue;
    }
    for (let i = from; i < to; i++) {
      const x = Number(data[i]);
      const at = (i - from) * 8;
      if (Number.isNaN(x)) {
        // Canonical quiet NaN 0x7FF8000000000000, whatever the payload was.
        chunk.setUint32(at, 0, true);
        chunk.setUint32(at + 4, 0x7ff80000, true);
      } else {
        chunk.setFloat64(at, x, true);
      }
    }
    hash.update(new Uint8Array(chunk.buffer, 0, (to - from) * 8));
  }
  return hash.digest("hex");
}

/** What a digest sums and counts in one lane (the real or the imaginary parts). */
interface LaneTotals {
  readonly sum: number;
  readonly sumAbs: number;
  readonly wsum: number;
  readonly wsumAbs: number;
  readonly nan: number;
  readonly posinf: number;
  readonly neginf: number;
}

/** Adds lane `lane` of the first `size` elements (`lanes` values each) to `d`. */
function accumulate(d: LaneDigest, data: ArrayLike<number | bigint>, size: number, lane: number, lanes: number): void {
  let weight = 1;
  for (let i = lane, end = size * lanes; i < end; i += lanes) {
    const x = Number(data[i]);
    if (x > 0) {
      if (x === Infinity) d.posinf++;
      else {
        d.positive.add(x);
        d.wpositive.add(x * weight);
      }
    } else if (x < 0) {
      if (x === -Infinity) d.neginf++;
      else {
        d.negative.add(x);
        d.wnegative.add(x * weight);
      }
    } else if (x !== 0) {
      d.nan++;
    }
    weight = weight === WEIGHT_PERIOD ? 1 : weight + 1;
  }
}

/** The exactly rounded sums and the counts of each lane. */
function totalsOf(arr: ArrayLikeND, size: number, lanes: number): LaneTotals[] {
  const digests = Array.from({ length: lanes }, newLane);
  for (let lane = 0; lane < lanes; lane++) accumulate(digests[lane]!, arr.data, size, lane, lanes);
  return digests.map((d) => {
    const [sum, sumAbs] = sumAndSumAbs(d.positive, d.negative);
    // A weighted value may overflow to an infinity: it is summed as math.fsum sums one.
    const [wsum, wsumAbs] = sumAndSumAbs(d.wpositive, d.wnegative);
    return { sum, sumAbs, wsum, wsumAbs, nan: d.nan, posinf: d.posinf, neginf: d.neginf };
  });
}

/**
 * The totals of the last digests, by dtype, size and sha256. The inspector summarizes each array
 * in several loads of one file (its own load, its group's `loadAll`, the root's, the tree), and
 * the exactly rounded sums (two additions per value) are most of its time; the same float64
 * values (what the sha256 covers) give the same totals. Bounded: a memo, not a store.
 */
const recentTotals = new Map<string, readonly LaneTotals[]>();
const RECENT_TOTALS = 32;

function digest(arr: ArrayLikeND, size: number): Record<string, unknown> {
  const lanes = isComplex(arr.dtype) ? 2 : 1;
  const sha256 = sha256Of(arr, size, lanes);
  const key = `${arr.dtype}:${size}:${sha256}`;
  let totals = recentTotals.get(key);
  if (totals === undefined) {
    totals = totalsOf(arr, size, lanes);
    if (recentTotals.size >= RECENT_TOTALS) recentTotals.delete(recentTotals.keys().next().value as string);
    recentTotals.set(key, totals);
  }
  const pick = <T>(f: (t: LaneTotals) => T): T | T[] => (lanes === 1 ? f(totals[0]!) : totals.map(f));
  const edge = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, k) => element(arr, from + k));
  return {
    sha256,
    sum: pick((t) => floatJson(t.sum)),
    sum_abs: pick((t) => floatJson(t.sumAbs)),
    wsum: pick((t) => floatJson(t.wsum)),
    wsum_abs: pick((t) => floatJson(t.wsumAbs)),
    nan_count: pick((t) => t.nan),
    posinf_count: pick((t) => t.posinf),
    neginf_count: pick((t) => t.neginf),
    first: edge(0, Math.min(EDGE_COUNT, size)),
    last: edge(Math.max(0, size - EDGE_COUNT), size),
  };
}

/**
 * The canonical ArraySummary of an array (fixtures README "ArraySummary").
 * @param arr dtype (NumPy name), shape and the flat C-order elements; complex interleaved
 * @returns `{dtype, shape, size, values}` up to 4096 elements (elements of float and complex
 *   dtypes as Python floats, see floatJson; integer dtypes as ints; bool as booleans), else `{dtype, shape, size,
 *   sha256, sum, sum_abs, wsum, wsum_abs, nan_count, posinf_count, neginf_count, first, last}`
 *   (each digest quantity a [re, im] pair for complex data; sums are floats, counts ints)
 * @throws RangeError when the data is shorter than the shape requires
 */
export function arraySummary(arr: ArrayLikeND): Record<string, unknown> {
  const size = arr.shape.reduce((a, b) => a * b, 1);
  const lanes = isComplex(arr.dtype) ? 2 : 1;
  if (arr.data.length < size * lanes) {
    throw new InvalidValueError(`arraySummary: array of shape [${arr.shape.join(", ")}] needs ${size * lanes} values, got ${arr.data.length}`);
  }
  const head = { dtype: arr.dtype, shape: [...arr.shape], size };
  if (size <= FULL_VALUES_LIMIT) {
    return { ...head, values: Array.from({ length: size }, (_, i) => element(arr, i)) };
  }
  return { ...head, ...digest(arr, size) };
}
