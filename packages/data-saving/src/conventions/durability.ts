/**
 * The flush policy of a writing saver: when the file on disk catches up with what was saved.
 *
 * Between two flushes the file on disk is the state of the last flush (the storage holds
 * metadata until flush, see `H5File.holdMetadataUntilFlush`), so a process killed at any moment
 * loses what was saved after the last flush and nothing before. The policy bounds that loss: a
 * flush every `everyPoints` saver points and/or every `everySeconds` seconds (checked at each
 * point, and by a timer while the process waits between points).
 *
 * @example
 * const h5 = new H5SaverLowLevel({ flushPolicy: { everyPoints: 100, everySeconds: 0.5 } });
 */
import { InvalidValueError } from "../errors.js";
import { checkOptions } from "../options.js";

export interface FlushPolicy {
  /** Flush after this many points (saver `addData` calls) since the last flush; null: no count. */
  readonly everyPoints: number | null;
  /** Flush when the oldest unflushed point is this many seconds old; null: no time bound. */
  readonly everySeconds: number | null;
  /**
   * Also ask the operating system to put the flushed bytes on the disk (fsync): survives a power
   * loss or a kernel crash, not only the death of the process. Off by default (see README).
   */
  readonly fsync: boolean;
}

/** One second, no count, no fsync: a killed process loses at most the last second of points. */
export const DEFAULT_FLUSH_POLICY: FlushPolicy = Object.freeze({ everyPoints: null, everySeconds: 1, fsync: false });

const POLICY_KEYS: readonly (keyof FlushPolicy)[] = ["everyPoints", "everySeconds", "fsync"];

/**
 * The full policy from a partial one (missing fields take the default's).
 * @throws InvalidTypeError for unknown keys; InvalidValueError for a count that is not a positive
 *   integer, a duration that is not a positive finite number, or a non-boolean fsync.
 */
export function checkFlushPolicy(policy: Partial<FlushPolicy> | undefined): FlushPolicy {
  const p = checkOptions(policy, POLICY_KEYS as (keyof Partial<FlushPolicy>)[], "flushPolicy");
  const everyPoints = p.everyPoints === undefined ? DEFAULT_FLUSH_POLICY.everyPoints : p.everyPoints;
  const everySeconds = p.everySeconds === undefined ? DEFAULT_FLUSH_POLICY.everySeconds : p.everySeconds;
  const fsync = p.fsync ?? DEFAULT_FLUSH_POLICY.fsync;
  if (everyPoints !== null && !(Number.isSafeInteger(everyPoints) && everyPoints > 0)) {
    throw new InvalidValueError(`flushPolicy.everyPoints must be a positive integer or null, got ${String(everyPoints)}`);
  }
  if (everySeconds !== null && !(typeof everySeconds === "number" && Number.isFinite(everySeconds) && everySeconds > 0)) {
    throw new InvalidValueError(`flushPolicy.everySeconds must be a positive number or null, got ${String(everySeconds)}`);
  }
  if (typeof fsync !== "boolean") throw new InvalidValueError(`flushPolicy.fsync must be a boolean, got ${String(fsync)}`);
  return Object.freeze({ everyPoints, everySeconds, fsync });
}

/**
 * Counts points and decides when to flush. The timer is unref'd (it never keeps a process
 * alive) and only runs while points wait to be flushed.
 */
export class FlushScheduler {
  private pending = 0;
  private oldestPending = 0;
  private timer: NodeJS.Timeout | null = null;
  /** A flush that failed in the timer, thrown by the next `pointSaved` (no caller was there). */
  private timerError: unknown = null;

  constructor(
    readonly policy: FlushPolicy,
    private readonly flush: () => void,
  ) {}

  /** Points saved since the last flush. */
  get unflushedPoints(): number {
    return this.pending;
  }

  /**
   * One point was saved: flushes when the policy says so, else makes sure the time bound holds
   * while the process waits.
   * @throws the flush's error, or that of a flush the timer attempted since the last call.
   */
  pointSaved(): void {
    if (this.timerError !== null) this.throwTimerError();
    const { everyPoints, everySeconds } = this.policy;
    // One clock read per point (none without a time bound): the check runs on every point of an
    // acquisition, so it is kept to a few operations.
    const now = everySeconds === null ? 0 : performance.now();
    if (this.pending++ === 0) this.oldestPending = now;
    const due = (everyPoints !== null && this.pending >= everyPoints) || (everySeconds !== null && now - this.oldestPending >= everySeconds * 1000);
    if (due) this.flush();
    else if (this.timer === null) this.arm(now);
  }

  /** The file was flushed (by the policy or by the caller): nothing is pending. */
  flushed(): void {
    this.pending = 0;
    this.disarm();
  }

  /** Stops the timer (the file closes). */
  dispose(): void {
    this.disarm();
    this.pending = 0;
  }

  /** Starts the timer that flushes when the oldest unflushed point turns `everySeconds` old. */
  private arm(now: number): void {
    const seconds = this.policy.everySeconds;
    if (seconds === null) return;
    const wait = Math.max(0, seconds * 1000 - (now - this.oldestPending));
    this.timer = setTimeout(() => {
      this.timer = null;
      try {
        this.flush();
      } catch (e) {
        this.timerError = e;
      }
    }, wait);
    this.timer.unref();
  }

  private disarm(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private throwTimerError(): never {
    const e = this.timerError;
    this.timerError = null;
    throw e;
  }
}
