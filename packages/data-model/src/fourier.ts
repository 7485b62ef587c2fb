/**
 * Discrete Fourier transforms of NDArrays along one dimension, as NumPy's `fft.fft`/`ifft`
 * compute them (`ifft` divided by n), and PyMoDAQ's centred variants `ft`/`ift`
 * (`fftshift(fft(fftshift(x)))`, math_utils) with their frequency grid `ftAxisTime`.
 *
 * The transforms come from the fft.js package (radix-4, power-of-two lengths). Other lengths
 * go through Bluestein's chirp-z identity, which writes a DFT of any length as a circular
 * convolution computed with power-of-two FFTs.
 *
 * @example
 * const spectrum = centredFt(NDArray.linspace(0, 1, 100), 0);   // complex128, 100 points
 */
import FFT from "fft.js";
import { ModelValueError } from "./errors.js";
import { NDArray, normalizeAxis, shapeSize } from "./ndarray.js";

const plans = new Map<number, FFT>();

/** fft.js' plan for a power-of-two length (kept: its twiddle table costs a full pass). */
function plan(n: number): FFT {
  let p = plans.get(n);
  if (p === undefined) {
    p = new FFT(n);
    plans.set(n, p);
  }
  return p;
}

const isPowerOfTwo = (n: number): boolean => n > 1 && (n & (n - 1)) === 0;

/**
 * The DFT of `x` (interleaved re, im; n = x.length / 2 points), forward with NumPy's sign
 * (`exp(-2πi jk/n)`), or inverse with its `1/n` factor.
 */
export function dft(x: Float64Array, inverse: boolean): Float64Array {
  const n = x.length / 2;
  if (n <= 1) return x.slice();
  const out = new Float64Array(2 * n);
  if (isPowerOfTwo(n)) {
    if (inverse) plan(n).inverseTransform(out, x);
    else plan(n).transform(out, x);
    return out;
  }
  return bluestein(x, n, inverse);
}

/** Bluestein: X_k = w_k Σ_j (x_j w_j) conj(w_{k-j}), with w_k = exp(∓iπ k²/n). */
function bluestein(x: Float64Array, n: number, inverse: boolean): Float64Array {
  let m = 1;
  while (m < 2 * n - 1) m *= 2;
  const sign = inverse ? 1 : -1;
  const wRe = new Float64Array(n);
  const wIm = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    // k² mod 2n keeps the angle small, so the chirp stays exact for long transforms.
    const angle = (Math.PI * ((k * k) % (2 * n))) / n;
    wRe[k] = Math.cos(angle);
    wIm[k] = sign * Math.sin(angle);
  }
  const a = new Float64Array(2 * m);
  const b = new Float64Array(2 * m);
  for (let k = 0; k < n; k++) {
    const xr = x[2 * k] as number;
    const xi = x[2 * k + 1] as number;
    const cr = wRe[k] as number;
    const ci = wIm[k] as number;
    a[2 * k] = xr * cr - xi * ci;
    a[2 * k + 1] = xr * ci + xi * cr;
    b[2 * k] = cr;
    b[2 * k + 1] = -ci;
    if (k > 0) {
      b[2 * (m - k)] = cr;
      b[2 * (m - k) + 1] = -ci;
    }
  }
  const fa = new Float64Array(2 * m);
  const fb = new Float64Array(2 * m);
  plan(m).transform(fa, a);
  plan(m).transform(fb, b);
  for (let k = 0; k < m; k++) {
    const ar = fa[2 * k] as number;
    const ai = fa[2 * k + 1] as number;
    const br = fb[2 * k] as number;
    const bi = fb[2 * k + 1] as number;
    fa[2 * k] = ar * br - ai * bi;
    fa[2 * k + 1] = ar * bi + ai * br;
  }
  plan(m).inverseTransform(a, fa);
  const out = new Float64Array(2 * n);
  const scale = inverse ? 1 / n : 1;
  for (let k = 0; k < n; k++) {
    const cr = a[2 * k] as number;
    const ci = a[2 * k + 1] as number;
    const wr = wRe[k] as number;
    const wi = wIm[k] as number;
    out[2 * k] = (cr * wr - ci * wi) * scale;
    out[2 * k + 1] = (cr * wi + ci * wr) * scale;
  }
  return out;
}

/**
 * Applies `transform` to every line of `arr` along dimension `dim`, the line taken
 * `fftshift`ed (rolled by floor(n/2)) and the result rolled again when `shifted`.
 */
function alongDim(arr: NDArray, dim: number, inverse: boolean, shifted: boolean): NDArray<"complex128"> {
  const d = normalizeAxis(dim, arr.ndim);
  const src = arr.dtype === "complex128" ? arr : arr.astype("complex128");
  const out = NDArray.zeros(arr.shape, "complex128");
  const n = arr.shape[d] as number;
  const outer = shapeSize(arr.shape.slice(0, d));
  const inner = shapeSize(arr.shape.slice(d + 1));
  const roll = shifted ? Math.floor(n / 2) : 0;
  const line = new Float64Array(2 * n);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const at = (j: number): number => 2 * ((o * n + j) * inner + i);
      for (let j = 0; j < n; j++) {
        const to = (j + roll) % n;
        line[2 * to] = src.data[at(j)] as number;
        line[2 * to + 1] = src.data[at(j) + 1] as number;
      }
      const result = dft(line, inverse);
      for (let j = 0; j < n; j++) {
        const to = at((j + roll) % n);
        out.data[to] = result[2 * j] as number;
        out.data[to + 1] = result[2 * j + 1] as number;
      }
    }
  }
  return out;
}

/** NumPy's `fft.fft(arr, axis=dim)` (`inverse`: `fft.ifft`), complex128. @throws ModelIndexError for a bad dim */
export function fftAlong(arr: NDArray, dim: number, inverse = false): NDArray<"complex128"> {
  return alongDim(arr, dim, inverse, false);
}

/** PyMoDAQ's `ft(x, dim)`: `fftshift(fft(fftshift(x, dim), dim), dim)`. @throws ModelIndexError */
export function centredFt(arr: NDArray, dim: number): NDArray<"complex128"> {
  return alongDim(arr, dim, false, true);
}

/** PyMoDAQ's `ift(x, dim)`: `fftshift(ifft(fftshift(x, dim), dim), dim)`. @throws ModelIndexError */
export function centredIft(arr: NDArray, dim: number): NDArray<"complex128"> {
  return alongDim(arr, dim, true, true);
}

/**
 * PyMoDAQ's `ftAxis_time(Npts, time_max)`: the angular frequency grid
 * `linspace(-ωmax, ωmax, n)` with `ωmax = (n-1)/2 · 2π / timeMax`, and the time grid
 * `timeMax/n · linspace(-(n-1)/2, (n-1)/2, n)`.
 * @throws ModelValueError when `n` is not a positive integer.
 */
export function ftAxisTime(n: number, timeMax: number): { omega: NDArray<"float64">; time: NDArray<"float64"> } {
  if (!Number.isInteger(n) || n < 1) throw new ModelValueError(`n should be a strictly positive integer, got ${n}`);
  const omegaMax = (((n - 1) / 2) * 2 * Math.PI) / timeMax;
  const dT = timeMax / n;
  const half = NDArray.linspace(-(n - 1) / 2, (n - 1) / 2, n);
  return { omega: NDArray.linspace(-omegaMax, omegaMax, n), time: new NDArray("float64", [n], half.data.map((v) => dT * v)) };
}
