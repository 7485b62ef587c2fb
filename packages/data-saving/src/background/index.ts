/**
 * Saving off the main thread: `BackgroundSaver` runs a DataToExport saver on a worker thread,
 * behind a queue bounded in bytes.
 */
export {
  BackgroundSaver, type BackgroundAddArgs, type BackgroundSaverOptions, type BackgroundSaverSpec, type QueueOptions,
} from "./background-saver.js";
export { BackgroundAbortError, BackgroundSaverError, isBackgroundAbortError, isBackgroundSaverError } from "./errors.js";
