/**
 * SliceRunner (src/loader/slices.ts): the steps of a sliced plan run in the order runNow runs
 * them (the steps a step gives right after it), yielding to the event loop once a slice has run
 * its time, and stop with an AbortError when the signal aborts.
 */
import { describe, expect, it } from "vitest";
import { runNow, SliceRunner } from "../src/loader/slices.js";

/** Keeps the thread busy for `ms` milliseconds. */
function spin(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) { /* busy */ }
}

describe("SliceRunner", () => {
  it("runs the steps in the order runNow runs them: those a step gives right after it, in their order", async () => {
    // A tree walked as the loads walk one: a step per group, giving a step per child.
    const walk = (later: (step: () => void) => void, order: string[]) => {
      const visit = (name: string, children: Record<string, object>): void => {
        order.push(name);
        for (const [child, grandChildren] of Object.entries(children)) later(() => visit(`${name}/${child}`, grandChildren as Record<string, object>));
      };
      later(() => visit("r", { a: { x: {}, y: { z: {} } }, b: {}, c: { w: {} } }));
    };
    const runner = new SliceRunner();
    const sliced: string[] = [];
    walk(runner.later, sliced);
    expect(sliced).toEqual([]);
    await runner.run();
    const now: string[] = [];
    walk(runNow, now);
    expect(sliced).toEqual(["r", "r/a", "r/a/x", "r/a/y", "r/a/y/z", "r/b", "r/c", "r/c/w"]);
    expect(sliced).toEqual(now);
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
