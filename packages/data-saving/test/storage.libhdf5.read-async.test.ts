/**
 * The libhdf5 storage's `readAsync` of a whole array, through each of its paths: an array within
 * the chunk cache, one larger than the cache (read through a second, uncached handle), an empty
 * one, a scalar one, and one written through the same handle since it was opened (whose extent
 * is asked on the pool). Each reads what the synchronous `read` reads.
 */
import { join } from "node:path";
import { tempDir } from "@pymodaq-ts/test-support";
import { beforeAll, describe, expect, it } from "vitest";
import { FILE_SETTINGS } from "../src/conventions/layout.js";
import { libhdf5Storage } from "../src/storage/libhdf5.js";
import type { AnyTypedArray, ArrayCreateSpec, StorageFile } from "../src/storage/types.js";

const spec = (shape: number[], maxshape: (number | null)[] = shape, chunks: number[] | null = null): ArrayCreateSpec => ({
  dtype: "float64", boolEncoding: "bitfield", shape, maxshape, chunks, deflate: null, shuffle: false, fillTime: "alloc", allocTime: "incr",
});

const ramp = (n: number, from = 0): Float64Array => Float64Array.from({ length: n }, (_, i) => from + i * 0.5);
/** The values of a float64 array read back. */
const values = (a: AnyTypedArray): number[] => Array.from(a as Float64Array);

let dir: string;
beforeAll(() => {
  dir = tempDir("ds-read-async");
});

/** A file holding one array of each kind (the chunk cache of FILE_SETTINGS is 2 MiB). */
function writeArrays(path: string): void {
  const f = libhdf5Storage.create(path, FILE_SETTINGS);
  f.root.createArray("small", spec([4, 3])).write(ramp(12));
  // 3 MiB in chunks of 64 KiB: past the chunk cache.
  f.root.createArray("large", spec([384, 1024], [384, 1024], [8, 1024])).write(ramp(384 * 1024, 7));
  f.root.createArray("empty", spec([0, 3], [null, 3], [16, 3]));
  f.root.createArray("scalar", spec([])).write(Float64Array.of(2.25));
  f.close();
}

async function expectSameReads(file: StorageFile, names: readonly string[]): Promise<void> {
  for (const name of names) {
    const array = file.root.openArray(name);
    const sync = array.read();
    const async = await array.readAsync!();
    expect(async.constructor, name).toBe(sync.constructor);
    expect(values(async), name).toEqual(values(sync));
  }
}

describe("libhdf5 storage: readAsync of whole arrays", () => {
  it("reads what read reads, within the chunk cache and past it, empty and scalar, read-only and read-write", async () => {
    const path = join(dir, "whole.h5");
    writeArrays(path);
    const names = ["small", "large", "empty", "scalar"];
    const readOnly = libhdf5Storage.open(path, "r", FILE_SETTINGS);
    try {
      await expectSameReads(readOnly, names);
      expect(values(await readOnly.root.openArray("large").readAsync!()).slice(0, 3)).toEqual([7, 7.5, 8]);
      expect(values(await readOnly.root.openArray("scalar").readAsync!())).toEqual([2.25]);
      expect((await readOnly.root.openArray("empty").readAsync!()).length).toBe(0);
    } finally {
      readOnly.close();
    }
    const readWrite = libhdf5Storage.open(path, "r+", FILE_SETTINGS);
    try {
      await expectSameReads(readWrite, names);
    } finally {
      readWrite.close();
    }
  });

  it("an array grown through its handle reads its new extent", async () => {
    const f = libhdf5Storage.create(join(dir, "grown.h5"), FILE_SETTINGS);
    try {
      const rows = f.root.createArray("rows", spec([0, 3], [null, 3], [16, 3]));
      expect((await rows.readAsync!()).length).toBe(0);
      rows.append(ramp(6), 2);
      rows.append(ramp(3, 10), 1);
      expect(values(await rows.readAsync!())).toEqual([...ramp(6), ...ramp(3, 10)]);
      const large = f.root.createArray("large", spec([0, 1024], [null, 1024], [8, 1024]));
      large.append(ramp(384 * 1024, 1), 384);
      const read = await large.readAsync!();
      expect(read.length).toBe(384 * 1024);
      expect(values(read).slice(-2)).toEqual(Array.from(ramp(384 * 1024, 1).subarray(-2)));
    } finally {
      f.close();
    }
  });
});
