/**
 * A heatmap of a 2-D array (nx x ny) with labelled axes and a colour bar.
 *
 * @example
 * const picture = await renderHeatmap({
 *   values, nx: 64, ny: 48,                               // values[ix * ny + iy]
 *   x: { label: "x", units: "mm", values: xs }, y: { label: "y", units: "mm", values: ys },
 *   colour: { label: "integrated intensity", units: "a.u." },
 * });
 */
import type { TopLevelSpec } from "vega-lite";
import { InvalidOptionsError } from "../errors.js";
import { checkKeys, checkNumber } from "../validate.js";
import { axisTitle, chartFrame, renderVegaLite, type Picture } from "./render.js";

/** An axis of a plot: its title and, optionally, the coordinate of each sample. */
export interface PlotAxis {
  label: string;
  units: string;
  /** One coordinate per sample, monotonic; default: the sample indexes 0, 1, 2, ... */
  values?: Float64Array;
}

/** What a heatmap shows. */
export interface HeatmapInput {
  /** nx * ny values in row-major order: `values[ix * ny + iy]`. Non-finite values are left blank. */
  values: Float64Array;
  nx: number;
  ny: number;
  /** The axis of the first dimension (horizontal). */
  x: PlotAxis;
  /** The axis of the second dimension (vertical). */
  y: PlotAxis;
  /** What the colour shows (the colour bar's title). */
  colour: { label: string; units: string };
  title?: string;
}

/** Options of {@link heatmapSpec} and {@link renderHeatmap}. */
export interface HeatmapOptions {
  /** Plot area size in SVG units (default 420 x 420). */
  width?: number;
  height?: number;
  /**
   * Most cells drawn along each axis (default 128). Larger arrays are shown as block averages, which
   * keeps the SVG small (one rectangle per cell).
   */
  maxCells?: number;
}

const OPTION_KEYS = ["width", "height", "maxCells"] as const;

interface Cell {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  v: number;
}

/**
 * Builds the Vega-Lite specification of a heatmap.
 * @param input see {@link HeatmapInput}
 * @param options see {@link HeatmapOptions}
 * @throws InvalidOptionsError when the sizes disagree or an option is unknown or out of range
 */
export function heatmapSpec(input: HeatmapInput, options: HeatmapOptions = {}): TopLevelSpec {
  checkKeys(options, OPTION_KEYS, "heatmap");
  const width = checkNumber(options.width, 420, "width", { min: 10 });
  const height = checkNumber(options.height, 420, "height", { min: 10 });
  const maxCells = checkNumber(options.maxCells, 128, "maxCells", { integer: true, min: 1 });
  const { values, nx, ny } = input;
  checkNumber(nx, 0, "nx", { integer: true, min: 1 });
  checkNumber(ny, 0, "ny", { integer: true, min: 1 });
  if (values.length !== nx * ny) {
    throw new InvalidOptionsError(`heatmap: ${values.length} values for nx x ny = ${nx} x ${ny}`);
  }
  const xEdges = cellEdges(input.x, nx, "x");
  const yEdges = cellEdges(input.y, ny, "y");
  const cells = blockCells(values, nx, ny, xEdges, yEdges, maxCells);
  return {
    ...chartFrame({ title: input.title, width, height, rows: cells }),
    mark: { type: "rect" },
    encoding: {
      x: { field: "x0", type: "quantitative", title: axisTitle(input.x.label, input.x.units), scale: { zero: false, nice: false } },
      x2: { field: "x1" },
      y: { field: "y0", type: "quantitative", title: axisTitle(input.y.label, input.y.units), scale: { zero: false, nice: false } },
      y2: { field: "y1" },
      color: {
        field: "v",
        type: "quantitative",
        title: axisTitle(input.colour.label, input.colour.units),
        scale: { scheme: "viridis" },
        legend: { gradientLength: Math.max(60, height - 40), titleLimit: 260 },
      },
    },
    config: { axis: { grid: false }, view: { stroke: null } },
  };
}

/**
 * Renders a heatmap to SVG and PNG.
 * @param input see {@link HeatmapInput}
 * @param options see {@link HeatmapOptions}
 * @throws InvalidOptionsError as {@link heatmapSpec}
 */
export async function renderHeatmap(input: HeatmapInput, options: HeatmapOptions = {}): Promise<Picture> {
  return renderVegaLite(heatmapSpec(input, options), { crispEdges: true });
}

/** The n + 1 cell boundaries around n sample coordinates: midpoints, extended half a step at each end. */
function cellEdges(axis: PlotAxis, n: number, name: string): Float64Array {
  const coords = axis.values ?? Float64Array.from({ length: n }, (_, i) => i);
  if (coords.length !== n) {
    throw new InvalidOptionsError(`heatmap: axis ${name} has ${coords.length} values for ${n} samples`);
  }
  const at = (i: number): number => coords[i] as number;
  const edges = new Float64Array(n + 1);
  if (n === 1) {
    edges[0] = at(0) - 0.5;
    edges[1] = at(0) + 0.5;
    return edges;
  }
  edges[0] = at(0) - (at(1) - at(0)) / 2;
  for (let i = 1; i < n; i++) edges[i] = (at(i - 1) + at(i)) / 2;
  edges[n] = at(n - 1) + (at(n - 1) - at(n - 2)) / 2;
  return edges;
}

/** Groups cells into blocks of at most `maxCells` per axis, each the mean of its finite values. */
function blockCells(
  values: Float64Array,
  nx: number,
  ny: number,
  xEdges: Float64Array,
  yEdges: Float64Array,
  maxCells: number,
): Cell[] {
  const fx = Math.ceil(nx / maxCells);
  const fy = Math.ceil(ny / maxCells);
  const cells: Cell[] = [];
  for (let bx = 0; bx < nx; bx += fx) {
    const ex = Math.min(bx + fx, nx);
    for (let by = 0; by < ny; by += fy) {
      const ey = Math.min(by + fy, ny);
      let sum = 0;
      let count = 0;
      for (let ix = bx; ix < ex; ix++) {
        for (let iy = by; iy < ey; iy++) {
          const v = values[ix * ny + iy] as number;
          if (Number.isFinite(v)) {
            sum += v;
            count++;
          }
        }
      }
      if (count === 0) continue;
      cells.push({
        x0: xEdges[bx] as number,
        x1: xEdges[ex] as number,
        y0: yEdges[by] as number,
        y1: yEdges[ey] as number,
        v: sum / count,
      });
    }
  }
  return cells;
}
