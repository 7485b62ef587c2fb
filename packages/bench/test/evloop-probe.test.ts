// The event-loop probe sees a block of the main thread for what it is: a delay of the loop, time
// the main thread ran, and (with diagnose) a gap it attributes to running.
import { describe, expect, it } from "vitest";
import { measure } from "../src/evloop/probe.js";

/** Holds the main thread for `ms` milliseconds, as a synchronous call does. */
function block(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

const linux = process.platform === "linux";

describe("event-loop probe", () => {
  it("measures a 40 ms block of the main thread: the loop's delay, the main thread's CPU, the wall", async () => {
    const m = await measure(async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      block(40);
      await new Promise((resolve) => setTimeout(resolve, 5));
    });
    expect(m.evloop_max_ms).toBeGreaterThanOrEqual(35);
    expect(m.wall_s).toBeGreaterThanOrEqual(0.045);
    expect(m.main_busy_s).toBeGreaterThanOrEqual(0.035);
    if (linux) {
      // What the thread ran plus what it waited for a core covers most of the block: the kernel's
      // counters leave out the time the host takes the virtual CPU away (steal time), which on a
      // shared host reached a third of such a block.
      expect(m.main_cpu_s! + m.main_runqueue_s!).toBeGreaterThanOrEqual(0.02);
      expect(m.main_cpu_s!).toBeLessThanOrEqual(m.cpu_s + 0.01);
    }
  });

  it("with diagnose, names the block as the longest gap, made of running and waiting for a core", async () => {
    const m = await measure(async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      block(40);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }, true);
    if (!linux) return;
    const [longest] = m.blocks!;
    expect(longest!.gap_ms).toBeGreaterThanOrEqual(35);
    // Mostly running and waiting for a core; the host's steal time shows as slept (see above).
    expect(longest!.ran_ms + longest!.waited_ms).toBeGreaterThanOrEqual(20);
    expect(longest!.ran_ms + longest!.waited_ms).toBeGreaterThan(longest!.slept_ms);
  });
});
