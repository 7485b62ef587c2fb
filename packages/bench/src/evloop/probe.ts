/**
 * What a phase of the event-loop benchmark measures on the main thread: the event-loop delay
 * (`perf_hooks.monitorEventLoopDelay`, resolution 1 ms), the longest gap between the ticks of a
 * 1 ms interval timer (a UI's timers, cross-checking the histogram), the main thread's busy time
 * (event-loop utilization), its CPU time and its time waiting for a core (scheduler counters, on
 * Linux), the wall time, and the process's peak RSS (worker threads included).
 */
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { BlockRecorder, mainThreadSchedule, type BlockCause } from "./blocks.js";

export interface PhaseMeasure {
  evloop_max_ms: number;
  evloop_p99_ms: number;
  wall_s: number;
  peak_rss_mb: number;
  /** Longest gap between two ticks of the 1 ms ticker. */
  ticker_max_gap_ms: number;
  /** Seconds the main thread was running JavaScript or native calls (event-loop utilization, active). */
  main_busy_s: number;
  /** CPU seconds of the whole process (every thread, user and system) during the work. */
  cpu_s: number;
  /**
   * CPU seconds of the main thread, and seconds it was ready to run but waited for a core (the
   * process's other threads and the machine's other load); absent where the kernel does not tell.
   */
  main_cpu_s?: number;
  main_runqueue_s?: number;
  /** With `diagnose`: the longest gaps of the ticker, split into run, wait, sleep and GC (blocks.ts). */
  blocks?: BlockCause[];
}

/**
 * Runs `work` under the probes.
 * @param diagnose also records what the longest gaps were made of (`blocks`); it reads a /proc
 *   file at every tick, which adds to the main thread's work
 */
export async function measure(work: () => Promise<void>, diagnose = false): Promise<PhaseMeasure> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  const recorder = diagnose ? new BlockRecorder() : null;
  let last = performance.now();
  const delays: number[] = [];
  const ticker = setInterval(() => {
    recorder?.tick();
    const now = performance.now();
    delays.push(Math.max(0, now - last - 1));
    last = now;
  }, 1);
  histogram.enable();
  // The histogram's first sample only starts its clock: let it fire before the work begins.
  await new Promise((resolve) => setTimeout(resolve, 20));
  const elu = performance.eventLoopUtilization();
  const cpu = process.cpuUsage();
  const scheduled = mainThreadSchedule();
  const start = performance.now();
  let wall: number;
  let busy: number;
  let cpuSeconds: number;
  let main: { main_cpu_s: number; main_runqueue_s: number } | null = null;
  try {
    await work();
  } finally {
    wall = (performance.now() - start) / 1000;
    busy = performance.eventLoopUtilization(elu).active / 1000;
    const used = process.cpuUsage(cpu);
    cpuSeconds = (used.user + used.system) / 1e6;
    const now = mainThreadSchedule();
    if (scheduled !== null && now !== null) {
      main = { main_cpu_s: (now.ranNs - scheduled.ranNs) / 1e9, main_runqueue_s: (now.waitedNs - scheduled.waitedNs) / 1e9 };
    }
    // A block at the very end is recorded when the probes' timers fire next: let them fire.
    await new Promise((resolve) => setTimeout(resolve, 5));
    histogram.disable();
    clearInterval(ticker);
  }
  // Node's histogram can miss a block that ends the work (its next sample is dropped when it is
  // disabled soon after), which the ticker's delays catch: each figure is the larger of the two.
  const sorted = delays.sort((a, b) => a - b);
  const tickerP99 = sorted.length === 0 ? 0 : sorted[Math.ceil(0.99 * sorted.length) - 1]!;
  return {
    evloop_max_ms: Math.max(histogram.max / 1e6, sorted.at(-1) ?? 0),
    evloop_p99_ms: Math.max(histogram.percentile(99) / 1e6, tickerP99),
    wall_s: wall,
    peak_rss_mb: process.resourceUsage().maxRSS / 1024,
    ticker_max_gap_ms: (sorted.at(-1) ?? 0) + 1,
    main_busy_s: busy,
    cpu_s: cpuSeconds,
    ...main,
    ...(recorder === null ? {} : { blocks: recorder.longest(5, start) }),
  };
}

/** Lets the event loop turn (timers, I/O callbacks) once, as an acquisition loop does between points. */
export function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
