/**
 * Typed errors of the attribute codec, each with a type guard.
 *
 * Every class carries a literal `kind` tag so that guards work across module copies
 * (an `instanceof` check fails when two builds of the package are loaded).
 */

/** An error found at an offset of parsed input; the offset is kept and shown in the message. */
abstract class PositionedError extends Error {
  /**
   * @param message what was expected
   * @param position 0-based offset in the input (UTF-16 units for text, bytes for pickles)
   */
  constructor(
    message: string,
    readonly position: number,
    unit: "offset" | "byte",
  ) {
    super(`${message} (at ${unit} ${position})`);
  }
}

/** A text that is not in the Python literal subset of file-format.md §2.5 (or exceeds a limit). */
export class PyLiteralError extends PositionedError {
  readonly kind = "PyLiteralError" as const;
  override readonly name = "PyLiteralError";

  constructor(message: string, position: number) {
    super(message, position, "offset");
  }
}

/** Bytes that are not one of the accepted pickle forms of a single str (file-format.md §4.4). */
export class PickleFormatError extends PositionedError {
  readonly kind = "PickleFormatError" as const;
  override readonly name = "PickleFormatError";

  constructor(message: string, position: number) {
    super(message, position, "byte");
  }
}

/** A JSON text that Python's `json.loads` would reject. */
export class PyJsonError extends PositionedError {
  readonly kind = "PyJsonError" as const;
  override readonly name = "PyJsonError";

  constructor(message: string, position: number) {
    super(message, position, "offset");
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
