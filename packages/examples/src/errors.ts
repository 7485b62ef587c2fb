/**
 * Typed errors of the examples package. Each class carries a literal `kind` tag and has a guard, so
 * callers can tell a user's mistake (print usage, exit 2) from a failure (exit 1).
 */

/** A command line that cannot be run: unknown example, unknown flag, bad flag value. */
export class UsageError extends Error {
  readonly kind = "UsageError" as const;
  /** The example whose flags were wrong, when known, so the message can point at its `--help`. */
  readonly example: string | undefined;

  constructor(message: string, options: { example?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = "UsageError";
    this.example = options.example;
  }
}

/** True when `e` is a {@link UsageError}. */
export function isUsageError(e: unknown): e is UsageError {
  return e instanceof UsageError || (e instanceof Error && (e as { kind?: unknown }).kind === "UsageError");
}

/** An options object given to a function of this package holds an unknown key or a bad value. */
export class InvalidOptionsError extends Error {
  readonly kind = "InvalidOptionsError" as const;

  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = "InvalidOptionsError";
  }
}

/** True when `e` is an {@link InvalidOptionsError}. */
export function isInvalidOptionsError(e: unknown): e is InvalidOptionsError {
  return (
    e instanceof InvalidOptionsError ||
    (e instanceof Error && (e as { kind?: unknown }).kind === "InvalidOptionsError")
  );
}
