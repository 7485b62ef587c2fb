/**
 * H5Backend: the file-level operations of the original's `backends.H5Backend` (open/close,
 * nodes by path, attributes, walks, array and group creation), on a `Storage`. The `backend`
 * option chooses the file profile written (layout.ts `FileProfile`: PyTables' by default, or
 * the h5py backend's) and the `backend` attribute value.
 *
 * @example
 * const h5 = new H5Backend();
 * h5.openFile("/tmp/x.h5", "w");
 * const g = h5.getSetGroup("/", "g1", "a group");
 * h5.closeFile();
 */
import type { NDArray, PyValue } from "@pymodaq-ts/data-model";
import { libhdf5Storage } from "../storage/libhdf5.js";
import type { Dtype, Storage, StorageAsyncOptions, StorageFile } from "../storage/types.js";
import { FileStateError, InvalidTypeError, InvalidValueError, isStorageError, NodeError } from "../errors.js";
import {
  ATTR,
  BACKEND_NAMES,
  checkGroupType,
  compressionFor,
  capitalize,
  DEFAULT_PYMODAQ_VERSION,
  fileProfile,
  PYMODAQ_DATA_VERSION,
  ROOT_TITLE,
  type BackendName,
  type Compression,
  type EnumInput,
  type FileProfile,
} from "./layout.js";
import { CARRAY, type EARRAY } from "./nodes/arrays.js";
import { isArrayData, type ArrayData } from "./nodes/arraydata.js";
import { createCarrayNode, createEarrayNode, createGroupNode, createVlarrayNode, type CarrayInit, type CreateContext } from "./nodes/create.js";
import { GROUP } from "./nodes/group.js";
import { joinPath, Node } from "./nodes/node.js";
import { Session } from "./nodes/session.js";
import { checkBudget, DEFAULT_MAX_LOAD_BYTES } from "./limits.js";
import type { VLARRAY } from "./nodes/vlarray.js";
import { metadataEntries, type Metadata } from "./metadata.js";
import { checkOptions, describeValue } from "../options.js";
import { walkGroups, walkNodes } from "./walk.js";

/** A node, or the absolute path of one. */
export type Where = Node | string;

/**
 * The path `where` names (a path, as given, or the node's).
 * @throws InvalidTypeError when `where` is neither a node nor a string
 */
export function pathOf(where: Where): string {
  if (typeof where === "string") return where;
  if (where instanceof Node) return where.path;
  throw new InvalidTypeError(`where must be a node or an absolute path, got ${describeValue(where)}`);
}

/** File modes of `openFile`: `w` create/truncate, `a`/`r+` read-write, `r` read-only. */
export type OpenMode = "r" | "r+" | "a" | "w";

export interface OpenFileOptions {
  /** Root TITLE of a new file (default `PyMoDAQ file`). */
  title?: string;
  /** Root `pymodaq_version` of a new file (default `'0.0.0'`). */
  pymodaqVersion?: string;
  /** Root `pymodaq_data_version` of a new file (default `'5.0.0'`). */
  pymodaqDataVersion?: string;
}

export interface H5BackendOptions {
  /** The backend whose files are written (`'tables'` default, or `'h5py'`), and the `backend` attributes' value. */
  backend?: BackendName;
  /** Storage implementation (default: libhdf5 through @pymodaq-ts/h5-lowlevel). */
  storage?: Storage;
}

/**
 * What the loads list of a read-only file, whose tree cannot change, kept per file: the walks by
 * start path and the lower-cased child names by group path. Every load walks the parent group of
 * the node it loads and looks for `NavAxes` in each group above it, so loading every node of a
 * group of n nodes would list n children n times otherwise.
 */
interface ReadOnlyListings {
  readonly walks: Map<string, Node[]>;
  readonly lowerNames: Map<string, Set<string>>;
}
const readOnlyListings = new WeakMap<Session, ReadOnlyListings>();

/** The listings kept for `session`, or null when its file is writable (its tree may change). */
/**
 * Keeps the error of a close that followed a failed write or flush on the first error, as its
 * `closeError` property (not enumerable: it does not change how the error prints).
 */
function attachCloseError(first: unknown, closeError: unknown): void {
  if (typeof first !== "object" || first === null || !Object.isExtensible(first)) return;
  Object.defineProperty(first, "closeError", { value: closeError, configurable: true, writable: true, enumerable: false });
}

function listingsOf(session: Session): ReadOnlyListings | null {
  if (session.writable) return null;
  let listings = readOnlyListings.get(session);
  if (listings === undefined) readOnlyListings.set(session, (listings = { walks: new Map(), lowerNames: new Map() }));
  return listings;
}

function* yieldAll(nodes: readonly Node[]): Generator<Node> {
  yield* nodes;
}

export class H5Backend {
  /** Value written to the `backend` attributes. */
  readonly backend: BackendName;
  /** The storage implementation files are opened with. */
  readonly storage: Storage;
  /** Full path of the open (or last opened) file. */
  filePath: string | null = null;
  protected session: Session | null = null;
  /** The first error of a write or flush of the open file (see `failing`). */
  private firstFailure: { error: unknown } | null = null;
  protected compression: Compression | null = null;
  private readBytes = DEFAULT_MAX_LOAD_BYTES;

  /**
   * The memory budget of one group listing, in bytes (default 512 MiB, Infinity for no limit):
   * listing a group whose declared number of children costs more (`CHILD_ENTRY_BYTES` each)
   * throws a LimitError naming it. `DataLoader` sets it to its `maxLoadBytes`.
   * @throws InvalidValueError (setting) for anything but a positive number
   */
  get maxReadBytes(): number {
    return this.readBytes;
  }
  set maxReadBytes(bytes: number) {
    this.readBytes = checkBudget(bytes, "maxReadBytes");
    if (this.session !== null) this.session.maxReadBytes = this.readBytes;
  }

  /** A session on `file` with this backend's listing budget. */
  private newSession(file: StorageFile, profile: FileProfile): Session {
    const session = new Session(file, profile);
    session.maxReadBytes = this.readBytes;
    return session;
  }

  /** @throws InvalidValueError for another backend name; InvalidTypeError for unknown options. */
  constructor(options: H5BackendOptions = {}) {
    const o = checkOptions(options, ["backend", "storage"], "H5Backend");
    const backend = o.backend ?? "tables";
    if (!BACKEND_NAMES.includes(backend)) {
      throw new InvalidValueError(`backend must be one of ${BACKEND_NAMES.join(", ")}, got ${String(backend)}`);
    }
    this.backend = backend;
    this.storage = o.storage ?? libhdf5Storage;
  }

  /** Path of the open file, or null (Python `filename`). */
  get filename(): string | null {
    return this.isopen() ? this.filePath : null;
  }

  /** The open backend file, or null. */
  get h5File(): StorageFile | null {
    return this.session?.isOpen ? this.session.file : null;
  }

  /** True when a file is open. */
  isopen(): boolean {
    return this.session?.isOpen ?? false;
  }

  /** The open file's session. @throws FileStateError when no file is open. */
  protected openSession(): Session {
    if (this.session === null || !this.session.isOpen) throw new FileStateError("no file is open");
    return this.session;
  }

  /**
   * Closes an array node that will not be written again (CARRAYs only; see Session.release):
   * the writer's handle goes, and the node is reopened from its path when looked up.
   * @throws FileStateError when no file is open.
   */
  releaseNode(node: Node): void {
    this.openSession().release(node);
  }

  /** Creation settings of new arrays. */
  protected createContext(): CreateContext {
    return { backend: this.backend, compression: this.compression };
  }

  /**
   * Deflate compression of the arrays created afterwards (call before `initFile` to compress the
   * Logger too). `gzip` and `zlib` are the same filter; level 0 disables it.
   * @throws InvalidValueError for another library or a level outside 0..9.
   */
  defineCompression(lib: string, level: number): void {
    this.compression = compressionFor(lib, level);
  }

  /**
   * Opens `path`: `w` creates (truncates) it and writes the root attributes (the profile's
   * system attributes: raw CLASS, VERSION, TITLE, PYTABLES_FORMAT_VERSION for PyTables, enveloped
   * CLASS and TITLE for h5py; then `pymodaq_version`, `pymodaq_data_version`); `a`/`r+`
   * opens read-write; `r` read-only. A previously open file is closed first.
   * @throws the backend's error when the file cannot be opened.
   */
  openFile(path: string, mode: OpenMode = "r", options: OpenFileOptions = {}): void {
    const o = checkOptions(options, ["title", "pymodaqVersion", "pymodaqDataVersion"], "openFile");
    if (!["r", "r+", "a", "w"].includes(mode)) throw new InvalidValueError(`openFile: mode must be "r", "r+", "a" or "w", got ${String(mode)}`);
    this.closeFile();
    const profile = fileProfile(this.backend);
    const settings = profile.fileSettings;
    const file = mode === "w" ? this.storage.create(path, settings) : this.storage.open(path, mode === "r" ? "r" : "r+", settings);
    this.session = this.newSession(file, profile);
    this.filePath = path;
    if (mode === "w") {
      const root = this.session.root();
      root.attrs.writeSystem(profile.systemAttributes("GROUP", o.title ?? ROOT_TITLE, { root: true }));
      root.attrs.setMany([
        [ATTR.pymodaq_version, o.pymodaqVersion ?? DEFAULT_PYMODAQ_VERSION],
        [ATTR.pymodaq_data_version, o.pymodaqDataVersion ?? PYMODAQ_DATA_VERSION],
      ]);
    }
  }

  /**
   * `openFile(path, "r")` with the file opened off the main thread (the storage's `openAsync`;
   * a storage without one opens it with `open`). A previously open file is closed first.
   * @param options.signal cancels the open while it has not started (rejects with an AbortError)
   * @throws (rejects) the backend's error when the file cannot be opened
   */
  async openFileReadOnlyAsync(path: string, options: StorageAsyncOptions = {}): Promise<void> {
    this.closeFile();
    const profile = fileProfile(this.backend);
    const file = this.storage.openAsync === undefined
      ? this.storage.open(path, "r", profile.fileSettings)
      : await this.storage.openAsync(path, "r", profile.fileSettings, options);
    this.closeFile();
    this.session = this.newSession(file, profile);
    this.filePath = path;
  }

  /**
   * Python `save_file_as`: writes a copy of the open file, flushed first, at `path` (PyTables'
   * `copy_file`, which never overwrites).
   * @throws FileStateError when no file is open, when `path` exists, when the backend is
   *   `'h5py'` (the original raises: h5py cannot copy a file) or the storage cannot copy files.
   */
  saveFileAs(path: string): void {
    const session = this.openSession();
    if (this.backend !== "tables") throw new FileStateError(`Not possible to copy the file with the "${this.backend}" backend`);
    const file = session.file;
    if (file.copyTo === undefined) throw new FileStateError(`the storage "${this.storage.name}" cannot copy a file`);
    session.flush();
    file.copyTo(path);
  }

  /**
   * Writes the deferred `shape`/`size` attributes and flushes the file. No-op when closed.
   * @throws StorageError when the flush fails; it becomes the file's first failure (see
   *   `closeFile`).
   */
  flush(): void {
    if (!this.isopen()) return;
    this.failing(() => this.openSession().flush());
  }

  /**
   * Runs a write of the open file; a `StorageError` it throws (the storage failed: disk full,
   * file-size limit, I/O error) is remembered as the file's first failure, which a failing close
   * then does not hide (see `closeFile`). Errors of the arguments are not failures of the file.
   */
  protected failing<T>(write: () => T): T {
    try {
      return write();
    } catch (e) {
      if (this.session !== null && this.firstFailure === null && isStorageError(e)) this.firstFailure = { error: e };
      throw e;
    }
  }

  /**
   * Writes deferred attributes and closes the file. Idempotent. The file is closed (every handle
   * released) even when this fails.
   * @throws the close's error; but when a write or flush of this file failed before (the first
   *   failure) and the close fails too, the first failure is thrown again, with the close's error
   *   attached as its `closeError` property: the error a caller sees from
   *   `try { ... } finally { h5.closeFile(); }` is the first one.
   */
  closeFile(): void {
    const s = this.session;
    const first = this.firstFailure;
    this.session = null;
    this.firstFailure = null;
    try {
      s?.close();
    } catch (closeError) {
      throw this.closeFailure(first, closeError);
    }
  }

  /**
   * `closeFile()` with the file closed by the storage's `closeAsync` (for libhdf5: written out
   * and its memory given back on the libuv pool), when it has one.
   * @throws (rejects) what `closeFile` throws
   */
  async closeFileAsync(): Promise<void> {
    const s = this.session;
    const first = this.firstFailure;
    this.session = null;
    this.firstFailure = null;
    try {
      await s?.closeAsync();
    } catch (closeError) {
      throw this.closeFailure(first, closeError);
    }
  }

  /** The error a failed close throws: the earlier write failure, if any, with the close's attached. */
  private closeFailure(first: { error: unknown } | null, closeError: unknown): unknown {
    if (first === null) return closeError;
    attachCloseError(first.error, closeError);
    return first.error;
  }

  /**
   * `closeFile()` for `using`. After a failed write or flush whose error is on its way to the
   * caller, a failing close throws nothing (its error is attached to the first one as
   * `closeError`), so that `using` does not wrap the first error in a `SuppressedError`.
   */
  [Symbol.dispose](): void {
    const first = this.firstFailure;
    try {
      this.closeFile();
    } catch (e) {
      if (first === null || e !== first.error) throw e;
    }
  }

  /** The root group. */
  root(): GROUP {
    return this.openSession().root();
  }

  /**
   * The node at `where` (a node or an absolute path), or its child `name`.
   * @throws NodeError naming the missing path; InvalidTypeError when `where` is neither.
   */
  getNode(where: Where, name?: string): Node {
    const s = this.openSession();
    const path = pathOf(where);
    if (name === undefined) return s.node(path);
    return s.child(s.group(path), name);
  }

  /** The group at `where`. @throws NodeError when it is missing or not a group. */
  getGroup(where: Where): GROUP {
    const n = this.getNode(where);
    if (!(n instanceof GROUP)) throw new NodeError(n.path, "a group", { detail: `found ${n.nodeClass}` });
    return n;
  }

  getNodeName(node: Where): string {
    return this.getNode(node).name;
  }

  getNodePath(node: Where): string {
    return this.getNode(node).path;
  }

  /** The parent group, or null for the root. */
  getParentNode(node: Where): GROUP | null {
    return this.getNode(node).parentNode;
  }

  /** Children of the group `where`, name -> node, in load order (`GROUP.children`: sub-groups, then arrays). */
  getChildren(where: Where): Map<string, Node> {
    return this.getGroup(where).childrenMap();
  }

  /** Every node from `where` down, PyTables walk order (§7.5); listed once on a read-only file. */
  walkNodes(where: Where = "/"): Generator<Node> {
    const start = this.getNode(where);
    const listings = listingsOf(this.openSession());
    if (listings === null) return walkNodes(start);
    let nodes = listings.walks.get(start.path);
    if (nodes === undefined) listings.walks.set(start.path, (nodes = [...walkNodes(start)]));
    return yieldAll(nodes);
  }

  /** Every group from `where` down, PyTables walk order (§7.5). */
  walkGroups(where: Where = "/"): Generator<GROUP> {
    return walkGroups(this.getNode(where));
  }

  /** True when `where` has a child called `name`, compared case-insensitively (as the original). */
  isNodeInGroup(where: Where, name: string): boolean {
    const group = this.getGroup(where);
    const lower = name.toLowerCase();
    const listings = listingsOf(this.openSession());
    if (listings === null) return group.storage.childNames().some((n) => n.toLowerCase() === lower);
    let names = listings.lowerNames.get(group.path);
    if (names === undefined) listings.lowerNames.set(group.path, (names = new Set(group.storage.childNames().map((n) => n.toLowerCase()))));
    return names.has(lower);
  }

  getAttr(node: Where, name: string): PyValue {
    return this.getNode(node).attrs.get(name);
  }

  setAttr(node: Where, name: string, value: PyValue): void {
    this.getNode(node).attrs.set(name, value);
  }

  hasAttr(node: Where, name: string): boolean {
    return this.getNode(node).attrs.has(name);
  }

  /** The first direct child group of `where` whose TITLE is `title`, or null. */
  getGroupByTitle(where: Where, title: string): GROUP | null {
    for (const child of this.getGroup(where).children()) {
      if (child instanceof GROUP && child.attrs.has(ATTR.TITLE) && child.title === title) return child;
    }
    return null;
  }

  /** The first node of the walk from `where` whose attribute `attrName` equals `value` (strings, numbers, booleans). */
  getNodeFromAttributeMatch(where: Where, attrName: string, value: PyValue): Node | null {
    for (const node of this.walkNodes(where)) {
      if (node.attrs.has(attrName) && node.attrs.get(attrName) === value) return node;
    }
    return null;
  }

  /** The first node of the walk from `where` whose TITLE is `title`, or null. */
  getNodeFromTitle(where: Where, title: string): Node | null {
    return this.getNodeFromAttributeMatch(where, ATTR.TITLE, title);
  }

  /**
   * The child group `name` of `where`, created (with `title`) when absent. An existing group is
   * returned unchanged (its title is not updated).
   * @throws NodeError when `name` exists but is not a group.
   */
  getSetGroup(where: Where, name: string, title = ""): GROUP {
    const parent = this.getGroup(where);
    if (!parent.hasChild(name)) return createGroupNode(parent, name, title);
    const node = parent.child(name);
    if (!(node instanceof GROUP)) throw new NodeError(node.path, "a group", { detail: `found ${node.nodeClass}` });
    return node;
  }

  /**
   * Python `add_group`: when `groupName` (as given) is not a child of `where`, gets or creates
   * `capitalize(groupName)` with `title`, `type` = the GroupType name and the metadata; then
   * always (re)writes `backend`.
   * @throws InvalidValueError for an invalid group type.
   */
  addGroup(groupName: string, groupType: EnumInput, where: Where, title = "", metadata: Metadata | null = null): GROUP {
    const type = checkGroupType(groupType);
    const parent = this.getGroup(where);
    let group: GROUP;
    if (parent.hasChild(groupName)) {
      group = this.getGroup(joinPath(parent.path, groupName));
    } else {
      group = this.getSetGroup(parent, capitalize(groupName), title);
      group.attrs.setMany([[ATTR.type, type.toLowerCase()], ...metadataEntries(metadata)]);
    }
    group.attrs.set(ATTR.backend, this.backend);
    return group;
  }

  /**
   * Creates a CARRAY from `data`, or a zero-filled one (fill value) from `{ dtype, shape }`.
   * @throws InvalidValueError when `data` is missing (Python ValueError).
   */
  createCarray(where: Where, name: string, data: ArrayData | { dtype: Dtype; shape: readonly number[] } | null | undefined, title = ""): CARRAY {
    const init: CarrayInit | null =
      data === null || data === undefined ? null : isArrayData(data) || "data" in data ? { data: data as ArrayData } : data;
    return createCarrayNode(this.getGroup(where), name, init, title, this.createContext());
  }

  /** Creates an EARRAY of shape `(0, *dataShape)`. */
  createEarray(where: Where, name: string, dtype: Dtype, dataShape: readonly number[] | null = null, title = ""): EARRAY {
    return createEarrayNode(this.getGroup(where), name, dtype, dataShape, title, this.createContext());
  }

  /** Creates a VLARRAY; `"string"` gives a StringARRAY. */
  createVlarray(where: Where, name: string, dtype: "string" | "uint8", title = ""): VLARRAY {
    return createVlarrayNode(this.getGroup(where), name, dtype, title, this.createContext());
  }

  /** Reads a whole array node. @throws NodeError when `array` is not a CARRAY/EARRAY. */
  read(array: Where): NDArray {
    const n = this.getNode(array);
    if (!(n instanceof CARRAY)) throw new NodeError(n.path, "a CARRAY or EARRAY", { detail: `found ${n.nodeClass}` });
    return n.read();
  }
}
