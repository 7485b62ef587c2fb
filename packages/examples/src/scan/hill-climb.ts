/**
 * The adaptive scan's strategy: a random walk that climbs the measured signal. Each step proposes a
 * point at `step` from the best point so far in a random direction; a better reading moves the walk
 * there, and after `patience` proposals in a row without improvement the step is halved. The walk
 * ends when the step falls below `tolerance` or after `maxPoints` measurements: its length is not
 * known in advance, which is why it is saved with enlargeable arrays.
 *
 * @example
 * for (const p of hillClimb({ start: [-0.8, 0.8], seed: 1 })) p.report(measure(p.position));
 */
import { randomStream, streamKey } from "../mock/random.js";
import { checkKeys, checkNumber } from "../validate.js";

/** Options of {@link hillClimb}. */
export interface HillClimbOptions {
  /** The first point measured. */
  start: readonly [number, number];
  /** Seed of the directions (integer, default 0). */
  seed?: number;
  /** First step length (default 0.3). */
  step?: number;
  /** The walk ends when the step is below this (default 0.005). */
  tolerance?: number;
  /** Unimproving proposals in a row before the step is halved (default 6). */
  patience?: number;
  /** The walk ends after this many measurements (default 500). */
  maxPoints?: number;
  /** Proposals are kept within [-bound, bound] on both axes (default 1). */
  bound?: number;
}

/** One point of the walk: where to measure; call `report` with the reading before asking the next. */
export interface WalkPoint {
  position: [number, number];
  /** The current step length (how fine the walk is). */
  step: number;
  report(value: number): void;
}

const OPTION_KEYS = ["start", "seed", "step", "tolerance", "patience", "maxPoints", "bound"] as const;

/**
 * Generates the walk's points, one at a time.
 * @param options see {@link HillClimbOptions}
 * @throws InvalidOptionsError on an unknown option or a bad value; Error when a point is asked
 *   before the previous one was reported
 */
export function* hillClimb(options: HillClimbOptions): Generator<WalkPoint, void, void> {
  checkKeys(options, OPTION_KEYS, "hillClimb");
  const seed = checkNumber(options.seed, 0, "seed", { integer: true });
  let step = checkNumber(options.step, 0.3, "step", { min: Number.MIN_VALUE });
  const tolerance = checkNumber(options.tolerance, 0.005, "tolerance", { min: Number.MIN_VALUE });
  const patience = checkNumber(options.patience, 6, "patience", { integer: true, min: 1 });
  const maxPoints = checkNumber(options.maxPoints, 500, "maxPoints", { integer: true, min: 1 });
  const bound = checkNumber(options.bound, 1, "bound", { min: Number.MIN_VALUE });
  const rng = randomStream(streamKey(seed, [step, tolerance]));
  let best: [number, number] = [
    checkNumber(options.start[0], 0, "start[0]"),
    checkNumber(options.start[1], 0, "start[1]"),
  ];
  let bestValue = Number.NEGATIVE_INFINITY;
  let misses = 0;
  for (let n = 0; n < maxPoints && step >= tolerance; n++) {
    const angle = 2 * Math.PI * rng.uniform();
    const position: [number, number] =
      n === 0 ? best : [clamp(best[0] + step * Math.cos(angle), bound), clamp(best[1] + step * Math.sin(angle), bound)];
    let reading: number | undefined;
    yield { position, step, report: (v) => void (reading = v) };
    if (reading === undefined) throw new Error("hillClimb: report() the reading of a point before asking the next");
    if (reading > bestValue) {
      best = position;
      bestValue = reading;
      misses = 0;
    } else if (++misses >= patience) {
      step /= 2;
      misses = 0;
    }
  }
}

function clamp(v: number, bound: number): number {
  return Math.min(bound, Math.max(-bound, v));
}
