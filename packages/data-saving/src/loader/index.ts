/**
 * The read side of the PyMoDAQ layout: the seed's DataLoader, the load functions the saver
 * classes delegate to (AxisSaverLoader.load_axis/get_axes, DataSaverLoader.get_data_arrays/
 * get_bkg_nodes/load_data), and the canonical inspector behind `pymodaq-h5 inspect`.
 *
 * @example
 * import { DataLoader, inspectFile } from "@pymodaq-ts/data-saving";
 * using loader = new DataLoader("scan.h5");
 * const dwa = loader.loadData("/RawData/Detector000/Data1D/CH00/Data00", { loadAll: true });
 */
export { DataLoader, type LoadAllOptions, type LoadDataOptions } from "./data-loader.js";
export { getAxes, loadAxis } from "./axes.js";
export { getBkgNodes, getDataArrays, signalIndexesToSqueeze, type DataArraysOptions } from "./arrays.js";
export { loadDataFromNode, type LoadDataFromNodeOptions } from "./data-node.js";
export { AxisError, LoadError, isAxisError, isLoadError } from "./errors.js";
export { inspectFile, inspectLoader, pythonErrorText, type CanonicalDocument } from "./canonical.js";
export { canonicalTree, canonicalTreeOf, type CanonicalTree, type Json, type TreeEntry } from "./canonical-tree.js";
export { canonicalAxis, canonicalDte, canonicalDwa } from "./canonical-dwa.js";
export { promoteDtypes, subtractArrays, type RawArray } from "./subtract.js";
