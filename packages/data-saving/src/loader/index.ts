/**
 * The read side of the PyMoDAQ layout: the seed's DataLoader, the load functions the saver
 * classes delegate to (AxisSaverLoader.load_axis/get_axes, DataSaverLoader.get_data_arrays/
 * get_bkg_nodes/load_data).
 *
 * @example
 * import { DataLoader } from "@pymodaq-ts/data-saving";
 * using loader = new DataLoader("scan.h5");
 * const dwa = loader.loadData("/RawData/Detector000/Data1D/CH00/Data00", { loadAll: true });
 */
export {
  DataLoader, type DataLoaderOptions, type AsyncLoadOptions, type LoadAllOptions, type LoadDataOptions, type NavSlab, type NavSlabsOptions,
} from "./data-loader.js";
export type { NavItem } from "./nav-window.js";
export { FileFollower, type FileFollowerOptions, type FollowRowsOptions, type FollowedRows } from "./follower.js";
export { getAxes, loadAxis } from "./axes.js";
export { getBkgNodes, getDataArrays, type DataArraysOptions } from "./arrays.js";
export { loadDataFromNode, type LoadDataFromNodeOptions } from "./data-node.js";
export { DEFAULT_MAX_LOAD_BYTES } from "./budget.js";
export { AxisError, LoadError, isAxisError, isLoadError } from "./errors.js";
