import { describe, expect, it } from "vitest";
import { createProgress } from "../src/cli/progress.js";
import { CaptureStream } from "./helpers/streams.js";

describe("createProgress", () => {
  it("draws a bar with count, rate and ETA on a terminal", () => {
    const stream = new CaptureStream(true);
    const bar = createProgress({ total: 5, label: "scan2d", unit: "pts", stream });
    for (let i = 1; i <= 5; i++) bar.update(i);
    bar.stop();
    bar.stop();
    const text = stream.text;
    expect(text).toContain("scan2d");
    expect(text).toContain("100%");
    expect(text).toContain("5/5 pts");
    expect(text).toMatch(/[\d.]+ pts\/s/);
    expect(text).toContain("ETA");
  });

  it("stays silent when the stream is not a terminal", () => {
    const stream = new CaptureStream(false);
    const bar = createProgress({ total: 3, label: "quiet", stream });
    bar.update(1);
    bar.update(3);
    bar.stop();
    expect(stream.chunks).toEqual([]);
  });

  it("ignores updates after stop", () => {
    const stream = new CaptureStream(true);
    const bar = createProgress({ total: 2, label: "x", stream });
    bar.update(1);
    bar.stop();
    const before = stream.text;
    bar.update(2);
    expect(stream.text).toBe(before);
  });
});
