/**
 * `BackgroundSaver`: a DataToExport saver whose HDF5 work runs on a worker thread, so that
 * acquisition code on the main thread is not held up by the file. The worker owns the
 * `H5SaverLowLevel` and the wrapped saver; the calls here mirror theirs, with group nodes named by
 * path. Each call is queued in call order and the worker runs them in that order, so the file is
 * the one the synchronous saver writes given the same calls.
 *
 * Calls cross to the worker in batches: a queued call waits in an outbox, posted with the calls
 * beside it after `BATCH_DELAY_MS`, once the outbox holds `BATCH_BYTES`, when a call must wait
 * for room in the queue, and at once for a call whose result is awaited (`initFile`, the group
 * calls, `flush`, `close`); the worker answers each batch with one message. A message to a
 * thread costs the sender a wake-up of the receiver whatever it holds: per batch, not per call.
 *
 * The worker starts when the saver is constructed: its start-up (a JavaScript context of its own
 * loading this package and libhdf5, hundreds of milliseconds of CPU) runs while the caller goes
 * on. An application that constructs the saver ahead of the scan, and awaits `ready()`, has
 * nothing of it left when the scan starts.
 *
 * @example
 * const saver = new BackgroundSaver({ saver: { kind: "extended", extendedShape: [64, 64] } });
 * await saver.ready();                                    // optional: the worker has started
 * await saver.initFile("/tmp/scan.h5", { newFile: true });
 * const scan = await saver.addScanGroup("/RawData", "scan2d");
 * const det = await saver.addDetGroup(scan, "spectrometer");
 * await saver.addNavAxes(scan, axes);
 * for (const [ix, iy, dte] of points) await saver.addData(det, dte, [ix, iy], { transfer: true });
 * await saver.close();                                    // everything written, the file closed
 */
import { Worker } from "node:worker_threads";
import type { Axis, DataToExport } from "@pymodaq-ts/data-model";
import { FileStateError, InvalidTypeError, InvalidValueError } from "../errors.js";
import type { BackendName, SaveTypeName } from "../conventions/layout.js";
import type { InitFileOptions } from "../conventions/h5-saver-lowlevel.js";
import type { Metadata } from "../conventions/metadata.js";
import { checkOptions, describeValue } from "../options.js";
import type { DataToExportAddOptions } from "../savers/dte-saver.js";
import type { DataToExportEnlargeableAddOptions, DataToExportTimedAddOptions } from "../savers/dte-enlargeable-saver.js";
import type { DataToExportExtendedAddOptions } from "../savers/dte-extended-saver.js";
import { ByteBudget } from "./byte-budget.js";
import { Arenas, arenasWithin, BATCH_BYTES, type Placements } from "./arenas.js";
import { crossArrays, encodedBytes, encodeValue, type Encoded } from "./codec.js";
import { BackgroundSaverError } from "./errors.js";
import type { Answer, BackgroundSaverSpec, Batch, Operation, Ready, Reply, Request, SaverKind, WorkerSetup } from "./protocol.js";
import { wireError } from "./worker-host.js";
import { workerScriptUrl } from "./worker-script.js";
import { MAX_NICE } from "./thread-priority.js";
import { checkAxes, checkDataToExport, checkFileName, checkPath } from "../arguments.js";

export type { BackgroundSaverSpec } from "./protocol.js";

/** Options of `new BackgroundSaver`. */
export interface BackgroundSaverOptions<S extends BackgroundSaverSpec = BackgroundSaverSpec> {
  /** The saver to run in the worker, and its constructor arguments. */
  saver: S;
  /** SaveType of the file (`H5SaverLowLevel`'s option; default `'scan'`). */
  saveType?: SaveTypeName;
  /** Value of the `backend` attributes (`H5SaverLowLevel`'s option; default `'tables'`). */
  backend?: BackendName;
  /** Bytes of array data that may wait in the queue (default 64 MiB); a call beyond waits for room. */
  maxQueueBytes?: number;
  /**
   * How far below the caller's the worker's priority is, on Linux: an increment of its thread's
   * nice value (capped at 19), an integer from 0 (the same priority) to 19; default 10, which
   * gives the caller's thread about nine tenths of a core they both want. When the cores are all
   * busy the caller's thread runs first and the writes wait; the queue's bound holds a worker
   * that falls behind. Elsewhere it changes nothing.
   */
  workerNice?: number;
}

/**
 * Checks a point's arguments in the caller's thread: a wrong one is the caller's error, thrown
 * at the call, not a failure of the worker that every later call would report.
 */
function checkPoint(call: string, where: unknown, data: unknown): void {
  checkPath(call, where);
  checkDataToExport(call, data);
}

/** How a call is queued. */
export interface QueueOptions {
  /**
   * Move the ArrayBuffers of the call's arrays over 64 KiB to the worker instead of copying
   * them: no copy, but those arrays (and every view of the same buffers) are detached once the
   * call is queued. Smaller arrays are copied into the batch's shared arena either way (a copy
   * of a few KiB costs less than a move) and stay the caller's. Default false: each array's
   * bytes are copied once when the call is queued. An array in a SharedArrayBuffer is copied
   * either way (shared memory cannot be moved, and the caller may write to it again).
   */
  transfer?: boolean;
  /** Cancels the call while it waits for room in the queue (rejects with an AbortError). */
  signal?: AbortSignal;
}

/** The arguments of `addData` after `where` and `data`: the wrapped saver's, plus QueueOptions. */
export type BackgroundAddArgs<K extends SaverKind> =
  K extends "extended" ? [indexes: readonly number[], options?: DataToExportExtendedAddOptions & QueueOptions]
  : K extends "enlargeable" ? [options?: DataToExportEnlargeableAddOptions & QueueOptions]
  : K extends "timed" ? [options?: DataToExportTimedAddOptions & QueueOptions]
  : [options?: DataToExportAddOptions & QueueOptions];

const OPTION_KEYS = ["saver", "saveType", "backend", "maxQueueBytes", "workerNice"] as const;
const SAVER_KINDS: readonly SaverKind[] = ["dte", "enlargeable", "timed", "extended"];
const DEFAULT_QUEUE_BYTES = 64 * 1024 * 1024;
/** The worker's nice value above the caller's (thread-priority.ts): weights of about 9 to 1 when both want a core. */
const DEFAULT_WORKER_NICE = 10;
/**
 * How long a queued call may wait in the outbox for others to cross with it. Longer batches wake
 * the worker less often (each wake-up, and each message, costs both threads); a few
 * milliseconds of latency are nothing to a scan, and the outbox is bounded by BATCH_BYTES.
 */
const BATCH_DELAY_MS = 4;
/** The calls whose result the caller awaits: posted at once, with the outbox before them. */
const AWAITED: ReadonlySet<Operation> = new Set(["initFile", "addScanGroup", "addDetGroup", "addActGroup", "getSetGroup", "flush", "close"]);

/** A call posted and not answered; `settle` only for a call whose result is awaited. */
interface Pending {
  readonly op: Operation;
  readonly bytes: number;
  readonly settle: { readonly resolve: (result: unknown) => void; readonly reject: (error: unknown) => void } | null;
}

/**
 * A queued call: `done` (for the calls whose result is awaited, `AWAITED`) settles when the
 * worker has run it; the failure of any other call is kept for the next call.
 */
interface Queued {
  readonly done: Promise<unknown> | null;
}

/** Splits QueueOptions off the last options object of a call (the wrapped saver rejects unknown keys). */
function splitQueueOptions(args: readonly unknown[]): { args: unknown[]; queue: QueueOptions } {
  const last = args.at(-1);
  if (typeof last !== "object" || last === null || Array.isArray(last)) return { args: [...args], queue: {} };
  const { transfer, signal, ...rest } = last as QueueOptions & Record<string, unknown>;
  return { args: [...args.slice(0, -1), rest], queue: { transfer, signal } };
}

export class BackgroundSaver<S extends BackgroundSaverSpec = BackgroundSaverSpec> {
  private readonly worker: Worker;
  private readonly budget: ByteBudget;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  /** Calls queued and not yet posted, with the buffers their message moves; their small arrays are in `arenas`. */
  private outbox: Request[] = [];
  private outboxTransfer: ArrayBuffer[] = [];
  private readonly arenas: Arenas;
  private outboxBytes = 0;
  private outboxTimer: NodeJS.Timeout | null = null;
  /** The first failure: reported by every later call and by close. */
  private failure: BackgroundSaverError | null = null;
  private file: string | null = null;
  private closing: Promise<void> | null = null;
  private readonly exited: Promise<void>;
  private gone = false;
  /** Settles when the worker has started (resolved) or failed before that (rejected). */
  private readonly started: Promise<void>;
  private settleStart: { resolve: () => void; reject: (e: unknown) => void } | null = null;

  /**
   * Starts the worker. Nothing is opened until `initFile`.
   * @throws InvalidTypeError for unknown options; InvalidValueError for an unknown saver kind or
   *   a `maxQueueBytes` that is not a positive integer, a `workerNice` that is not an integer from 0 to 19.
   */
  constructor(options: BackgroundSaverOptions<S>) {
    const o = checkOptions(options, OPTION_KEYS, "BackgroundSaver");
    const saver = o.saver;
    if (typeof saver !== "object" || saver === null || !SAVER_KINDS.includes(saver.kind)) {
      throw new InvalidValueError(`BackgroundSaver: saver.kind must be one of ${SAVER_KINDS.join(", ")}, got ${String(saver?.kind)}`);
    }
    const limit = o.maxQueueBytes ?? DEFAULT_QUEUE_BYTES;
    if (!Number.isSafeInteger(limit) || limit <= 0) throw new InvalidValueError(`BackgroundSaver: maxQueueBytes must be a positive integer, got ${limit}`);
    // A call waiting for room waits for calls of the outbox to be written: post them now.
    this.budget = new ByteBudget(limit, () => this.postOutbox());
    this.arenas = new Arenas(arenasWithin(limit));
    const workerNice = o.workerNice ?? DEFAULT_WORKER_NICE;
    if (!Number.isInteger(workerNice) || workerNice < 0 || workerNice > MAX_NICE) {
      throw new InvalidValueError(`BackgroundSaver: workerNice must be an integer from 0 to ${MAX_NICE}, got ${describeValue(workerNice)}`);
    }
    const setup: WorkerSetup = { saveType: o.saveType ?? "scan", backend: o.backend, saver, workerNice };
    this.worker = new Worker(workerScriptUrl(), { workerData: setup });
    this.started = new Promise<void>((resolve, reject) => (this.settleStart = { resolve, reject }));
    this.started.catch(() => undefined); // reported by ready() and by the calls
    this.worker.on("message", (message: Answer | Ready) => {
      if ("ready" in message) return this.onStarted(null);
      this.arenas.giveBack(message.arena);
      for (const reply of message.replies) this.onReply(reply);
    });
    this.worker.on("error", (e) => this.fail(new BackgroundSaverError("worker", wireError(e), this.file)));
    this.exited = new Promise((resolve) => {
      this.worker.once("exit", (code) => {
        this.gone = true;
        if (this.closing === null || this.pending.size > 0) {
          this.fail(new BackgroundSaverError("worker", wireError(new Error(`the worker thread exited (code ${code})`)), this.file));
        }
        resolve();
      });
    });
  }

  /**
   * Resolves once the worker has started: its modules and libhdf5 are loaded, so the next calls
   * run without start-up delay. Calls need not wait for it (they are queued meanwhile).
   * @throws (rejects) BackgroundSaverError when the worker failed to start
   */
  ready(): Promise<void> {
    return this.started;
  }

  /** Bytes of array data queued and not yet written. */
  get queuedBytes(): number {
    return this.budget.queued;
  }

  /** The bound of `queuedBytes` (a single larger call is queued alone). */
  get maxQueueBytes(): number {
    return this.budget.limit;
  }

  /**
   * `H5SaverLowLevel.initFile` in the worker.
   * @returns (once run) true when a new file was created
   * @throws (rejects) BackgroundSaverError with the worker's error; FileStateError after close;
   *   at the call, InvalidTypeError or InvalidValueError for a `fileName` that is not a
   *   non-empty string
   */
  async initFile(fileName: string, options?: InitFileOptions): Promise<boolean> {
    checkFileName("initFile", fileName);
    this.file ??= fileName;
    return (await this.run("initFile", [fileName, options])) as boolean;
  }

  /**
   * `H5SaverLowLevel.addLog`; resolves once queued.
   * @throws InvalidTypeError at the call for a message that is not a string
   */
  async addLog(message: string): Promise<void> {
    if (typeof message !== "string") throw new InvalidTypeError(`addLog: message must be a string, got ${describeValue(message)}`);
    await this.queue("addLog", [message]);
  }

  /** `H5SaverLowLevel.addScanGroup`; resolves (once run) with the group's path. */
  async addScanGroup(where: string | null = null, title = "", settingsAsXml = "", metadata: Metadata | null = null): Promise<string> {
    if (where !== null) checkPath("addScanGroup", where);
    return (await this.run("addScanGroup", [where, title, settingsAsXml, metadata])) as string;
  }

  /** `H5SaverLowLevel.addDetGroup`; resolves (once run) with the group's path. */
  async addDetGroup(where: string, title = "", settingsAsXml = "", metadata: Metadata | null = null): Promise<string> {
    checkPath("addDetGroup", where);
    return (await this.run("addDetGroup", [where, title, settingsAsXml, metadata])) as string;
  }

  /** `H5SaverLowLevel.addActGroup`; resolves (once run) with the group's path. */
  async addActGroup(where: string, title = "", settingsAsXml = "", metadata: Metadata | null = null): Promise<string> {
    checkPath("addActGroup", where);
    return (await this.run("addActGroup", [where, title, settingsAsXml, metadata])) as string;
  }

  /** `H5SaverLowLevel.getSetGroup`; resolves (once run) with the group's path. */
  async getSetGroup(where: string, name: string, title = ""): Promise<string> {
    checkPath("getSetGroup", where);
    return (await this.run("getSetGroup", [where, name, title])) as string;
  }

  /** `DataToExportExtendedSaver.addNavAxes` (extended savers only); resolves once queued. */
  async addNavAxes(where: string, axes: readonly Axis[], options: QueueOptions = {}): Promise<void> {
    checkPath("addNavAxes", where);
    checkAxes("addNavAxes", axes);
    await this.queue("addNavAxes", [where, axes], options);
  }

  /**
   * The wrapped saver's `addData(where, data, ...)`, queued behind the earlier calls. Resolves
   * once the call is queued, which waits while the queue holds `maxQueueBytes`; the arrays are
   * copied (or, with `transfer`, moved) to the worker then, and may be reused once it resolves.
   * @param args the wrapped saver's further arguments (`indexes` for the extended saver), whose
   *   options object also takes QueueOptions
   * @throws (rejects) BackgroundSaverError when an earlier call failed in the worker (the same
   *   error at every later call); an AbortError (`isBackgroundAbortError`) on abort;
   *   FileStateError after close. At the call, the saver going on: InvalidTypeError for a `where`
   *   that is not a string, `data` that is not a DataToExport or a value the worker cannot
   *   receive; InvalidValueError for an array whose buffer was detached (moved by an earlier
   *   call with `transfer`)
   */
  async addData(where: string, data: DataToExport, ...args: BackgroundAddArgs<S["kind"]>): Promise<void> {
    checkPoint("addData", where, data);
    const { args: rest, queue } = splitQueueOptions(args);
    await this.queue("addData", [where, data, ...rest], queue);
  }

  /** `addBkg` of the wrapped saver; resolves once queued. */
  async addBkg(where: string, data: DataToExport, options: QueueOptions = {}): Promise<void> {
    checkPoint("addBkg", where, data);
    await this.queue("addBkg", [where, data], options);
  }

  /** `addError` of the wrapped saver; resolves once queued. */
  async addError(where: string, data: DataToExport, options: QueueOptions = {}): Promise<void> {
    checkPoint("addError", where, data);
    await this.queue("addError", [where, data], options);
  }

  /**
   * Resolves once every call queued before it is written and the file flushed (`H5SaverLowLevel.flush`).
   * @throws (rejects) BackgroundSaverError when a queued call failed
   */
  async flush(): Promise<void> {
    await this.run("flush", []);
  }

  /**
   * Writes everything still queued, closes the file and ends the worker. Idempotent.
   * @throws (rejects) BackgroundSaverError when any call failed in the worker (the first failure),
   *   after the file was closed
   */
  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  /** Closes the file, as `close` does (`await using`). */
  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  private async shutDown(): Promise<void> {
    let closeError: unknown = null;
    // Behind every call already waiting for room: those are written first.
    const queued = await this.budget.admit(0, undefined, "close", () => this.post("close", encodeValue([]), 0, false)).catch((e: unknown) => {
      closeError = e;
      return null;
    });
    await queued?.done?.catch((e: unknown) => {
      closeError ??= e;
    });
    // A worker that answered the close ends itself (it closes its port once the file is closed);
    // one gone already has ended. Terminating a worker while it ends on its own can abort the
    // process (its environment's teardown races the addon's cleanup), so only a worker the close
    // never reached is terminated.
    if (queued !== null || this.gone) await this.exited;
    else await this.worker.terminate();
    if (this.failure !== null) throw this.failure;
    if (closeError !== null) throw closeError;
  }

  /** Queues a call and waits for its result. */
  private async run(op: Operation, args: unknown[]): Promise<unknown> {
    const { done } = await this.queue(op, args);
    return done as Promise<unknown>; // an AWAITED call
  }

  /** Queues a call (in call order, once its bytes fit); its failure is kept for the next call. */
  private async queue(op: Operation, args: unknown[], options: QueueOptions = {}): Promise<Queued> {
    this.checkUsable(op);
    const encoded = encodeValue(args);
    const bytes = encodedBytes(encoded);
    const queued = await this.budget.admit(bytes, options.signal, op, () => {
      // Issued before any close (checked above), so queued before it; only a failure stops it now.
      if (this.failure !== null) throw this.failure;
      return this.post(op, encoded, bytes, options.transfer === true);
    });
    return queued;
  }

  private checkUsable(op: Operation): void {
    if (this.failure !== null) throw this.failure;
    if (this.closing !== null) throw new FileStateError(`${this.file ?? "background saver"}: ${op} after close`);
  }

  /**
   * Puts a call in the outbox; it is posted with its batch (see the module comment). Its arrays
   * cross from now on: copied (into the batch's arena when small) or, with `transferCallers`,
   * the larger ones taken from the caller.
   */
  private post(op: Operation, args: Encoded, bytes: number, transferCallers: boolean): Queued {
    if (this.gone) throw this.failure ?? new FileStateError(`${this.file ?? "background saver"}: ${op} after the worker ended`);
    const packed: Placements = [];
    const transfer = crossArrays(args, transferCallers, (data, slot) => this.arenas.place(data, slot, packed));
    const id = this.nextId++;
    const awaited = AWAITED.has(op);
    let done: Promise<unknown> | null = null;
    if (awaited) done = new Promise<unknown>((resolve, reject) => this.pending.set(id, { op, bytes, settle: { resolve, reject } }));
    else this.pending.set(id, { op, bytes, settle: null });
    this.outbox.push(packed.length === 0 ? { id, op, args } : { id, op, args, packed });
    for (const buffer of transfer) this.outboxTransfer.push(buffer);
    this.outboxBytes += bytes;
    if (awaited || this.outboxBytes >= BATCH_BYTES) this.postOutbox();
    else this.outboxTimer ??= setTimeout(() => this.postOutbox(), BATCH_DELAY_MS);
    return { done };
  }

  /** Posts the calls of the outbox to the worker, in one message. */
  private postOutbox(): void {
    if (this.outboxTimer !== null) clearTimeout(this.outboxTimer);
    this.outboxTimer = null;
    if (this.outbox.length === 0) return;
    const batch = this.outbox;
    const transfer = this.outboxTransfer;
    this.outbox = [];
    this.outboxTransfer = [];
    this.outboxBytes = 0;
    this.worker.postMessage({ requests: batch, ...this.arenas.seal() } satisfies Batch, transfer);
  }

  private onReply(reply: Reply): void {
    const pending = this.pending.get(reply.id);
    if (pending === undefined) return;
    this.pending.delete(reply.id);
    this.budget.release(pending.bytes);
    if (reply.ok) {
      pending.settle?.resolve(reply.result);
      return;
    }
    const error = new BackgroundSaverError(pending.op, reply.error, this.file);
    this.failure ??= error;
    pending.settle?.reject(reply.skipped ? this.failure : error);
  }

  private onStarted(error: BackgroundSaverError | null): void {
    if (error === null) this.settleStart?.resolve();
    else this.settleStart?.reject(error);
    this.settleStart = null;
  }

  /** The worker failed as a whole: every waiting call rejects with it. */
  private fail(error: BackgroundSaverError): void {
    this.failure ??= error;
    // Calls not posted yet are rejected below with the others: none is posted any more.
    if (this.outboxTimer !== null) clearTimeout(this.outboxTimer);
    this.outboxTimer = null;
    this.outbox = [];
    this.outboxTransfer = [];
    this.outboxBytes = 0;
    this.arenas.seal();
    this.onStarted(this.failure);
    for (const [id, pending] of this.pending) {
      this.pending.delete(id);
      this.budget.release(pending.bytes);
      pending.settle?.reject(this.failure);
    }
  }
}
