/** Typed errors of the benchmark package. */

/** What went wrong, for callers that branch on it. */
export type BenchErrorCode =
  | "bad-option" // a command-line flag or an options object is invalid
  | "bad-result-line" // an implementation did not print exactly one valid JSON result line
  | "command-failed" // a benchmarked process exited with an error
  | "python-missing" // no python3 with h5py was found for the equivalence check
  | "equivalence-error"; // the comparison itself failed (unreadable file, tool crash)

/** An error raised by the benchmark runner, the workloads or the equivalence check. */
export class BenchError extends Error {
  override readonly name = "BenchError";
  readonly code: BenchErrorCode;

  constructor(code: BenchErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** Type guard for {@link BenchError}, optionally of one code. */
export function isBenchError(e: unknown, code?: BenchErrorCode): e is BenchError {
  return e instanceof BenchError && (code === undefined || e.code === code);
}
