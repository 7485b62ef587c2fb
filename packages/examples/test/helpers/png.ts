/**
 * A tiny PNG reader for tests: checks the signature and decodes 8-bit RGB/RGBA, non-interlaced images
 * (what resvg writes), so a test can tell a blank picture from a drawn one.
 */
import { inflateSync } from "node:zlib";

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface DecodedPng {
  width: number;
  height: number;
  channels: number;
  /** Unfiltered pixel bytes, row-major, `channels` bytes per pixel. */
  data: Uint8Array;
}

/** Decodes a PNG file; throws on anything it does not support. */
export function decodePng(bytes: Uint8Array): DecodedPng {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!buf.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error("not a PNG: bad signature");
  let pos = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (pos < buf.length) {
    const length = buf.readUInt32BE(pos);
    const type = buf.toString("latin1", pos + 4, pos + 8);
    const body = buf.subarray(pos + 8, pos + 8 + length);
    if (type === "IHDR") {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const depth = body[8];
      const colourType = body[9];
      const interlace = body[12];
      if (depth !== 8 || interlace !== 0) throw new Error(`unsupported PNG: depth ${depth}, interlace ${interlace}`);
      if (colourType === 6) channels = 4;
      else if (colourType === 2) channels = 3;
      else throw new Error(`unsupported PNG colour type ${colourType}`);
    } else if (type === "IDAT") {
      idat.push(body);
    } else if (type === "IEND") {
      break;
    }
    pos += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const data = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const left = i >= channels ? (data[y * stride + i - channels] as number) : 0;
      const up = y > 0 ? (data[(y - 1) * stride + i] as number) : 0;
      const upLeft = y > 0 && i >= channels ? (data[(y - 1) * stride + i - channels] as number) : 0;
      const x = line[i] as number;
      let predictor: number;
      switch (filter) {
        case 0: predictor = 0; break;
        case 1: predictor = left; break;
        case 2: predictor = up; break;
        case 3: predictor = (left + up) >> 1; break;
        case 4: predictor = paeth(left, up, upLeft); break;
        default: throw new Error(`bad PNG filter ${filter}`);
      }
      data[y * stride + i] = (x + predictor) & 0xff;
    }
  }
  return { width, height, channels, data };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

/** Number of distinct colours in a decoded image (capped at `cap` to stay cheap). */
export function distinctColours(png: DecodedPng, cap = 1000): number {
  const seen = new Set<number>();
  const { data, channels } = png;
  for (let i = 0; i < data.length && seen.size < cap; i += channels) {
    let key = 0;
    for (let c = 0; c < channels; c++) key = key * 256 + (data[i + c] as number);
    seen.add(key);
  }
  return seen.size;
}
