/**
 * Element-wise arithmetic, reductions and closeness tests on `NDArray`s, following
 * NumPy where it matters for results written to files: sums use NumPy's pairwise
 * summation, so an axis scaling computed here has the same last bit as in Python.
 *
 * Result dtypes are simplified NumPy promotion: complex if any operand is complex;
 * float32 when only float32 (and JS numbers) meet outside division by integers;
 * float64 for any other float or for a division; otherwise the integer dtype of the
 * operands (int64 when they differ). 64-bit integers are computed as JS numbers.
 */
import { isBigIntDtype, isComplexDtype, isFloatDtype, lanesOf, type Dtype } from "./dtype.js";
import { ModelTypeError, ModelValueError } from "./errors.js";
import { NDArray, cStrides, normalizeAxis, shapeSize } from "./ndarray.js";

export type BinaryOp = "add" | "subtract" | "multiply" | "divide";
export type ReduceOp = "sum" | "mean" | "std" | "max" | "min" | "all" | "any";

/**
 * NumPy's pairwise sum of `values[start .. start+n-1]` (8 accumulators, blocks of 128): the same
 * additions in the same order, so the same last bit. The accumulators are locals, not an array:
 * every Axis built from data sums its differences here, and a leaf block's allocation cost more
 * than its additions.
 */
export function pairwiseSum(values: ArrayLike<number>, start: number, n: number): number {
  if (n < 8) {
    let s = 0;
    for (let i = 0; i < n; i++) s += values[start + i] as number;
    return s;
  }
  if (n <= 128) {
    let r0 = values[start] as number;
    let r1 = values[start + 1] as number;
    let r2 = values[start + 2] as number;
    let r3 = values[start + 3] as number;
    let r4 = values[start + 4] as number;
    let r5 = values[start + 5] as number;
    let r6 = values[start + 6] as number;
    let r7 = values[start + 7] as number;
    const blocks = start + n - (n % 8);
    let i = start + 8;
    for (; i < blocks; i += 8) {
      r0 += values[i] as number;
      r1 += values[i + 1] as number;
      r2 += values[i + 2] as number;
      r3 += values[i + 3] as number;
      r4 += values[i + 4] as number;
      r5 += values[i + 5] as number;
      r6 += values[i + 6] as number;
      r7 += values[i + 7] as number;
    }
    let res = (r0 + r1 + (r2 + r3)) + (r4 + r5 + (r6 + r7));
    for (; i < start + n; i++) res += values[i] as number;
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseSum(values, start, n2) + pairwiseSum(values, start + n2, n - n2);
}

/** NumPy `mean` of a 1-D run of numbers. */
export function meanOf(values: ArrayLike<number>): number {
  return pairwiseSum(values, 0, values.length) / values.length;
}

/**
 * NumPy broadcasting of two shapes.
 * @throws ModelValueError when they cannot be broadcast together.
 */
export function broadcastShapes(a: readonly number[], b: readonly number[]): number[] {
  const n = Math.max(a.length, b.length);
  const out = new Array<number>(n);
  for (let k = 0; k < n; k++) {
    const x = a[a.length - n + k] ?? 1;
    const y = b[b.length - n + k] ?? 1;
    if (x !== y && x !== 1 && y !== 1) {
      throw new ModelValueError(`operands could not be broadcast together with shapes (${a.join(",")}) (${b.join(",")})`);
    }
    out[k] = x === 1 ? y : x;
  }
  return out;
}

/** For each flat position of `outShape`, the flat position in an array of `shape` broadcast to it. */
function broadcastIndexer(shape: readonly number[], outShape: readonly number[]): (flat: number) => number {
  if (shape.length === outShape.length && shape.every((s, k) => s === outShape[k])) return (f) => f;
  const st = cStrides(shape);
  const offset = outShape.length - shape.length;
  const strides = outShape.map((_, k) => (k < offset || shape[k - offset] === 1 ? 0 : (st[k - offset] ?? 0)));
  const outStrides = cStrides(outShape);
  return (flat) => {
    let src = 0;
    let rest = flat;
    for (let k = 0; k < outShape.length; k++) {
      const os = outStrides[k] as number;
      const i = Math.floor(rest / os);
      rest -= i * os;
      src += i * (strides[k] as number);
    }
    return src;
  };
}

type Operand = NDArray | number | bigint;

function resultDtype(a: NDArray, b: Operand, op: BinaryOp): Dtype {
  const bd = b instanceof NDArray ? b.dtype : null;
  if (isComplexDtype(a.dtype) || (bd !== null && isComplexDtype(bd))) {
    return a.dtype === "complex128" || bd === "complex128" || a.dtype === "float64" || bd === "float64" ? "complex128" : "complex64";
  }
  const bIsFloat32Like = bd === null ? typeof b === "number" : bd === "float32";
  if (a.dtype === "float32" && bIsFloat32Like) return "float32";
  if (bd === "float32" && !isFloatDtype(a.dtype) && op !== "divide") return "float64";
  if (isFloatDtype(a.dtype) || (bd !== null && isFloatDtype(bd)) || op === "divide") return "float64";
  if (bd === null) return typeof b === "number" && !Number.isInteger(b) ? "float64" : a.dtype === "bool" ? "int64" : a.dtype;
  return bd === a.dtype && a.dtype !== "bool" ? a.dtype : "int64";
}

function lane(x: Operand, idx: number, l: 0 | 1): number {
  if (typeof x === "number") return l === 0 ? x : 0;
  if (typeof x === "bigint") return l === 0 ? Number(x) : 0;
  return lanesOf(x.dtype) === 2 ? (x.data[2 * idx + l] as number) : l === 0 ? Number(x.data[idx]) : 0;
}

const REAL_OPS: Record<BinaryOp, (x: number, y: number) => number> = {
  add: (x, y) => x + y,
  subtract: (x, y) => x - y,
  multiply: (x, y) => x * y,
  divide: (x, y) => x / y,
};

function complexOp(op: BinaryOp, ar: number, ai: number, br: number, bi: number): [number, number] {
  switch (op) {
    case "add": return [ar + br, ai + bi];
    case "subtract": return [ar - br, ai - bi];
    case "multiply": return [ar * br - ai * bi, ar * bi + ai * br];
    case "divide": {
      const den = br * br + bi * bi;
      return [(ar * br + ai * bi) / den, (ai * br - ar * bi) / den];
    }
  }
}

/**
 * Element-wise `a op b` with NumPy broadcasting; `b` may be a JS number or bigint.
 * @throws ModelValueError when the shapes cannot be broadcast; ModelTypeError for a bad operand.
 */
export function binaryOp(a: NDArray, b: Operand, op: BinaryOp): NDArray {
  if (!(b instanceof NDArray) && typeof b !== "number" && typeof b !== "bigint") {
    throw new ModelTypeError(`unsupported operand for ${op}: ${String(b)}`);
  }
  const outShape = b instanceof NDArray ? broadcastShapes(a.shape, b.shape) : [...a.shape];
  const dtype = resultDtype(a, b, op);
  const out = NDArray.zeros(outShape, dtype);
  const ia = broadcastIndexer(a.shape, outShape);
  const ib = b instanceof NDArray ? broadcastIndexer(b.shape, outShape) : () => 0;
  const n = shapeSize(outShape);
  if (isComplexDtype(dtype)) {
    for (let f = 0; f < n; f++) {
      const i = ia(f);
      const j = ib(f);
      const [re, im] = complexOp(op, lane(a, i, 0), lane(a, i, 1), lane(b, j, 0), lane(b, j, 1));
      out.data[2 * f] = re;
      out.data[2 * f + 1] = im;
    }
    return out;
  }
  const fn = REAL_OPS[op];
  for (let f = 0; f < n; f++) out.setFlat(f, fn(lane(a, ia(f), 0), lane(b, ib(f), 0)));
  return out;
}

/** Applies `fn` to every element (real values as float64; complex arrays are rejected). */
export function mapReal(a: NDArray, fn: (x: number) => number): NDArray<"float64"> {
  if (isComplexDtype(a.dtype)) throw new ModelTypeError(`this operation does not support ${a.dtype} data`);
  const out = new Float64Array(a.size);
  for (let i = 0; i < out.length; i++) out[i] = fn(a.numberAt(i));
  return new NDArray("float64", a.shape, out);
}

/** `-a`, keeping the dtype. */
export function negative(a: NDArray): NDArray {
  return binaryOp(a, -1, "multiply").astype(a.dtype);
}

/** `|a|`: the dtype is kept for reals, float64 (float32) for complex128 (complex64). */
export function absolute(a: NDArray): NDArray {
  if (isComplexDtype(a.dtype)) {
    const out = NDArray.zeros(a.shape, a.dtype === "complex64" ? "float32" : "float64");
    for (let i = 0; i < a.size; i++) out.data[i] = Math.hypot(lane(a, i, 0), lane(a, i, 1));
    return out;
  }
  return mapReal(a, Math.abs).astype(a.dtype);
}

/** Real part, imaginary part or argument (radians) of each element. */
export function complexPart(a: NDArray, part: "real" | "imag" | "angle"): NDArray<"float64"> {
  const out = new Float64Array(a.size);
  for (let i = 0; i < a.size; i++) {
    const re = lane(a, i, 0);
    const im = lane(a, i, 1);
    out[i] = part === "real" ? re : part === "imag" ? im : Math.atan2(im, re);
  }
  return new NDArray("float64", a.shape, out);
}

/**
 * NumPy `allclose(a, b, rtol, atol)`: `|a - b| <= atol + rtol * |b|` everywhere, with
 * broadcasting; NaN is never close. Complex values compare by modulus of the difference.
 * @throws ModelValueError when the shapes cannot be broadcast.
 */
export function allclose(a: NDArray, b: NDArray | number, rtol = 1e-5, atol = 1e-8): boolean {
  if (typeof b === "number" && lanesOf(a.dtype) === 1 && !isBigIntDtype(a.dtype)) return allcloseReal(a.data as ArrayLike<number>, a.size, b, rtol, atol);
  const outShape = b instanceof NDArray ? broadcastShapes(a.shape, b.shape) : [...a.shape];
  const ia = broadcastIndexer(a.shape, outShape);
  const ib = b instanceof NDArray ? broadcastIndexer(b.shape, outShape) : () => 0;
  const n = shapeSize(outShape);
  for (let f = 0; f < n; f++) {
    const i = ia(f);
    const j = ib(f);
    const dr = lane(a, i, 0) - lane(b, j, 0);
    const di = lane(a, i, 1) - lane(b, j, 1);
    const bm = Math.hypot(lane(b, j, 0), lane(b, j, 1));
    if (!(Math.hypot(dr, di) <= atol + rtol * bm)) {
      const ar = lane(a, i, 0);
      const br = lane(b, j, 0);
      // inf == inf of the same sign counts as close, as in NumPy.
      if (!(ar === br && di === 0 && !Number.isFinite(ar))) return false;
    }
  }
  return true;
}

/** `allclose` of real values against one real number: the generic path's test without its per-element indexers (Axis linearity checks every axis built). */
function allcloseReal(a: ArrayLike<number>, n: number, b: number, rtol: number, atol: number): boolean {
  const tol = atol + rtol * Math.abs(b);
  for (let i = 0; i < n; i++) {
    const x = Number(a[i]);
    // inf == inf of the same sign counts as close, as in NumPy; NaN never does.
    if (!(Math.abs(x - b) <= tol) && !(x === b && !Number.isFinite(x))) return false;
  }
  return true;
}

function reducedDtype(dtype: Dtype, op: ReduceOp): Dtype {
  if (op === "all" || op === "any") return "bool";
  if (op === "max" || op === "min") return dtype;
  if (isComplexDtype(dtype)) return dtype;
  if (dtype === "float32") return "float32";
  if (op === "sum") return isFloatDtype(dtype) ? dtype : dtype === "uint64" ? "uint64" : "int64";
  return "float64";
}

function reduceRun(op: ReduceOp, get: (i: number) => number, n: number, pairwise: boolean): number {
  const sum = (g: (i: number) => number): number => {
    if (pairwise) return pairwiseSum(Float64Array.from({ length: n }, (_, i) => g(i)), 0, n);
    let s = 0;
    for (let i = 0; i < n; i++) s += g(i);
    return s;
  };
  switch (op) {
    case "sum": return sum(get);
    case "mean": return sum(get) / n;
    case "std": {
      const m = sum(get) / n;
      return Math.sqrt(sum((i) => (get(i) - m) ** 2) / n);
    }
    case "max":
    case "min": {
      let best = n > 0 ? get(0) : NaN;
      for (let i = 1; i < n; i++) {
        const v = get(i);
        if (Number.isNaN(v) || Number.isNaN(best)) best = NaN;
        else if (op === "max" ? v > best : v < best) best = v;
      }
      return best;
    }
    case "all": {
      for (let i = 0; i < n; i++) if (get(i) === 0) return 0;
      return 1;
    }
    case "any": {
      for (let i = 0; i < n; i++) if (get(i) !== 0) return 1;
      return 0;
    }
  }
}

/**
 * Reduces `a` over the dimensions `axis` (all when null). The result has the other
 * dimensions (a 0-d array when all are reduced).
 * @throws ModelIndexError for a bad axis; ModelValueError for max/min of an empty
 *   array; ModelTypeError for an order-based reduction of complex data.
 */
export function reduce(a: NDArray, op: ReduceOp, axis: number | readonly number[] | null = null): NDArray {
  const axes = axis === null ? a.shape.map((_, k) => k) : (typeof axis === "number" ? [axis] : [...axis]).map((x) => normalizeAxis(x, a.ndim));
  const reduced = new Set(axes);
  if (isComplexDtype(a.dtype) && op !== "sum" && op !== "mean") throw new ModelTypeError(`${op} of complex data is not supported`);
  const keep = a.shape.map((_, k) => k).filter((k) => !reduced.has(k));
  const outShape = keep.map((k) => a.shape[k] as number);
  const red = [...reduced].sort((x, y) => x - y);
  const n = shapeSize(red.map((k) => a.shape[k] as number));
  if (n === 0 && (op === "max" || op === "min")) throw new ModelValueError(`zero-size array to reduction operation ${op}`);
  const strides = cStrides(a.shape);
  // NumPy sums a contiguous trailing block pairwise, other layouts one by one.
  const trailing = red.every((k, i) => k === a.ndim - red.length + i);
  const outStrides = cStrides(outShape);
  const redStrides = cStrides(red.map((k) => a.shape[k] as number));
  const out = NDArray.zeros(outShape, reducedDtype(a.dtype, op));
  const lanes = lanesOf(a.dtype);
  for (let o = 0; o < out.size; o++) {
    let base = 0;
    let rest = o;
    keep.forEach((k, i) => {
      const q = Math.floor(rest / (outStrides[i] as number));
      rest -= q * (outStrides[i] as number);
      base += q * (strides[k] as number);
    });
    const pos = (i: number): number => {
      let off = base;
      let r = i;
      red.forEach((k, j) => {
        const q = Math.floor(r / (redStrides[j] as number));
        r -= q * (redStrides[j] as number);
        off += q * (strides[k] as number);
      });
      return off;
    };
    for (let l = 0 as 0 | 1; l < lanes; l = (l + 1) as 0 | 1) {
      const v = reduceRun(op, (i) => lane(a, pos(i), l), n, trailing);
      if (lanes === 2) out.data[2 * o + l] = v;
      else out.setFlat(o, op === "all" || op === "any" ? v === 1 : v);
    }
  }
  return out;
}

/**
 * NumPy `unwrap` along dimension `axis` (default last): jumps larger than pi between
 * neighbours are removed by adding multiples of 2*pi. Result float64.
 * @throws ModelTypeError for complex data; ModelIndexError for a bad axis.
 */
export function unwrap(a: NDArray, axis = -1): NDArray<"float64"> {
  const out = mapReal(a, (x) => x);
  if (a.ndim === 0) return out;
  const ax = normalizeAxis(axis, a.ndim);
  const strides = cStrides(a.shape);
  const n = a.shape[ax] as number;
  const step = strides[ax] as number;
  const lines = a.size / Math.max(n, 1);
  const inner = step;
  for (let line = 0; line < lines; line++) {
    const base = Math.floor(line / inner) * inner * n + (line % inner);
    let correction = 0;
    let prev = a.numberAt(base);
    for (let i = 1; i < n; i++) {
      const cur = a.numberAt(base + i * step);
      const dd = cur - prev;
      let ddmod = ((((dd + Math.PI) % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI)) - Math.PI;
      if (ddmod === -Math.PI && dd > 0) ddmod = Math.PI;
      if (Math.abs(dd) >= Math.PI) correction += ddmod - dd;
      out.data[base + i * step] = cur + correction;
      prev = cur;
    }
  }
  return out;
}
