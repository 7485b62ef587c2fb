/**
 * Append batching: rows appended to one array wait in memory and go to HSDS in one `append=N`
 * request, sent when the buffer holds `maxRows` rows or `maxBytes` bytes, when its oldest row has
 * waited `maxDelayMs` (checked at each append and by an idle timer), and at flush and close. A
 * single-row append over HTTP costs a round trip (250-380/s here); batched, a logger keeps up.
 */
import { InvalidValueError } from "../../errors.js";
import { checkOptions } from "../../options.js";
import { HsdsError, HsdsUnsavedRowsError, type UnsavedRows } from "./errors.js";

/** When buffered appends are sent. */
export interface BatchPolicy {
  /** Rows per array that trigger a send (1 = no batching). */
  readonly maxRows: number;
  /** Buffered bytes per array that trigger a send. */
  readonly maxBytes: number;
  /** Age of the oldest buffered row that triggers a send of every buffer. */
  readonly maxDelayMs: number;
}

export const DEFAULT_BATCH: BatchPolicy = { maxRows: 4096, maxBytes: 4 * 1024 * 1024, maxDelayMs: 1000 };

/** @throws InvalidValueError for a non-positive or non-integer limit; InvalidTypeError for unknown keys. */
export function checkBatchPolicy(given: Partial<BatchPolicy> | undefined): BatchPolicy {
  const o = checkOptions(given, ["maxRows", "maxBytes", "maxDelayMs"], "hsdsStorage batch");
  const p = { ...DEFAULT_BATCH, ...o };
  for (const [k, v] of Object.entries(p)) {
    if (!Number.isInteger(v) || v < (k === "maxDelayMs" ? 0 : 1)) throw new InvalidValueError(`hsdsStorage batch.${k} must be a positive integer, got ${String(v)}`);
  }
  return p;
}

/** Writes held back to be sent together. */
export interface PendingWrites {
  /** Rows (or blocks) held. */
  readonly pending: number;
  /** `Date.now()` of the oldest one held. */
  readonly since: number;
  /** Sends them; on failure throws HsdsUnsavedRowsError naming what is lost. */
  flush(): void;
}

/** One array's buffer of rows not yet sent. */
export abstract class AppendBuffer<Row> implements PendingWrites {
  protected rows: Row[] = [];
  private bytes = 0;
  /** Rows buffered (an item of `rows` may hold several). */
  pending = 0;
  /** `Date.now()` of the oldest buffered row. */
  since = 0;

  /** @param persisted rows of the array known to be in the service */
  constructor(
    readonly path: string,
    protected persisted: number,
  ) {}

  /** Rows in the service plus rows buffered. */
  get length(): number {
    return this.persisted + this.pending;
  }

  /** Buffers `row` (`size` bytes, `count` rows); true when the size limits say send now. */
  add(row: Row, size: number, count: number, policy: BatchPolicy): boolean {
    if (this.rows.length === 0) this.since = Date.now();
    this.rows.push(row);
    this.bytes += size;
    this.pending += count;
    return this.pending >= policy.maxRows || this.bytes >= policy.maxBytes;
  }

  /** Sends the buffered rows in one request; on failure they are dropped and listed in the error. */
  flush(): void {
    const count = this.pending;
    if (count === 0) return;
    const rows = this.rows;
    this.rows = [];
    this.bytes = 0;
    this.pending = 0;
    try {
      this.send(rows, count);
      this.persisted += count;
    } catch (e) {
      if (!(e instanceof HsdsError)) throw e;
      const lost: UnsavedRows = { path: this.path, start: this.persisted, count };
      throw new HsdsUnsavedRowsError(e, [lost]);
    }
  }

  /** Records rows written by another way (a resize, a whole write). */
  reset(persisted: number): void {
    this.persisted = persisted;
  }

  protected abstract send(rows: Row[], count: number): void;
}
