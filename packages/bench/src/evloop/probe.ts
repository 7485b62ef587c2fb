/**
 * What a phase of the event-loop benchmark measures on the main thread: the event-loop delay
 * (`perf_hooks.monitorEventLoopDelay`, resolution 1 ms), the longest gap between the ticks of a
 * 1 ms interval timer (a UI's timers, cross-checking the histogram), the wall time, and the
 * process's peak RSS (worker threads included).
 */
import { monitorEventLoopDelay, performance } from "node:perf_hooks";

export interface PhaseMeasure {
  evloop_max_ms: number;
  evloop_p99_ms: number;
  wall_s: number;
  peak_rss_mb: number;
  /** Longest gap between two ticks of the 1 ms ticker. */
  ticker_max_gap_ms: number;
}

/** Runs `work` under the probes. */
export async function measure(work: () => Promise<void>): Promise<PhaseMeasure> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  let last = performance.now();
  let maxGap = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    last = now;
  }, 1);
  histogram.enable();
  const start = performance.now();
  let wall: number;
  try {
    await work();
  } finally {
    wall = (performance.now() - start) / 1000;
    // A block at the very end is recorded when the probes' timers fire next: let them fire.
    await new Promise((resolve) => setTimeout(resolve, 5));
    histogram.disable();
    clearInterval(ticker);
  }
  return {
    evloop_max_ms: histogram.max / 1e6,
    evloop_p99_ms: histogram.percentile(99) / 1e6,
    wall_s: wall,
    peak_rss_mb: process.resourceUsage().maxRSS / 1024,
    ticker_max_gap_ms: maxGap,
  };
}

/** Lets the event loop turn (timers, I/O callbacks) once, as an acquisition loop does between points. */
export function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
