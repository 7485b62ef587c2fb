/**
 * The simulated sample seen by the mock detectors: a light source whose spectral peak moves and
 * brightens smoothly across the sample. Positions are in normalised units: the features lie within
 * [-1, 1] on each of the first two coordinates (missing coordinates count as 0, extra ones are ignored).
 */

/** The spectral peak emitted at one position. */
export interface Peak {
  /** Peak centre, in nm. */
  centre: number;
  /** Peak height, in arbitrary units (a.u.). */
  height: number;
  /** Gaussian standard deviation of the peak, in nm. */
  width: number;
}

function blob(u: number, v: number, u0: number, v0: number, spread: number): number {
  return Math.exp(-((u - u0) ** 2 + (v - v0) ** 2) / spread);
}

/**
 * The peak emitted at `position`: two bright spots of different sizes on a dim background, a centre
 * drifting from about 530 to 750 nm, a width from 10 to 16 nm.
 * @param position normalised coordinates (see the module comment)
 */
export function peakAt(position: readonly number[]): Peak {
  const u = position[0] ?? 0;
  const v = position[1] ?? 0;
  return {
    centre: 620 + 90 * u + 40 * v * v,
    height: 0.15 + 1.0 * blob(u, v, 0.35, -0.25, 0.12) + 0.6 * blob(u, v, -0.45, 0.4, 0.04),
    width: 13 + 3 * v,
  };
}
