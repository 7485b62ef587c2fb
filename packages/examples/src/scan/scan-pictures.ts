/**
 * The scan's pictures, computed from the data as loaded back from the file: a heatmap of the
 * integrated spectrum over the scan, and the spectrum (both channels) at the brightest point.
 *
 * @example
 * const spectra = loader.loadData(`${scanPath}/Detector000/Data1D/CH00/Data00`, { loadAll: true });
 * const pictures = await renderScanPictures(spectra, "/tmp/out/scan2d");
 * pictures.heatmap.png;   // "/tmp/out/scan2d_heatmap.png"
 */
import type { Axis, DataWithAxes } from "@pymodaq-ts/data-model";
import { InvalidOptionsError } from "../errors.js";
import { renderHeatmap } from "../plot/heatmap.js";
import { writePicture } from "../plot/render.js";
import { renderSpectrum } from "../plot/spectrum.js";

/** The integrated map and where its maximum is. */
export interface IntegratedMap {
  /** nx * ny values, `values[ix * ny + iy]`: the integral of the first channel over the signal axis. */
  values: Float64Array;
  nx: number;
  ny: number;
  /** Indexes of the largest value. */
  brightest: [number, number];
}

/** The files written by {@link renderScanPictures}. */
export interface ScanPictures {
  heatmap: { svg: string; png: string };
  spectrum: { svg: string; png: string };
  /** The point whose spectrum is shown, and its position on the nav axes. */
  brightest: { indexes: [number, number]; position: [number, number] };
}

/**
 * Integrates the first channel of a (nx, ny | L) scan over its signal axis (rectangle rule, in
 * signal-axis units).
 * @param spectra the loaded scan: two navigation dimensions first, one signal dimension
 * @throws InvalidOptionsError when the data is not shaped (nx, ny, L) with navigation (0, 1)
 */
export function integratedMap(spectra: DataWithAxes): IntegratedMap {
  const [nx, ny, length] = scanShape(spectra);
  const values = new Float64Array(nx * ny);
  const signal = axisValues(spectra, 2, length);
  const step = length > 1 ? Math.abs((signal[1] as number) - (signal[0] as number)) : 1;
  const data = spectra.at(0).data as Float64Array;
  let best = 0;
  for (let p = 0; p < nx * ny; p++) {
    let sum = 0;
    const base = p * length;
    for (let k = 0; k < length; k++) sum += data[base + k] as number;
    values[p] = sum * step;
    if ((values[p] as number) > (values[best] as number)) best = p;
  }
  return { values, nx, ny, brightest: [Math.floor(best / ny), best % ny] };
}

/**
 * Renders the heatmap and the brightest point's spectrum, each as SVG and PNG.
 * @param spectra the loaded scan, shaped (nx, ny | L), with its axes
 * @param basePath files are `<basePath>_heatmap.{svg,png}` and `<basePath>_spectrum.{svg,png}`
 * @throws InvalidOptionsError for a wrongly shaped scan; the file system's errors
 */
export async function renderScanPictures(spectra: DataWithAxes, basePath: string): Promise<ScanPictures> {
  const map = integratedMap(spectra);
  const [nx, ny, length] = scanShape(spectra);
  const [xAxis, yAxis, sigAxis] = [0, 1, 2].map((i) => spectra.getAxisFromIndex(i)[0] ?? null);
  const xs = axisValues(spectra, 0, nx);
  const ys = axisValues(spectra, 1, ny);
  const wavelengths = axisValues(spectra, 2, length);
  const heatmap = await renderHeatmap({
    values: map.values, nx, ny,
    x: { ...axisLabel(xAxis, "x"), values: xs },
    y: { ...axisLabel(yAxis, "y"), values: ys },
    colour: { label: `integrated ${spectra.labels[0] ?? "signal"}`, units: `${spectra.units || "a.u."} x ${sigAxis?.units ?? ""}`.trim() },
    title: `${spectra.name}: integrated over ${sigAxis?.label ?? "the signal axis"}`,
  });
  const [bx, by] = map.brightest;
  const position: [number, number] = [xs[bx] as number, ys[by] as number];
  const p = bx * ny + by;
  const spectrum = await renderSpectrum({
    x: { ...axisLabel(sigAxis, "signal"), values: wavelengths },
    y: { label: "intensity", units: spectra.units || "a.u." },
    channels: spectra.data.map((array, c) => ({
      label: spectra.labels[c] ?? `CH${c}`,
      values: (array.data as Float64Array).subarray(p * length, (p + 1) * length),
    })),
    title: `${spectra.name} at the brightest point (${coordinate(xAxis, "x", position[0])}, ${coordinate(yAxis, "y", position[1])})`,
  });
  return {
    heatmap: await writePicture(heatmap, `${basePath}_heatmap`),
    spectrum: await writePicture(spectrum, `${basePath}_spectrum`),
    brightest: { indexes: [bx, by], position },
  };
}

function scanShape(spectra: DataWithAxes): [number, number, number] {
  const shape = spectra.shape;
  const nav = spectra.navIndexes;
  if (shape.length !== 3 || nav.length !== 2 || nav[0] !== 0 || nav[1] !== 1 || spectra.data[0]?.dtype !== "float64") {
    throw new InvalidOptionsError(
      `scan pictures need float64 data shaped (nx, ny | L), got shape (${shape.join(", ")}) with navigation (${nav.join(", ")})`,
    );
  }
  return shape as [number, number, number];
}

/** The values of the axis of data dimension `index`, or 0..n-1 when the data has no such axis. */
function axisValues(dwa: DataWithAxes, index: number, n: number): Float64Array {
  const axis = dwa.getAxisFromIndex(index)[0];
  if (axis === null || axis === undefined) return Float64Array.from({ length: n }, (_, i) => i);
  return Float64Array.from(axis.getData().data as ArrayLike<number>, Number);
}

function axisLabel(axis: Axis | null | undefined, fallback: string): { label: string; units: string } {
  return { label: axis?.label || fallback, units: axis?.units ?? "" };
}

/** `x = 0.333 mm`: an axis coordinate for a title. */
function coordinate(axis: Axis | null | undefined, fallback: string, value: number): string {
  const { label, units } = axisLabel(axis, fallback);
  return `${label} = ${value.toPrecision(3)}${units === "" ? "" : ` ${units}`}`;
}
