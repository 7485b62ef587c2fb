/**
 * The machine's floor under the event-loop benchmark: the same probes around work that is none of
 * the library's, in the two situations of the asynchronous phases, so that their delays can be
 * read against what this machine gives with no library code at all:
 *
 * | floor | main thread | another thread of the process | like |
 * |---|---|---|---|
 * | `idle` | waits | none | nothing running |
 * | `thread-busy` | waits | runs without pause | the loads and the stream (a read on the pool) |
 * | `main-and-thread-busy` | runs 0.1 ms steps, yielding between them | runs without pause | the save (points built while the worker writes) |
 */
import { Worker } from "node:worker_threads";
import { measure, yieldToLoop, type PhaseMeasure } from "./probe.js";

export const FLOORS = ["idle", "thread-busy", "main-and-thread-busy"] as const;
export type Floor = (typeof FLOORS)[number];

/** How long each floor is measured: about as long as the phases. */
export const FLOOR_MS = 500;

/** A thread that keeps a core busy until it is terminated. */
async function spinningThread(): Promise<Worker> {
  const worker = new Worker("for (;;) {}", { eval: true });
  await new Promise((resolve, reject) => {
    worker.once("online", resolve);
    worker.once("error", reject);
  });
  return worker;
}

/** Holds the main thread for `ms` milliseconds. */
function run(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

/** Measures one floor (see the table above) with the phases' probes. */
export async function measureFloor(floor: Floor, diagnose = false): Promise<PhaseMeasure> {
  const other = floor === "idle" ? null : await spinningThread();
  try {
    return await measure(async () => {
      if (floor !== "main-and-thread-busy") {
        await new Promise((resolve) => setTimeout(resolve, FLOOR_MS));
        return;
      }
      const end = performance.now() + FLOOR_MS;
      while (performance.now() < end) {
        run(0.1);
        await yieldToLoop();
      }
    }, diagnose);
  } finally {
    await other?.terminate();
  }
}
