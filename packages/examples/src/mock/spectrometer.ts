/**
 * A mock spectrometer: two channels of float64 intensities over a wavelength axis in nm.
 *
 * @example
 * const spectro = new MockSpectrometer({ seed: 7 });
 * const [ch0, ch1] = spectro.acquire([0.2, -0.5]);   // two Float64Array(1024)
 * spectro.wavelengths;                               // Float64Array(1024), 400 .. 911.5 nm
 */
import { checkKeys, checkNumber } from "../validate.js";
import { randomStream, streamKey } from "./random.js";
import { peakAt } from "./scene.js";

/** Options of {@link MockSpectrometer}; every field has a default. */
export interface SpectrometerOptions {
  /** Seed of the noise (integer, default 0). */
  seed?: number;
  /** Number of pixels per channel (default 1024). */
  length?: number;
  /** Wavelength of the first pixel, in nm (default 400). */
  start?: number;
  /** Wavelength step between pixels, in nm (default 0.5). */
  step?: number;
  /** Standard deviation of the additive Gaussian noise, in a.u. (default 0.01). */
  noise?: number;
}

const OPTION_KEYS = ["seed", "length", "start", "step", "noise"] as const;

/** The channel labels, in acquisition order. */
export const SPECTROMETER_CHANNELS = ["ch0", "ch1"] as const;

/** Offset (nm) and relative width/height of the satellite peak seen on channel ch1. */
const SATELLITE = { shift: 35, widthFactor: 1.6, heightFactor: 0.5 } as const;
/** Constant dark level added to every pixel, in a.u. */
const BASELINE = 0.02;

/**
 * Channel ch0 sees the sample's peak (see `scene.ts`); channel ch1 sees a weaker, broader satellite
 * shifted to the red. The noise is a pure function of (seed, position).
 */
export class MockSpectrometer {
  /** The signal axis: pixel wavelengths in nm. */
  readonly wavelengths: Float64Array;
  readonly seed: number;
  readonly noise: number;
  /** The signal axis start and step, in nm (the axis is linear). */
  readonly start: number;
  readonly step: number;

  /**
   * @param options see {@link SpectrometerOptions}
   * @throws InvalidOptionsError on an unknown key or a value out of range
   */
  constructor(options: SpectrometerOptions = {}) {
    checkKeys(options, OPTION_KEYS, "MockSpectrometer");
    this.seed = checkNumber(options.seed, 0, "seed", { integer: true });
    const length = checkNumber(options.length, 1024, "length", { integer: true, min: 1 });
    this.start = checkNumber(options.start, 400, "start");
    this.step = checkNumber(options.step, 0.5, "step", { min: Number.MIN_VALUE });
    this.noise = checkNumber(options.noise, 0.01, "noise", { min: 0 });
    this.wavelengths = new Float64Array(length);
    for (let k = 0; k < length; k++) this.wavelengths[k] = this.start + this.step * k;
  }

  /**
   * Acquires one spectrum per channel at `position`.
   * @param position normalised sample coordinates (see `scene.ts`); the noise is keyed on them
   * @returns one Float64Array per entry of {@link SPECTROMETER_CHANNELS}, each of `wavelengths.length`
   */
  acquire(position: readonly number[]): [Float64Array, Float64Array] {
    const { centre, height, width } = peakAt(position);
    const n = this.wavelengths.length;
    const main = new Float64Array(n);
    const satellite = new Float64Array(n);
    const rng = randomStream(streamKey(this.seed, position));
    const satCentre = centre + SATELLITE.shift;
    const satWidth = width * SATELLITE.widthFactor;
    const satHeight = height * SATELLITE.heightFactor;
    for (let k = 0; k < n; k++) {
      const w = this.wavelengths[k] as number;
      main[k] = BASELINE + height * gaussian(w, centre, width) + this.noise * rng.normal();
      satellite[k] = BASELINE + satHeight * gaussian(w, satCentre, satWidth) + this.noise * rng.normal();
    }
    return [main, satellite];
  }
}

/** Beyond this many standard deviations the Gaussian (< 1e-20) is taken as 0, which skips most exp calls. */
const GAUSSIAN_CUTOFF = 9.6;

function gaussian(x: number, centre: number, sigma: number): number {
  const z = (x - centre) / sigma;
  return Math.abs(z) > GAUSSIAN_CUTOFF ? 0 : Math.exp(-0.5 * z * z);
}
