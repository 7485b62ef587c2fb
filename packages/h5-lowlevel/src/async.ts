/**
 * What the asynchronous methods share: the per-file queue that runs their operations one at a
 * time in the order they were issued, cancellation through an AbortSignal, and the checks of
 * their options and buffers.
 *
 * Why one at a time: libhdf5 serializes every call behind one global lock anyway, so running a
 * file's operations side by side gains nothing, while running them in issue order makes a write
 * followed by a read (or two writes to the same place) behave as in synchronous code.
 */
import { argumentError, H5AbortError } from "./errors.js";
import type { AnyTypedArray, AsyncOptions } from "./types.js";
import { checkOptions } from "./validate.js";

function abortError(signal: AbortSignal, filename: string): H5AbortError {
  return new H5AbortError(`${filename}: the operation was aborted before it started`, { cause: signal.reason });
}

/** Operations of one file, run one at a time in issue order. */
export class OperationQueue {
  private tail: Promise<void> = Promise.resolve();

  /** @param filename the file's name, for the errors */
  constructor(private readonly filename: string) {}

  /**
   * Runs `operation` once every operation issued before it has settled. While it waits, an abort
   * of `signal` rejects it with H5AbortError and it never starts; once started, it runs to the
   * end. An already aborted signal rejects at once.
   */
  run<T>(operation: () => Promise<T>, signal: AbortSignal | undefined): Promise<T> {
    if (signal?.aborted) return Promise.reject(abortError(signal, this.filename));
    return new Promise<T>((resolve, reject) => {
      const onAbort = (): void => reject(abortError(signal as AbortSignal, this.filename));
      signal?.addEventListener("abort", onAbort, { once: true });
      this.tail = this.tail.then(async () => {
        signal?.removeEventListener("abort", onAbort);
        if (signal?.aborted) return; // rejected when it was aborted
        try {
          resolve(await operation());
        } catch (error) {
          reject(error);
        }
      });
    });
  }
}

const queues = new WeakMap<object, OperationQueue>();

/** The queue of `file` (an H5File), made on first use. */
export function queueOf(file: { readonly filename: string }): OperationQueue {
  let queue = queues.get(file);
  if (queue === undefined) {
    queue = new OperationQueue(file.filename);
    queues.set(file, queue);
  }
  return queue;
}

/** Checks `options.signal` (undefined or an AbortSignal) of options whose keys are checked already. */
export function signalOf(options: AsyncOptions | undefined): AbortSignal | undefined {
  const signal: unknown = options?.signal;
  if (signal !== undefined && !(signal instanceof AbortSignal)) throw argumentError("options.signal", "must be an AbortSignal");
  return signal;
}

/** Checks options that hold `signal` only; returns the signal. */
export function checkSignal(options: AsyncOptions | undefined): AbortSignal | undefined {
  return signalOf(checkOptions(options, ["signal"]));
}

/** Rejects work on `filename` that has no queue to wait in (opening a file) when `signal` is aborted. */
export function throwIfAborted(signal: AbortSignal | undefined, filename: string): void {
  if (signal?.aborted) throw abortError(signal, filename);
}

/**
 * Rejects arrays on a resizable ArrayBuffer: shrinking it while libhdf5 reads into it or writes
 * from it on another thread would pull the memory from under the transfer.
 */
export function checkStableBuffer(array: AnyTypedArray, argument: string): void {
  if ((array.buffer as { resizable?: boolean }).resizable === true) {
    throw argumentError(argument, "must not be on a resizable ArrayBuffer (it could shrink while the operation runs)");
  }
}
