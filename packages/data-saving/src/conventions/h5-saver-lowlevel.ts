/**
 * H5SaverLowLevel: the PyMoDAQ file conventions on top of H5Backend (original
 * `pymodaq_data.h5modules.saving.H5SaverLowLevel`): `initFile` with the raw group and the Logger,
 * `addArray`, incremental groups (`Scan000`, `Detector000`...), group look-ups and the next-index
 * counters the savers name their nodes with.
 *
 * @example
 * using h5 = new H5SaverLowLevel({ saveType: "scan" });
 * h5.initFile("/tmp/myscan.h5", { newFile: true });
 * const scan = h5.addScanGroup(h5.rawGroup, "my scan");
 * h5.addLog("scan started");
 * h5.closeFile();
 */
import { PyDict, type PyValue } from "@pymodaq-ts/data-model";
import { existsSync } from "node:fs";
import { dirname, join, parse, resolve } from "node:path";
import type { Dtype, StorageAsyncOptions, StorageFile } from "../storage/types.js";
import { FileStateError, NodeError } from "../errors.js";
import {
  ATTR,
  capitalize,
  checkDataDim,
  checkDataType,
  checkGroupType,
  checkSaveType,
  DEFAULT_RAW_GROUP_NAME,
  groupTypeAttrValue,
  incrementalGroupName,
  LOGGER_NAME,
  LOGGER_TYPE,
  nextIncrementalIndex,
  RAW_GROUP_TITLE,
  typedAttr,
  type EnumInput,
  type SaveTypeName,
} from "./layout.js";
import { checkClock, localClock, type FileClock } from "./clock.js";
import { checkFlushPolicy, FlushScheduler, type FlushPolicy } from "./durability.js";
import { CLOSE_SIGNALS, SignalGuard } from "./signals.js";
import { NodeCounters } from "./counters.js";
import { H5Backend, type H5BackendOptions, type Where } from "./h5-backend.js";
import { metadataEntries, type Metadata } from "./metadata.js";
import { checkOptions } from "../options.js";
import type { CARRAY, EARRAY } from "./nodes/arrays.js";
import type { ArrayData } from "./nodes/arraydata.js";
import { GROUP } from "./nodes/group.js";
import type { Node } from "./nodes/node.js";
import { StringARRAY } from "./nodes/vlarray.js";
import { checkFileName } from "../arguments.js";

export interface H5SaverLowLevelOptions extends H5BackendOptions {
  /** SaveType written as `/RawData@type` (default `'scan'`). */
  saveType?: EnumInput;
  /**
   * When a writable file is flushed (see `FlushPolicy`; missing fields take the default's):
   * default every second, so a killed process loses at most the last second of points.
   */
  flushPolicy?: Partial<FlushPolicy>;
}

export interface InitFileOptions {
  /** Name of the raw group (default `RawData`). */
  rawGroupName?: string;
  /** Create or truncate the file (forced when it does not exist). Default false: open read-write. */
  newFile?: boolean;
  /** Attributes written on the raw group of a new file. */
  metadata?: Metadata | null;
  /** Pins the root `date`/`time` attributes (replays); default: the local clock. */
  clock?: FileClock;
  /** Root `pymodaq_version` (default `'0.0.0'`). */
  pymodaqVersion?: string;
  /** Root `pymodaq_data_version` (default `'5.0.0'`). */
  pymodaqDataVersion?: string;
}

export interface AddArrayOptions {
  /** TITLE of the node. */
  title?: string;
  /** Data to store (CARRAY), or whose dtype is used. */
  data?: ArrayData | null;
  /** Shape of one element: of the data (extended arrays) or of one EARRAY row. */
  dataShape?: readonly number[] | null;
  /** Element type when there is no data (default: the data's, else float64). */
  arrayType?: Dtype | null;
  /** DataDim name of the data (`data_dimension`, required). */
  dataDimension?: EnumInput;
  /** Scan dimensions prepended to `dataShape` when `addScanDim`. */
  scanShape?: readonly number[];
  /** Creates a zero-filled CARRAY of shape `scanShape + dataShape` (dataShape `(1,)` is dropped). */
  addScanDim?: boolean;
  /** EARRAY instead of CARRAY. */
  enlargeable?: boolean;
  /** Further attributes, written after `data_type` and `data_dimension`. */
  metadata?: Metadata | null;
}

const ADD_ARRAY_KEYS: readonly (keyof AddArrayOptions)[] = [
  "title", "data", "dataShape", "arrayType", "dataDimension", "scanShape", "addScanDim", "enlargeable", "metadata",
];
const INIT_FILE_KEYS: readonly (keyof InitFileOptions)[] = [
  "rawGroupName", "newFile", "metadata", "clock", "pymodaqVersion", "pymodaqDataVersion",
];
const SAVER_KEYS: readonly (keyof H5SaverLowLevelOptions)[] = ["saveType", "backend", "storage", "flushPolicy"];

export class H5SaverLowLevel extends H5Backend {
  /** SaveType name written on the raw group of new files. */
  readonly saveType: SaveTypeName;
  /** Directory of the file given to `initFile`. */
  h5FilePath: string | null = null;
  /** File name (`stem.h5`) given to `initFile`. */
  h5FileName: string | null = null;
  private rawGroupPath: string = `/${DEFAULT_RAW_GROUP_NAME}`;
  private loggerArray: StringARRAY | null = null;
  private currentGroup: GROUP | null = null;
  private counters = new NodeCounters();
  /** The flush policy of writable files. */
  readonly flushPolicy: FlushPolicy;
  private scheduler: FlushScheduler | null = null;
  private pointDepth = 0;
  private signalGuard: SignalGuard | null = null;

  /** @throws InvalidValueError for an invalid save type or backend; InvalidTypeError for unknown options. */
  constructor(options: H5SaverLowLevelOptions = {}) {
    const o = checkOptions(options, SAVER_KEYS, "H5SaverLowLevel");
    super({ ...(o.backend === undefined ? {} : { backend: o.backend }), ...(o.storage === undefined ? {} : { storage: o.storage }) });
    this.saveType = checkSaveType(o.saveType ?? "scan");
    this.flushPolicy = checkFlushPolicy(o.flushPolicy);
  }

  /**
   * Opens an existing file read-only (for loaders: nothing is ever written). The raw group is
   * `/RawData` when present; the Logger is not created.
   * @throws the backend's error when the file cannot be opened.
   */
  static openReadOnly(path: string, options: Omit<H5SaverLowLevelOptions, "saveType"> = {}): H5SaverLowLevel {
    const saver = new H5SaverLowLevel(options);
    saver.openFile(path, "r");
    saver.h5FilePath = dirname(resolve(path));
    saver.h5FileName = parse(path).base;
    return saver;
  }

  /**
   * `openReadOnly` with the file opened off the main thread (the storage's `openAsync`).
   * @param options the saver's options, and `signal` (cancels the open while it has not started)
   * @throws (rejects) the backend's error when the file cannot be opened; an AbortError on abort
   */
  static async openReadOnlyAsync(path: string, options: Omit<H5SaverLowLevelOptions, "saveType"> & StorageAsyncOptions = {}): Promise<H5SaverLowLevel> {
    const { signal, ...rest } = options;
    const saver = new H5SaverLowLevel(rest);
    await saver.openFileReadOnlyAsync(path, signal === undefined ? {} : { signal });
    saver.h5FilePath = dirname(resolve(path));
    saver.h5FileName = parse(path).base;
    return saver;
  }

  /**
   * Initializes a file (file-format.md §1.1): `stem.h5` in the given directory; created (or truncated) when
   * `newFile` or when it does not exist, otherwise opened read-write. Gets or creates the raw
   * group and the Logger; on a new file writes `/RawData@type`, root `file`, `date`, `time` and
   * the metadata on the raw group. Returns true when a new file was created.
   * @throws InvalidTypeError for unknown options or a `fileName` that is not a string,
   *   InvalidValueError for an empty `fileName` or a bad clock.
   */
  initFile(fileName: string, options: InitFileOptions = {}): boolean {
    checkFileName("initFile", fileName);
    const o = checkOptions(options, INIT_FILE_KEYS, "initFile");
    const given = o.clock === undefined ? undefined : checkClock(o.clock);
    const parsed = parse(resolve(fileName));
    this.h5FileName = `${parsed.name}.h5`;
    this.h5FilePath = parsed.dir;
    const full = join(parsed.dir, this.h5FileName);
    const newFile = (o.newFile ?? false) || !(this.storage.exists?.(full) ?? existsSync(full));
    this.openFile(full, newFile ? "w" : "a", {
      ...(o.pymodaqVersion === undefined ? {} : { pymodaqVersion: o.pymodaqVersion }),
      ...(o.pymodaqDataVersion === undefined ? {} : { pymodaqDataVersion: o.pymodaqDataVersion }),
    });
    const raw = this.getSetGroup(this.root(), o.rawGroupName ?? DEFAULT_RAW_GROUP_NAME, RAW_GROUP_TITLE);
    this.rawGroupPath = raw.path;
    this.getSetLogger(raw);
    if (newFile) {
      const clock = given ?? localClock();
      raw.attrs.set(ATTR.type, this.saveType);
      this.root().attrs.setMany([[ATTR.file, this.h5FileName], [ATTR.date, clock.date], [ATTR.time, clock.time]]);
      raw.attrs.setMany(metadataEntries(o.metadata));
    }
    // From here on the file on disk is a complete PyMoDAQ file, whatever happens to the process.
    this.flush();
    return newFile;
  }

  override openFile(...args: Parameters<H5Backend["openFile"]>): void {
    super.openFile(...args);
    this.resetFileState();
  }

  override async openFileReadOnlyAsync(...args: Parameters<H5Backend["openFileReadOnlyAsync"]>): Promise<void> {
    await super.openFileReadOnlyAsync(...args);
    this.resetFileState();
  }

  /** The state of a newly opened file: no counters, Logger or current group yet. */
  private resetFileState(): void {
    this.scheduler = this.h5File?.writable ? new FlushScheduler(this.flushPolicy, () => this.flush()) : null;
    this.counters = new NodeCounters();
    this.loggerArray = null;
    this.currentGroup = null;
    this.rawGroupPath = `/${DEFAULT_RAW_GROUP_NAME}`;
  }

  /** The raw group (`/RawData`). @throws NodeError when the file has none; FileStateError when closed. */
  get rawGroup(): GROUP {
    return this.getGroup(this.rawGroupPath);
  }

  /** The Logger string array, or null before `initFile`. */
  get logger(): StringARRAY | null {
    return this.isopen() ? this.loggerArray : null;
  }

  /** The group last returned by `getSetGroup`/`add*Group`, or null. */
  get current(): GROUP | null {
    return this.currentGroup;
  }

  /**
   * Gets or creates the Logger string array under `where` (default: the raw group).
   * @throws NodeError when a `Logger` node exists but is not a string array.
   */
  getSetLogger(where: Where | null = null): StringARRAY {
    const parent = this.getGroup(where ?? this.rawGroupPath);
    let logger: Node;
    if (!parent.hasChild(LOGGER_NAME)) {
      logger = this.addStringArray(parent, LOGGER_NAME);
      logger.attrs.set(ATTR.type, LOGGER_TYPE);
    } else {
      logger = parent.child(LOGGER_NAME);
    }
    if (!(logger instanceof StringARRAY)) throw new NodeError(logger.path, "a VLARRAY of strings (subdtype 'string')");
    this.loggerArray = logger;
    return logger;
  }

  /** Appends `msg` to the Logger (a protocol-4 pickle). @throws FileStateError before `initFile`. */
  addLog(msg: string): void {
    if (this.loggerArray === null || !this.isopen()) throw new FileStateError("addLog: no Logger, call initFile first");
    this.loggerArray.append(msg);
  }

  /** Creates a string array with `shape=(0,)`, `data_type='strings'` and the metadata. */
  addStringArray(where: Where, name: string, title = "", metadata: Metadata | null = null): StringARRAY {
    const array = this.createVlarray(where, name, "string", title) as StringARRAY;
    array.attrs.setMany([[ATTR.shape, typedAttr(ATTR.shape, [0])], [ATTR.data_type, "strings"], ...metadataEntries(metadata)]);
    return array;
  }

  /**
   * Creates a data array node `capitalize(name)` (file-format.md §5, §4.2, §4.3) with `data_type` and
   * `data_dimension`, then the metadata; counts it for the next-index counters.
   * @throws InvalidValueError for an invalid data type or dim, or a CARRAY without data;
   * InvalidTypeError for unknown options; NodeError when the name is taken.
   */
  addArray(where: Where, name: string, dataType: EnumInput, options: AddArrayOptions = {}): CARRAY | EARRAY {
    const o = checkOptions(options, ADD_ARRAY_KEYS, "addArray");
    const type = checkDataType(dataType);
    const dim = checkDataDim(o.dataDimension ?? "");
    const dtype: Dtype = o.arrayType ?? o.data?.dtype ?? "float64";
    const parent = this.getGroup(where);
    const title = o.title ?? "";
    let array: CARRAY | EARRAY;
    if (o.enlargeable) {
      array = this.createEarray(parent, capitalize(name), dtype, o.dataShape ?? null, title);
    } else if (o.addScanDim && (o.data === null || o.data === undefined)) {
      const dataShape = o.dataShape ?? [];
      const shape = [...(o.scanShape ?? [])];
      if (!(dataShape.length === 1 && dataShape[0] === 1)) shape.push(...dataShape);
      array = this.createCarray(parent, capitalize(name), { dtype, shape }, title);
    } else {
      array = this.createCarray(parent, capitalize(name), o.data, title);
    }
    array.attrs.setMany([[ATTR.data_type, type], [ATTR.data_dimension, dim], ...metadataEntries(o.metadata)]);
    this.counters.increment(parent.path, type);
    return array;
  }

  /**
   * Number of nodes whose `data_type` is `dataType` in `where`'s subtree (file-format.md §3.1, Q9): the
   * index of the next such node. Computed by one walk per group, then kept up to date by
   * `addArray`.
   */
  getNextIndex(where: Where, dataType: EnumInput): number {
    return this.counters.count(this.getGroup(where), checkDataType(dataType));
  }

  /**
   * Python `save_file`: a copy of the open file at `filename` (see `saveFileAs`); an empty name
   * does nothing, as in the original. The original asks for the name in a file dialog when none
   * is given; here it is required.
   * @throws the errors of `saveFileAs`
   */
  saveFile(filename: string): void {
    if (filename !== "") this.saveFileAs(filename);
  }

  /** Forgets the next-index counters (needed only after writes that bypass `addArray`). */
  resetCounters(): void {
    this.counters.reset();
  }

  override getSetGroup(where: Where, name: string, title = ""): GROUP {
    this.currentGroup = super.getSetGroup(where, name, title);
    return this.currentGroup;
  }

  /** Groups among the direct children of `where` whose `type` attribute is the GroupType name. */
  getGroups(where: Where, groupType: EnumInput): GROUP[] {
    const type = checkGroupType(groupType);
    return this.getGroup(where)
      .children()
      .filter((n): n is GROUP => n instanceof GROUP && n.attrs.has(ATTR.type) && n.attrs.get(ATTR.type) === type);
  }

  /** The last of `getGroups`, or null. */
  getLastGroup(where: Where, groupType: EnumInput): GROUP | null {
    const groups = this.getGroups(where, groupType);
    return groups[groups.length - 1] ?? null;
  }

  /**
   * Adds (or reuses) the next incremental group `capitalize(type) + NNN` under `where`
   * (file-format.md §3.2), then writes `settings`, `type` (`''` for `ch`) and the metadata.
   * @throws InvalidValueError for an invalid group type.
   */
  addIncrementalGroup(groupType: EnumInput, where: Where, title = "", settingsAsXml = "", metadata: Metadata | null = null): GROUP {
    const type = checkGroupType(groupType);
    const parent = this.getGroup(where);
    const index = nextIncrementalIndex(type, parent.storage.childNames());
    const group = this.getSetGroup(parent, incrementalGroupName(type, index), title);
    group.attrs.setMany([[ATTR.settings, settingsAsXml], [ATTR.type, groupTypeAttrValue(type)], ...metadataEntries(metadata)]);
    return group;
  }

  /** `Detector%03d` group. */
  addDetGroup(where: Where, title = "", settingsAsXml = "", metadata: Metadata | null = null): GROUP {
    return this.addIncrementalGroup("detector", where, title, settingsAsXml, metadata);
  }

  /** `Actuator%03d` group. */
  addActGroup(where: Where, title = "", settingsAsXml = "", metadata: Metadata | null = null): GROUP {
    return this.addIncrementalGroup("actuator", where, title, settingsAsXml, metadata);
  }

  /** `Actuator%03d` group (Python `add_move_group`). */
  addMoveGroup(where: Where, title = "", settingsAsXml = "", metadata: Metadata | null = null): GROUP {
    return this.addActGroup(where, title, settingsAsXml, metadata);
  }

  /** `Ch%03d` group with `type=''` (Q24). */
  addChGroup(where: Where, title = "", settingsAsXml = "", metadata: Metadata | null = null): GROUP {
    return this.addIncrementalGroup("ch", where, title, settingsAsXml, metadata);
  }

  /** `Scan%03d` group (default under the raw group) with `description=''` and `scan_done=False` after the metadata. */
  addScanGroup(where: Where | null = null, title = "", settingsAsXml = "", metadata: Metadata | null = null): GROUP {
    const meta = new Map<string, PyValue>(metadataEntries(metadata));
    meta.set(ATTR.description, "");
    meta.set(ATTR.scan_done, false);
    return this.addIncrementalGroup("scan", where ?? this.rawGroupPath, title, settingsAsXml, meta);
  }

  /** `add_group(dim name, 'data_dim', ...)` with `settings` appended to the metadata. */
  addDataGroup(where: Where, dataDim: EnumInput, title = "", settingsAsXml = "", metadata: Metadata | null = null): GROUP {
    const dim = checkDataDim(dataDim);
    const meta = new Map<string, PyValue>(metadataEntries(metadata));
    meta.set(ATTR.settings, settingsAsXml);
    return this.addGroup(dim, "data_dim", where, title, new PyDict([...meta.entries()]));
  }

  /**
   * Writes the deferred attributes and flushes the file (then fsyncs it when the policy says so).
   * No-op when closed.
   * @throws the storage's error when the flush fails (H5Error naming the file).
   */
  override flush(): void {
    const file = this.h5File;
    if (file === null) return;
    super.flush();
    if (this.flushPolicy.fsync && file.writable) this.failing(() => file.sync?.());
    this.scheduler?.flushed();
  }

  /**
   * Runs the writes of one acquisition point: the savers' `addData` run in one, and the policy
   * counts the point when the outermost one returns (a DataToExport saver writing several
   * channels is one point), flushing when due. Points written without a saver can be counted the
   * same way. A write that throws counts no point and becomes the file's first failure, which a
   * failing close does not hide (see `closeFile`).
   * @returns what `write` returns
   * @throws what `write` throws; the flush's error when the policy flushes and the flush fails
   * @example
   * h5.savePoint(() => h5.addArray(...));
   */
  savePoint<T>(write: () => T): T {
    this.pointDepth++;
    let result: T;
    try {
      result = this.failing(write);
    } finally {
      this.pointDepth--;
    }
    if (this.pointDepth === 0 && this.isopen()) this.scheduler?.pointSaved();
    return result;
  }

  /** Points saved since the last flush (0 for a read-only or closed file). */
  get unflushedPoints(): number {
    return this.scheduler?.unflushedPoints ?? 0;
  }

  /**
   * Closes the file when the process receives one of `signals` (default SIGINT and SIGTERM), then
   * lets the signal end the process as it would have; an application that listens to the signal
   * itself keeps control and closes the file on its way out (see `SignalGuard`). The listeners are
   * removed when the file closes, by any path. Call after `initFile`; calling again replaces them.
   * @returns the guard (dispose it to remove the listeners earlier)
   * @throws FileStateError when no file is open; InvalidValueError for signals that cannot be handled.
   */
  closeOnSignals(signals: readonly NodeJS.Signals[] = CLOSE_SIGNALS): SignalGuard {
    this.openSession();
    this.signalGuard?.dispose();
    this.signalGuard = new SignalGuard(this, signals);
    return this.signalGuard;
  }

  override closeFile(): void {
    const file = this.endFile();
    super.closeFile();
    file?.sync?.();
  }

  /**
   * `closeFile()` with the file closed off the main thread where the storage can (`H5Backend.closeFileAsync`);
   * the fsync of the `fsync` flush policy, after it, stays on the calling thread.
   */
  override async closeFileAsync(): Promise<void> {
    const file = this.endFile();
    await super.closeFileAsync();
    file?.sync?.();
  }

  /** Drops what belongs to the open file; returns the file when the flush policy fsyncs it after its close. */
  private endFile(): StorageFile | null {
    this.loggerArray = null;
    this.currentGroup = null;
    this.signalGuard?.dispose();
    this.signalGuard = null;
    this.scheduler?.dispose();
    this.scheduler = null;
    const file = this.h5File;
    return this.flushPolicy.fsync && file !== null && file.writable ? file : null;
  }
}
