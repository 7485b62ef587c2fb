import { describe, expect, it } from "vitest";
import { StopSignal } from "../src/run/stop-signal.js";

describe("StopSignal", () => {
  it("cuts a sleep short on SIGINT, remembers the first signal, and removes its handlers on dispose", async () => {
    const before = [process.listenerCount("SIGINT"), process.listenerCount("SIGTERM")];
    const stop = new StopSignal();
    expect([process.listenerCount("SIGINT"), process.listenerCount("SIGTERM")]).toEqual([before[0]! + 1, before[1]! + 1]);
    const started = performance.now();
    const sleeping = stop.sleep(20_000);
    setTimeout(() => process.emit("SIGINT"), 20);
    await sleeping;
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(stop.received).toBe("SIGINT");
    process.emit("SIGTERM");
    expect(stop.received).toBe("SIGINT");
    await stop.sleep(20_000); // already stopped: returns at once
    stop.dispose();
    stop.dispose();
    expect([process.listenerCount("SIGINT"), process.listenerCount("SIGTERM")]).toEqual(before);
  });

  it("sleeps the whole time when no signal comes", async () => {
    using stop = new StopSignal();
    const started = performance.now();
    await stop.sleep(60);
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
    expect(stop.received).toBeUndefined();
  });
});
