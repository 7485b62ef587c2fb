import { Resvg } from "@resvg/resvg-js";
import { describe, expect, it } from "vitest";
import { heatmapSpec, renderHeatmap, type HeatmapInput } from "../src/plot/heatmap.js";
import { expectInvalidOptions } from "./helpers/errors.js";
import { PNG_SIGNATURE, decodePng, distinctColours } from "./helpers/png.js";

function ramp(nx: number, ny: number): HeatmapInput {
  const values = new Float64Array(nx * ny);
  for (let ix = 0; ix < nx; ix++) for (let iy = 0; iy < ny; iy++) values[ix * ny + iy] = Math.sin(ix / 3) + iy / ny;
  return {
    values,
    nx,
    ny,
    x: { label: "x", units: "mm", values: Float64Array.from({ length: nx }, (_, i) => -1 + 0.1 * i) },
    y: { label: "y", units: "µm" },
    colour: { label: "integrated intensity", units: "a.u." },
    title: "ramp heatmap",
  };
}

interface Cell { x0: number; x1: number; y0: number; y1: number; v: number }
function cellsOf(spec: ReturnType<typeof heatmapSpec>): Cell[] {
  return (spec as unknown as { data: { values: Cell[] } }).data.values;
}

describe("heatmapSpec", () => {
  it("draws one cell per value, bounded by midpoints between samples", () => {
    const cells = cellsOf(heatmapSpec(ramp(4, 3)));
    expect(cells).toHaveLength(12);
    const first = cells[0] as Cell;
    expect(first.x0).toBeCloseTo(-1.05, 12);
    expect(first.x1).toBeCloseTo(-0.95, 12);
    expect(first.y0).toBe(-0.5);
    expect(first.y1).toBe(0.5);
    expect(first.v).toBe(0);
    // values[ix * ny + iy]: the cell for ix = 2, iy = 1
    expect(cells[2 * 3 + 1]?.v).toBeCloseTo(Math.sin(2 / 3) + 1 / 3, 12);
  });

  it("averages blocks when an axis has more than maxCells samples", () => {
    const input = ramp(10, 4);
    const cells = cellsOf(heatmapSpec(input, { maxCells: 5 }));
    expect(cells).toHaveLength(5 * 4);
    const expected = ((input.values[0] as number) + (input.values[4] as number)) / 2;
    expect(cells[0]?.v).toBeCloseTo(expected, 12);
    expect(cells[0]?.x1).toBeCloseTo(-0.85, 12);
  });

  it("leaves non-finite values out", () => {
    const input = ramp(3, 3);
    input.values[4] = Number.NaN;
    expect(cellsOf(heatmapSpec(input))).toHaveLength(8);
  });

  it("rejects mismatched sizes and unknown options", () => {
    const input = ramp(3, 3);
    expectInvalidOptions([
      () => heatmapSpec({ ...input, nx: 4 }),
      () => heatmapSpec({ ...input, x: { label: "x", units: "", values: new Float64Array(2) } }),
      () => heatmapSpec(input, { widht: 3 } as never),
      () => heatmapSpec(input, { maxCells: 0 }),
    ]);
  });
});

describe("renderHeatmap", () => {
  it("gives a parseable SVG with the titles and a colour bar, and a PNG that is not blank", async () => {
    const picture = await renderHeatmap(ramp(20, 15));
    expect(picture.svg.startsWith("<svg")).toBe(true);
    for (const text of ["ramp heatmap", "x (mm)", "y (µm)", "integrated intensity (a.u.)"]) {
      expect(picture.svg).toContain(text);
    }
    expect(picture.svg).toContain("linearGradient"); // the colour bar
    expect(() => new Resvg(picture.svg)).not.toThrow();

    expect(picture.png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    const png = decodePng(picture.png);
    expect([png.width, png.height]).toEqual([picture.width, picture.height]);
    expect(png.width).toBeGreaterThan(400);
    expect(distinctColours(png)).toBeGreaterThan(50);
  });
});
