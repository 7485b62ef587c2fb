/**
 * Typed errors of the attribute codec, each with a type guard.
 *
 * Every class carries a literal `kind` tag so that guards work across module copies
 * (an `instanceof` check fails when two builds of the package are loaded).
 */

/** A text that is not in the Python literal subset of spec §2.5 (or exceeds a limit). */
export class PyLiteralError extends Error {
  readonly kind = "PyLiteralError" as const;
  override readonly name = "PyLiteralError";

  /**
   * @param message what was expected
   * @param position 0-based UTF-16 offset in the parsed text where the problem was found
   */
  constructor(
    message: string,
    readonly position: number,
    options?: { cause?: unknown },
  ) {
    super(`${message} (at offset ${position})`, options);
  }
}

/** Bytes that are not one of the accepted pickle forms of a single str (spec §4.4). */
export class PickleFormatError extends Error {
  readonly kind = "PickleFormatError" as const;
  override readonly name = "PickleFormatError";

  /**
   * @param message what was expected
   * @param position 0-based byte offset where the problem was found
   */
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(`${message} (at byte ${position})`);
  }
}

/** A JSON text that Python's `json.loads` would reject. */
export class PyJsonError extends Error {
  readonly kind = "PyJsonError" as const;
  override readonly name = "PyJsonError";

  /**
   * @param message what was expected
   * @param position 0-based UTF-16 offset in the text
   */
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(`${message} (at offset ${position})`);
  }
}

/** A value that has no attribute encoding (for example a PyRepr of an unknown type). */
export class PyEncodeError extends Error {
  readonly kind = "PyEncodeError" as const;
  override readonly name = "PyEncodeError";
}

function hasKind(e: unknown, kind: string): boolean {
  return typeof e === "object" && e !== null && (e as { kind?: unknown }).kind === kind;
}

/** True when `e` is a {@link PyLiteralError}. */
export function isPyLiteralError(e: unknown): e is PyLiteralError {
  return hasKind(e, "PyLiteralError");
}

/** True when `e` is a {@link PickleFormatError}. */
export function isPickleFormatError(e: unknown): e is PickleFormatError {
  return hasKind(e, "PickleFormatError");
}

/** True when `e` is a {@link PyJsonError}. */
export function isPyJsonError(e: unknown): e is PyJsonError {
  return hasKind(e, "PyJsonError");
}

/** True when `e` is a {@link PyEncodeError}. */
export function isPyEncodeError(e: unknown): e is PyEncodeError {
  return hasKind(e, "PyEncodeError");
}

/** An options object with an unknown key or a value of the wrong kind. */
export class CodecOptionError extends Error {
  readonly kind = "CodecOptionError" as const;
  override readonly name = "CodecOptionError";
}

/** True when `e` is a {@link CodecOptionError}. */
export function isCodecOptionError(e: unknown): e is CodecOptionError {
  return hasKind(e, "CodecOptionError");
}
