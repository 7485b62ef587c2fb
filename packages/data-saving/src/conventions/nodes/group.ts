/**
 * GROUP: an HDF5 group in the PyMoDAQ layout. Children are listed in the order every load of a
 * saved file sees, PyTables' `_v_children` on a reopened file: the sub-groups, then the
 * datasets, each part in libhdf5's native order of the group (name order in a symbol-table
 * group, as PyTables writes them; creation order in a compact group, as h5py writes groups
 * holding non-ASCII names).
 */
import type { StorageGroup } from "../../storage/types.js";
import { NodeError } from "../../errors.js";
import { checkChildCount } from "../limits.js";
import { compareNodeNames } from "../layout.js";
import { joinPath, Node } from "./node.js";
import type { Session } from "./session.js";

export class GROUP extends Node {
  readonly nodeClass = "GROUP" as const;
  /** `hasChild` answers of a read-only session (see hasChild). */
  private readonly childFound = new Map<string, boolean>();

  constructor(
    session: Session,
    path: string,
    /** The storage handle of this group. */
    readonly storage: StorageGroup,
  ) {
    super(session, path, storage.attrs, "GROUP");
  }

  /**
   * Children in load order: the sub-groups, then the arrays, each in the group's native order
   * (see the class comment). Links and other objects are left out (PyMoDAQ never writes them;
   * the original fails on them).
   */
  children(): Node[] {
    this.session.assertOpen();
    const count = this.storage.childCount?.();
    if (count !== undefined) checkChildCount(this.path, count, this.session.maxReadBytes);
    const entries = this.storage.children({ order: "native" });
    return [
      ...entries.filter((e) => e.kind === "group"),
      ...entries.filter((e) => e.kind === "dataset"),
    ].map((e) => this.session.child(this, e.name));
  }

  /**
   * The identity of the group's object in its file, the same through every hard link to it;
   * null when the storage has none (a group there has one path only).
   */
  objectId(): string | null {
    this.session.assertOpen();
    return this.storage.objectId?.() ?? null;
  }

  /** Children as a name -> node map, in load order (Python `children()` dict). */
  childrenMap(): Map<string, Node> {
    return new Map(this.children().map((n) => [n.name, n]));
  }

  /** Python `children_name`: the children's names sorted by name (code point order), not in load order. */
  childrenName(): string[] {
    return this.children()
      .map((n) => n.name)
      .sort(compareNodeNames);
  }

  /** True when a direct child `name` exists (exact name). */
  hasChild(name: string): boolean {
    this.session.assertOpen();
    if (this.session.writable) return this.storage.childKind(name) !== null;
    // Read-only, the children cannot change under this session: asked of the storage once (a
    // libhdf5 call on the main thread waits behind any read running on the pool).
    let found = this.childFound.get(name);
    if (found === undefined) this.childFound.set(name, (found = this.storage.childKind(name) !== null));
    return found;
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
