/**
 * Node-API binding over libhdf5: files, groups, attributes, chunked datasets, hyperslab I/O. See the package README for installation, the prebuilt binary and the API summary.
 *
 * @module @pymodaq-ts/h5-lowlevel
 */
export * from "@pymodaq-ts/h5-lowlevel";
