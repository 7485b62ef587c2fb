/**
 * Decodes a Python pickle holding a single str (protocols 2-5), the form of PyMoDAQ's Logger
 * rows (file-format.md 4.4). Test helper only: anything else throws.
 */
export function unpickleString(bytes: Uint8Array): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let i = 0;
  if (bytes[i] === 0x80) i += 2; // PROTO n
  if (bytes[i] === 0x95) i += 9; // FRAME u64
  const op = bytes[i++];
  let len: number;
  if (op === 0x8c) len = bytes[i++] as number; // SHORT_BINUNICODE
  else if (op === 0x58) { len = view.getUint32(i, true); i += 4; } // BINUNICODE
  else if (op === 0x8d) { len = Number(view.getBigUint64(i, true)); i += 8; } // BINUNICODE8
  else throw new Error(`not a pickled str (opcode 0x${(op ?? 0).toString(16)})`);
  const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(i, i + len));
  i += len;
  if (bytes[i] === 0x94) i += 1; // MEMOIZE
  else if (bytes[i] === 0x71) i += 2; // BINPUT
  if (bytes[i] !== 0x2e || i + 1 !== bytes.length) throw new Error("pickled str not followed by STOP");
  return text;
}
