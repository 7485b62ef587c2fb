/** Runs an example in-process through the real command line, with captured streams. */
import { readFileSync } from "node:fs";
import { Resvg } from "@resvg/resvg-js";
import { expect } from "vitest";
import { runCli } from "../../src/cli.js";
import { EXAMPLES } from "../../src/examples/index.js";
import { decodePng, distinctColours, PNG_SIGNATURE } from "./png.js";
import { CaptureStream } from "./streams.js";

/** Runs `argv` (example name first) from `cwd`; returns the exit code and what was printed. */
export async function runExample(argv: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new CaptureStream();
  const stderr = new CaptureStream();
  const code = await runCli(argv, { stdout, stderr, env: {}, cwd }, EXAMPLES);
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/**
 * Asserts that an SVG file and a PNG file hold a valid, non-blank picture.
 * @param minColours distinct colours the PNG must have at least (a blank one has 1)
 */
export function expectPictureFiles(svgPath: string, pngPath: string, minColours: number): void {
  const svg = readFileSync(svgPath, "utf8");
  expect(svg.startsWith("<svg")).toBe(true);
  expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
  expect(() => new Resvg(svg)).not.toThrow();
  const bytes = readFileSync(pngPath);
  expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  const png = decodePng(bytes);
  expect(png.width).toBeGreaterThan(300);
  expect(png.height).toBeGreaterThan(200);
  expect(distinctColours(png)).toBeGreaterThanOrEqual(minColours);
}
