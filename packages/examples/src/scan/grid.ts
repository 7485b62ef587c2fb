/**
 * The simulated scan's grid: NX x NY stage positions in mm, covering the mock sample's features
 * ([-1, 1] mm on both axes, so a stage position in mm is the scene's normalised position).
 *
 * @example
 * const grid = scanGrid({ nx: 64, ny: 64 });
 * grid.position(10, 20);   // [x, y] in mm, what the detectors are asked at point (10, 20)
 */
import { checkKeys, checkNumber } from "../validate.js";

/** Options of {@link scanGrid}. */
export interface ScanGridOptions {
  /** Number of positions along x (integer >= 1). */
  nx: number;
  /** Number of positions along y (integer >= 1). */
  ny: number;
  /** Half the scanned range on each axis, in mm (default 1: the sample's features). */
  halfRange?: number;
}

/** A rectangular grid of positions, scanned row-major (x outer, y inner). */
export interface ScanGrid {
  nx: number;
  ny: number;
  /** The x positions in mm, increasing. */
  xs: Float64Array;
  /** The y positions in mm, increasing. */
  ys: Float64Array;
  /** The [x, y] position of point (ix, iy), in mm. */
  position(ix: number, iy: number): [number, number];
}

const OPTION_KEYS = ["nx", "ny", "halfRange"] as const;

/**
 * Builds the grid of a 2-D scan.
 * @param options see {@link ScanGridOptions}
 * @throws InvalidOptionsError on an unknown key, a non-integer or non-positive size, a bad range
 */
export function scanGrid(options: ScanGridOptions): ScanGrid {
  checkKeys(options, OPTION_KEYS, "scanGrid");
  const nx = checkNumber(options.nx, 0, "nx", { integer: true, min: 1 });
  const ny = checkNumber(options.ny, 0, "ny", { integer: true, min: 1 });
  const half = checkNumber(options.halfRange, 1, "halfRange", { min: Number.MIN_VALUE });
  const xs = linspace(-half, half, nx);
  const ys = linspace(-half, half, ny);
  return {
    nx,
    ny,
    xs,
    ys,
    position: (ix, iy) => [xs[ix] as number, ys[iy] as number],
  };
}

/** `n` evenly spaced values from `start` to `stop` included (the centre alone when n = 1). */
function linspace(start: number, stop: number, n: number): Float64Array {
  if (n === 1) return Float64Array.of((start + stop) / 2);
  const step = (stop - start) / (n - 1);
  return Float64Array.from({ length: n }, (_, i) => start + step * i);
}
