/**
 * Where the main thread's long event-loop blocks come from (`--blocks`): for each gap of the 1 ms
 * ticker longer than a threshold, how much of it the main thread spent running (its CPU time),
 * waiting for a core (the kernel's run-queue wait, `/proc/thread-self/schedstat`), and in V8's
 * garbage collector (`PerformanceObserver` "gc" entries inside the gap). A block with little
 * CPU time and a long run-queue wait is the machine's load, not the program's work.
 */
import { readFileSync } from "node:fs";
import { PerformanceObserver, constants, type PerformanceEntry } from "node:perf_hooks";

/** One gap of the ticker longer than the threshold. */
export interface Block {
  /** Milliseconds from the start of the measured work to the start of the gap. */
  at_ms: number;
  gap_ms: number;
  /** Main-thread CPU time in the gap (null where the kernel gives no schedstat). */
  cpu_ms: number | null;
  /** Time the main thread was ready but waiting for a core. */
  runqueue_ms: number | null;
  /** Garbage collection on the main thread inside the gap, and its kinds. */
  gc_ms: number;
  gc: string[];
}

const GC_KINDS: Readonly<Record<number, string>> = {
  [constants.NODE_PERFORMANCE_GC_MAJOR]: "major",
  [constants.NODE_PERFORMANCE_GC_MINOR]: "minor",
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: "incremental",
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: "weakcb",
};

/** A "gc" entry: its kind is in `detail`. */
type GcEntry = PerformanceEntry & { detail?: { kind?: number } };

/** The main thread's CPU and run-queue times (ms), or null off Linux. */
function schedstat(): { cpu: number; wait: number } | null {
  try {
    const [cpu, wait] = readFileSync("/proc/thread-self/schedstat", "latin1").split(" ");
    return { cpu: Number(cpu) / 1e6, wait: Number(wait) / 1e6 };
  } catch {
    return null;
  }
}

/** Records the ticks of a ticker and the collections, and attributes the long gaps. */
export class BlockRecorder {
  private readonly gcs: PerformanceEntry[] = [];
  private readonly observer = new PerformanceObserver((list) => this.gcs.push(...list.getEntries()));
  private readonly blocks: (Omit<Block, "gc_ms" | "gc"> & { end: number })[] = [];
  private last: { t: number; stat: { cpu: number; wait: number } | null } | null = null;
  private origin = 0;

  constructor(private readonly thresholdMs: number) {
    this.observer.observe({ entryTypes: ["gc"] });
  }

  /** The start of the measured work (block times are given from it). */
  start(now: number): void {
    this.origin = now;
  }

  /** One tick of the ticker at `now` (performance.now()). */
  tick(now: number): void {
    const stat = schedstat();
    const last = this.last;
    this.last = { t: now, stat };
    if (last === null || now - last.t - 1 <= this.thresholdMs) return;
    this.blocks.push({
      at_ms: last.t - this.origin,
      end: now,
      gap_ms: now - last.t,
      cpu_ms: stat === null || last.stat === null ? null : stat.cpu - last.stat.cpu,
      runqueue_ms: stat === null || last.stat === null ? null : stat.wait - last.stat.wait,
    });
  }

  /** The blocks, each with the collections that ran inside it. */
  finish(): Block[] {
    this.observer.disconnect();
    return this.blocks.map(({ end, ...b }) => {
      const start = b.at_ms + this.origin;
      const inside = this.gcs.filter((g) => g.startTime < end && g.startTime + g.duration > start);
      const round = (x: number | null): number | null => (x === null ? null : Number(x.toFixed(2)));
      return {
        ...b, at_ms: round(b.at_ms)!, gap_ms: round(b.gap_ms)!, cpu_ms: round(b.cpu_ms), runqueue_ms: round(b.runqueue_ms),
        gc_ms: round(inside.reduce((s, g) => s + g.duration, 0))!,
        gc: inside.map((g) => `${GC_KINDS[(g as GcEntry).detail?.kind ?? -1] ?? "gc"} ${g.duration.toFixed(1)}`),
      };
    });
  }
}
