/**
 * A plot of any loaded DataWithAxes whose arrays have one or two dimensions longer than 1: a line
 * per channel over the axis of the long dimension, or a heatmap of the first channel over the two.
 *
 * @example
 * const picture = await renderDataPlot(loader.loadData("/RawData/Detector000/Data1D/CH00/Data00"));
 * await writePicture(picture, "/tmp/out/Data00");
 */
import type { DataWithAxes } from "@pymodaq-ts/data-model";
import { InvalidOptionsError } from "../errors.js";
import { renderHeatmap, type PlotAxis } from "./heatmap.js";
import type { Picture } from "./render.js";
import { renderSpectrum } from "./spectrum.js";

/**
 * Renders `dwa` as a line plot (one long dimension) or a heatmap (two).
 * @param dwa loaded data
 * @param title the chart title (default: the data's name)
 * @throws InvalidOptionsError when the data has no dimension longer than 1, or more than two
 */
export async function renderDataPlot(dwa: DataWithAxes, title = dwa.name): Promise<Picture> {
  const dims = dwa.shape.map((n, i) => ({ n, i })).filter((d) => d.n > 1);
  const channels = dwa.data.map((array, c) => ({
    label: dwa.labels[c] ?? `CH${c}`,
    values: Float64Array.from(array.data as ArrayLike<number | bigint>, Number),
  }));
  const first = channels[0];
  if (first === undefined) throw new InvalidOptionsError(`${dwa.name}: no data to plot`);
  const valueAxis = { label: dwa.labels.length === 1 ? (dwa.labels[0] ?? "value") : "value", units: dwa.units };
  if (dims.length === 1) {
    const d = dims[0] as { n: number; i: number };
    return renderSpectrum({ x: plotAxis(dwa, d.i, d.n), y: valueAxis, channels, title });
  }
  if (dims.length === 2) {
    const [a, b] = dims as [{ n: number; i: number }, { n: number; i: number }];
    return renderHeatmap({
      values: first.values, nx: a.n, ny: b.n,
      x: plotAxis(dwa, a.i, a.n), y: plotAxis(dwa, b.i, b.n),
      colour: { label: first.label, units: dwa.units },
      title: dwa.length > 1 ? `${title} (${first.label})` : title,
    });
  }
  throw new InvalidOptionsError(
    `${dwa.name}: shape (${dwa.shape.join(", ")}) has ${dims.length} dimensions longer than 1; only 1 (line) or 2 (heatmap) can be plotted`,
  );
}

/** The plot axis of data dimension `index`: its Axis when it has one of the right length, else sample numbers. */
function plotAxis(dwa: DataWithAxes, index: number, n: number): PlotAxis {
  const axis = dwa.getAxisFromIndex(index)[0];
  if (axis === null || axis === undefined || axis.size !== n) return { label: `index ${index}`, units: "" };
  const values = Float64Array.from(axis.getData().data as ArrayLike<number | bigint>, Number);
  return { label: axis.label || `axis ${index}`, units: axis.units, values };
}
