/**
 * H5Group: a group of an open file. Every method takes a name relative to the group or an
 * absolute path ("/RawData/Data00").
 */
import { H5Dataset } from "./dataset.js";
import { checkDatasetOptions, checkVlenOptions } from "./dataset-options.js";
import { argumentError } from "./errors.js";
import type { NativeCache, NativeNode } from "./native.js";
import { H5NodeBase } from "./node.js";
import { resolvePath } from "./paths.js";
import type { ChildInfo, ChildrenOptions, DatasetAccessOptions, DatasetCreateOptions, GroupInfo, H5GroupLike, LinkInfo, NodeKind, VlenCreateOptions } from "./types.js";
import { checkChunkCache, checkName, checkOptions } from "./validate.js";
import { H5Vlen } from "./vlen.js";

export class H5Group extends H5NodeBase implements H5GroupLike {
  private where(name: string): string {
    return `${resolvePath(this.path, name)} in ${this.file.filename}`;
  }

  /** The handle of a new object; the addon checks the name is free in the same call (null if not). */
  private created(name: string, handle: NativeNode | null): NativeNode {
    if (handle === null) throw argumentError("name", `${this.where(name)} already exists`);
    return handle;
  }

  /**
   * Opens the object at `name`, following soft and external links.
   * @throws H5ArgumentError unless a `kind` object is there
   */
  private openAs(name: string, kind: "group" | "dataset", cache: NativeCache = null): NativeNode {
    const found = this.kindOf(checkName(name));
    if (found === null) throw argumentError("name", `no object at ${this.where(name)}`);
    const isLink = found === "softlink" || found === "externallink";
    if (!isLink && found !== kind) throw argumentError("name", `${this.where(name)} is a ${found}, not a ${kind}`);
    const handle = this.handle.openObject(name, cache);
    const type = handle.objectType();
    if (type !== kind) {
      handle.close();
      throw argumentError("name", `${this.where(name)} leads to a ${type}, not a ${kind}`);
    }
    return handle;
  }

  /**
   * Creates a group.
   * @param options.createIntermediate also create missing parent groups (default false)
   * @throws H5ArgumentError when the name exists already or a parent is missing (without createIntermediate)
   */
  createGroup(name: string, options?: { createIntermediate?: boolean }): H5Group {
    checkName(name);
    const opts = checkOptions(options, ["createIntermediate"]);
    const handle = this.created(name, this.handle.createGroup(name, opts.createIntermediate === true));
    return new H5Group(this.file, handle, resolvePath(this.path, name));
  }

  /** Opens a group (following links). @throws H5ArgumentError when nothing or no group is at `name` */
  openGroup(name: string): H5Group {
    return new H5Group(this.file, this.openAs(name, "group"), resolvePath(this.path, name));
  }

  /** True when every component of `name` exists (no error for a missing intermediate group). */
  exists(name: string): boolean {
    return this.handle.exists(checkName(name));
  }

  kindOf(name: string): NodeKind | null {
    return this.handle.kindOf(checkName(name));
  }

  /**
   * Direct children with their kind: by increasing byte-wise name (default), or with
   * `{ order: "native" }` in the order libhdf5 keeps them, as PyTables lists them (see ChildrenOptions).
   * @throws H5ArgumentError for an unknown option or order
   */
  children(options?: ChildrenOptions): ChildInfo[] {
    return this.handle.children(nativeOrder(options));
  }

  /** The names of `children(options)`, in the same order, without looking up each child's kind (cheaper). */
  childNames(options?: ChildrenOptions): string[] {
    return this.handle.childNames(nativeOrder(options));
  }

  /** Number of links and how libhdf5 stores them (see {@link GroupInfo}). */
  info(): GroupInfo {
    return this.handle.groupInfo();
  }

  /**
   * The link at `name` (see LinkInfo): its type and, for soft and external links, the target,
   * without following it. Null when there is no link there.
   */
  linkInfo(name: string): LinkInfo | null {
    return this.handle.linkInfo(checkName(name));
  }

  /** Removes the link `name` (the object's space is reclaimed when no link remains). */
  delete(name: string): void {
    if (!this.exists(checkName(name))) throw argumentError("name", `no object at ${this.where(name)}`);
    this.handle.deleteLink(name);
  }

  /** Moves or renames a link. @throws H5ArgumentError when `from` is missing or `to` exists */
  move(from: string, to: string): void {
    if (!this.exists(checkName(from, "from"))) throw argumentError("from", `no object at ${this.where(from)}`);
    if (this.exists(checkName(to, "to"))) throw argumentError("to", `${this.where(to)} already exists`);
    this.handle.moveLink(from, to);
  }

  /**
   * Creates a numeric dataset (see DatasetCreateOptions; `chunks: "auto"` follows autoChunks).
   * @throws H5ArgumentError on invalid options or an existing name
   */
  createDataset(name: string, options: DatasetCreateOptions): H5Dataset {
    checkName(name);
    const spec = checkDatasetOptions(options);
    const handle = this.created(name, this.handle.createDataset(name, spec));
    return new H5Dataset(this.file, handle, resolvePath(this.path, name), { dtype: spec.dtype, shape: spec.shape });
  }

  /** Creates a 1-d unlimited chunked dataset of variable-length uint8 sequences. */
  createVlenUint8(name: string, options: VlenCreateOptions): H5Vlen {
    checkName(name);
    const { chunks, deflate, shuffle } = checkVlenOptions(options);
    const handle = this.created(name, this.handle.createVlen(name, chunks, deflate, shuffle));
    return new H5Vlen(this.file, handle, resolvePath(this.path, name));
  }

  /**
   * Opens any dataset (numeric or not; see `kind`), following links.
   * @throws H5ArgumentError when no dataset is there
   */
  openDataset(name: string, options?: DatasetAccessOptions): H5Dataset {
    const opts = checkOptions(options, ["chunkCache"], "options");
    const cache = opts.chunkCache === undefined ? null : checkChunkCache(opts.chunkCache, "options.chunkCache");
    return new H5Dataset(this.file, this.openAs(name, "dataset", cache), resolvePath(this.path, name));
  }

  /** Opens a vlen-uint8 dataset. @throws H5ArgumentError when it is not one */
  openVlen(name: string): H5Vlen {
    const handle = this.openAs(name, "dataset");
    const kind = handle.typeInfo().kind;
    if (kind !== "vlen-uint8") {
      handle.close();
      throw argumentError("name", `${this.where(name)} holds ${kind} elements, not vlen-uint8`);
    }
    return new H5Vlen(this.file, handle, resolvePath(this.path, name));
  }
}

/** True for `{ order: "native" }`. @throws H5ArgumentError for anything but an order of "name" or "native" */
function nativeOrder(options: ChildrenOptions | undefined): boolean {
  const order = checkOptions(options, ["order"]).order ?? "name";
  if (order !== "name" && order !== "native") throw argumentError("options.order", `must be "name" or "native", got ${JSON.stringify(order)}`);
  return order === "native";
}
