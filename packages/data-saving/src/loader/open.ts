/**
 * Read-only opening of a file for the inspector: the loaders never write to the file they read
 * (spec h5-layout.md Q17, fixed).
 */
import { h5LowLevelBackend } from "../backend/h5lowlevel.js";
import type { StorageBackend, StorageFile } from "../backend/types.js";
import { FILE_SETTINGS } from "../layout.js";

/**
 * Opens the HDF5 file at `path` read-only through `backend` (default: libhdf5).
 * @throws the backend's error when the file is missing or not HDF5.
 */
export function openForReading(path: string, backend: StorageBackend = h5LowLevelBackend): StorageFile {
  return backend.open(path, "r", FILE_SETTINGS);
}
