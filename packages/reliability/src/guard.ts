/**
 * Reading an untrusted file in a child process: the reference supervisor for `pymodaq-h5 inspect`.
 * libhdf5 1.10.8 crashes (SIGSEGV), loops or allocates without bound on some corrupt files, and
 * nothing in-process can stop that; a supervising parent turns each of these into a typed
 * failure naming the file, within a time and memory limit, and stays alive.
 */
import { runLimited, type ChildLimits } from "./child.js";
import { classify, hasStackTrace, type Outcome } from "./outcome.js";

export interface GuardedResult {
  /** load, typed-error, or untyped-error (a stack trace the child printed itself). */
  outcome: Outcome;
  /** The exit status the supervised command gives: the child's, or 3 when the reader died. */
  exitCode: number;
  /** The child's stderr, or the supervisor's typed report when the reader died. */
  message: string;
  /** What the child did when the supervisor converted it: crash, hang or memory. */
  contained?: Outcome;
}

/** Exit status of a supervised read whose reader crashed, hung or passed its memory limit. */
export const READER_DIED = 3;

/**
 * Runs `pymodaq-h5 inspect FILE --json` in a child under `limits`.
 * @param cli path of the pymodaq-h5 executable (data-saving's dist/cli.js)
 */
export async function guardedInspect(cli: string, file: string, limits: ChildLimits): Promise<GuardedResult> {
  const run = await runLimited(process.execPath, [cli, "inspect", file, "--json"], limits, { stdoutLimit: 0 });
  const outcome = classify(run, (stderr) => !hasStackTrace(stderr));
  if (outcome === "load" || outcome === "typed-error" || outcome === "untyped-error") {
    return { outcome, exitCode: run.status ?? 1, message: run.stderr };
  }
  const why = outcome === "crash" ? `the HDF5 reader crashed (${run.signal})`
    : outcome === "hang" ? `the HDF5 reader did not finish within ${limits.timeoutMs} ms`
      : `the HDF5 reader passed ${limits.memoryMb} MiB of memory`;
  return { outcome: "typed-error", exitCode: READER_DIED, message: `pymodaq-h5: cannot read ${file}: ${why}: the file is corrupt or hostile\n`, contained: outcome };
}
