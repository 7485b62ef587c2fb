/**
 * Base of the node wrappers (Python `backends.Node`): path, name, title, parent and attributes
 * of one HDF5 object, bound to the session that opened it. Wrappers are cached per path by the
 * session, so a node's handle is opened once and reused.
 */
import { className, type PyValue } from "@pymodaq-ts/data-model";
import type { AttributeStore } from "../../storage/types.js";
import { ATTR, type NodeClass } from "../layout.js";
import { NodeAttrs } from "./attrs.js";
import type { GROUP } from "./group.js";
import type { Session } from "./session.js";

/** Parent path of an absolute path (`null` for the root). */
export function parentPathOf(path: string): string | null {
  if (path === "/") return null;
  const i = path.lastIndexOf("/");
  return i <= 0 ? "/" : path.slice(0, i);
}

/** Absolute path of child `name` under `parent`. */
export function joinPath(parent: string, name: string): string {
  return parent === "/" ? `/${name}` : `${parent}/${name}`;
}

export abstract class Node {
  /** PyTables class of the node: GROUP, CARRAY, EARRAY or VLARRAY (from its CLASS attribute). */
  abstract readonly nodeClass: NodeClass;
  /** Attributes, decoded per file-format.md §2.4/§2.6, written as envelopes. */
  readonly attrs: NodeAttrs;

  protected constructor(
    /** The session (open file) this node belongs to. */
    readonly session: Session,
    /** Absolute HDF5 path. */
    readonly path: string,
    store: AttributeStore,
    nodeClass: NodeClass,
  ) {
    this.attrs = new NodeAttrs(session, store, path, nodeClass);
  }

  /** Node name; `/` for the root. */
  get name(): string {
    return this.path === "/" ? "/" : this.path.slice(this.path.lastIndexOf("/") + 1);
  }

  /** The decoded `TITLE` (raw text, or the decoded envelope of an h5py-written root); `''` if absent. */
  get title(): PyValue {
    return this.attrs.getOr(ATTR.TITLE, "");
  }

  /** The parent group, or null for the root. */
  get parentNode(): GROUP | null {
    const p = parentPathOf(this.path);
    return p === null ? null : this.session.group(p);
  }

  /** True for GROUP nodes. */
  isGroup(): this is GROUP {
    return this.nodeClass === "GROUP";
  }

  /** Python-like `get_attr`. */
  getAttr(name: string): PyValue {
    return this.attrs.get(name);
  }

  /** Python-like `set_attr`. */
  setAttr(name: string, value: PyValue): void {
    this.attrs.set(name, value);
  }

  toString(): string {
    const t = this.title;
    return `${this.path} (${className(this)}) ${typeof t === "string" ? JSON.stringify(t) : String(t)}`;
  }
}
