/**
 * The arenas of the background saver: small arrays copied at aligned offsets and viewed again
 * on the other side with their kind and values, arenas sent to the worker once, given back and
 * filled again, and at most `maxArenas` of them: past that, or past the arena's size, arrays
 * are left to cross another way.
 */
import { describe, expect, it } from "vitest";
import { ARENA_BYTES, Arenas, arenasWithin, BATCH_BYTES, PACKED_MAX_BYTES, unpack, type Placements } from "../src/background/arenas.js";

/** What the worker sees of `arrays` placed as tape slots 1.. in one batch. */
function roundTrip(arenas: Arenas, arrays: ArrayBufferView[], known: SharedArrayBuffer[]): unknown[] {
  const placements: Placements = [];
  arrays.forEach((a, i) => expect(arenas.place(a as Float64Array, i + 1, placements)).toBe(true));
  const { arena, fresh } = arenas.seal();
  known.push(...fresh);
  const tape: unknown[] = [arrays.length, ...arrays.map(() => null)];
  unpack(tape, placements, known[arena!]!);
  return tape;
}

describe("background arenas", () => {
  it("copies arrays of every kind, aligned, and the worker views the same kinds and values", () => {
    const arenas = new Arenas();
    const arrays = [
      Uint8Array.of(1, 2, 3), Float64Array.of(1.5, -2), Int16Array.of(-3), BigInt64Array.of(-4n, 5n), Float32Array.of(0.25),
      Uint32Array.of(7), Int8Array.of(-1), BigUint64Array.of(9n), Int32Array.of(-8), Uint16Array.of(6),
    ];
    const known: SharedArrayBuffer[] = [];
    const tape = roundTrip(arenas, arrays, known);
    expect(known).toHaveLength(1);
    arrays.forEach((a, i) => {
      const seen = tape[i + 1] as ArrayBufferView;
      expect(seen.constructor).toBe(a.constructor);
      expect(seen).toEqual(a);
      expect(seen.byteOffset % 8).toBe(0);
      expect(seen.buffer).toBe(known[0]);
    });
  });

  it("sends each arena once, and fills an arena given back again", () => {
    const arenas = new Arenas(2);
    const known: SharedArrayBuffer[] = [];
    roundTrip(arenas, [Float64Array.of(1)], known);
    const first = arenas.seal(); // nothing placed since: no arena, nothing new
    expect(first).toEqual({ arena: null, fresh: [] });
    const placements: Placements = [];
    arenas.place(Float64Array.of(2), 1, placements);
    const second = arenas.seal();
    expect(second.arena).toBe(1); // the first is still out with its batch
    expect(second.fresh).toHaveLength(1);
    arenas.giveBack(0);
    arenas.place(Float64Array.of(3), 1, placements);
    expect(arenas.seal()).toEqual({ arena: 0, fresh: [] });
  });

  it("leaves to other ways what it cannot pack: a large array, a full arena, every arena out", () => {
    const arenas = new Arenas(1);
    const placements: Placements = [];
    expect(arenas.place(new Uint8Array(PACKED_MAX_BYTES + 1), 1, placements)).toBe(false);
    const big = new Uint8Array(PACKED_MAX_BYTES - 8);
    let placed = 0;
    while (arenas.place(big, 1, placements)) placed++;
    expect(placed).toBe(Math.floor(ARENA_BYTES / (PACKED_MAX_BYTES - 8)));
    expect(arenas.place(Uint8Array.of(1), 1, placements)).toBe(true); // a small one still fits
    expect(arenas.seal().arena).toBe(0);
    expect(arenas.place(Uint8Array.of(1), 1, placements)).toBe(false); // the only arena is out
    arenas.giveBack(0);
    expect(arenas.place(Uint8Array.of(1), 1, placements)).toBe(true);
    expect(placements.length).toBe(4 * (placed + 2));
  });

  it("makes as many arenas as the queue's bound holds in memory, at least 4, each a batch and room for one more call", () => {
    const queue = 64 * 1024 * 1024;
    const n = arenasWithin(queue);
    expect(n * ARENA_BYTES).toBeLessThanOrEqual(queue);
    expect((n + 1) * ARENA_BYTES).toBeGreaterThan(queue);
    expect(arenasWithin(1024)).toBe(4);
    expect(ARENA_BYTES - BATCH_BYTES).toBeGreaterThanOrEqual(PACKED_MAX_BYTES);
    // every one of them is made and filled before an array is left to cross alone
    const arenas = new Arenas(n);
    for (let k = 0; k < n; k++) {
      expect(arenas.place(new Float64Array(1024), 1, [])).toBe(true);
      expect(arenas.seal().arena).toBe(k);
    }
    expect(arenas.place(new Float64Array(1024), 1, [])).toBe(false);
  });

  it("a placement the worker cannot resolve is a RangeError, not a wrong view", () => {
    const arena = new SharedArrayBuffer(64);
    expect(() => unpack([1, null], [1, 99, 0, 1], arena)).toThrow(RangeError);
    expect(() => unpack([1, null], [1, 7, 64, 1], arena)).toThrow(RangeError);
  });
});
