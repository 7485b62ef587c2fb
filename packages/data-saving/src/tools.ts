/**
 * @pymodaq-ts/data-saving/tools: the tools that check files against PyMoDAQ rather than save or
 * load data. The canonical inspector (the canonical load JSON behind `pymodaq-h5 inspect`),
 * the replay of recorded PyMoDAQ saver scenarios, and the attribute codec (JSON envelopes, the safe
 * Python-literal parser, the Logger's pickle form).
 *
 * @example
 * import { inspectFile, stringifyCanonical } from "@pymodaq-ts/data-saving/tools";
 * console.log(stringifyCanonical(inspectFile("scan.h5"), 1));
 */

// The canonical load JSON
export { inspectFile, inspectLoader, type CanonicalDocument } from "./tools/canonical/inspect.js";
export { canonicalTree, canonicalTreeOf, type ArrayRead, type CanonicalTree, type Json, type TreeEntry } from "./tools/canonical/tree.js";
export { canonicalAxis, canonicalDte, canonicalDwa } from "./tools/canonical/dwa.js";
export * from "./tools/canonical/summary.js";
export * from "./tools/canonical/values.js";
export * from "./tools/canonical/json.js";
export { FsumAccumulator, fsum } from "./tools/canonical/fsum.js";

// Untrusted files: the inspector in a supervised child, and the supervisor's parts (a child
// under a time and resident-memory limit, and the verdict on how it ended)
export { inspectUntrusted, type UntrustedReadOptions } from "./tools/untrusted/read-untrusted.js";
export { runLimited, type ChildLimits, type ChildRun, type RunLimitedOptions } from "./tools/untrusted/limited-child.js";
export { DEFAULT_READ_LIMITS, readerDeath, readerDiedError } from "./tools/untrusted/supervise.js";

// Scenario replay
export * from "./tools/replay/index.js";

// The attribute codec
export * from "./codec/envelope.js";
export * from "./codec/pickle.js";
export * from "./codec/pyrepr.js";
export * from "./codec/pyjson.js";
export * from "./codec/literal.js";
export * from "./codec/errors.js";
