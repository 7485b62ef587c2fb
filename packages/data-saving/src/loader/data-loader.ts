/**
 * The seed's `DataLoader` (file-format.md §7): loads DataWithAxes from any PyMoDAQ file,
 * adding the navigation axes stored in the nearest `NavAxes` group, and whole groups at once
 * (`loadAll`). A path is opened read-only: the loader never writes to the file it reads (Q17).
 *
 * @example
 * using loader = new DataLoader("scan.h5");
 * const dwa = loader.loadData("/RawData/Scan000/Detector000/Data1D/CH00/Data00");
 * const all = loader.loadAll("/RawData");           // a DataToExport named "All"
 * await using later = await DataLoader.open("scan.h5"); // opened (and closed) on the libuv pool
 * const part = await later.loadAllAsync("/RawData", undefined, { nav: [0] });
 */
import { setMaxListeners } from "node:events";
import {
  DataToExport, Slice, allocate, lanesOf, type AnyTypedArray, type DataWithAxes, type Dtype, type NDArray,
} from "@pymodaq-ts/data-model";
import { InvalidTypeError, InvalidValueError, MissingAttributeError, NodeError } from "../errors.js";
import { ATTR, DATA_TYPES, NAV_AXES_GROUP_NAME, type DataTypeName } from "../conventions/layout.js";
import { GROUP } from "../conventions/nodes/group.js";
import type { Node } from "../conventions/nodes/node.js";
import type { Storage } from "../storage/types.js";
import { H5SaverLowLevel } from "../conventions/h5-saver-lowlevel.js";
import { descend, type Ancestors } from "../conventions/walk.js";
import { checkDataToExport } from "../arguments.js";
import { checkOptions, describeValue } from "../options.js";
import { planAxes } from "./axes.js";
import { planDataFromNode } from "./data-node.js";
import { LoadError } from "./errors.js";
import { NavWindow, type NavItem } from "./nav-window.js";
import { arrayNodeOf, dataTypeOf } from "./nodes.js";
import type { Where } from "../conventions/h5-backend.js";
import { readMemoOf } from "./read-memo.js";
import { ReadBatch, readNow, type LoadReads, type ReadTargets, type StreamReads } from "./reads.js";
import { runNow, SliceRunner, yieldToLoop, type Later } from "./slices.js";
import { checkBudget, DEFAULT_MAX_LOAD_BYTES, LoadBudget } from "./budget.js";

/** Options of the `DataLoader` constructor. */
export interface DataLoaderOptions {
  /**
   * The memory budget of each load (bytes of the arrays it reads, from their declared shapes and
   * dtypes, checked before they are allocated; default 512 MiB; Infinity for no limit). A load
   * past it throws a LimitError. Each call can raise or lower it with its own `maxLoadBytes`.
   */
  maxLoadBytes?: number;
  /** The storage a path is opened with (default libhdf5; with an HSDS storage, the path is a domain). */
  storage?: Storage;
}

/** Options of `DataLoader.loadData`. */
export interface LoadDataOptions {
  /** Subtract the background nodes of the parent group, paired by position (Q2; default false). */
  withBkg?: boolean;
  /** Load every node of the same data_type under the parent group (default false). */
  loadAll?: boolean;
  /**
   * Load only this part of the navigation space, as `inav` selects it: one item (an index or a
   * Slice) per leading navigation dimension, the others whole. The result equals
   * `loadData(where).inav.get(...nav)`, but only the block of the arrays that holds the items
   * is read (hyperslab reads).
   */
  nav?: readonly NavItem[];
  /** The memory budget of this load (bytes; default: the loader's `maxLoadBytes`). */
  maxLoadBytes?: number;
}

/** Options of `DataLoader.loadAll`. */
export interface LoadAllOptions {
  /** Subtract backgrounds (default false). */
  withBkg?: boolean;
  /** The memory budget of the whole call (bytes; default: the loader's `maxLoadBytes`). */
  maxLoadBytes?: number;
  /**
   * Load only this part of the navigation space of every loaded node, as `loadData`'s `nav`:
   * each DataWithAxes equals the whole load's `inav.get(...nav)`, and only that block of its
   * arrays is read. Every loaded node needs at least as many navigation dimensions as items.
   */
  nav?: readonly NavItem[];
}

/** Options of the asynchronous loads: those of the synchronous ones, and `signal`. */
export interface AsyncLoadOptions {
  /** Cancels the array reads not yet started (the call rejects with an AbortError). */
  signal?: AbortSignal;
}

/** Options of `DataLoader.navSlabs`. */
export interface NavSlabsOptions extends AsyncLoadOptions {
  /** The navigation dimension the slabs cut (0 = the first, default; the others are whole in every slab). */
  navDim?: number;
  /** Indexes of that navigation dimension per slab (default: as many as fit in `slabBytes`). */
  slabSize?: number;
  /** Bytes of data per slab when `slabSize` is not given (default 64 MiB; at least one index). */
  slabBytes?: number;
  /** Subtract backgrounds (default false). */
  withBkg?: boolean;
  /** The memory budget of each slab (bytes; default: the loader's `maxLoadBytes`). */
  maxLoadBytes?: number;
  /**
   * Slabs read ahead while the consumer works on the current one (default 1; 0 reads a slab only
   * when the consumer asks for it). Memory holds the consumer's slab and up to `readAhead` more.
   */
  readAhead?: number;
  /**
   * Read every slab into the same few buffers (default false): no new memory per slab, so no
   * page faults and no garbage collections over the stream. A slab's arrays (its data, and its
   * axes' values, which the slabs share) are then valid only until the consumer asks for the
   * next slab and are not to be modified (copy what must outlive it or change). Storages that
   * cannot read into a given buffer (`StorageReadOptions.target`) allocate as without it.
   */
  reuse?: boolean;
}

/** One slab of `DataLoader.navSlabs`: indexes `start` to `stop` (excluded) of navigation dimension `navDim`. */
export interface NavSlab {
  readonly start: number;
  readonly stop: number;
  /** `loadData(where).inav.get(...)` with `Slice.of(start, stop)` at `navDim`, the dimensions before it whole. */
  readonly data: DataWithAxes;
}

/** A slab being read. */
interface PendingSlab {
  readonly start: number;
  readonly stop: number;
  readonly data: Promise<DataWithAxes>;
}

const LOAD_DATA_KEYS = ["withBkg", "loadAll", "nav", "maxLoadBytes"] as const;
const LOAD_ALL_KEYS = ["withBkg", "nav", "maxLoadBytes"] as const;
const NAV_SLABS_KEYS = ["navDim", "slabSize", "slabBytes", "withBkg", "signal", "maxLoadBytes", "readAhead", "reuse"] as const;
const DEFAULT_SLAB_BYTES = 64 * 1024 * 1024;

/**
 * Buffers for the slabs of a stream, in `slots` sets: `slabBuffers(n)(k)` gives the read targets
 * of slab k, those of slot k mod n, each made on first use and grown when a read needs more.
 */
function slabBuffers(slots: number): (k: number) => ReadTargets {
  const sets: { dtype: Dtype; array: AnyTypedArray }[][] = Array.from({ length: slots }, () => []);
  return (k) => {
    const set = sets[k % slots]!;
    return (i, dtype, elements) => {
      const n = elements * lanesOf(dtype);
      let buffer = set[i];
      if (buffer === undefined || buffer.dtype !== dtype || buffer.array.length < n) set[i] = buffer = { dtype, array: allocate(dtype, elements) };
      return buffer.array.subarray(0, n) as AnyTypedArray;
    };
  };
}

/** Splits `signal` off asynchronous options. */
function splitSignal<T extends AsyncLoadOptions>(options: T): { signal: AbortSignal | undefined; rest: Omit<T, "signal"> } {
  const { signal, ...rest } = options;
  if (signal !== undefined && !(signal instanceof AbortSignal)) throw new InvalidTypeError("options.signal must be an AbortSignal");
  return { signal, rest };
}

/** The DataType named by a node's `data_type` attribute (Python `DataType[name]`: exact name). */
function nodeDataType(node: Node): DataTypeName {
  if (!node.attrs.has(ATTR.data_type)) throw new MissingAttributeError(node.path, ATTR.data_type);
  const name = dataTypeOf(node);
  if (typeof name !== "string" || !Object.prototype.hasOwnProperty.call(DATA_TYPES, name)) {
    throw new LoadError("KeyError", `data_type ${JSON.stringify(String(name))} is not a DataType name (expected one of ${
      Object.keys(DATA_TYPES).join(", ")})`, { path: node.path });
  }
  return name as DataTypeName;
}

export class DataLoader {
  /** The open file: the `H5SaverLowLevel` handed in, or the one opened read-only from a path. */
  readonly h5saver: H5SaverLowLevel;
  private opened: boolean;
  /** The memory budget of each load, unless the call gives its own (bytes). */
  readonly maxLoadBytes: number;

  /**
   * A loader on the file at `path`, opened read-only off the main thread (the constructor opens
   * it on the calling thread): on the libuv pool for libhdf5, without blocking on the service for
   * an HSDS domain.
   * @param options the constructor's (`maxLoadBytes`, `storage`), and `signal`, which cancels the
   *   open while it has not started (rejects with an AbortError)
   * @throws (rejects) the backend's error when the path cannot be opened; InvalidValueError for a
   *   bad budget; InvalidTypeError for unknown options
   */
  static async open(path: string, options: DataLoaderOptions & AsyncLoadOptions = {}): Promise<DataLoader> {
    const { signal, rest } = splitSignal(checkOptions(options, ["signal", "maxLoadBytes", "storage"], "DataLoader.open"));
    // Checked before the file is opened: a bad budget leaves nothing open.
    const maxLoadBytes = rest.maxLoadBytes === undefined ? {} : { maxLoadBytes: checkBudget(rest.maxLoadBytes, "maxLoadBytes") };
    const h5saver = await H5SaverLowLevel.openReadOnlyAsync(path, {
      ...(rest.storage === undefined ? {} : { storage: rest.storage }), ...(signal === undefined ? {} : { signal }),
    });
    const loader = new DataLoader(h5saver, maxLoadBytes);
    loader.own();
    return loader;
  }

  /**
   * @param source an open `H5SaverLowLevel` (used as is, closed by `closeFile`) or the path of
   *   a file to open read-only.
   * @param options `maxLoadBytes`, the memory budget of each load; `storage`, the storage a path is
   *   opened with (default libhdf5; e.g. an HSDS storage, the path then being a domain)
   * @throws the backend's error when the path cannot be opened; InvalidValueError for a bad budget;
   *   InvalidTypeError for unknown options or a `source` that is neither a string nor an H5SaverLowLevel.
   */
  constructor(source: H5SaverLowLevel | string, options: DataLoaderOptions = {}) {
    if (typeof source !== "string" && !(source instanceof H5SaverLowLevel)) {
      throw new InvalidTypeError(`DataLoader: source must be a path or an H5SaverLowLevel, got ${describeValue(source)}`);
    }
    const o = checkOptions(options, ["maxLoadBytes", "storage"], "DataLoader");
    this.maxLoadBytes = options.maxLoadBytes === undefined ? DEFAULT_MAX_LOAD_BYTES : checkBudget(options.maxLoadBytes, "maxLoadBytes");
    this.opened = false;
    if (typeof source === "string") {
      this.h5saver = H5SaverLowLevel.openReadOnly(source, o.storage === undefined ? {} : { storage: o.storage });
      this.own();
    } else {
      this.h5saver = source;
    }
  }

  /**
   * Takes the file as its own, opened for it from a path: a budget above the default raises the
   * file's read budget (group listings, VLARRAY rows) with it; a smaller one is for the arrays of
   * the loads only.
   */
  private own(): void {
    this.h5saver.maxReadBytes = Math.max(this.maxLoadBytes, this.h5saver.maxReadBytes);
    this.opened = true;
  }

  /**
   * A node by path, or the child `name` of `where`.
   * @throws NodeError when there is no such node.
   */
  getNode(where: Where, name?: string): Node {
    return this.h5saver.getNode(where, name);
  }

  /** Every node under `where` (itself included), in the original's walk order (§7.5). */
  walkNodes(where: Where = "/"): Iterable<Node> {
    return this.h5saver.walkNodes(where);
  }

  /**
   * The `NavAxes` group that holds the navigation axes of `where`: the first one found walking up
   * from the node through its parents, or null.
   * @throws NodeError when `where` does not exist, or when a child matches `NavAxes` only
   *   case-insensitively (Q19).
   */
  getNavGroup(where: Where): GROUP | null {
    let node: Node | null = this.h5saver.getNode(where);
    while (node !== null) {
      if (node instanceof GROUP && this.h5saver.isNodeInGroup(node, NAV_AXES_GROUP_NAME)) {
        const nav = this.h5saver.getNode(node, NAV_AXES_GROUP_NAME);
        if (!(nav instanceof GROUP)) throw new NodeError(nav.path, "a group holding the navigation axes");
        return nav;
      }
      node = node.parentNode;
    }
    return null;
  }

  /**
   * The seed's `load_data`: a DataWithAxes from a data node, with the navigation axes of the
   * nearest `NavAxes` group (except for axis nodes), `dim` recomputed and missing axes created.
   * @param where the node (or its path); its `data_type` attribute selects the loader.
   * @throws MissingAttributeError (KeyError) when the node has no `data_type`; LoadError when it
   *   names no DataType; NodeError when the node is missing or is a group; the model's errors
   *   when the stored data is inconsistent (IndexError, DataShapeError...).
   */
  loadData(where: Where, options: LoadDataOptions = {}): DataWithAxes {
    checkOptions(options, LOAD_DATA_KEYS, "loadData");
    const window = this.navWindow(where, options.nav);
    return this.planData(where, options, readNow(window, this.budget(options), readMemoOf(this)), window)();
  }

  /**
   * `loadData` with the array reads off the main thread (the storage's `readAsync`, on the libuv
   * pool for libhdf5); the node look-ups and attributes are read on the calling thread.
   * @param options those of `loadData`, and `signal`
   * @throws (rejects) what `loadData` throws, the same error on the same file (a failed read names
   *   the storage call, `readAsync`); an AbortError when `signal` aborts before the reads ran
   */
  async loadDataAsync(where: Where, options: LoadDataOptions & AsyncLoadOptions = {}): Promise<DataWithAxes> {
    const { signal, rest } = splitSignal(options);
    checkOptions(rest, LOAD_DATA_KEYS, "loadDataAsync");
    // Planned on a turn of its own, not in the caller's (see navSlabs).
    await yieldToLoop();
    return this.loadWindowAsync(where, rest, signal, null);
  }

  /** `loadDataAsync` of checked options, as one load of a stream when `stream` is given. */
  private async loadWindowAsync(where: Where, options: LoadDataOptions, signal: AbortSignal | undefined, stream: StreamReads | null): Promise<DataWithAxes> {
    const window = this.navWindow(where, options.nav);
    const batch = new ReadBatch(window, this.budget(options), stream);
    const build = await batch.afterPlanning(() => this.planData(where, options, batch, window), signal);
    return build();
  }

  /**
   * The data of `where` slab by slab along one navigation dimension (`navDim`, the first by
   * default), each slab read on its own: slab k holds `loadData(where).inav.get(...)` with
   * `Slice.of(start, stop)` at `navDim` and the dimensions before it whole. The next `readAhead`
   * slabs are read while the consumer works on the current one, in order on the libuv pool
   * (memory holds the slab being consumed and up to `readAhead` more); leaving the loop early
   * cancels those not yet started. The arrays read whole (the axes) are read for the first slabs
   * only, then copied (or, with `reuse`, shared).
   * @throws (rejects) LoadError (IndexError) when the node has no navigation dimension `navDim`;
   *   InvalidValueError for a `navDim`, `slabSize` or `readAhead` that is not a non-negative /
   *   positive / non-negative integer, or a `slabBytes` that is not a finite positive number;
   *   InvalidTypeError for a `reuse` that is not a boolean; what `loadDataAsync` throws
   */
  async *navSlabs(where: Where, options: NavSlabsOptions = {}): AsyncGenerator<NavSlab> {
    checkOptions(options, NAV_SLABS_KEYS, "navSlabs");
    const { signal: given } = splitSignal(options);
    const navDim = options.navDim ?? 0;
    if (!Number.isSafeInteger(navDim) || navDim < 0) throw new InvalidValueError(`navSlabs: navDim must be a non-negative integer, got ${navDim}`);
    const readAhead = options.readAhead ?? 1;
    if (!Number.isSafeInteger(readAhead) || readAhead < 0) throw new InvalidValueError(`navSlabs: readAhead must be a non-negative integer, got ${readAhead}`);
    if (options.reuse !== undefined && typeof options.reuse !== "boolean") throw new InvalidTypeError(`navSlabs: reuse must be a boolean, got ${String(options.reuse)}`);
    const slabBytes = options.slabBytes ?? DEFAULT_SLAB_BYTES;
    if (typeof slabBytes !== "number" || !Number.isFinite(slabBytes) || slabBytes <= 0) throw new InvalidValueError(`navSlabs: slabBytes must be a finite positive number, got ${describeValue(slabBytes)}`);
    // The caller's turn (an open's end, say), the node's look-up and the first slab's planning
    // are each a block of the event loop, of milliseconds in a fresh process before the JIT has
    // compiled them: each has a turn of its own.
    await yieldToLoop();
    const node = arrayNodeOf(this.h5saver.getNode(where));
    const { size, rowBytes } = NavWindow.navExtent(node, navDim);
    await yieldToLoop();
    const step = options.slabSize ?? Math.max(1, Math.floor(slabBytes / Math.max(1, rowBytes)));
    if (!Number.isSafeInteger(step) || step <= 0) throw new InvalidValueError(`navSlabs: slabSize must be a positive integer, got ${step}`);
    const before: NavItem[] = Array.from({ length: navDim }, () => Slice.all);
    // Aborted when the consumer leaves: the reads ahead that have not started are dropped.
    const left = new AbortController();
    const signal = given === undefined ? left.signal : AbortSignal.any([given, left.signal]);
    // Every read queued ahead listens to it (several arrays per slab): many listeners by design.
    setMaxListeners(0, signal);
    // With `reuse`, slab k reads into the buffers of slot k mod (readAhead + 1): those of the slab
    // the consumer has just finished with when slab k is asked for.
    const slots = options.reuse === true ? slabBuffers(readAhead + 1) : null;
    const wholes = new Map<string, NDArray>();
    const read = (start: number): Promise<DataWithAxes> => this.loadWindowAsync(node, {
      nav: [...before, Slice.of(start, Math.min(size, start + step))], withBkg: options.withBkg ?? false,
      ...(options.maxLoadBytes === undefined ? {} : { maxLoadBytes: options.maxLoadBytes }),
    }, signal, { wholes, shared: slots !== null, targets: slots?.(start / step) ?? null });
    const pending: PendingSlab[] = [];
    let next = 0;
    // A slab read ahead is planned after a turn of the event loop, so that planning two slabs
    // (or building one and planning the next) does not hold the loop at once. Its planning then
    // overlaps the read before it without waiting for it: it touches the file only through what
    // the first slab's planning cached (attributes, extents).
    const readNext = (ahead: boolean): void => {
      const start = next;
      const data = ahead ? yieldToLoop().then(() => read(start)) : read(start);
      data.catch(() => undefined); // a read ahead the consumer never reaches fails unseen
      pending.push({ start, stop: Math.min(size, start + step), data });
      next = Math.min(size, next + step);
    };
    try {
      while (next < size || pending.length > 0) {
        if (pending.length === 0) readNext(false);
        const slab = pending.shift()!;
        while (pending.length < readAhead && next < size) readNext(true);
        yield { start: slab.start, stop: slab.stop, data: await slab.data };
      }
    } finally {
      left.abort();
    }
  }

  /**
   * The whole array of an array node, read off the main thread (stored shape and dtype).
   * @throws (rejects) NodeError when the node is missing or a group; an AbortError on abort
   */
  async readArrayAsync(where: Where, options: AsyncLoadOptions = {}): Promise<NDArray> {
    const { signal } = splitSignal(checkOptions(options, ["signal"], "readArrayAsync") as AsyncLoadOptions);
    return arrayNodeOf(this.h5saver.getNode(where)).readAsync(undefined, signal === undefined ? {} : { signal });
  }

  /** What `loadData` reads of `where` (asked of `reads`) and the function that builds it. */
  private planData(where: Where, options: LoadDataOptions, reads: LoadReads, window: NavWindow | null): () => DataWithAxes {
    const node = this.h5saver.getNode(where);
    const dataType = nodeDataType(node);
    const build = planDataFromNode(this.h5saver, node, {
      dataType, withBkg: options.withBkg ?? false, loadAll: options.loadAll ?? false,
    }, reads);
    const nav = dataType === "axis" ? null : this.getNavGroup(node);
    const navAxes = nav === null ? null : planAxes(this.h5saver, nav, reads);
    return () => {
      const dwa = build();
      if (navAxes !== null) {
        dwa.axes = [...dwa.axes, ...navAxes()];
        dwa.getDimFromDataAxes();
      }
      window?.addMissingAxes(dwa);
      dwa.createMissingAxes();
      return window === null ? dwa : window.finish(dwa);
    };
  }

  /** The budget of one call: its own `maxLoadBytes`, else the loader's. */
  private budget(options: { maxLoadBytes?: number }): LoadBudget {
    return new LoadBudget(options.maxLoadBytes === undefined ? this.maxLoadBytes : checkBudget(options.maxLoadBytes, "maxLoadBytes"));
  }

  /** The navigation window of a partial load, or null for a whole one. */
  private navWindow(where: Where, nav: readonly NavItem[] | undefined): NavWindow | null {
    if (nav === undefined) return null;
    if (!Array.isArray(nav)) throw new InvalidTypeError("options.nav must be an array of navigation items");
    return NavWindow.of(arrayNodeOf(this.h5saver.getNode(where)), nav);
  }

  /**
   * The seed's `load_all`: walks the children of the group `where` (in `GROUP.children` order:
   * sub-groups first),
   * recursing into sub-groups, and loads the group's first node whose `data_type` contains
   * `data` with `loadAll` (the later arrays are skipped, Q14). The group's DataWithAxes are
   * appended to `data` as a DataToExport named after the group (same name and origin replace).
   * @param where a group (or its path).
   * @param data the collection to fill (default: a new DataToExport named `All`).
   * @returns `data`.
   * @throws NodeError when `where` is not a group, or holds a group hard-linked under itself (a
   *   cycle); InvalidTypeError when `data` is not a DataToExport; any load error aborts the whole call.
   */
  loadAll(where: Where, data: DataToExport = new DataToExport("All"), options: LoadAllOptions = {}): DataToExport {
    checkDataToExport("loadAll", data);
    checkOptions(options, LOAD_ALL_KEYS, "loadAll");
    const budget = this.budget(options);
    const memo = readMemoOf(this);
    this.planAll(where, data, options, (window) => readNow(window, budget, memo), runNow, null)(runNow);
    return data;
  }

  /**
   * `loadAll` with the array reads off the main thread (see `loadDataAsync`), and the walk of
   * the nodes and the building of the result in slices that yield to the event loop (one step
   * per group and per loaded node).
   * @param options those of `loadAll`, and `signal`
   * @throws (rejects) what `loadAll` throws, the same error on the same file (a failed read names
   *   the storage call, `readAsync`); an AbortError when `signal` aborts before the reads ran
   */
  async loadAllAsync(where: Where, data: DataToExport = new DataToExport("All"), options: LoadAllOptions & AsyncLoadOptions = {}): Promise<DataToExport> {
    checkDataToExport("loadAllAsync", data);
    const { signal, rest } = splitSignal(options);
    checkOptions(rest, LOAD_ALL_KEYS, "loadAllAsync");
    const batch = new ReadBatch(null, this.budget(rest));
    const planning = new SliceRunner();
    // The top group's planning is a step too, on a turn of the event loop of its own: in a fresh
    // process its first node look-ups run before the JIT has compiled them (milliseconds), and
    // the caller's own work (an open's end) comes before it in the same turn.
    let build: (build: Later) => void = () => undefined;
    planning.later(() => {
      build = this.planAll(where, data, rest, (window) => batch.within(window), planning.later, null);
    });
    await yieldToLoop();
    await batch.afterPlanning(() => planning.run(signal, this.h5saver.filename ?? undefined), signal);
    const building = new SliceRunner();
    build(building.later);
    await building.run();
    return data;
  }

  /**
   * What `loadAll` reads (asked of `readsIn(window)`, the reads of one node in its navigation
   * window), and the function that gives `later` the steps filling `data` (one per group, in
   * the order `loadAll` fills it: a group after its sub-groups). The planning of each sub-group
   * and of the loaded node is handed to `later` (a step of its own).
   * @param ancestors the groups from the call's start down to `where`'s parent (a hard-link cycle throws)
   */
  private planAll(
    where: Where, data: DataToExport, options: LoadAllOptions, readsIn: (window: NavWindow | null) => LoadReads, later: Later,
    ancestors: Ancestors | null,
  ): (build: Later) => void {
    const group = this.h5saver.getNode(where);
    if (!(group instanceof GROUP)) throw new NodeError(group.path, "a group");
    const chain = descend(ancestors, group);
    const subGroups: ((build: Later) => void)[] = [];
    let loaded: (() => DataWithAxes) | null = null;
    for (const child of group.children()) {
      if (child instanceof GROUP) {
        const at = subGroups.length;
        subGroups.push(() => undefined);
        later(() => { subGroups[at] = this.planAll(child, data, options, readsIn, later, chain); });
        continue;
      }
      const dataType = dataTypeOf(child);
      if (typeof dataType === "string" && dataType.includes("data")) {
        later(() => {
          const window = this.navWindow(child, options.nav);
          loaded = this.planData(child, { withBkg: options.withBkg ?? false, loadAll: true }, readsIn(window), window);
        });
        break;
      }
    }
    return (build) => {
      for (const sub of subGroups) sub(build);
      build(() => {
        // the DataWithAxes were just read and belong to nobody else: no copy of the arrays
        const built = loaded === null ? [] : [(loaded as () => DataWithAxes)()];
        data.appendOwned(new DataToExport(group.name, { data: built }));
      });
    };
  }

  /** Closes the file (also when it was handed in open). Idempotent. */
  closeFile(): void {
    this.h5saver.closeFile();
  }

  /**
   * `closeFile()` without holding the event loop where the storage allows: for libhdf5 the
   * memory the file's caches were freed in goes back to the system on the libuv pool (after a
   * large load, milliseconds that `closeFile` spends on the calling thread).
   */
  async closeFileAsync(): Promise<void> {
    await this.h5saver.closeFileAsync();
  }

  /** Closes the file, as the original's context manager does. */
  [Symbol.dispose](): void {
    this.closeFile();
  }

  /** `closeFileAsync()`, for `await using`. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.closeFileAsync();
  }

  /** True when this loader opened the file itself (from a path, read-only). */
  get ownsFile(): boolean {
    return this.opened;
  }
}
