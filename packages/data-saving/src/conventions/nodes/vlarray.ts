/**
 * VLARRAY (variable-length rows of uint8) and StringARRAY, the VLARRAY whose `subdtype` is
 * `'string'`: the Logger, each row a protocol-4 pickle of a str (file-format.md §4.4, Q4). Strings are
 * never unpickled beyond that single form.
 */
import { readVlenRows } from "../limits.js";
import { PyTuple } from "@pymodaq-ts/data-model";
import type { StorageLayoutInfo, StorageVlen } from "../../storage/types.js";
import { pickleString, unpickleString } from "../../codec/pickle.js";
import { IndexOutOfRangeError, InvalidTypeError } from "../../errors.js";
import { ATTR } from "../layout.js";
import { Node } from "./node.js";
import type { Session } from "./session.js";

export class VLARRAY extends Node {
  readonly nodeClass = "VLARRAY" as const;
  private rows: number;

  constructor(
    session: Session,
    path: string,
    /** The storage handle of this dataset. */
    readonly storage: StorageVlen,
  ) {
    super(session, path, storage.attrs, "VLARRAY");
    this.rows = storage.length();
  }

  /** Element type of the rows: always uint8 here. */
  get dtype(): "uint8" {
    return "uint8";
  }

  /** `[number of rows]`. */
  get shape(): number[] {
    return [this.rows];
  }

  get length(): number {
    return this.rows;
  }

  storageInfo(): StorageLayoutInfo {
    return this.storage.layoutInfo();
  }

  /**
   * Every row as bytes.
   * @throws LimitError when the rows take more than the file's read budget (`H5Backend.maxReadBytes`)
   */
  readRows(): Uint8Array[] {
    this.session.assertOpen();
    return readVlenRows(this.storage, this.path, this.session.maxReadBytes);
  }

  /**
   * Row `i` as bytes; negative `i` counts from the end (Python `array[-1]`).
   * @throws IndexOutOfRangeError outside `[-length, length)`.
   */
  rowAt(i: number): Uint8Array {
    this.session.assertOpen();
    const k = i < 0 ? this.rows + i : i;
    if (!Number.isInteger(k) || k < 0 || k >= this.rows) {
      throw new IndexOutOfRangeError(`${this.path}: row ${i} is outside the ${this.rows} rows`, { path: this.path });
    }
    const [row] = this.storage.read(k, 1);
    return row ?? new Uint8Array(0);
  }

  /**
   * Appends one row of bytes and adds 1 to the in-memory `shape` (written at flush/close).
   * @throws InvalidTypeError when `row` is not a Uint8Array.
   */
  appendRow(row: Uint8Array): void {
    this.session.assertWritable(this.path);
    if (!(row instanceof Uint8Array)) throw new InvalidTypeError(`${this.path}: expected a Uint8Array row`, { path: this.path });
    this.storage.append([row]);
    this.rows += 1;
    this.attrs.setDeferred(ATTR.shape, PyTuple.ofInts([this.rows]));
  }
}

export class StringARRAY extends VLARRAY {
  /** Every row unpickled as a string. @throws PickleFormatError on a row that is not a pickled str. */
  read(): string[] {
    return this.readRows().map((b) => unpickleString(b));
  }

  /** Row `i` unpickled; negative `i` counts from the end. */
  get(i: number): string {
    return unpickleString(this.rowAt(i));
  }

  /** Appends `text` as a protocol-4 pickle of a str. */
  append(text: string): void {
    if (typeof text !== "string") throw new InvalidTypeError(`${this.path}: expected a string to log`, { path: this.path });
    this.appendRow(pickleString(text));
  }

  /** Python `string_to_array`: the pickle bytes of `text`. */
  static stringToArray(text: string): Uint8Array {
    return pickleString(text);
  }

  /** Python `array_to_string`: unpickles one row. */
  static arrayToString(bytes: Uint8Array): string {
    return unpickleString(bytes);
  }
}
