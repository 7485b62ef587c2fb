/**
 * Saving off the main thread: `BackgroundSaver` runs a DataToExport saver on a worker thread,
 * behind a queue bounded in bytes.
 */
export {
  BackgroundSaver, type BackgroundAddArgs, type BackgroundSaverOptions, type BackgroundSaverSpec, type QueueOptions,
} from "./background-saver.js";
// A call cancelled while it waited rejects with an AbortError as Node's own operations do (name
// "AbortError", code "ABORT_ERR"), recognised by isBackgroundAbortError; the class stays internal.
export { BackgroundSaverError, isBackgroundAbortError, isBackgroundSaverError } from "./errors.js";
