/**
 * Renders a Vega-Lite specification headlessly: Vega-Lite compiles it to Vega, Vega's `View.toSVG()`
 * draws it with the `none` renderer (no canvas needed), and resvg rasterises the SVG to PNG.
 *
 * @example
 * const picture = await renderVegaLite(spec);
 * await writePicture(picture, "/tmp/out/heatmap");   // heatmap.svg and heatmap.png
 */
import { writeFile } from "node:fs/promises";
import { Resvg } from "@resvg/resvg-js";
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { checkKeys, checkNumber } from "../validate.js";

/** A rendered chart, as SVG text and as a PNG image. */
export interface Picture {
  /** The SVG document. */
  svg: string;
  /** The PNG file bytes (starts with the PNG signature). */
  png: Buffer;
  /** Size of the PNG, in pixels. */
  width: number;
  height: number;
  /** The PNG's pixels, RGBA, row-major (what was encoded into `png`). */
  pixels: Buffer;
}

/**
 * Sans-serif families tried in order for the PNG; the first installed one draws the text. Vega writes
 * `font-family="sans-serif"`, and resvg otherwise takes whatever font it finds first.
 * Without any system font, the PNG still renders, without text.
 */
const SANS_SERIF = "DejaVu Sans";

/** Options of {@link renderVegaLite}. */
export interface RenderOptions {
  /** PNG pixels per SVG unit (default 2, for a sharp picture). */
  scale?: number;
  /**
   * Rasterise shapes without anti-aliasing (default false). A heatmap needs it: anti-aliased edges of
   * adjacent cells leave faint seams between them.
   */
  crispEdges?: boolean;
}

const RENDER_KEYS = ["scale", "crispEdges"] as const;

/**
 * Renders a Vega-Lite specification to SVG and PNG.
 * @param spec a complete Vega-Lite specification with inline data
 * @param options see {@link RenderOptions}
 * @throws InvalidOptionsError on a bad option; Error from Vega-Lite or Vega when the specification is
 * invalid
 */
export async function renderVegaLite(spec: TopLevelSpec, options: RenderOptions = {}): Promise<Picture> {
  checkKeys(options, RENDER_KEYS, "renderVegaLite");
  const scale = checkNumber(options.scale, 2, "scale", { min: 0.1, max: 10 });
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: "none" });
  let svg: string;
  try {
    svg = await view.toSVG();
  } finally {
    view.finalize();
  }
  const image = new Resvg(svg, {
    background: "white",
    shapeRendering: options.crispEdges === true ? 1 : 2,
    fitTo: { mode: "zoom", value: scale },
    font: { loadSystemFonts: true, defaultFontFamily: SANS_SERIF, sansSerifFamily: SANS_SERIF },
    logLevel: "off",
  }).render();
  return { svg, png: image.asPng(), width: image.width, height: image.height, pixels: image.pixels };
}

/**
 * Writes `picture` as `<basePath>.svg` and `<basePath>.png`.
 * @param picture from {@link renderVegaLite} or a plot function
 * @param basePath the path without extension; its directory must exist
 * @returns the two paths written
 * @throws the file system's error when a file cannot be written
 */
export async function writePicture(picture: Picture, basePath: string): Promise<{ svg: string; png: string }> {
  const paths = { svg: `${basePath}.svg`, png: `${basePath}.png` };
  await writeFile(paths.svg, picture.svg, "utf8");
  await writeFile(paths.png, picture.png);
  return paths;
}

/**
 * The parts every chart of this package shares: schema, title, plot size, white background, inline rows.
 * @param frame title (optional), plot area size in SVG units, and the data rows
 */
export function chartFrame(frame: { title: string | undefined; width: number; height: number; rows: object[] }) {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    ...(frame.title !== undefined ? { title: frame.title } : {}),
    width: frame.width,
    height: frame.height,
    background: "white",
    data: { values: frame.rows },
  } as const;
}

/**
 * Formats an axis or legend title as `label (units)`, or the label alone when units are empty.
 * @param label the quantity's name
 * @param units its units, possibly empty
 */
export function axisTitle(label: string, units: string): string {
  return units === "" ? label : `${label} (${units})`;
}
