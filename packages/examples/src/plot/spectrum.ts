/**
 * A line plot of one or more channels over a shared x axis (a spectrum, a time trace).
 *
 * @example
 * const picture = await renderSpectrum({
 *   x: { label: "wavelength", units: "nm", values: wavelengths },
 *   y: { label: "intensity", units: "a.u." },
 *   channels: [{ label: "ch0", values: ch0 }, { label: "ch1", values: ch1 }],
 * });
 */
import type { TopLevelSpec } from "vega-lite";
import { InvalidOptionsError } from "../errors.js";
import { checkKeys, checkNumber } from "../validate.js";
import type { PlotAxis } from "./heatmap.js";
import { axisTitle, chartFrame, renderVegaLite, type Picture } from "./render.js";

/** What a line plot shows. */
export interface SpectrumInput {
  /** The shared horizontal axis; without `values` the samples are numbered 0, 1, 2, ... */
  x: PlotAxis;
  /** The vertical axis title. */
  y: { label: string; units: string };
  /** One line per channel, each with one value per x sample. Non-finite values break the line. */
  channels: ReadonlyArray<{ label: string; values: Float64Array }>;
  title?: string;
}

/** Options of {@link spectrumSpec} and {@link renderSpectrum}. */
export interface SpectrumOptions {
  /** Plot area size in SVG units (default 560 x 320). */
  width?: number;
  height?: number;
}

const OPTION_KEYS = ["width", "height"] as const;

/**
 * Builds the Vega-Lite specification of a line plot.
 * @param input see {@link SpectrumInput}
 * @param options see {@link SpectrumOptions}
 * @throws InvalidOptionsError when there is no channel, lengths disagree, or an option is bad
 */
export function spectrumSpec(input: SpectrumInput, options: SpectrumOptions = {}): TopLevelSpec {
  checkKeys(options, OPTION_KEYS, "spectrum");
  const width = checkNumber(options.width, 560, "width", { min: 10 });
  const height = checkNumber(options.height, 320, "height", { min: 10 });
  const first = input.channels[0];
  if (first === undefined) throw new InvalidOptionsError("spectrum: at least one channel is needed");
  const n = first.values.length;
  const xs = input.x.values ?? Float64Array.from({ length: n }, (_, i) => i);
  const rows: Array<{ x: number; value: number | null; channel: string }> = [];
  for (const channel of input.channels) {
    if (channel.values.length !== n || xs.length !== n) {
      throw new InvalidOptionsError(
        `spectrum: channel '${channel.label}' has ${channel.values.length} values, x has ${xs.length}, expected ${n}`,
      );
    }
    for (let i = 0; i < n; i++) {
      const v = channel.values[i] as number;
      rows.push({ x: xs[i] as number, value: Number.isFinite(v) ? v : null, channel: channel.label });
    }
  }
  return {
    ...chartFrame({ title: input.title, width, height, rows }),
    mark: { type: "line", strokeWidth: 1.5 },
    encoding: {
      x: { field: "x", type: "quantitative", title: axisTitle(input.x.label, input.x.units), scale: { zero: false, nice: false } },
      y: { field: "value", type: "quantitative", title: axisTitle(input.y.label, input.y.units), scale: { zero: false } },
      color: { field: "channel", type: "nominal", title: "channel", sort: input.channels.map((c) => c.label) },
    },
  };
}

/**
 * Renders a line plot to SVG and PNG.
 * @param input see {@link SpectrumInput}
 * @param options see {@link SpectrumOptions}
 * @throws InvalidOptionsError as {@link spectrumSpec}
 */
export async function renderSpectrum(input: SpectrumInput, options: SpectrumOptions = {}): Promise<Picture> {
  return renderVegaLite(spectrumSpec(input, options));
}
