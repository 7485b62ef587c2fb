/**
 * How a child run ended, in the categories the reliability table counts. A typed error is a
 * failure the program reported itself (non-zero exit status and a message naming the file, no
 * stack trace); an untyped error is a JavaScript exception that escaped with its stack trace.
 */
import { readerDeath } from "@pymodaq-ts/data-saving/tools";
import type { ChildRun } from "./child.js";

export const OUTCOMES = ["load", "typed-error", "untyped-error", "crash", "hang", "memory"] as const;
export type Outcome = (typeof OUTCOMES)[number];

export type Tally = Record<Outcome, number>;

export function emptyTally(): Tally {
  return { load: 0, "typed-error": 0, "untyped-error": 0, crash: 0, hang: 0, memory: 0 };
}

/**
 * @param run the child's result
 * @param typed whether a failed run's stderr is a typed error report (depends on the program)
 */
export function classify(run: ChildRun, typed: (stderr: string) => boolean): Outcome {
  const death = readerDeath(run);
  if (death !== null) return death;
  if (run.status === 0) return "load";
  return typed(run.stderr) ? "typed-error" : "untyped-error";
}

/** A JavaScript stack trace in a program's error output. */
export function hasStackTrace(stderr: string): boolean {
  return /\n\s+at .+[:(]/.test(stderr);
}
