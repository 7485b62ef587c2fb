/**
 * GROUP: an HDF5 group in the PyMoDAQ layout. Children are listed in the order every load of a
 * saved file sees (PyTables on a reopened file, spec §7.5 / fixture fact 24): sub-groups by
 * name, then arrays by name, names compared by code point (HDF5's byte-wise order).
 */
import type { StorageGroup } from "../../storage/types.js";
import { NodeError } from "../../errors.js";
import { compareNodeNames } from "../layout.js";
import { joinPath, Node } from "./node.js";
import type { Session } from "./session.js";

export class GROUP extends Node {
  readonly nodeClass = "GROUP" as const;

  constructor(
    session: Session,
    path: string,
    /** The storage handle of this group. */
    readonly storage: StorageGroup,
  ) {
    super(session, path, storage.attrs, "GROUP");
  }

  /**
   * Children in load order: sub-groups by name, then arrays by name (classified by CLASS).
   * Links and other objects are left out (PyMoDAQ never writes them; the original fails on them).
   */
  children(): Node[] {
    this.session.assertOpen();
    const entries = this.storage
      .children()
      .filter((e) => e.kind !== "other")
      .sort((a, b) => compareNodeNames(a.name, b.name));
    const nodes = entries.map((e) => this.session.child(this, e.name));
    return [...nodes.filter((n) => n.isGroup()), ...nodes.filter((n) => !n.isGroup())];
  }

  /** Children as a name -> node map, in load order (Python `children()` dict). */
  childrenMap(): Map<string, Node> {
    return new Map(this.children().map((n) => [n.name, n]));
  }

  /** Children names in load order. */
  childrenName(): string[] {
    return this.children().map((n) => n.name);
  }

  /** True when a direct child `name` exists (exact name). */
  hasChild(name: string): boolean {
    this.session.assertOpen();
    return this.storage.childKind(name) !== null;
  }

  /**
   * The direct child `name`.
   * @throws NodeError naming the missing path.
   */
  child(name: string): Node {
    return this.session.child(this, name);
  }

  /** Python `get_child`. */
  getChild(name: string): Node {
    return this.child(name);
  }

  /** Removes every child (recursively). @throws FileStateError on a read-only file. */
  removeChildren(): void {
    this.session.assertWritable(this.path);
    for (const name of this.storage.childNames()) this.removeChild(name);
  }

  /** Removes the child `name` (recursively). @throws NodeError when it does not exist. */
  removeChild(name: string): void {
    this.session.assertWritable(this.path);
    const path = joinPath(this.path, name);
    if (this.storage.childKind(name) === null) throw new NodeError(path, "an existing node to remove");
    this.session.forget(path);
    this.storage.remove(name);
  }
}
