/**
 * Leaks and lifetimes: native memory (resident size) and file descriptors over many
 * open/write/close cycles in a child process, measured from a warm-up point on (the first cycles
 * grow the JIT's code and the allocator's arenas once); and files dropped without close(), which
 * the garbage collector must close before they pile up.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { CYCLES } from "./children.js";
import type { Check, ModuleReport, ReliabilityModule } from "./module.js";

export interface Sample {
  done: number;
  rssMb: number;
  fds: number;
  open: number;
}

/** Resident-size growth allowed after warm-up (noise of V8's heap sizing is ~3 MB). */
export const MAX_GROWTH_MB = 8;
/** Dropped files open at once, at most (each holds ~2.5 MB of libhdf5 caches and a descriptor). */
export const MAX_DROPPED_OPEN = 100;

function runCycles(dir: string, mode: "cycles" | "dropped", cycles: number, sample: number, flags: string[]): Sample[] {
  const r = spawnSync(process.execPath, [...flags, CYCLES, dir, mode, String(cycles), String(sample)], { encoding: "utf8", maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`leak workload (${mode}) failed: status ${r.status}, signal ${r.signal}: ${r.stderr}`);
  return r.stdout.trim().split("\n").map((l) => JSON.parse(l) as Sample);
}

/** Growth of RSS and descriptors from the warm-up sample (a tenth of the run, at least 1,000 cycles) to the end. */
export function cycleChecks(samples: readonly Sample[], cycles: number): Check[] {
  const warmAt = Math.min(cycles, Math.max(1000, cycles / 10));
  const warm = samples.find((s) => s.done >= warmAt) ?? samples[0]!;
  const last = samples.at(-1)!;
  const growth = last.rssMb - warm.rssMb;
  return [
    {
      check: `${cycles} open/write/close cycles: resident memory`,
      measured: `${warm.rssMb} MB after ${warm.done} cycles, ${last.rssMb} MB after ${last.done} (${growth >= 0 ? "+" : ""}${growth.toFixed(1)} MB)`,
      ok: growth <= MAX_GROWTH_MB,
    },
    {
      check: `${cycles} open/write/close cycles: file descriptors`,
      measured: `${samples[0]!.fds} at start, ${last.fds} at the end`,
      ok: last.fds === samples[0]!.fds && last.open === 0,
    },
  ];
}

export function droppedChecks(samples: readonly Sample[], files: number): Check[] {
  const most = Math.max(...samples.map((s) => s.open));
  const mostFds = Math.max(...samples.map((s) => s.fds)) - samples[0]!.fds;
  const peak = Math.max(...samples.map((s) => s.rssMb));
  return [{
    check: `${files} files dropped without close: closed by the GC`,
    measured: `at most ${most} open at once (${mostFds} extra descriptors), peak ${peak} MB`,
    ok: most < MAX_DROPPED_OPEN,
  }];
}

export const leakModule: ReliabilityModule<{ cycles: number; dir: string }> = {
  name: "leak",
  async run({ cycles, dir }): Promise<ModuleReport> {
    mkdirSync(dir, { recursive: true });
    const sample = Math.max(100, Math.round(cycles / 20));
    const samples = runCycles(dir, "cycles", cycles, sample, ["--expose-gc"]);
    const dropped = Math.max(500, Math.round(cycles / 5));
    // No --expose-gc: the collector must find dropped files on its own.
    const droppedSamples = runCycles(dir, "dropped", dropped, 50, []);
    return { checks: [...cycleChecks(samples, cycles), ...droppedChecks(droppedSamples, dropped)] };
  },
};
