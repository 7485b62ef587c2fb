/**
 * Seeded, position-keyed random numbers for the mock detectors.
 *
 * A detector's noise is a pure function of (seed, position): the same acquisition at the same place
 * gives the same numbers whatever was acquired before, so a test can regenerate the value expected at
 * any sampled scan point without replaying the whole scan.
 */

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** MurmurHash3's 32-bit finaliser: spreads every input bit over the output. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Hashes a seed and a list of coordinates (their exact float64 bits) into a 32-bit stream key.
 * @param seed any integer; only its low 32 bits are used
 * @param coords the acquisition position (any length, including empty)
 */
export function streamKey(seed: number, coords: readonly number[]): number {
  let h = fmix32((seed | 0) ^ 0x9e3779b9);
  for (const c of coords) {
    f64[0] = c;
    h = fmix32(h ^ (u32[0] ?? 0));
    h = fmix32((h + 0x632be5ab) ^ (u32[1] ?? 0));
  }
  return h;
}

/** A stream of uniform and normal deviates. */
export interface RandomStream {
  /** A uniform deviate in [0, 1). */
  uniform(): number;
  /** A standard normal deviate (mean 0, standard deviation 1). */
  normal(): number;
}

/**
 * Creates a random stream from a 32-bit key (mulberry32 for uniforms, Box-Muller for normals).
 * @param key e.g. from {@link streamKey}
 */
export function randomStream(key: number): RandomStream {
  let state = key >>> 0;
  let spare: number | undefined;
  const uniform = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = (): number => {
    if (spare !== undefined) {
      const s = spare;
      spare = undefined;
      return s;
    }
    // 1 - uniform() lies in (0, 1], so the logarithm is finite.
    const r = Math.sqrt(-2 * Math.log(1 - uniform()));
    const a = 2 * Math.PI * uniform();
    spare = r * Math.sin(a);
    return r * Math.cos(a);
  };
  return { uniform, normal };
}
