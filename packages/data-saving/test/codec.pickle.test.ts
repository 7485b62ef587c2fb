import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { isPickleFormatError } from "../src/codec/errors.js";
import { pickleString, unpickleString } from "../src/codec/pickle.js";

const hex = (s: string) => Uint8Array.from(s.trim().split(/\s+/).map((b) => parseInt(b, 16)));
const toHex = (b: Uint8Array) => Buffer.from(b).toString("hex");

function rejects(bytes: Uint8Array): unknown {
  try {
    unpickleString(bytes);
  } catch (e) {
    return e;
  }
  return undefined;
}

describe("pickleString: protocol-4 bytes of file-format.md §4.4", () => {
  it("F5: 'hello log'", () => {
    expect(pickleString("hello log")).toEqual(hex("80 04 95 0d 00 00 00 00 00 00 00 8c 09 68 65 6c 6c 6f 20 6c 6f 67 94 2e"));
  });

  it("'abc' and ''", () => {
    expect(pickleString("abc")).toEqual(hex("80 04 95 07 00 00 00 00 00 00 00 8c 03 61 62 63 94 2e"));
    expect(pickleString("")).toEqual(hex("80 04 95 04 00 00 00 00 00 00 00 8c 00 94 2e"));
  });

  it("300 x 'x' uses BINUNICODE inside a frame", () => {
    const b = pickleString("x".repeat(300));
    expect(toHex(b.subarray(0, 16))).toBe("800495330100000000000058" + "2c010000");
    expect(b.length).toBe(2 + 9 + 5 + 300 + 2);
    expect(toHex(b.subarray(-2))).toBe("942e");
  });

  it("70000 x 'x' is written without a frame", () => {
    const b = pickleString("x".repeat(70000));
    expect(toHex(b.subarray(0, 7))).toBe("80045870110100");
    expect(b.length).toBe(2 + 5 + 70000 + 2);
    expect(toHex(b.subarray(-2))).toBe("942e");
  });

  it("the 255/256 and 65535/65536 byte boundaries", () => {
    expect(pickleString("a".repeat(255))[11]).toBe(0x8c);
    expect(pickleString("a".repeat(256))[11]).toBe(0x58);
    expect(pickleString("a".repeat(65535))[2]).toBe(0x95);
    expect(pickleString("a".repeat(65536))[2]).toBe(0x58);
  });

  it("matches python3's pickle.dumps(protocol=4) on varied strings", () => {
    const samples = ["Scan started", "µm é €", "😀 astral", "\ud800 lone", "x".repeat(300), "é".repeat(40000), "\x00\n"];
    const script =
      "import sys, json, pickle\n" +
      "for s in json.loads(sys.stdin.read()): print(pickle.dumps(s, protocol=4).hex())";
    const out = execFileSync("python3", ["-c", script], { input: JSON.stringify(samples) }).toString().trim().split("\n");
    expect(samples.map((s) => toHex(pickleString(s)))).toEqual(out);
  });
});

describe("unpickleString", () => {
  it("round-trips what pickleString writes", () => {
    for (const s of ["", "hello log", "µm é €", "😀", "\udc00", "y".repeat(300), "z".repeat(70000)]) {
      expect(unpickleString(pickleString(s))).toBe(s);
    }
  });

  it("accepts protocol 2 with BINPUT", () => {
    expect(unpickleString(hex("80 02 58 05 00 00 00 68 65 6c 6c 6f 71 00 2e"))).toBe("hello");
  });

  it("accepts what python3 writes for protocols 2, 3, 4 and 5", () => {
    const script =
      "import pickle\nfor p in (2, 3, 4, 5):\n  for s in ('hello', 'é' * 200, 'x' * 70000): print(pickle.dumps(s, protocol=p).hex())";
    const rows = execFileSync("python3", ["-c", script], { maxBuffer: 1 << 24 }).toString().trim().split("\n");
    expect(rows).toHaveLength(12);
    const texts = rows.map((h) => unpickleString(Uint8Array.from(Buffer.from(h, "hex"))));
    expect(texts).toEqual(Array.from({ length: 4 }, () => ["hello", "é".repeat(200), "x".repeat(70000)]).flat());
  });

  it("rejects junk and every other pickle with PickleFormatError", () => {
    const cases = [
      "",
      "80 04",
      "80 01 58 00 00 00 00 2e", // protocol 1 header
      "80 06 8c 00 2e", // unknown protocol
      "80 04 95 04 00 00 00 00 00 00 00 4b 01 2e", // BININT1: an int, not a str
      "80 04 95 07 00 00 00 00 00 00 00 8c 03 61 62 63 94", // no STOP
      "80 04 95 07 00 00 00 00 00 00 00 8c 05 61 62 63 94 2e", // length past the end
      "80 04 8c 01 61 94 2e 2e", // data after STOP
      "80 04 95 ff 00 00 00 00 00 00 00 8c 01 61 94 2e", // frame longer than data
      "80 04 95 02 00 00 00 00 00 00 00 8c 01 61 94 2e", // frame ends inside an opcode
      "80 04 8c 02 c3 28 94 2e", // invalid UTF-8
      "80 04 63 6f 73 0a 73 79 73 74 65 6d 0a 2e", // GLOBAL os.system
      "80 04 5d 94 2e", // EMPTY_LIST
    ];
    for (const c of cases) {
      const e = rejects(hex(c || "00").subarray(0, c ? undefined : 0));
      expect(isPickleFormatError(e), c).toBe(true);
    }
  });

  it("the error names the byte offset", () => {
    const e = rejects(hex("80 04 4b 01 2e"));
    expect(isPickleFormatError(e) && e.position).toBe(2);
  });
});
