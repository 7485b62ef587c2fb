/**
 * The memory the small arrays of the background saver's calls cross to its worker in: arenas,
 * SharedArrayBuffers both threads hold. A call's small arrays are copied into the arena of its
 * batch and the request names where (`Placements`); the worker views them there, and its answer
 * to the batch gives the arena back, to be filled by a later batch.
 *
 * Why not move or copy each array with the message: a buffer that crosses in a message becomes a
 * new ArrayBuffer on the other side, whose memory V8 counts as newly allocated until a
 * collection finds the object dead. A scan's thousands of arrays per second then start full
 * garbage collections on both threads, and moving a buffer costs a few microseconds whatever its
 * size. Arenas are sent to the worker once, and a copy of a few KiB costs less than a move.
 *
 * Arenas are made as batches need them, up to the memory of the queue's bound (`arenasWithin`):
 * a worker that falls behind (its JIT still cold at the start of a scan, a collection) holds as
 * many batches as the queue admits, each in its arena. While every arena is out with a batch the
 * worker has not answered, arrays cross as copies of their own (`place` returns false), each a
 * buffer new to the worker's heap. The arenas made stay the saver's until it is dropped.
 */
import type { AnyTypedArray } from "@pymodaq-ts/data-model";

/** An array an arena holds: NDArray data or bytes. */
export type Placeable = AnyTypedArray | Uint8Array;

/**
 * Where a request's packed arrays are in its batch's arena, four numbers per array: the tape
 * slot it fills, its kind (index in KINDS), its byte offset and its length in elements.
 */
export type Placements = number[];

/**
 * Array bytes of the calls in the outbox that post it (background-saver.ts). Small enough that
 * a scan's batches are many and an arena each: what the worker has not written yet is spread
 * over many arenas, not held up in a few.
 */
export const BATCH_BYTES = 1024 * 1024;
/**
 * Bytes of one arena: a batch and room for the call that brings it there; a call that finds the
 * arena full has its arrays copied alone.
 */
export const ARENA_BYTES = BATCH_BYTES + 256 * 1024;
/** Arrays up to this size are copied into the arena; larger ones cross alone (moved or copied). */
export const PACKED_MAX_BYTES = 64 * 1024;
/** Arenas a saver may make however small its queue's bound. */
const MIN_ARENAS = 4;

/** How many arenas a queue bounded to `queueBytes` may make: their memory within the bound, at least MIN_ARENAS. */
export function arenasWithin(queueBytes: number): number {
  return Math.max(MIN_ARENAS, Math.floor(queueBytes / ARENA_BYTES));
}
/** Alignment of each copy: the largest element (float64, int64, complex parts). */
const ALIGN = 8;

type ArrayKind = new (buffer: ArrayBufferLike, byteOffset: number, length: number) => Placeable;
const KINDS: readonly ArrayKind[] = [
  Int8Array, Uint8Array, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array, BigInt64Array, BigUint64Array,
];

/** What a batch takes along: the index of its arena (null: nothing packed) and the arenas the worker has not been sent yet. */
export interface SealedArena {
  readonly arena: number | null;
  readonly fresh: SharedArrayBuffer[];
}

/** The main thread's side: fills arenas, batch after batch. */
export class Arenas {
  private readonly memory: Uint8Array[] = [];
  /** Arenas back from the worker (or never used), ready to be filled. */
  private readonly free: number[] = [];
  /** The arena being filled for the next batch (-1: none yet), and its bytes used. */
  private current = -1;
  private used = 0;
  /** Arenas made since the last batch: sent with the next one. */
  private fresh: SharedArrayBuffer[] = [];

  constructor(private readonly maxArenas = MIN_ARENAS) {}

  /**
   * Copies `data` into the arena being filled (taking a free one, or making one, when none is),
   * aligned for any element type, and appends its placement as tape slot `slot` to `into`.
   * @returns false for an array too large to pack, when the arena is full, or when every
   *   arena is out with a batch: the array crosses some other way
   */
  place(data: Placeable, slot: number, into: Placements): boolean {
    const kind = KINDS.indexOf(data.constructor as ArrayKind);
    if (data.byteLength > PACKED_MAX_BYTES || kind < 0) return false;
    if (this.current < 0 && !this.take()) return false;
    const at = Math.ceil(this.used / ALIGN) * ALIGN;
    if (at + data.byteLength > ARENA_BYTES) return false;
    (this.memory[this.current] as Uint8Array).set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), at);
    into.push(slot, kind, at, data.length);
    this.used = at + data.byteLength;
    return true;
  }

  /** Ends the batch being filled: what its message takes along. */
  seal(): SealedArena {
    const sealed = { arena: this.current < 0 || this.used === 0 ? null : this.current, fresh: this.fresh };
    if (this.current >= 0 && sealed.arena === null) this.free.push(this.current);
    this.current = -1;
    this.used = 0;
    this.fresh = [];
    return sealed;
  }

  /** Takes back the arena of a batch the worker has answered. */
  giveBack(arena: number | null): void {
    if (arena !== null) this.free.push(arena);
  }

  private take(): boolean {
    let index = this.free.pop();
    if (index === undefined && this.memory.length < this.maxArenas) {
      const arena = new SharedArrayBuffer(ARENA_BYTES);
      index = this.memory.push(new Uint8Array(arena)) - 1;
      this.fresh.push(arena);
    }
    if (index === undefined) return false;
    this.current = index;
    this.used = 0;
    return true;
  }
}

/**
 * The worker's side: puts into `tape` views of the arrays `placements` names in `arena`.
 * @throws RangeError when a placement lies outside the arena
 */
export function unpack(tape: unknown[], placements: Placements, arena: SharedArrayBuffer): void {
  for (let i = 0; i + 3 < placements.length; i += 4) {
    const Kind = KINDS[placements[i + 1] as number];
    if (Kind === undefined) throw new RangeError(`unknown packed array kind ${placements[i + 1]}`);
    tape[placements[i] as number] = new Kind(arena, placements[i + 2] as number, placements[i + 3] as number);
  }
}
