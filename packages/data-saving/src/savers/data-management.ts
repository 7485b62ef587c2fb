/**
 * `DataManagement`: the base of every saver/loader of one DataType (seed `DataManagement`):
 * node naming (`Data03`, `Axis00`...), the next index from the conventions layer's counters
 * (file-format.md §3.1, Q9: the count of nodes of this type in the group's whole subtree, kept in memory,
 * never a walk per write), on the file its `SaverOnFile` base holds.
 *
 * @example
 * const saver = new DataSaverLoader(h5);
 * saver.getLastNodeName("/RawData/Det");   // "Data01" after two arrays, null before
 */
import { DataType } from "@pymodaq-ts/data-model";
import { InvalidValueError } from "../errors.js";
import { arrayNodeName, arrayNodePrefix } from "../conventions/layout.js";
import { parsePythonInt } from "../codec/pyint-parse.js";
import { pyStrRepr } from "../codec/pyrepr.js";
import type { Where } from "../conventions/h5-backend.js";
import type { Node } from "../conventions/nodes/node.js";
import { SaverOnFile, type H5SaverInput } from "./on-file.js";

export abstract class DataManagement extends SaverOnFile {
  /** The DataType of the nodes this object writes and reads. */
  abstract readonly dataType: DataType;
  /** Node names already formatted, by index (formatting is on every append's path). */
  private readonly names: string[] = [];

  protected constructor(h5saver: H5SaverInput) {
    super(h5saver);
  }

  /** `Data03`, `Axis00`...: the DataType value, capitalized, and a 2-digit index. */
  formatNodeName(index: number): string {
    let name = this.names[index];
    if (name === undefined) {
      name = arrayNodeName(this.dataType, index);
      if (Number.isInteger(index) && index >= 0 && index < 4096) this.names[index] = name;
    }
    return name;
  }

  /** Index of the next node of this type in `where` (count over its whole subtree, Q9). */
  protected nextIndex(where: Where): number {
    return this.h5saver.getNextIndex(where, this.dataType);
  }

  /** Name of the next node of this type in `where`. */
  protected nextNodeName(where: Where): string {
    return this.formatNodeName(this.nextIndex(where));
  }

  /**
   * Name of the last node of this type saved in `where`'s subtree, or null when there is none.
   * @throws NodeError when `where` is not a group of the file.
   */
  getLastNodeName(where: Where): string | null {
    const index = this.nextIndex(where) - 1;
    return index < 0 ? null : this.formatNodeName(index);
  }

  /**
   * The node of this type with that index, a direct child of `where`.
   * @throws NodeError when there is no such node.
   */
  getNodeFromIndex(where: Where, index: number): Node {
    return this.h5saver.getNode(where, this.formatNodeName(index));
  }

  /**
   * The index in the name of the node at `where`, by the original's rule: Python's `int()` of
   * what follows the first occurrence of this type's prefix (`Data03` -> 3; `EnlData00` through
   * a `Data` saver -> 0, the text after `Data`), null when the prefix does not occur.
   * @throws NodeError when there is no node at `where`.
   * @throws InvalidValueError when the text after the prefix is not an integer (Python's ValueError).
   */
  getIndexFromNodeName(where: Where): number | null {
    const name = this.h5saver.getNode(where).name;
    const prefix = arrayNodePrefix(this.dataType);
    const after = name.split(prefix)[1];
    if (after === undefined) return null;
    const index = parsePythonInt(after);
    if (index === null) {
      throw new InvalidValueError(`invalid literal for int() with base 10: ${pyStrRepr(after)} (the text after '${prefix}' in the node name '${name}')`);
    }
    return index;
  }
}
