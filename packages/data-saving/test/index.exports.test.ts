// The exact public surface of both entry points: an added, removed or renamed export must show
// here (a removal or rename is an API break for users).
import { describe, expect, it } from "vitest";
import * as pkg from "../src/index.js";
import * as tools from "../src/tools.js";

describe("package exports", () => {
  it("the main entry exports exactly the savers' and loaders' API", () => {
    expect(Object.keys(pkg).sort()).toEqual([
    "ATTR", "AxisError", "AxisSaverLoader", "BackgroundSaver", "BackgroundSaverError", "BkgSaver", "CARRAY",
    "CLOSE_SIGNALS", "DATA_DIMS", "DATA_TYPES", "DEFAULT_FLUSH_POLICY", "DEFAULT_MAX_LOAD_BYTES",
    "DEFAULT_READ_LIMITS", "DataEnlargeableSaver", "DataExtendedSaver", "DataLoader", "DataManagement",
    "DataNodeSaver", "DataSaverLoader", "DataSavingError", "DataToExportEnlargeableSaver",
    "DataToExportExtendedSaver", "DataToExportSaver", "DataToExportSaverBase", "DataToExportTimedSaver",
    "EARRAY", "ErrorSaverLoader", "FILE_SETTINGS", "FileFollower", "FileStateError", "GROUP", "GROUP_TYPES",
    "H5Backend", "H5SaverLowLevel", "HsdsError", "HsdsUnsavedRowsError", "IndexOutOfRangeError",
    "InvalidTypeError", "InvalidValueError", "LimitError", "LoadError", "MissingAttributeError", "Node",
    "NodeAttrs", "NodeError", "ReaderDiedError", "SAVE_TYPES", "SaverOnFile", "SignalGuard", "StorageError", "StringARRAY",
    "VLARRAY", "arrayNodeIndex", "arrayNodeName", "channelGroupName", "getAxes", "getBkgNodes",
    "getDataArrays", "hsdsStorage", "incrementalGroupName", "isAxisError", "isBackgroundAbortError",
    "isBackgroundSaverError", "isDataSavingError", "isFileStateError", "isHsdsError",
    "isHsdsUnsavedRowsError", "isIndexOutOfRangeError", "isInvalidTypeError", "isInvalidValueError",
    "isLimitError", "isLoadError", "isMissingAttributeError", "isNodeError", "isReaderDiedError",
    "isStorageError", "libhdf5Storage", "loadAllUntrusted", "loadAxis", "loadDataFromNode",
    "loadDataUntrusted", "localClock", "packageName",
    "pythonErrorText", "resolveH5Saver", "walkGroups", "walkNodes",
    ]);
  });

  it("the tools entry exports exactly the inspector, replay and codec", () => {
    expect(Object.keys(tools).sort()).toEqual([
    "DEFAULT_LITERAL_LIMITS", "DEFAULT_READ_LIMITS", "FULL_VALUES_LIMIT", "FsumAccumulator", "PY_FLOAT",
    "PickleFormatError", "PyEncodeError", "PyJsonError", "PyLiteralError", "ReplayStepError",
    "SCENARIO_FORMAT", "SCENARIO_FORMAT_VERSION", "ScenarioFormatError", "ScenarioValueError",
    "TRUSTED_TYPES", "arraySummary", "canonicalAxis", "canonicalDte", "canonicalDwa", "canonicalTree",
    "canonicalTreeOf", "canonicalValue", "decodeAttr", "decodeRawText", "encodeAttr", "encodeEnvelope",
    "floatJson", "fsum", "inspectFile", "inspectLoader", "inspectUntrusted", "isJsonFloat",
    "isPickleFormatError", "isPyEncodeError", "isPyJsonError", "isPyLiteralError", "isReplayStepError",
    "isScenarioFormatError", "isScenarioValueError", "jsonFloat", "npIntRange", "npScalarRepr",
    "parsePyLiteral", "parseScenario", "pickleString", "pyBytesRepr", "pyFloatRepr", "pyJsonDumps",
    "pyJsonLoads", "pyJsonString", "pyRepr", "pyStrRepr", "pyTypeOf", "readerDeath", "readerDiedError",
    "replayScenario", "runLimited", "stringifyCanonical", "unpickleString",
    ]);
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
