/**
 * The Logger's row format (file-format.md §4.4, quirk Q4): each row is `pickle.dumps(message)` with
 * protocol 4, for a str message. The writer produces exactly Python's bytes; the reader
 * accepts only the forms a single pickled str can take under protocols 2 to 5 and never
 * unpickles anything else.
 *
 * @example
 * pickleString("abc");  // 80 04 95 07 00 00 00 00 00 00 00 8c 03 61 62 63 94 2e
 */
import { PickleFormatError } from "./errors.js";
import { utf8DecodeSurrogatePass, utf8EncodeSurrogatePass } from "./utf8.js";

const PROTO = 0x80;
const FRAME = 0x95;
const SHORT_BINUNICODE = 0x8c;
const BINUNICODE = 0x58; // 'X'
const BINUNICODE8 = 0x8d;
const MEMOIZE = 0x94;
const BINPUT = 0x71; // 'q'
const LONG_BINPUT = 0x72; // 'r'
const STOP = 0x2e; // '.'

/** Python's framer writes payloads of at least this size outside any frame. */
const FRAME_SIZE_TARGET = 64 * 1024;

/**
 * `pickle.dumps(s, protocol=4)` of a str, byte for byte (lone surrogates kept, as Python's
 * `surrogatepass`).
 */
export function pickleString(s: string): Uint8Array {
  const u = utf8EncodeSurrogatePass(s);
  const n = u.length;
  let header: Uint8Array;
  if (n <= 0xff) {
    header = Uint8Array.of(SHORT_BINUNICODE, n);
  } else if (n <= 0xffffffff) {
    header = new Uint8Array(5);
    header[0] = BINUNICODE;
    new DataView(header.buffer).setUint32(1, n, true);
  } else {
    header = new Uint8Array(9);
    header[0] = BINUNICODE8;
    new DataView(header.buffer).setBigUint64(1, BigInt(n), true);
  }
  // A large payload goes out unframed, and the 2 trailing bytes are below the frame minimum.
  const framed = n < FRAME_SIZE_TARGET;
  const frameLength = header.length + n + 2;
  const out = new Uint8Array(2 + (framed ? 9 : 0) + frameLength);
  out[0] = PROTO;
  out[1] = 4;
  let pos = 2;
  if (framed) {
    out[pos] = FRAME;
    new DataView(out.buffer).setBigUint64(pos + 1, BigInt(frameLength), true);
    pos += 9;
  }
  out.set(header, pos);
  out.set(u, pos + header.length);
  pos += header.length + n;
  out[pos] = MEMOIZE;
  out[pos + 1] = STOP;
  return out;
}

class ByteReader {
  pos = 0;
  private readonly view: DataView;

  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  fail(message: string, at = this.pos): never {
    throw new PickleFormatError(message, at);
  }

  need(n: number): void {
    if (this.pos + n > this.bytes.length) this.fail("pickle data is truncated");
  }

  u8(): number {
    this.need(1);
    return this.bytes[this.pos++]!;
  }

  u32(): number {
    this.need(4);
    const v = this.view.getUint32(this.pos, true);
    this.pos += 4;
    return v;
  }

  u64(): number {
    this.need(8);
    const v = this.view.getBigUint64(this.pos, true);
    this.pos += 8;
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) this.fail("length out of range", this.pos - 8);
    return Number(v);
  }
}

/**
 * Read back a pickled str: optional PROTO (2 to 5), optional FRAME, one of BINUNICODE /
 * SHORT_BINUNICODE / BINUNICODE8, optional MEMOIZE / BINPUT / LONG_BINPUT, then STOP.
 * @throws PickleFormatError for anything else (other opcodes, a bad frame length, truncated
 *   data, invalid UTF-8, bytes after STOP)
 */
export function unpickleString(bytes: Uint8Array): string {
  const r: ByteReader = new ByteReader(bytes);
  const boundaries = new Set<number>();
  let frameEnd: number | undefined;
  if (bytes[r.pos] === PROTO) {
    r.pos++;
    const proto = r.u8();
    if (proto < 2 || proto > 5) r.fail(`unsupported pickle protocol ${proto}`, r.pos - 1);
  }
  if (bytes[r.pos] === FRAME) {
    r.pos++;
    const length = r.u64();
    frameEnd = r.pos + length;
    if (frameEnd > bytes.length) r.fail("frame longer than the data", r.pos - 9);
  }
  boundaries.add(r.pos);
  const op = r.u8();
  let n: number;
  if (op === SHORT_BINUNICODE) n = r.u8();
  else if (op === BINUNICODE) n = r.u32();
  else if (op === BINUNICODE8) n = r.u64();
  else return r.fail(`expected a pickled str, found opcode 0x${op.toString(16).padStart(2, "0")}`, r.pos - 1);
  r.need(n);
  const text = utf8DecodeSurrogatePass(bytes, r.pos, r.pos + n);
  if (text === undefined) r.fail("the pickled str is not valid UTF-8");
  r.pos += n;
  boundaries.add(r.pos);
  const memo = bytes[r.pos];
  if (memo === MEMOIZE) r.pos += 1;
  else if (memo === BINPUT) r.pos += 2;
  else if (memo === LONG_BINPUT) r.pos += 5;
  if (r.pos > bytes.length) r.fail("pickle data is truncated");
  boundaries.add(r.pos);
  if (r.u8() !== STOP) r.fail("expected STOP after the str", r.pos - 1);
  boundaries.add(r.pos);
  if (r.pos !== bytes.length) r.fail("data after STOP");
  if (frameEnd !== undefined && !boundaries.has(frameEnd)) r.fail("the frame ends inside an opcode", frameEnd);
  return text;
}
