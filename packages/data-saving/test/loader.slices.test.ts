/**
 * SliceRunner (src/loader/slices.ts): the steps of a sliced plan run in the order given, the
 * steps they give included, yielding to the event loop once a slice has run its time, and stop
 * with an AbortError when the signal aborts.
 */
import { describe, expect, it } from "vitest";
import { runNow, SliceRunner } from "../src/loader/slices.js";

/** Keeps the thread busy for `ms` milliseconds. */
function spin(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) { /* busy */ }
}

describe("SliceRunner", () => {
  it("runs the steps in the order given, those given by a step after the ones already queued", async () => {
    const runner = new SliceRunner();
    const order: string[] = [];
    runner.later(() => {
      order.push("a");
      runner.later(() => order.push("a.1"));
    });
    runner.later(() => order.push("b"));
    expect(order).toEqual([]);
    await runner.run();
    expect(order).toEqual(["a", "b", "a.1"]);
    const now: string[] = [];
    runNow(() => now.push("at once"));
    expect(now).toEqual(["at once"]);
  });

  it("yields to the event loop between a step that ran past the slice and the next", async () => {
    const runner = new SliceRunner();
    let turned = false;
    let seenByNext: boolean | null = null;
    runner.later(() => {
      setImmediate(() => { turned = true; });
      spin(5);
    });
    runner.later(() => { seenByNext = turned; });
    await runner.run();
    expect(seenByNext).toBe(true);
  });

  it("stops between steps with an AbortError when the signal aborts", async () => {
    const runner = new SliceRunner();
    const controller = new AbortController();
    let ran = 0;
    runner.later(() => {
      ran++;
      controller.abort(new Error("stop"));
    });
    runner.later(() => { ran++; });
    await expect(runner.run(controller.signal)).rejects.toMatchObject({ name: "AbortError", cause: new Error("stop") });
    expect(ran).toBe(1);
  });
});
