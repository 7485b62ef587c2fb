/**
 * The analysis methods of DataWithAxes that PyMoDAQ users call on loaded data (data-model.md §6.14):
 * transpose, sorting along an axis, cropping by axis values, moments, 1-D linear
 * interpolation and centred Fourier transforms. Each follows pymodaq_data's method of the
 * same name; where the original fails or loses information by accident, the README's table
 * says what happens here instead.
 */
import { Axis, type AxisDataInput } from "./axis.js";
import type { DataWithAxes, DataWithAxesOptions } from "./data-with-axes.js";
import { DataDim } from "./enums.js";
import { DataDimError, ModelIndexError, ModelValueError } from "./errors.js";
import { centredFt, centredIft, ftAxisTime } from "./fourier.js";
import { NDArray } from "./ndarray.js";
import { meanOf, pairwiseSum } from "./ndmath.js";
import { checkOptions } from "./options.js";
import { Slice } from "./slice.js";

/** Builds a calculated DataWithAxes (DataCalculated, handed in by its module). */
export type CalculatedBuilder = (name: string, options: Omit<DataWithAxesOptions, "source">) => DataWithAxes;

/** The axis at data index `index`. @throws ModelIndexError naming `what` when there is none */
function axisAt(d: DataWithAxes, index: number, what: string): Axis {
  const axis = d.getAxisFromIndex(index)[0] ?? null;
  if (axis === null) throw new ModelIndexError(`${what} needs an axis at data index ${index}; ${d.name} has none (createMissingAxes() adds a linear one)`);
  return axis;
}

/**
 * Transposes 2-D data in place: every array (and error array) is transposed and the axes of
 * index 0 and 1 swap. Other data is left as it is.
 */
export function transposeData(d: DataWithAxes): void {
  if (d.dim !== DataDim.Data2D || d.shape.length !== 2) return;
  const errors = d.errors;
  const axes = d.axes.map((axis) => {
    axis.index = axis.index === 1 ? 0 : 1;
    return axis;
  });
  d.data = d.data.map((a) => a.transpose());
  d.axes = axes;
  d.errors = errors === null ? null : errors.map((e) => e.transpose());
}

/** Indexes that sort `values` increasingly, NaN last (as NumPy's argsort); ties keep their order. */
function argsort(values: readonly number[]): number[] {
  return values.map((_, i) => i).sort((i, j) => {
    const a = values[i] as number;
    const b = values[j] as number;
    if (Number.isNaN(a) || Number.isNaN(b)) return Number(Number.isNaN(a)) - Number(Number.isNaN(b));
    return a - b;
  });
}

/**
 * `sort_data(axis_index, spread_index, inplace)`: reorders the data (and errors) along data
 * dimension `axisIndex` so that its axis increases; the axis gets its sorted values. For a
 * spread navigation index the spread axis `spreadIndex` gives the order and every spread
 * axis is reordered with the data. Without an axis at that index nothing changes.
 * @returns `d` (inplace) or a sorted deep copy.
 */
export function sortData(d: DataWithAxes, axisIndex: number, spreadIndex: number, inplace: boolean): DataWithAxes {
  const out = inplace ? d : d.deepcopy();
  const spread = out.navIndexes.includes(axisIndex) && out.distribution.is("spread");
  const key = spread ? out.getAxisFromIndexSpread(axisIndex, spreadIndex) : (out.getAxisFromIndex(axisIndex)[0] ?? null);
  if (key === null) return out;
  const order = argsort(key.getData().toNumbers());
  const moved = spread ? out.getAxisFromIndex(axisIndex).filter((a): a is Axis => a !== null) : [key];
  for (const axis of moved) axis.data = axis.getData().take(0, order);
  out.data.forEach((a, i) => out.setAt(i, a.take(axisIndex, order)));
  if (out.errors !== null) out.errors = out.errors.map((e) => e.take(axisIndex, order));
  return out;
}

/**
 * `crop_at_along(coordinates)`: the k-th `[start, stop]` pair of values crops the k-th signal
 * dimension to the indexes its axis gives for them (`axis.findIndexes`, stop excluded).
 * @throws ModelIndexError when a cropped signal dimension has no axis or there are more
 *   pairs than signal dimensions.
 */
export function cropAtAlong(d: DataWithAxes, coordinates: readonly (readonly [number, number])[]): DataWithAxes {
  const sig = d.sigIndexes;
  if (coordinates.length > sig.length) throw new ModelIndexError(`${coordinates.length} value ranges for ${sig.length} signal dimensions`);
  const slices = coordinates.map(([start, stop], k) => {
    const [i, j] = axisAt(d, sig[k] as number, "crop_at_along").findIndexes([start, stop]) as [number, number];
    return Slice.of(i, j);
  });
  return d.isig.get(...slices);
}

/**
 * `moment()` of 1-D data: for each array y over the axis values x, with dx = mean(diff(x)),
 * the mean `Σxy·dx / Σy·dx` and the standard deviation `sqrt(Σ(x-mean)²y·dx / Σy·dx)`
 * (pymodaq_utils' `my_moment`, NumPy's pairwise sums).
 * @returns `[DataCalculated "mean", DataCalculated "std"]`, one 1-element array per array.
 * @throws DataDimError for data that is not Data1D; ModelIndexError without an axis.
 */
export function moment(d: DataWithAxes, build: CalculatedBuilder): [DataWithAxes, DataWithAxes] {
  if (d.dim !== DataDim.Data1D) throw new DataDimError("the moment method is only valid for 1D data");
  const first = d.axes[0];
  if (first === undefined) throw new ModelIndexError(`moment needs the axis of ${d.name}, which has none (createMissingAxes() adds a linear one)`);
  const x = first.getData().toNumbers();
  const diff = x.slice(1).map((v, i) => v - (x[i] as number));
  const dx = meanOf(diff);
  const sum = (values: number[]): number => pairwiseSum(values, 0, values.length);
  const means: NDArray[] = [];
  const stds: NDArray[] = [];
  for (const array of d.data) {
    const y = array.toNumbers();
    const norm = sum(y) * dx;
    const mean = (sum(x.map((v, i) => v * (y[i] as number))) * dx) / norm;
    const std = Math.sqrt((sum(x.map((v, i) => (v - mean) ** 2 * (y[i] as number))) * dx) / norm);
    means.push(NDArray.from("float64", [1], [mean]));
    stds.push(NDArray.from("float64", [1], [std]));
  }
  return [build("mean", { data: means }), build("std", { data: stds })];
}

/** Options of `interp`: NumPy `interp`'s values outside the axis (default: the end values). */
export interface InterpOptions {
  left?: number;
  right?: number;
}

/** NumPy's `interp(x, xp, fp, left, right)` for one lane of `fp` (xp increasing). */
function interp1(x: number, xp: ArrayLike<number>, fp: (i: number) => number, left: number, right: number): number {
  const n = xp.length;
  if (Number.isNaN(x)) return x;
  if (x > (xp[n - 1] as number)) return right;
  if (x < (xp[0] as number)) return left;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((xp[mid] as number) <= x) lo = mid;
    else hi = mid - 1;
  }
  if (lo === n - 1 || xp[lo] === x) return fp(lo);
  const slope = (fp(lo + 1) - fp(lo)) / ((xp[lo + 1] as number) - (xp[lo] as number));
  let y = slope * (x - (xp[lo] as number)) + fp(lo);
  if (Number.isNaN(y)) {
    y = slope * (x - (xp[lo + 1] as number)) + fp(lo + 1);
    if (Number.isNaN(y) && fp(lo) === fp(lo + 1)) y = fp(lo);
  }
  return y;
}

/**
 * `interp(new_axis)` of 1-D data: each array linearly interpolated (NumPy `interp`) at the
 * values of `newAxis` (an Axis, or its values: an Axis with this axis' label and units is
 * built). The result is a DataCalculated `<name>_interp` with that axis, these labels and units.
 * @throws ModelValueError for data that is not Data1D; ModelIndexError without an axis;
 *   ModelTypeError for an unknown option.
 */
export function interp(d: DataWithAxes, newAxis: Axis | AxisDataInput, options: InterpOptions | undefined, build: CalculatedBuilder): DataWithAxes {
  const o = checkOptions(options, ["left", "right"], "interp");
  if (d.dim !== DataDim.Data1D) throw new ModelValueError("For basic interpolation, only 1D data are supported");
  const axis = axisAt(d, 0, "interp");
  const target = newAxis instanceof Axis ? newAxis : new Axis(axis.label, axis.units, newAxis);
  const xp = axis.getData().toFloat64().data;
  const xs = target.getData().toNumbers();
  const data = d.data.map((array) => {
    const lanes = array.dtype === "complex64" || array.dtype === "complex128" ? 2 : 1;
    const fpOf = lanes === 2 ? array.astype("complex128") : array.toFloat64();
    const out = NDArray.zeros([xs.length], lanes === 2 ? "complex128" : "float64");
    for (let lane = 0; lane < lanes; lane++) {
      const fp = (i: number): number => fpOf.data[i * lanes + lane] as number;
      // A given left/right value is real: its imaginary lane is 0.
      const edge = (given: number | undefined, i: number): number => (given === undefined ? fp(i) : lane === 0 ? given : 0);
      const left = edge(o.left, 0);
      const right = edge(o.right, xp.length - 1);
      xs.forEach((x, k) => {
        out.data[k * lanes + lane] = interp1(x, xp, fp, left, right);
      });
    }
    return out;
  });
  return build(`${d.name}_interp`, { data, axes: [target], labels: [...d.labels], units: d.units });
}

/** Options of `ft` and `ift`. */
export interface FtOptions {
  /** Label of the transformed axis (default `ft(<label>)` / `ift(<label>)`). */
  axisLabel?: string;
  /** Units of the transformed axis, set without conversion (default `rad/<units>`, see README). */
  axisUnits?: string;
  /** New labels of the arrays. */
  labels?: readonly string[];
}

/**
 * `ft(axis)` / `ift(axis)`: the centred (inverse) FFT of every array along data dimension
 * `dim` (`fftshift(fft(fftshift(x)))`), as a calculated deep copy whose axis at `dim` becomes
 * the angular frequency grid of `ftAxis_time(size, |max - min|)`.
 * @throws ModelIndexError for a bad dimension or one without an axis; ModelTypeError for an
 *   unknown option.
 */
export function fourier(d: DataWithAxes, dim: number, inverse: boolean, options: FtOptions | undefined): DataWithAxes {
  const o = checkOptions(options, ["axisLabel", "axisUnits", "labels"], inverse ? "ift" : "ft");
  const source = axisAt(d, dim, inverse ? "ift" : "ft");
  const { omega } = ftAxisTime(source.size, Math.abs(source.max() - source.min()));
  const out = d.deepcopyWithNewData(d.data.map((a) => (inverse ? centredIft(a, dim) : centredFt(a, dim))));
  if (o.labels !== undefined) out.labels = o.labels;
  const axis = axisAt(out, dim, inverse ? "ift" : "ft");
  axis.data = omega;
  axis.label = o.axisLabel ?? `${inverse ? "ift" : "ft"}(${axis.label})`;
  axis.forceUnits(o.axisUnits ?? (inverse ? iftUnits(axis.units) : ftUnits(axis.units)));
  return out;
}

/** `rad/<units>` (`rad` for no units). */
function ftUnits(units: string): string {
  return units === "" ? "rad" : `rad/${units}`;
}

/** The units of `rad/(<units>)`: `rad/s` gives back `s` (pint simplifies so), else `rad/(<units>)`. */
function iftUnits(units: string): string {
  if (units === "") return "rad";
  return units.startsWith("rad/") ? units.slice(4).replace(/^\((.*)\)$/, "$1") : `rad/(${units})`;
}
