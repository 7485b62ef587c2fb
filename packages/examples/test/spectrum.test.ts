import { Resvg } from "@resvg/resvg-js";
import { describe, expect, it } from "vitest";
import { renderSpectrum, spectrumSpec, type SpectrumInput } from "../src/plot/spectrum.js";
import { expectInvalidOptions } from "./helpers/errors.js";
import { PNG_SIGNATURE, decodePng, distinctColours } from "./helpers/png.js";

function twoChannels(n: number): SpectrumInput {
  const x = Float64Array.from({ length: n }, (_, i) => 400 + 0.5 * i);
  const peak = (c: number) => Float64Array.from(x, (w) => Math.exp(-(((w - c) / 10) ** 2)));
  return {
    x: { label: "wavelength", units: "nm", values: x },
    y: { label: "intensity", units: "a.u." },
    channels: [{ label: "ch0", values: peak(450) }, { label: "ch1", values: peak(480) }],
    title: "two peaks",
  };
}

type Row = { x: number; value: number | null; channel: string };
const rowsOf = (spec: ReturnType<typeof spectrumSpec>) => (spec as unknown as { data: { values: Row[] } }).data.values;

describe("spectrumSpec", () => {
  it("has one row per channel and sample, in channel order", () => {
    const rows = rowsOf(spectrumSpec(twoChannels(100)));
    expect(rows).toHaveLength(200);
    expect(rows[0]).toEqual({ x: 400, value: Math.exp(-25), channel: "ch0" });
    expect(rows[100]?.channel).toBe("ch1");
  });

  it("numbers the samples when x has no values, and maps non-finite values to gaps", () => {
    const input = twoChannels(5);
    input.channels[0]!.values[2] = Number.POSITIVE_INFINITY;
    const rows = rowsOf(spectrumSpec({ ...input, x: { label: "pixel", units: "" } }));
    expect(rows.slice(0, 5).map((r) => r.x)).toEqual([0, 1, 2, 3, 4]);
    expect(rows[2]?.value).toBeNull();
  });

  it("rejects no channel, mismatched lengths and unknown options", () => {
    const input = twoChannels(10);
    expectInvalidOptions([
      () => spectrumSpec({ ...input, channels: [] }),
      () => spectrumSpec({ ...input, channels: [...input.channels, { label: "short", values: new Float64Array(3) }] }),
      () => spectrumSpec(input, { colour: "red" } as never),
    ]);
  });
});

describe("renderSpectrum", () => {
  it("gives a parseable SVG with axis titles and a legend, and a PNG that is not blank", async () => {
    const picture = await renderSpectrum(twoChannels(1024));
    expect(picture.svg.startsWith("<svg")).toBe(true);
    for (const text of ["two peaks", "wavelength (nm)", "intensity (a.u.)", "ch0", "ch1"]) {
      expect(picture.svg).toContain(text);
    }
    expect(() => new Resvg(picture.svg)).not.toThrow();
    expect(picture.png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    const png = decodePng(picture.png);
    expect(png.width).toBe(picture.width);
    expect(distinctColours(png)).toBeGreaterThan(10);
  });
});
