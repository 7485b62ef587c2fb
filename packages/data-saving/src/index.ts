/**
 * @pymodaq-ts/data-saving: PyMoDAQ's HDF5 data saving (files that PyMoDAQ, h5py and PyTables
 * read as if PyMoDAQ had written them).
 *
 * @example
 * import { H5SaverLowLevel } from "@pymodaq-ts/data-saving";
 * using h5 = new H5SaverLowLevel({ saveType: "detector" });
 * h5.initFile("/tmp/run.h5", { newFile: true });
 * h5.addLog("hello");
 */
export const packageName = "@pymodaq-ts/data-saving";

// The backend seam and its libhdf5 implementation
export * from "./backend/types.js";
export { h5LowLevelBackend } from "./backend/h5lowlevel.js";

// The conventions layer
export * from "./errors.js";
export * from "./layout.js";
export * from "./nodes/arraydata.js";
export { NodeAttrs, checkMandatoryAttrs, decodeStored } from "./nodes/attrs.js";
export { Node, joinPath, parentPathOf } from "./nodes/node.js";
export { GROUP } from "./nodes/group.js";
export { CARRAY, EARRAY } from "./nodes/arrays.js";
export { VLARRAY, StringARRAY } from "./nodes/vlarray.js";
export type { Session } from "./nodes/session.js";
export type { CarrayInit, CreateContext } from "./nodes/create.js";
export { H5Backend, type H5BackendOptions, type OpenFileOptions, type OpenMode, type Where } from "./lowlevel/h5backend.js";
export { walkGroups, walkNodes } from "./lowlevel/walk.js";
export { localClock, type FileClock } from "./lowlevel/clock.js";
export type { Metadata } from "./lowlevel/metadata.js";
export * from "./saver-lowlevel.js";

// The attribute codec and the pickle form (helper C)
export * from "./codec/envelope.js";
export * from "./codec/pickle.js";
export * from "./codec/pyrepr.js";
export * from "./codec/pyjson.js";
export * from "./codec/literal.js";
export * from "./codec/errors.js";
export * from "./storage/chunkshape.js";

// Canonical load JSON helpers (helper C)
export * from "./canonical/summary.js";
export * from "./canonical/values.js";
export * from "./canonical/json.js";
export * from "./canonical/fsum.js";

// The read side: DataLoader, the load functions of the saver classes, the canonical inspector
export * from "./loader/index.js";

// The savers of the seed (DataSaverLoader, DataToExportSaver...) and the scenario replay harness
export * from "./savers/index.js";
export * from "./replay/index.js";
