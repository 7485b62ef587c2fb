/**
 * A mock power meter: one float64 reading in W, proportional to the light the sample emits at the
 * position (the area of its spectral peak), plus seeded noise.
 *
 * @example
 * const meter = new MockPowerMeter({ seed: 7 });
 * meter.read([0.35, -0.25]);   // about 1.1e-3 W at the brighter spot
 */
import { checkKeys, checkNumber } from "../validate.js";
import { randomStream, streamKey } from "./random.js";
import { peakAt } from "./scene.js";

/** Options of {@link MockPowerMeter}; every field has a default. */
export interface PowerMeterOptions {
  /** Seed of the noise (integer, default 0). */
  seed?: number;
  /** Standard deviation of the additive Gaussian noise, in W (default 2e-6). */
  noise?: number;
}

const OPTION_KEYS = ["seed", "noise"] as const;
/** W per unit of peak area (height x width in nm): a peak of height 1 and width 13 nm reads 1 mW. */
const WATTS_PER_AREA = 1e-3 / 13;
/** Keeps the meter's noise independent of a spectrometer built with the same seed. */
const STREAM_SALT = 0x5bd1e995;

/** The power meter's readings are a pure function of (seed, position). */
export class MockPowerMeter {
  readonly seed: number;
  readonly noise: number;
  /** Units of {@link read}'s result. */
  readonly units = "W";

  /**
   * @param options see {@link PowerMeterOptions}
   * @throws InvalidOptionsError on an unknown key or a value out of range
   */
  constructor(options: PowerMeterOptions = {}) {
    checkKeys(options, OPTION_KEYS, "MockPowerMeter");
    this.seed = checkNumber(options.seed, 0, "seed", { integer: true });
    this.noise = checkNumber(options.noise, 2e-6, "noise", { min: 0 });
  }

  /**
   * Reads the power at `position`.
   * @param position normalised sample coordinates (see `scene.ts`)
   * @returns the power in W
   */
  read(position: readonly number[]): number {
    const { height, width } = peakAt(position);
    const rng = randomStream(streamKey(this.seed ^ STREAM_SALT, position));
    return WATTS_PER_AREA * height * width + this.noise * rng.normal();
  }
}
