/**
 * One open domain: its REST client, its open mode, its objects, the append buffers of its arrays
 * and the idle timer that sends them when the writer pauses. Errors of a timer-driven send cannot
 * be thrown to anyone: they are kept and thrown by the next call on the domain.
 */
import { FileStateError } from "../../errors.js";
import type { AppendBuffer, BatchPolicy, PendingWrites } from "./batching.js";
import { AttrBatch } from "./attr-batch.js";
import type { HsdsClient, Json } from "./client.js";
import { describedObjects, type DescribedObjects } from "./described.js";
import { HsdsError, HsdsUnsavedRowsError, type UnsavedRows } from "./errors.js";

/**
 * Objects a session describes one by one (a request each) before it asks for the whole domain's
 * description at once. A load of one node looks up a dozen objects or so, and stays below; a walk
 * of a domain (inspect, copy, loadAll) passes it, and the rest of its objects then cost nothing:
 * HSDS describes a domain of 500 objects in one answer of about 200 ms, against 2 to 3 ms per object.
 */
export const DESCRIBE_ALL_AFTER = 32;

export class DomainSession {
  private readonly buffers = new Set<PendingWrites>();
  private timer: NodeJS.Timeout | null = null;
  private deferredError: unknown = null;
  open = true;

  /** Attribute writes held until the next send. */
  readonly attrs: AttrBatch;
  /**
   * Objects described so far, by HSDS id: every open of one object gets the same node, with its
   * shape, its held writes and its attributes (held ones included).
   */
  readonly objects = new Map<string, object>();

  /** Objects described one by one so far; past DESCRIBE_ALL_AFTER the whole domain is asked for (once). */
  private lookUps = 0;
  private readonly described: Map<string, Readonly<Record<string, Json>>>;

  constructor(
    readonly client: HsdsClient,
    readonly writable: boolean,
    readonly batch: BatchPolicy,
    rootId: string,
    /** The domain's objects as described at the open; when given, the domain is not asked for them again. */
    described: DescribedObjects | null = null,
  ) {
    this.attrs = new AttrBatch(client, rootId);
    this.described = new Map(described ?? []);
    if (described !== null) this.lookUps = Infinity;
  }

  /**
   * The description of object `id` from the domain's, or undefined: then the caller asks HSDS for
   * it, which counts towards asking for the whole domain's description (DESCRIBE_ALL_AFTER). An
   * object opened once is kept by its node (`objects`), so a description is only ever used for an
   * object this session has not changed.
   */
  describedOf(id: string): Readonly<Record<string, Json>> | undefined {
    const known = this.described.get(id);
    if (known !== undefined || ++this.lookUps <= DESCRIBE_ALL_AFTER) return known;
    this.lookUps = Infinity;
    const answer = this.client.json("GET", "/", { params: { getobjs: 1, include_attrs: 1 } });
    this.client.stats.domainDescriptions++;
    for (const [objectId, o] of describedObjects(answer)) this.described.set(objectId, o);
    return this.described.get(id);
  }

  get domain(): string {
    return this.client.domain;
  }

  /** Throws the error of a background send, once; and refuses calls on a closed domain. */
  check(path: string): void {
    if (!this.open) throw new FileStateError(`hsds:${this.domain}: the domain is closed`, { path });
    const e = this.deferredError;
    if (e !== null) {
      this.deferredError = null;
      throw e;
    }
  }

  /** Refuses writes on a read-only domain. */
  checkWritable(path: string): void {
    this.check(path);
    if (!this.writable) throw new FileStateError(`hsds:${this.domain}: opened read-only, cannot write ${path}`, { path });
  }

  /** Buffers a row of `buffer`, sending when its limits or the age of the oldest buffered row say so. */
  append<Row>(buffer: AppendBuffer<Row>, row: Row, size: number, rows: number): void {
    this.buffered(buffer, buffer.add(row, size, rows, this.batch));
  }

  /** Registers writes just buffered in `pending`; sends them when `full` or when they waited too long. */
  buffered(pending: PendingWrites, full: boolean): void {
    this.buffers.add(pending);
    if (full) this.flushOne(pending);
    if (this.oldest() !== null && Date.now() - this.oldest()! >= this.batch.maxDelayMs) this.flushAll();
    this.arm();
  }

  private oldest(): number | null {
    let t: number | null = null;
    for (const b of this.buffers) if (b.pending > 0 && (t === null || b.since < t)) t = b.since;
    return t;
  }

  /** An idle writer's rows still leave within about `maxDelayMs`. */
  private arm(): void {
    if (this.timer !== null || this.oldest() === null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.open) return;
      try {
        this.flushAll();
      } catch (e) {
        this.deferredError = e;
      }
    }, this.batch.maxDelayMs);
    this.timer.unref();
  }

  flushOne(buffer: PendingWrites): void {
    buffer.flush();
    if (buffer.pending === 0) this.buffers.delete(buffer);
  }

  /**
   * Sends every buffer. Every buffer is tried; the rows of all that failed are listed in one
   * HsdsUnsavedRowsError.
   */
  flushAll(): void {
    const unsaved: UnsavedRows[] = [];
    let first: HsdsError | null = null;
    // Data first, attributes last: a `shape` attribute never runs ahead of the rows it counts.
    const order = [...this.buffers].sort((a, b) => Number(a === this.attrs) - Number(b === this.attrs));
    for (const b of order) {
      try {
        this.flushOne(b);
      } catch (e) {
        if (!(e instanceof HsdsUnsavedRowsError)) throw e;
        this.buffers.delete(b);
        first ??= e.cause as HsdsError;
        unsaved.push(...e.unsaved);
      }
    }
    if (first !== null) throw new HsdsUnsavedRowsError(first, unsaved);
  }

  /** Sends what is buffered, then stops the timer and the client. */
  close(): void {
    if (!this.open) return;
    try {
      this.flushAll();
      if (this.writable) this.client.json("PUT", "/", { body: { flush: true } });
    } finally {
      this.open = false;
      if (this.timer !== null) clearTimeout(this.timer);
      this.timer = null;
      this.client.close();
    }
  }
}
