/**
 * The messages of a file's Logger (`/RawData/Logger`, pickled strings), read through a loader.
 */
import { StringARRAY, type DataLoader } from "@pymodaq-ts/data-saving";

/**
 * The Logger's messages under `rawGroupPath`, oldest first; empty when there is no Logger.
 * @param loader an open loader
 * @param rawGroupPath the raw group (default `/RawData`)
 * @throws the loader's errors when the Logger exists but cannot be read
 */
export function loggerMessages(loader: DataLoader, rawGroupPath = "/RawData"): string[] {
  let node;
  try {
    node = loader.getNode(`${rawGroupPath}/Logger`);
  } catch {
    return []; // no Logger: a file written without one (allowed by the layout)
  }
  return node instanceof StringARRAY ? node.read() : [];
}
