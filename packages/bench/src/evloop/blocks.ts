/**
 * What the longest event-loop blocks of a run were made of, from the main thread's side (the
 * `--verbose` figures of the event-loop benchmark). At every tick of the probe's 1 ms timer it
 * reads the main thread's scheduler counters (`/proc/self/task/<pid>/schedstat`: nanoseconds run
 * on a CPU, nanoseconds waited in the run queue); V8's garbage collections of the main isolate
 * come from a `gc` PerformanceObserver. A gap between two ticks is then split into the time the
 * thread ran (JavaScript, native calls, GC pauses), the time it was ready but waited for a core
 * (other processes) and the time it slept (not runnable: V8's parallel GC waiting for its helper
 * threads, a lock, a system call waiting for the disk; on a virtual machine also the time the host
 * took the virtual CPU away, which the guest's counters leave out), and the GC pauses inside it are listed.
 */
import { readFileSync } from "node:fs";
import { PerformanceObserver, performance, constants } from "node:perf_hooks";

/** One long gap between two ticks, split by cause. */
export interface BlockCause {
  /** Length of the gap beyond the 1 ms period. */
  gap_ms: number;
  /** When the gap started, from the start of the work. */
  at_ms: number;
  /** Time the main thread ran on a CPU during the gap. */
  ran_ms: number;
  /** Time the main thread was ready but waited for a CPU (the machine's other load). */
  waited_ms: number;
  /** The rest of the gap: the main thread was not runnable (blocked in the kernel or on a lock), or its virtual CPU was not running (steal time). */
  slept_ms: number;
  /** Main-isolate GC pauses that overlap the gap: kind and milliseconds. */
  gc: string[];
}

const GC_KINDS: Readonly<Record<number, string>> = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: "scavenge",
  [constants.NODE_PERFORMANCE_GC_MAJOR]: "mark-compact",
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: "incremental-marking",
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: "weak-callbacks",
};

/** The main thread's scheduler counters: nanoseconds run on a CPU, and waited in the run queue for one. */
export interface Schedule {
  readonly ranNs: number;
  readonly waitedNs: number;
}

const SCHEDSTAT = `/proc/self/task/${process.pid}/schedstat`;

/** The main thread's scheduler counters now; null where the kernel does not give them (not Linux). */
export function mainThreadSchedule(): Schedule | null {
  try {
    const [ran, waited] = readFileSync(SCHEDSTAT, "utf8").split(" ");
    return { ranNs: Number(ran), waitedNs: Number(waited) };
  } catch {
    return null;
  }
}

interface Tick extends Schedule {
  readonly t: number;
}

interface GcPause {
  readonly start: number;
  readonly end: number;
  readonly kind: string;
}

/** Records ticks and GC pauses while enabled; `longest` attributes the longest gaps. */
export class BlockRecorder {
  private readonly ticks: Tick[] = [];
  private readonly pauses: GcPause[] = [];
  private readonly observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const kind = (e as unknown as { detail?: { kind?: number } }).detail?.kind;
      this.pauses.push({ start: e.startTime, end: e.startTime + e.duration, kind: GC_KINDS[kind ?? -1] ?? `gc-${kind}` });
    }
  });

  constructor() {
    this.observer.observe({ entryTypes: ["gc"] });
  }

  /** Records a tick of the probe's timer: now and the thread's scheduler counters. */
  tick(): void {
    const schedule = mainThreadSchedule();
    if (schedule !== null) this.ticks.push({ t: performance.now(), ...schedule });
  }

  /** The `count` longest gaps between ticks, longest first. */
  longest(count: number, origin: number): BlockCause[] {
    this.observer.disconnect();
    const gaps: BlockCause[] = [];
    for (let i = 1; i < this.ticks.length; i++) {
      const a = this.ticks[i - 1]!;
      const b = this.ticks[i]!;
      const gc = this.pauses
        .filter((p) => p.end > a.t && p.start < b.t)
        .map((p) => `${p.kind} ${(p.end - p.start).toFixed(1)}`);
      const ran = (b.ranNs - a.ranNs) / 1e6;
      const waited = (b.waitedNs - a.waitedNs) / 1e6;
      gaps.push({
        gap_ms: round(b.t - a.t - 1), at_ms: round(a.t - origin), ran_ms: round(ran), waited_ms: round(waited),
        slept_ms: round(Math.max(0, b.t - a.t - ran - waited)), gc,
      });
    }
    return gaps.sort((x, y) => y.gap_ms - x.gap_ms).slice(0, count);
  }
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
