/**
 * Seeded byte-level mutation of HDF5 files. Half of the edits land within 64 bytes after a
 * metadata signature (superblock, object headers, B-trees, heaps, symbol nodes): mutating raw data
 * mostly changes values, while mutating metadata is what reaches libhdf5's parsers.
 */
import type { Rng } from "../rng.js";

const SIGNATURES = ["\x89HDF", "OHDR", "TREE", "HEAP", "SNOD", "GCOL", "BTHD", "BTLF", "FRHP", "FHDB", "FSHD", "FSSE", "OCHK"];
const INTERESTING_8 = [0x00, 0x01, 0x7f, 0x80, 0xff, 0x10, 0x20, 0x40];
const INTERESTING_64 = [0n, 1n, 0x7fffffffn, 0xffffffffn, 0xffffffffffffffffn, 0x7fffffffffffffffn, 0x100000000n, 0x8000000000000000n];

/** Offsets just after each metadata signature. */
export function metadataOffsets(bytes: Uint8Array): number[] {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  const out: number[] = [];
  for (const sig of SIGNATURES) {
    for (let at = text.indexOf(sig); at >= 0; at = text.indexOf(sig, at + 1)) out.push(at + sig.length);
  }
  return out;
}

function offset(rng: Rng, size: number, hot: readonly number[]): number {
  if (hot.length > 0 && rng.next() < 0.5) return Math.min(size - 1, rng.pick(hot) + rng.int(64));
  return rng.int(size);
}

/** A mutated copy of `seed`: 1 to 8 edits (bit flips, interesting bytes and integers, block copies, truncation). */
export function mutate(seed: Uint8Array, rng: Rng, hot: readonly number[] = metadataOffsets(seed)): Uint8Array {
  let bytes = Uint8Array.from(seed);
  const edits = 1 + rng.int(8);
  for (let e = 0; e < edits && bytes.length > 0; e++) {
    const at = offset(rng, bytes.length, hot);
    switch (rng.int(6)) {
      case 0:
        bytes[at] = bytes[at]! ^ (1 << rng.int(8));
        break;
      case 1:
        bytes[at] = rng.pick(INTERESTING_8);
        break;
      case 2:
        if (at + 8 <= bytes.length) new DataView(bytes.buffer).setBigUint64(at, rng.pick(INTERESTING_64), true);
        break;
      case 3: {
        const len = 1 + rng.int(32);
        const from = rng.int(bytes.length);
        bytes.copyWithin(at, from, Math.min(bytes.length, from + len));
        break;
      }
      case 4:
        bytes[at] = rng.int(256);
        break;
      default:
        if (rng.next() < 0.3) bytes = bytes.slice(0, Math.max(1, at));
        break;
    }
  }
  return bytes;
}
