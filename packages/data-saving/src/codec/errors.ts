/** Typed errors of the attribute codec, each with a type guard. */
import { guardFor } from "../error-guard.js";
import { DataSavingError, type DataSavingErrorCode } from "../errors.js";

/** An error found at an offset of parsed input; the offset is kept and shown in the message. */
abstract class PositionedError extends DataSavingError {
  /**
   * @param message what was expected
   * @param position 0-based offset in the input (UTF-16 units for text, bytes for pickles)
   */
  constructor(
    code: DataSavingErrorCode,
    message: string,
    readonly position: number,
    unit: "offset" | "byte",
  ) {
    super(code, "ValueError", `${message} (at ${unit} ${position})`);
  }
}

/** A text that is not in the Python literal subset of file-format.md §2.5 (or exceeds a limit). */
export class PyLiteralError extends PositionedError {
  constructor(message: string, position: number) {
    super("PY_LITERAL", message, position, "offset");
    this.name = "PyLiteralError";
  }
}

/** Bytes that are not one of the accepted pickle forms of a single str (file-format.md §4.4). */
export class PickleFormatError extends PositionedError {
  constructor(message: string, position: number) {
    super("PICKLE_FORMAT", message, position, "byte");
    this.name = "PickleFormatError";
  }
}

/** A JSON text that Python's `json.loads` would reject. */
export class PyJsonError extends PositionedError {
  constructor(message: string, position: number) {
    super("PY_JSON", message, position, "offset");
    this.name = "PyJsonError";
  }
}

/** A value that has no attribute encoding (for example a PyRepr of an unknown type). */
export class PyEncodeError extends DataSavingError {
  constructor(message: string) {
    super("PY_ENCODE", "TypeError", message);
    this.name = "PyEncodeError";
  }
}

export const isPyLiteralError = guardFor<PyLiteralError>("PY_LITERAL");
export const isPickleFormatError = guardFor<PickleFormatError>("PICKLE_FORMAT");
export const isPyJsonError = guardFor<PyJsonError>("PY_JSON");
export const isPyEncodeError = guardFor<PyEncodeError>("PY_ENCODE");
