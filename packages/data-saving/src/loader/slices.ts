/**
 * Planning and building a load in slices. The synchronous loads plan every node at once; the
 * asynchronous ones must not hold the main thread that long (the node look-ups and attribute
 * reads of a big file take tens of milliseconds), so their planning is cut into steps (one
 * group's children, one data node), and so is the building of the result (one group), that a
 * `SliceRunner` runs, yielding to the event loop whenever a slice has run its time.
 */
import { abortError } from "../abort-error.js";

/** Where a plan puts the work it can do later: run at once (`runNow`) or by a `SliceRunner`. */
export type Later = (step: () => void) => void;

/** Runs each step when it is given: the synchronous loads. */
export const runNow: Later = (step) => step();

/**
 * Main-thread milliseconds a slice may run before it yields: well under a 60 Hz frame, and short
 * enough that a slice and its longest step stay within a few milliseconds.
 */
const SLICE_MS = 1;

/** Resolves after a turn of the event loop (timers and I/O callbacks run meanwhile). */
export function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Steps run in slices that yield to the event loop, in the order `runNow` would run them: the
 * steps a step gives run right after it, before those given earlier (a depth-first walk, as the
 * synchronous loads walk a tree), so that a load fails on the same node either way.
 */
export class SliceRunner {
  /** The steps to run, the next one last. */
  private readonly stack: (() => void)[] = [];
  /** The steps given since the last one started (or before the run), in the order given. */
  private given: (() => void)[] = [];

  /** The `Later` that queues steps here. */
  readonly later: Later = (step) => {
    this.given.push(step);
  };

  /** Puts the steps just given on top of the stack, the first given to run first. */
  private stackGiven(): void {
    for (let i = this.given.length - 1; i >= 0; i--) this.stack.push(this.given[i]!);
    this.given = [];
  }

  /**
   * Runs every queued step, and those they queue, yielding between slices.
   * @param signal stops between steps (rejects with an AbortError naming `file`)
   * @param file the file loaded, for the error
   */
  async run(signal?: AbortSignal, file = "the file"): Promise<void> {
    let sliceStart = performance.now();
    this.stackGiven();
    while (this.stack.length > 0) {
      if (performance.now() - sliceStart >= SLICE_MS) {
        await yieldToLoop();
        sliceStart = performance.now();
      }
      if (signal?.aborted) throw abortError(signal, `${file}: the load was aborted before its reads started`);
      this.stack.pop()!();
      this.stackGiven();
    }
  }
}
