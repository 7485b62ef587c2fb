/**
 * The messages between the background saver (main thread) and its worker. Requests travel in
 * batches (a message holds requests in call order) and are handled one at a time in the order
 * they were posted (a worker's message queue is FIFO and each batch runs to its end before the
 * next), which is what keeps the file's writes in call order. Each batch is answered by one
 * message: its replies, in the same order, and the arena its small arrays came in (arenas.ts),
 * free again once the requests are written.
 */
import type { BackendName, SaveTypeName } from "../conventions/layout.js";
import type { DataToExportSaverOptions } from "../savers/dte-saver.js";
import type { DataToExportEnlargeableSaverOptions } from "../savers/dte-enlargeable-saver.js";
import type { Placements } from "./arenas.js";
import type { Encoded } from "./codec.js";

/** The wrapped saver, built in the worker on the worker's `H5SaverLowLevel`. */
export type BackgroundSaverSpec =
  | { readonly kind: "dte"; readonly options?: DataToExportSaverOptions }
  | { readonly kind: "enlargeable"; readonly options?: DataToExportEnlargeableSaverOptions }
  | { readonly kind: "timed" }
  | { readonly kind: "extended"; readonly extendedShape: readonly number[] };

export type SaverKind = BackgroundSaverSpec["kind"];

/** What the worker is started with (`workerData`). */
export interface WorkerSetup {
  readonly saveType: SaveTypeName;
  readonly backend: BackendName | undefined;
  readonly saver: BackgroundSaverSpec;
  /** How much the worker raises its thread's nice value (thread-priority.ts). */
  readonly workerNice: number;
}

/** The operations the worker runs: calls of `H5SaverLowLevel` and of the wrapped saver. */
export const OPERATIONS = [
  "initFile", "addLog", "addScanGroup", "addDetGroup", "addActGroup", "getSetGroup",
  "addNavAxes", "addData", "addBkg", "addError", "flush", "close",
] as const;
export type Operation = (typeof OPERATIONS)[number];

export interface Request {
  readonly id: number;
  readonly op: Operation;
  /** The call's arguments, encoded (codec.ts); the slots of packed arrays are null. */
  readonly args: Encoded;
  /** Where its packed arrays are in the batch's arena. */
  readonly packed?: Placements;
}

/**
 * A batch of requests: the index of the arena its requests' small arrays are in (null: none),
 * and the arenas made since the last batch, which the worker keeps (arenas.ts).
 */
export interface Batch {
  readonly requests: readonly Request[];
  readonly arena: number | null;
  readonly fresh: readonly SharedArrayBuffer[];
}

/** The worker's answer to a batch: a reply per request, and the batch's arena given back. */
export interface Answer {
  readonly replies: readonly Reply[];
  readonly arena: number | null;
}

/** An error of the worker as it crosses: its class name, message and stack, and DataSavingError's fields. */
export interface WireError {
  readonly name: string;
  readonly message: string;
  readonly stack: string | undefined;
  readonly code: string | undefined;
  readonly pythonName: string | undefined;
  readonly path: string | undefined;
}

/** The worker's first message: its modules and libhdf5 are loaded, requests run from now on. */
export interface Ready {
  readonly ready: true;
}

export type Reply =
  | { readonly id: number; readonly ok: true; readonly result: string | boolean | null }
  | { readonly id: number; readonly ok: false; readonly error: WireError; readonly skipped: boolean };
