// The conventions layer's public names, as the savers, loaders and users import them from the
// package entry (a removal or rename here is an API break for them).
import { describe, expect, it } from "vitest";
import * as pkg from "../src/index.js";

const CONVENTIONS_API = [
  // backend seam
  "h5LowLevelBackend",
  // layout
  "ATTR", "ATTR_PY_TYPES", "BACKEND_NAMES", "CLASS_VERSIONS", "DATA_DIMS", "DATA_TYPES", "DEFAULT_PYMODAQ_VERSION",
  "DEFAULT_RAW_GROUP_NAME", "DEFERRED_ATTRS", "EARRAY_EXPECTED_ROWS", "EXTDIM_DTYPE", "EXTDIM_VALUE", "FILE_SETTINGS",
  "GROUP_TYPES", "ITEM_SIZES", "LOGGER_NAME", "LOGGER_TYPE", "NAV_AXES_GROUP_NAME", "NON_EXTRA_ATTRS",
  "PYMODAQ_ATTR_STORAGE", "PYMODAQ_DATA_VERSION", "PYTABLES_FORMAT_VERSION", "RAW_GROUP_TITLE", "ROOT_TITLE",
  "SAVE_TYPES", "SYSTEM_ATTRS", "arrayNodeIndex", "arrayNodeName", "arrayNodePrefix", "capitalize", "carraySpec",
  "channelGroupName", "checkDataDim", "checkDataType", "checkGroupType", "checkSaveType", "compareNodeNames",
  "compressionFor", "earraySpec", "groupTypeAttrValue", "incrementalGroupName", "incrementalGroupPrefix",
  "nextIncrementalIndex", "systemAttributes", "systemStringStorage", "typedAttr", "vlarraySpec", "zeroPad",
  // nodes
  "Node", "GROUP", "CARRAY", "EARRAY", "VLARRAY", "StringARRAY", "NodeAttrs", "checkMandatoryAttrs", "decodeStored",
  "isArrayData", "sameShape", "convertElements", "joinPath", "parentPathOf", "walkGroups", "walkNodes", "localClock",
  // savers' base
  "H5Backend", "H5SaverLowLevel",
  // errors
  "DataSavingError", "NodeError", "InvalidValueError", "InvalidTypeError", "MissingAttributeError",
  "IndexOutOfRangeError", "FileStateError", "isDataSavingError", "isNodeError", "isInvalidValueError",
  "isInvalidTypeError", "isMissingAttributeError", "isIndexOutOfRangeError", "isFileStateError",
];

describe("package exports", () => {
  it("exports the conventions layer", () => {
    const exported = new Set(Object.keys(pkg));
    expect(CONVENTIONS_API.filter((n) => !exported.has(n))).toEqual([]);
  });

  it("H5SaverLowLevel has the camelCase methods of the original", () => {
    const methods = [
      "initFile", "defineCompression", "getSetLogger", "addLog", "addStringArray", "addArray", "getNextIndex",
      "resetCounters", "getSetGroup", "addGroup", "addIncrementalGroup", "addDetGroup", "addActGroup", "addMoveGroup",
      "addScanGroup", "addChGroup", "addDataGroup", "getNode", "getGroup", "getChildren", "walkNodes", "walkGroups",
      "isNodeInGroup", "getGroups", "getLastGroup", "getNodeFromTitle", "getNodeFromAttributeMatch", "getGroupByTitle",
      "getNodeName", "getNodePath", "getParentNode", "getAttr", "setAttr", "hasAttr", "createCarray", "createEarray",
      "createVlarray", "read", "root", "openFile", "isopen", "flush", "closeFile",
    ];
    const proto = pkg.H5SaverLowLevel.prototype as unknown as Record<string, unknown>;
    expect(methods.filter((m) => typeof proto[m] !== "function")).toEqual([]);
    expect(typeof proto[Symbol.dispose as unknown as string]).toBe("function");
    expect(typeof pkg.H5SaverLowLevel.openReadOnly).toBe("function");
  });
});
