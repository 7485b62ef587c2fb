/**
 * The supervisor's verdict on a child that read an untrusted file: libhdf5 1.10.8 crashes
 * (SIGSEGV), loops or allocates without bound on some corrupt files, and nothing in-process can
 * stop that; a supervising parent turns each of these into a typed `ReaderDiedError` naming the
 * file, within its time and memory limits, and stays alive.
 */
import { InvalidValueError, ReaderDiedError, type ReaderDeath } from "../../errors.js";
import type { ChildLimits, ChildRun } from "./limited-child.js";

/**
 * The default limits of a supervised read: 120 s and 2 GiB resident. A load's own memory budget
 * (512 MiB by default) keeps a sound file's loads well below the memory limit.
 */
export const DEFAULT_READ_LIMITS: Readonly<ChildLimits> = Object.freeze({ timeoutMs: 120_000, memoryMb: 2048 });

/** How the reader died, or null when it ended by itself (whatever its exit status). */
export function readerDeath(run: ChildRun): ReaderDeath | null {
  // V8's heap limit aborts the process (SIGABRT) after this message: a memory blow-up, not a crash.
  if (run.memoryExceeded || /heap out of memory|Reached heap limit/.test(run.stderr)) return "memory";
  if (run.timedOut) return "hang";
  if (run.signal !== null) return "crash";
  return null;
}

/** The typed error for a reader that died reading `file`, or null when it did not. */
export function readerDiedError(file: string, run: ChildRun, limits: ChildLimits): ReaderDiedError | null {
  const death = readerDeath(run);
  if (death === null) return null;
  const detail = death === "crash" ? `the HDF5 reader crashed (${run.signal})`
    : death === "hang" ? `the HDF5 reader did not finish within ${limits.timeoutMs} ms`
      : `the HDF5 reader passed ${limits.memoryMb} MiB of memory`;
  return new ReaderDiedError(file, death, detail, run.signal);
}

/**
 * Checks limits given by a caller (each a positive finite number).
 * @throws InvalidValueError otherwise
 */
export function checkLimits(limits: Partial<ChildLimits>, context: string): ChildLimits {
  const out = { ...DEFAULT_READ_LIMITS };
  for (const key of ["timeoutMs", "memoryMb"] as const) {
    const v = limits[key];
    if (v === undefined) continue;
    if (typeof v !== "number" || !Number.isFinite(v) || v <= 0) {
      throw new InvalidValueError(`${context}: ${key} must be a positive number, got ${String(v)}`);
    }
    out[key] = v;
  }
  return out;
}

/**
 * The URL of one of the package's scripts (`dist/NAME`), beside the bundle this module is in; from
 * the TypeScript sources (the package's own tests, which run after the build), the built one.
 */
export function packageScriptUrl(name: string): URL {
  const here = import.meta.url;
  return here.endsWith(".ts") ? new URL(`../../../dist/${name}`, here) : new URL(`./${name}`, here);
}
