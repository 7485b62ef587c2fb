import { describe, expect, it } from "vitest";
import { NDArray, centredFt, centredIft, fftAlong, ftAxisTime } from "../src/index.js";
import { numpy } from "./numpy.js";

/** Deterministic values that are not symmetric (so a wrong sign or shift shows). */
const signal = (n: number, seed = 1): number[] => Array.from({ length: n }, (_, i) => Math.sin(seed * 0.7 * i + 0.3) + 0.1 * i * seed);

/** The complex elements of an NDArray as [re, im] pairs, nested like NumPy's `c(a)`. */
function pairs(a: NDArray): unknown {
  const flat: [number, number][] = [];
  for (let i = 0; i < a.size; i++) flat.push([a.data[2 * i] as number, a.data[2 * i + 1] as number]);
  const nest = (depth: number, offset: number): unknown => {
    if (depth === a.ndim) return flat[offset];
    const stride = a.shape.slice(depth + 1).reduce((p, s) => p * s, 1);
    return Array.from({ length: a.shape[depth] as number }, (_, i) => nest(depth + 1, offset + i * stride));
  };
  return nest(0, 0);
}

/** Largest |a - b| over nested number lists of one shape. */
function maxDiff(a: unknown, b: unknown): number {
  if (Array.isArray(a) && Array.isArray(b)) {
    expect(a.length).toBe(b.length);
    return a.reduce((m: number, x, i) => Math.max(m, maxDiff(x, b[i])), 0);
  }
  return Math.abs((a as number) - (b as number));
}

const LENGTHS = [1, 2, 3, 4, 5, 7, 8, 12, 16, 17, 64, 97, 100, 255];

describe("fftAlong", () => {
  it("equals numpy.fft.fft and ifft for power-of-two and other lengths, real and complex input", () => {
    const cases = LENGTHS.map((n) => ({ re: signal(n), im: signal(n, 2) }));
    const ref = numpy<{ fft: unknown; ifft: unknown; cfft: unknown }[]>(
      `out = [dict(fft=c(np.fft.fft(np.array(x["re"]))), ifft=c(np.fft.ifft(np.array(x["re"]))),
              cfft=c(np.fft.fft(np.array(x["re"]) + 1j * np.array(x["im"])))) for x in inp]`, cases);
    cases.forEach(({ re, im }, k) => {
      const n = re.length;
      const real = NDArray.from("float64", [n], re);
      const complex = NDArray.from("complex128", [n], re.map((r, i) => ({ re: r, im: im[i] as number })));
      const scale = Math.max(1, ...re.map(Math.abs)) * n;
      expect(maxDiff(pairs(fftAlong(real, 0)), ref[k]?.fft)).toBeLessThan(1e-12 * scale);
      expect(maxDiff(pairs(fftAlong(real, 0, true)), ref[k]?.ifft)).toBeLessThan(1e-12 * scale);
      expect(maxDiff(pairs(fftAlong(complex, 0)), ref[k]?.cfft)).toBeLessThan(1e-12 * scale);
    });
  });

  it("transforms every line along the given dimension of an n-d array (int data converted)", () => {
    const a = NDArray.arange(3 * 5 * 6).reshape([3, 5, 6]);
    const ref = numpy<unknown[]>("a = np.arange(90).reshape(3, 5, 6)\nout = [c(np.fft.fft(a, axis=d)) for d in range(3)]");
    for (const d of [0, 1, 2]) {
      const got = fftAlong(a, d);
      expect(got.dtype).toBe("complex128");
      expect(got.shape).toEqual([3, 5, 6]);
      expect(maxDiff(pairs(got), ref[d])).toBeLessThan(1e-10);
    }
    expect(maxDiff(pairs(fftAlong(a, -1)), ref[2])).toBeLessThan(1e-10);
  });
});

describe("centredFt / centredIft", () => {
  it("equal pymodaq_utils' ft and ift: fftshift(fft(fftshift(x))) and its inverse", () => {
    const a = NDArray.from("float64", [4, 7], signal(28));
    const ref = numpy<{ ft: unknown[]; ift: unknown[] }>(`
a = np.array(inp).reshape(4, 7)
ft = lambda x, d: np.fft.fftshift(np.fft.fft(np.fft.fftshift(x, axes=d), axis=d), axes=d)
ift = lambda x, d: np.fft.fftshift(np.fft.ifft(np.fft.fftshift(x, axes=d), axis=d), axes=d)
out = dict(ft=[c(ft(a, d)) for d in (0, 1)], ift=[c(ift(a, d)) for d in (0, 1)])`, signal(28));
    for (const d of [0, 1]) {
      expect(maxDiff(pairs(centredFt(a, d)), ref.ft[d])).toBeLessThan(1e-11);
      expect(maxDiff(pairs(centredIft(a, d)), ref.ift[d])).toBeLessThan(1e-12);
    }
  });
});

describe("ftAxisTime", () => {
  it("equals pymodaq_utils' ftAxis_time grids", () => {
    const ref = numpy<[number[], number[]][]>(`
def ftAxis_time(Npts, time_max):
    dT = time_max / Npts
    omega_max = (Npts - 1) / 2 * 2 * np.pi / time_max
    return np.linspace(-omega_max, omega_max, Npts).tolist(), (dT * np.linspace(-(Npts - 1) / 2, (Npts - 1) / 2, Npts)).tolist()
out = [ftAxis_time(n, t) for n, t in inp]`, [[1, 2], [10, 3.5], [101, 0.02]]);
    [[1, 2], [10, 3.5], [101, 0.02]].forEach(([n, t], k) => {
      const { omega, time } = ftAxisTime(n as number, t as number);
      expect(Array.from(omega.data)).toEqual(ref[k]?.[0]);
      expect(maxDiff(Array.from(time.data), ref[k]?.[1])).toBeLessThan(1e-15);
    });
    expect(() => ftAxisTime(0, 1)).toThrow("n should be a strictly positive integer, got 0");
  });
});
