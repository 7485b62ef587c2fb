/**
 * The bound of the background saver's queue, in bytes of array data: calls are admitted one at
 * a time in call order, each once its bytes fit beside those still queued (a call larger than
 * the whole budget is admitted alone, when the queue is empty). An AbortSignal cancels a call
 * while it waits; nothing of it is queued then.
 */
import { BackgroundAbortError } from "./errors.js";

export class ByteBudget {
  /** Bytes admitted and not yet released. */
  private used = 0;
  /** The end of the admission line: each call waits for the one before it. */
  private tail: Promise<void> = Promise.resolve();
  /** Calls in the line whose turn has not ended. */
  private inLine = 0;
  /** The call at the head of the line, waiting for room (one at a time). */
  private waiter: (() => void) | null = null;

  /**
   * @param limit the bytes that may be queued at once
   * @param onWait called when a call starts waiting for room (the room it waits for comes from
   *   calls queued before it, which must be on their way)
   */
  constructor(readonly limit: number, private readonly onWait: () => void = () => undefined) {}

  /** Bytes queued now. */
  get queued(): number {
    return this.used;
  }

  /**
   * Waits for this call's turn and for room for `bytes`, then runs `enqueue` and counts the
   * bytes as queued (not when `enqueue` throws).
   * @throws (rejects) BackgroundAbortError when `signal` aborts first; what `enqueue` throws.
   */
  admit<T>(bytes: number, signal: AbortSignal | undefined, operation: string, enqueue: () => T): Promise<T> {
    // Nobody in line and room now (the common case): admitted at once, no turn to wait for.
    if (this.inLine === 0 && signal?.aborted !== true && this.fits(bytes)) {
      try {
        return Promise.resolve(this.take(bytes, enqueue));
      } catch (e) {
        return Promise.reject(e);
      }
    }
    this.inLine++;
    const turn = this.tail.then(() => this.room(bytes, signal, operation)).then(() => this.take(bytes, enqueue));
    const ended = (): void => {
      this.inLine--;
    };
    this.tail = turn.then(ended, ended);
    return turn;
  }

  private take<T>(bytes: number, enqueue: () => T): T {
    const queued = enqueue();
    this.used += bytes;
    return queued;
  }

  /** Gives back the bytes of a call that was handled. */
  release(bytes: number): void {
    this.used -= bytes;
    this.waiter?.();
  }

  private fits(bytes: number): boolean {
    return this.used === 0 || this.used + bytes <= this.limit;
  }

  private room(bytes: number, signal: AbortSignal | undefined, operation: string): Promise<void> {
    if (signal?.aborted) return Promise.reject(new BackgroundAbortError(operation, signal.reason));
    if (this.fits(bytes)) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const done = (): void => {
        this.waiter = null;
        signal?.removeEventListener("abort", onAbort);
      };
      const onAbort = (): void => {
        done();
        reject(new BackgroundAbortError(operation, signal?.reason));
      };
      this.waiter = () => {
        if (!this.fits(bytes)) return;
        done();
        resolve();
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.onWait();
    });
  }
}
