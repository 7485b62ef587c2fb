// The floors of the event-loop benchmark are the situations they name: nothing running, another
// thread of the process running while the main thread waits, and both running.
import { describe, expect, it } from "vitest";
import { FLOOR_MS, measureFloor } from "../src/evloop/floor.js";
import type { PhaseMeasure } from "../src/evloop/probe.js";

const seconds = FLOOR_MS / 1000;

/** CPU seconds of the process's threads other than the main one (the scheduler's counters, Linux). */
const others = (m: PhaseMeasure): number => m.cpu_s - m.main_cpu_s!;

const linux = process.platform === "linux";

describe("event-loop floors", () => {
  it("idle: the main thread waits and nothing else runs", async () => {
    const m = await measureFloor("idle");
    expect(m.wall_s).toBeGreaterThanOrEqual(seconds * 0.98);
    expect(m.main_busy_s).toBeLessThan(0.2 * seconds);
    if (linux) expect(others(m)).toBeLessThan(0.1 * seconds);
  });

  it("thread-busy: another thread runs the whole time while the main thread waits", async () => {
    const m = await measureFloor("thread-busy");
    expect(m.main_busy_s).toBeLessThan(0.2 * seconds);
    // A good share of a core, whatever else the machine runs (tests of other files, the host's load).
    if (linux) expect(others(m)).toBeGreaterThanOrEqual(0.25 * seconds);
  });

  it("main-and-thread-busy: the main thread runs short steps while another thread runs", async () => {
    const m = await measureFloor("main-and-thread-busy");
    expect(m.main_busy_s).toBeGreaterThanOrEqual(0.8 * seconds);
    if (linux) expect(others(m)).toBeGreaterThanOrEqual(0.25 * seconds);
    // It yielded between steps: the loop's delay stays below the floor's length, which a main
    // thread running the floor in one step would reach (a loaded machine delays it by 100 ms and more).
    expect(m.evloop_max_ms).toBeLessThan(0.8 * FLOOR_MS);
  });
});
