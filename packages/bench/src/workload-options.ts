/**
 * The command line shared by every implementation of the workloads (WORKLOADS.md, "Common
 * rules"): `WORKLOAD [--out DIR] [--file F] [--keep] [--fsync] --nx --ny --L --n --m --frames
 * --rows --cols`, plus `--repeat N`: run the workload N times in one process and report the
 * last run, to separate a fresh process's start-up costs from the steady state. (The C program
 * also takes `--fill-value`, a variant of its own.)
 */
import { parseFlags } from "./cli-flags.js";
import { BenchError } from "./errors.js";

export const WORKLOADS = ["w1", "w2", "w3", "w3all", "w4"] as const;
export type WorkloadName = (typeof WORKLOADS)[number];

/** Problem sizes, defaulting to WORKLOADS.md's. */
export interface WorkloadSizes {
  nx: number;
  ny: number;
  L: number;
  n: number;
  m: number;
  frames: number;
  rows: number;
  cols: number;
}

export const DEFAULT_SIZES: Readonly<WorkloadSizes> = Object.freeze({
  nx: 50,
  ny: 40,
  L: 1024,
  n: 5000,
  m: 256,
  frames: 20,
  rows: 1024,
  cols: 1024,
});

export interface WorkloadOptions extends WorkloadSizes {
  workload: WorkloadName;
  out?: string;
  file?: string;
  keep: boolean;
  fsync: boolean;
  /** Runs in this process; the result line is the last one's (default 1). */
  repeat: number;
}

/** The size flags, for the flag specs of every command that passes sizes on. */
export const SIZE_FLAGS = {
  nx: "int",
  ny: "int",
  L: "int",
  n: "int",
  m: "int",
  frames: "int",
  rows: "int",
  cols: "int",
} as const;

/** The default sizes overridden by the size flags given. */
export function sizesFromFlags(flags: Partial<Record<keyof WorkloadSizes, number>>): WorkloadSizes {
  const sizes = { ...DEFAULT_SIZES };
  for (const k of Object.keys(DEFAULT_SIZES) as (keyof WorkloadSizes)[]) sizes[k] = flags[k] ?? sizes[k];
  return sizes;
}

const SPEC = { out: "string", file: "string", keep: "bool", fsync: "bool", repeat: "int", ...SIZE_FLAGS } as const;

/** Type guard for a workload name (lower case). */
export function isWorkloadName(s: string): s is WorkloadName {
  return (WORKLOADS as readonly string[]).includes(s);
}

/**
 * Parse a workload command line.
 * @param argv the arguments after the program name; the first positional one is the workload
 *   (case-insensitive)
 * @throws BenchError `bad-option` for a missing or unknown workload or a bad flag
 */
export function parseWorkloadArgs(argv: readonly string[]): WorkloadOptions {
  const { flags, positional } = parseFlags(argv, SPEC);
  if (positional.length !== 1) throw new BenchError("bad-option", `expected one WORKLOAD (${WORKLOADS.join("|")})`);
  const workload = positional[0]!.toLowerCase();
  if (!isWorkloadName(workload)) throw new BenchError("bad-option", `unknown workload ${positional[0]}`);
  const opts: WorkloadOptions = {
    ...sizesFromFlags(flags),
    workload,
    keep: flags.keep ?? false,
    fsync: flags.fsync ?? false,
    repeat: flags.repeat ?? 1,
  };
  if (flags.out !== undefined) opts.out = flags.out;
  if (flags.file !== undefined) opts.file = flags.file;
  return opts;
}

/** The size flags that matter to a workload, as command-line arguments. */
export function sizeArgs(workload: WorkloadName, s: WorkloadSizes): string[] {
  const keys: (keyof WorkloadSizes)[] =
    workload === "w2" ? ["n", "m"] : workload === "w4" ? ["frames", "rows", "cols"] : ["nx", "ny", "L"];
  return keys.flatMap((k) => [`--${k}`, String(s[k])]);
}
