/**
 * @pymodaq-ts/h5-lowlevel: a Node-API binding over the system libhdf5.
 *
 * @example
 * ```ts
 * import { H5File } from "@pymodaq-ts/h5-lowlevel";
 * const file = H5File.create("/tmp/example.h5");
 * const data = file.root.createGroup("RawData").createDataset("Data00", { dtype: "float64", shape: [2, 3] });
 * data.write(new Float64Array([1, 2, 3, 4, 5, 6]));
 * data.attrs.set("TITLE", "my data");
 * file.close();
 * ```
 */
export const packageName = "@pymodaq-ts/h5-lowlevel";

export { H5File, libraryVersion, openFileCount, type FileCreateOptions, type FileOpenOptions } from "./file.js";
export { H5Group } from "./group.js";
export { H5Dataset } from "./dataset.js";
export { H5BlockWriter } from "./block-writer.js";
export { H5Vlen } from "./vlen.js";
export { H5AttributeSet } from "./attributes.js";
export { H5NodeBase } from "./node.js";
export {
  H5Error, H5ArgumentError, H5ClosedError, H5AbortError, H5FileInUseError, isH5Error, isH5ArgumentError, isH5ClosedError, isH5AbortError,
  type H5ErrorFrame, type H5ErrorDetails,
} from "./errors.js";
export { DTYPES, isDtype, assertDtype, dtypeItemSize, typedArrayFor, isTypedArrayOf } from "./dtypes.js";
export { autoChunks, pytablesChunkShape, pytablesMaxShape, type AutoChunkOptions } from "./chunks.js";
export type * from "./types.js";
