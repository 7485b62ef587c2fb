/**
 * One open file as the node wrappers see it: resolves paths to wrappers (opened once, cached by
 * path, so handles are reused and never reopened per append), classifies nodes by their CLASS
 * attribute only, keeps the set of nodes whose deferred attributes (`shape`, `size`) wait to be
 * written, and guards writes on read-only or closed files.
 */
import type { AttributeStore, StorageFile, StorageGroup } from "../../storage/types.js";
import { FileStateError, NodeError } from "../../errors.js";
import { DEFAULT_MAX_LOAD_BYTES } from "../limits.js";
import { ATTR, PYTABLES_PROFILE, type FileProfile } from "../layout.js";
import { CARRAY, EARRAY } from "./arrays.js";
import type { AttrsOwner, NodeAttrs } from "./attrs.js";
import { decodeStored } from "./attrs.js";
import { GROUP } from "./group.js";
import { joinPath, parentPathOf, type Node } from "./node.js";
import { StringARRAY, VLARRAY } from "./vlarray.js";

/**
 * Sessions holding deferred attributes not yet written. A process that exits without closing its
 * files still gets exact `shape`/`size` attributes: the `exit` listener writes them before the
 * binding closes the files (its cleanup runs after the `exit` event). Only dirty sessions are held,
 * so a forgotten clean session can still be garbage-collected.
 */
const dirtySessions = new Set<Session>();
let exitListenerInstalled = false;

function writeDirtySessionsAtExit(): void {
  for (const session of [...dirtySessions]) {
    try {
      session.writeDeferred();
    } catch (e) {
      // No caller is left to throw to: say which file may hold stale shape/size attributes.
      process.stderr.write(`data-saving: ${session.file.path}: deferred shape/size attributes not written at exit: ${String(e)}\n`);
    }
  }
}

/** CLASS text of a stored node, or null when it has none. */
function classOf(attrs: AttributeStore): string | null {
  if (!attrs.has(ATTR.CLASS)) return null;
  const v = decodeStored(ATTR.CLASS, attrs.getStored(ATTR.CLASS));
  return typeof v === "string" ? v : null;
}

export class Session implements AttrsOwner {
  private readonly nodes = new Map<string, Node>();
  private readonly dirty = new Set<NodeAttrs>();
  private closed = false;
  /** The memory budget of one group listing (bytes; see `checkChildCount`). */
  maxReadBytes = DEFAULT_MAX_LOAD_BYTES;
  /** Incremented by every removal, so that caches derived from the tree can tell they are stale. */
  removals = 0;

  /** Fixed for the life of the file (checked on every write, so not asked to the storage each time). */
  readonly writable: boolean;

  constructor(
    /** The storage file. */
    readonly file: StorageFile,
    /** How new nodes and attributes are written (the backend's files). */
    readonly profile: FileProfile = PYTABLES_PROFILE,
  ) {
    this.writable = file.writable;
  }

  /** False once this session closed the file (the session owns it: nothing else closes it). */
  get isOpen(): boolean {
    return !this.closed;
  }

  /** @throws FileStateError when the file is closed. */
  assertOpen(): void {
    if (this.closed) throw new FileStateError(`${this.file.path}: the file is closed`, { path: this.file.path });
  }

  /** @throws FileStateError when the file is closed or read-only. */
  assertWritable(path: string): void {
    this.assertOpen();
    if (!this.writable) {
      throw new FileStateError(`${this.file.path}: cannot write ${path}, the file is open read-only`, { path });
    }
  }

  markDirty(attrs: NodeAttrs): void {
    this.dirty.add(attrs);
    if (!dirtySessions.has(this)) {
      dirtySessions.add(this);
      if (!exitListenerInstalled) {
        process.on("exit", writeDirtySessionsAtExit);
        exitListenerInstalled = true;
      }
    }
  }

  /** The root group. */
  root(): GROUP {
    return this.group("/");
  }

  /**
   * The node at an absolute path.
   * @throws NodeError when a component is missing or is not a group.
   */
  node(path: string): Node {
    this.assertOpen();
    const cached = this.nodes.get(path);
    if (cached !== undefined) return cached;
    if (path === "/") {
      const root = new GROUP(this, "/", this.file.root);
      this.nodes.set("/", root);
      return root;
    }
    if (!path.startsWith("/") || path.endsWith("/") || path.includes("//")) {
      throw new NodeError(path, "an absolute HDF5 path such as /RawData/Data00");
    }
    const parent = this.group(parentPathOf(path) ?? "/");
    return this.child(parent, path.slice(path.lastIndexOf("/") + 1));
  }

  /**
   * The group at an absolute path.
   * @throws NodeError when there is no node there or it is not a group.
   */
  group(path: string): GROUP {
    const n = this.node(path);
    if (!(n instanceof GROUP)) throw new NodeError(path, "a group", { detail: `found ${n.nodeClass}` });
    return n;
  }

  /**
   * The direct child `name` of `parent`, opened and classified once.
   * @throws NodeError when it does not exist or cannot be classified.
   */
  child(parent: GROUP, name: string): Node {
    this.assertOpen();
    const path = joinPath(parent.path, name);
    const cached = this.nodes.get(path);
    if (cached !== undefined) return cached;
    const node = this.open(parent.storage, path, name);
    this.nodes.set(path, node);
    return node;
  }

  /** Registers a wrapper created by the layer itself (new nodes). */
  adopt<N extends Node>(node: N): N {
    this.nodes.set(node.path, node);
    return node;
  }

  /**
   * Closes the dataset handle of a CARRAY written once (its chunk cache is flushed now, as a
   * writer closing it would); the wrapper stays and reopens it on its next use. EARRAYs and
   * nodes with deferred attributes are left open.
   */
  release(node: Node): void {
    if (!(node instanceof CARRAY) || node instanceof EARRAY || this.dirty.has(node.attrs)) return;
    node.releaseStorage();
  }

  /** Drops the cached wrappers of `path` and everything under it (after a removal). */
  forget(path: string): void {
    this.removals += 1;
    for (const [p, n] of this.nodes) {
      if (p === path || p.startsWith(`${path}/`)) {
        this.dirty.delete(n.attrs);
        this.nodes.delete(p);
      }
    }
  }

  /** Writes the deferred attributes, then flushes the file. */
  flush(): void {
    this.assertOpen();
    this.writeDeferred();
    if (this.writable) this.file.flush();
  }

  /** Writes the deferred attributes (if writable) and closes the file. Idempotent. */
  close(): void {
    if (this.closed) return;
    try {
      this.closing();
    } finally {
      this.file.close();
    }
  }

  /** `close`, the file closed with the storage's `closeAsync` when it has one. */
  async closeAsync(): Promise<void> {
    if (this.closed) return;
    try {
      this.closing();
    } finally {
      await (this.file.closeAsync === undefined ? this.file.close() : this.file.closeAsync());
    }
  }

  /** What both closes do before the file's own: the deferred attributes written, the session ended. */
  private closing(): void {
    try {
      if (this.file.isOpen && this.writable) this.writeDeferred();
    } finally {
      this.closed = true;
      this.nodes.clear();
      this.dirty.clear();
      dirtySessions.delete(this);
    }
  }

  /** Writes the deferred attributes of every dirty node (flush, close, process exit). */
  writeDeferred(): void {
    if (this.closed || !this.writable) return;
    for (const a of this.dirty) a.writePending();
    this.dirty.clear();
    dirtySessions.delete(this);
  }

  private open(parent: StorageGroup, path: string, name: string): Node {
    let kind = parent.childKind(name);
    if (kind === null) throw new NodeError(path, "an existing node");
    if (kind === "softlink") kind = softLinkKind(parent, path, name);
    if (kind === "externallink") {
      const to = parent.linkTarget?.(name);
      throw new NodeError(path, "a group or a dataset of this file", {
        detail: `found an external link${to?.kind === "externallink" ? ` to ${to.file}:${to.target}` : ""}, which is not followed`,
      });
    }
    if (kind === "group") {
      const g = parent.openGroup(name);
      const cls = classOf(g.attrs);
      // Python treats a node without CLASS, or whose CLASS has no "ARRAY", as a group.
      if (cls !== null && cls.includes("ARRAY")) throw new NodeError(path, `a ${cls} dataset`, { detail: "found an HDF5 group" });
      return new GROUP(this, path, g);
    }
    if (kind === "dataset") {
      const ds = parent.openArray(name);
      const cls = classOf(ds.attrs);
      if (cls === "VLARRAY") {
        // Closed now rather than by the garbage collector, whose close is a libhdf5 call on the
        // main thread at any later time: behind an asynchronous read it waits for the read's end.
        ds.release();
        const vl = parent.openVlen(name);
        const sub = vl.attrs.has(ATTR.subdtype) ? decodeStored(ATTR.subdtype, vl.attrs.getStored(ATTR.subdtype)) : "";
        return sub === "string" ? new StringARRAY(this, path, vl) : new VLARRAY(this, path, vl);
      }
      if (cls === "EARRAY") return new EARRAY(this, path, ds);
      if (cls !== null && cls.includes("ARRAY")) return new CARRAY(this, path, ds);
      throw new NodeError(path, "a CLASS attribute naming an array (CARRAY, EARRAY or VLARRAY) on this dataset", {
        detail: cls === null ? "no CLASS attribute" : `CLASS is '${cls}'`,
      });
    }
    throw new NodeError(path, "a group or a dataset", { detail: "found a link or another object" });
  }
}

/**
 * What the soft link `name` leads to, as PyTables and h5py follow a soft link met on a path
 * (`/a/link/Data00`): "group" or "dataset". libhdf5 follows the link (and a chain of links, up
 * to its nesting limit, so a cycle of soft links ends there).
 * @throws NodeError for a dangling link, a cycle of soft links or a target of another kind
 */
function softLinkKind(parent: StorageGroup, path: string, name: string): "group" | "dataset" {
  const to = parent.linkTarget?.(name);
  const detail = `the soft link${to === null || to === undefined ? "" : ` to ${to.target}`} does not lead to one (dangling, or a cycle of soft links)`;
  try {
    parent.openGroup(name);
    return "group";
  } catch {
    try {
      parent.openArray(name);
      return "dataset";
    } catch (e) {
      throw new NodeError(path, "a group or a dataset", { detail, cause: e });
    }
  }
}
