/**
 * @pymodaq-ts/data-saving: PyMoDAQ's HDF5 data saving. Files written here open in PyMoDAQ, h5py and
 * PyTables as if PyMoDAQ had written them; PyMoDAQ's files load here as PyMoDAQ loads them.
 *
 * This entry holds what a user of the savers and loaders needs. The checking tools (the canonical
 * inspector, scenario replay, the attribute codec) are in `@pymodaq-ts/data-saving/tools`.
 *
 * @example
 * import { DataLoader, DataToExportSaver, H5SaverLowLevel } from "@pymodaq-ts/data-saving";
 * using h5 = new H5SaverLowLevel({ saveType: "detector" });
 * h5.initFile("/tmp/run.h5", { newFile: true });
 * new DataToExportSaver(h5).addData(h5.addDetGroup(h5.rawGroup, "camera"), dte);
 */
export const packageName = "@pymodaq-ts/data-saving";

// Storage: the interface every HDF5 implementation provides, and the default one (libhdf5).
export type {
  ArrayCreateSpec, AttributeStore, ChildEntry, ChildKind, ChildOrder, ChildrenOptions, FileSettings, Hyperslab, LinkTarget, Storage,
  StorageArray, StorageAsyncOptions, StorageReadOptions, StorageBlockWriter, StorageFile, StorageFlushState, StorageFollow, StorageGroup, StorageLayoutInfo, StorageVlen, StoredAttr,
  StringStorage,
  VlenCreateSpec,
} from "./storage/types.js";
export { libhdf5Storage } from "./storage/libhdf5.js";

// The same files as HSDS domains (the HDF Group's REST service), and its typed errors.
export { hsdsStorage, type HsdsStorage, type HsdsStorageOptions } from "./storage/hsds/storage.js";
export type { BatchPolicy } from "./storage/hsds/batching.js";
export type { RequestStats } from "./storage/hsds/client.js";
export {
  HsdsError, HsdsUnsavedRowsError, isHsdsError, isHsdsUnsavedRowsError, type UnsavedRows,
} from "./storage/hsds/errors.js";

// Errors
export * from "./errors.js";

// The PyMoDAQ file conventions: the low-level saver, node wrappers, names of the layout.
export {
  H5SaverLowLevel, type AddArrayOptions, type H5SaverLowLevelOptions, type InitFileOptions,
} from "./conventions/h5-saver-lowlevel.js";
export {
  H5Backend, type H5BackendOptions, type OpenFileOptions, type OpenMode, type Where,
} from "./conventions/h5-backend.js";
export { DEFAULT_FLUSH_POLICY, type FlushPolicy } from "./conventions/durability.js";
export { CLOSE_SIGNALS, SignalGuard } from "./conventions/signals.js";
export { Node } from "./conventions/nodes/node.js";
export { NodeAttrs } from "./conventions/nodes/attrs.js";
export { GROUP } from "./conventions/nodes/group.js";
export { CARRAY, EARRAY } from "./conventions/nodes/arrays.js";
export { VLARRAY, StringARRAY } from "./conventions/nodes/vlarray.js";
export type { ArrayData } from "./conventions/nodes/arraydata.js";
export type { CarrayInit } from "./conventions/nodes/create.js";
export { walkGroups, walkNodes } from "./conventions/walk.js";
export { localClock, type FileClock } from "./conventions/clock.js";
export type { Metadata } from "./conventions/metadata.js";
export {
  ATTR, DATA_DIMS, DATA_TYPES, FILE_SETTINGS, GROUP_TYPES, SAVE_TYPES, arrayNodeIndex, arrayNodeName,
  channelGroupName, incrementalGroupName,
  type BackendName, type DataDimName, type DataTypeName, type EnumInput, type GroupTypeName, type SaveTypeName,
} from "./conventions/layout.js";

// The savers and loaders of pymodaq_data.h5modules.data_saving
export * from "./savers/index.js";
export * from "./loader/index.js";

// Loads of untrusted files in a supervised child process (a crash, hang or memory blow-up of
// libhdf5 becomes a ReaderDiedError; the caller's process is never at risk).
export { loadDataUntrusted, loadAllUntrusted, type UntrustedReadOptions } from "./tools/untrusted/read-untrusted.js";
export { DEFAULT_READ_LIMITS } from "./tools/untrusted/supervise.js";

// Saving off the main thread
export * from "./background/index.js";
