/**
 * Reading a file that may be corrupt or hostile without risking the calling process (an Electron
 * app, a server): the read runs in a child process (`dist/untrusted-reader.js`) under a time and a
 * resident-memory limit, and its result comes back by structured clone (loads rebuilt with the
 * same data-model classes). A crash inside libhdf5, a hang or a memory blow-up of the child is a
 * `ReaderDiedError` naming the file; an error the read itself throws (a `LimitError`, a
 * `StorageError`, ...) is rebuilt in the caller with its code and fields. Cost: one process start
 * per call (about 0.1 s on an idle machine) and one copy of the result.
 *
 * @example
 * const dwa = await loadDataUntrusted("upload.h5", "/RawData/Scan000/Detector000/Data1D/CH00/Data00");
 * const doc = await inspectUntrusted("upload.h5", { timeoutMs: 10_000, memoryMb: 512 });
 */
import { fileURLToPath } from "node:url";
import type { DataToExport, DataWithAxes } from "@pymodaq-ts/data-model";
import { decodeValue } from "../../background/codec.js";
import { InvalidTypeError, InvalidValueError } from "../../errors.js";
import { checkBudget } from "../../loader/budget.js";
import { checkOptions } from "../../options.js";
import type { CanonicalDocument } from "../canonical/inspect.js";
import { runLimited, type ChildLimits } from "./limited-child.js";
import { docFromWire, rebuildError, type ReaderReply, type ReaderRequest } from "./protocol.js";
import { checkLimits, packageScriptUrl, readerDiedError } from "./supervise.js";

/** Options of every untrusted read. */
export interface UntrustedReadOptions {
  /** Wall-clock limit of the reader (default 120,000 ms). */
  timeoutMs?: number;
  /** Resident-memory limit of the reader (default 2,048 MiB). */
  memoryMb?: number;
  /** The memory budget of each load inside the reader (the loader's `maxLoadBytes`, default 512 MiB). */
  maxLoadBytes?: number;
}

const READ_KEYS = ["timeoutMs", "memoryMb", "maxLoadBytes"] as const;

async function runReader(request: ReaderRequest, options: UntrustedReadOptions, context: string): Promise<ReaderReply & { ok: true }> {
  if (typeof request.file !== "string" || request.file.includes("\0")) {
    throw new InvalidValueError(`${context}: the file must be a path without NUL bytes, got ${JSON.stringify(request.file)}`);
  }
  const limits: ChildLimits = checkLimits(options, context);
  if (options.maxLoadBytes !== undefined) request.maxLoadBytes = checkBudget(options.maxLoadBytes, "maxLoadBytes");
  const script = fileURLToPath(packageScriptUrl("untrusted-reader.js"));
  const run = await runLimited(process.execPath, [script], limits, { ipc: true, send: request, stdoutLimit: 0 });
  const died = readerDiedError(request.file, run, limits);
  if (died !== null) throw died;
  const reply = run.messages[0] as ReaderReply | undefined;
  if (reply === undefined) {
    // The reader exited by itself without answering (it should not): report its own words.
    throw new InvalidValueError(`cannot read ${request.file}: the reader exited with status ${run.status} without an answer: ${run.stderr.trim().split("\n").pop() ?? ""}`);
  }
  if (!reply.ok) throw rebuildError(reply.error);
  return reply;
}

/**
 * The canonical load JSON of `file` (as `inspectFile`), read in a supervised child process.
 * @throws ReaderDiedError when the reader crashed, hung or passed its memory limit;
 *   InvalidValueError / InvalidTypeError for bad arguments or options
 */
export async function inspectUntrusted(file: string, options: UntrustedReadOptions = {}): Promise<CanonicalDocument> {
  checkOptions(options, [...READ_KEYS], "inspectUntrusted");
  const reply = await runReader({ op: "inspect", file }, options, "inspectUntrusted");
  if (!("doc" in reply)) throw new InvalidTypeError("inspectUntrusted: the reader answered with a load");
  return docFromWire(reply.doc) as CanonicalDocument;
}

/**
 * `new DataLoader(file).loadData(where, { withBkg, loadAll })` in a supervised child process.
 * @throws ReaderDiedError when the reader crashed, hung or passed its memory limit; the load's
 *   own errors (NodeError, LimitError, StorageError, ... rebuilt with their code and fields)
 */
export async function loadDataUntrusted(file: string, where: string,
  options: UntrustedReadOptions & { withBkg?: boolean; loadAll?: boolean } = {}): Promise<DataWithAxes> {
  const o = checkOptions(options, [...READ_KEYS, "withBkg", "loadAll"], "loadDataUntrusted");
  const reply = await runReader({ op: "loadData", file, where, withBkg: o.withBkg === true, loadAll: o.loadAll === true }, options, "loadDataUntrusted");
  if (!("value" in reply)) throw new InvalidTypeError("loadDataUntrusted: the reader answered with a document");
  return decodeValue(reply.value) as DataWithAxes;
}

/**
 * `new DataLoader(file).loadAll(where)` (a DataToExport named "All") in a supervised child process.
 * @param where the group to load from (default `/RawData`)
 * @throws ReaderDiedError when the reader crashed, hung or passed its memory limit; the load's
 *   own errors, rebuilt with their code and fields
 */
export async function loadAllUntrusted(file: string, where = "/RawData",
  options: UntrustedReadOptions & { withBkg?: boolean } = {}): Promise<DataToExport> {
  const o = checkOptions(options, [...READ_KEYS, "withBkg"], "loadAllUntrusted");
  const reply = await runReader({ op: "loadAll", file, where, withBkg: o.withBkg === true }, options, "loadAllUntrusted");
  if (!("value" in reply)) throw new InvalidTypeError("loadAllUntrusted: the reader answered with a document");
  return decodeValue(reply.value) as DataToExport;
}
