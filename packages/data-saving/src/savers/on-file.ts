/**
 * `SaverOnFile`: what every saver and loader of this layer holds, the file it works on (an open
 * `H5SaverLowLevel`, or one opened on a path as Python's `init_file(Path(...))` does) and the
 * file's life cycle.
 */
import { InvalidTypeError } from "../errors.js";
import type { EnumInput } from "../conventions/layout.js";
import { H5SaverLowLevel } from "../conventions/h5-saver-lowlevel.js";

/** What the savers accept where Python accepts an `H5SaverLowLevel` or a `Path`. */
export type H5SaverInput = H5SaverLowLevel | string;

/**
 * The saver to work with: the given one, or a new `H5SaverLowLevel` on the file at `path`
 * (opened read-write, created when it does not exist, as Python's `init_file(Path(...))`).
 * @param input an open saver or a file path
 * @param saveType the SaveType of a saver created here (default `'scan'`)
 * @throws InvalidTypeError for anything else
 */
export function resolveH5Saver(input: H5SaverInput, saveType: EnumInput = "scan"): H5SaverLowLevel {
  if (input instanceof H5SaverLowLevel) return input;
  if (typeof input === "string") {
    const h5 = new H5SaverLowLevel({ saveType });
    h5.initFile(input);
    return h5;
  }
  throw new InvalidTypeError("h5saver must be an H5SaverLowLevel or a file path");
}

export abstract class SaverOnFile {
  /** The conventions layer of the open file. */
  readonly h5saver: H5SaverLowLevel;

  /**
   * @param h5saver an open saver or a file path (opened read-write, created if absent)
   * @param saveType SaveType of the file created when `h5saver` is a path
   */
  protected constructor(h5saver: H5SaverInput, saveType: EnumInput = "scan") {
    this.h5saver = resolveH5Saver(h5saver, saveType);
  }

  /** `closeFile()`, the original's other name for it. */
  close(): void {
    this.closeFile();
  }

  /** Closes the underlying file (writes the pending `shape`/`size` attributes first). Idempotent. */
  closeFile(): void {
    this.h5saver.closeFile();
  }

  /** The saver's `[Symbol.dispose]` (see `H5SaverLowLevel`: a close error never hides a first failure). */
  [Symbol.dispose](): void {
    this.h5saver[Symbol.dispose]();
  }
}
