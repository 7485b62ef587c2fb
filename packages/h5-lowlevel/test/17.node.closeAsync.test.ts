/**
 * H5NodeBase.closeAsync (datasets, groups, vlen datasets): the close waits behind the file's
 * earlier asynchronous operations, runs once, and a signal cancels it while it waits.
 */
import { describe, expect, it } from "vitest";
import { H5AbortError, H5File } from "../src/index.js";
import { tempPath } from "@pymodaq-ts/test-support";

const iota = (n: number) => Float64Array.from({ length: n }, (_, i) => i);

describe("H5NodeBase.closeAsync", () => {
  it("closes a dataset after the reads issued before it, which read the data", async () => {
    using file = H5File.create(tempPath());
    const ds = file.root.createDataset("d", { dtype: "float64", shape: [1000] });
    ds.write(iota(1000));
    const reads = [ds.readAsync(), ds.readAsync({ start: [10], count: [5] })];
    const closed = ds.closeAsync();
    // Issued, not yet run: the dataset stays open until the reads before it have settled.
    expect(ds.isOpen).toBe(true);
    const [whole, part] = await Promise.all(reads);
    await closed;
    expect(Array.from(whole as Float64Array)).toEqual(Array.from(iota(1000)));
    expect(Array.from(part as Float64Array)).toEqual([10, 11, 12, 13, 14]);
    expect(ds.isOpen).toBe(false);
    await ds.closeAsync(); // idempotent
    expect(file.isOpen).toBe(true);
  });

  it("closes groups and vlen datasets the same way", async () => {
    using file = H5File.create(tempPath());
    const group = file.root.createGroup("g");
    const vlen = file.root.createVlenUint8("v", { chunks: [16] });
    await Promise.all([group.closeAsync(), vlen.closeAsync()]);
    expect(group.isOpen).toBe(false);
    expect(vlen.isOpen).toBe(false);
  });

  it("a signal cancels the close while it waits (H5AbortError), leaving the node open", async () => {
    using file = H5File.create(tempPath());
    const ds = file.root.createDataset("d", { dtype: "float64", shape: [10] });
    ds.write(iota(10));
    const aborted = new AbortController();
    aborted.abort();
    await expect(ds.closeAsync({ signal: aborted.signal })).rejects.toBeInstanceOf(H5AbortError);
    const later = new AbortController();
    const read = ds.readAsync();
    const close = ds.closeAsync({ signal: later.signal });
    later.abort();
    await expect(close).rejects.toBeInstanceOf(H5AbortError);
    expect(Array.from((await read) as Float64Array)).toEqual(Array.from(iota(10)));
    expect(ds.isOpen).toBe(true);
    await expect(ds.closeAsync({ other: 1 } as never)).rejects.toThrow(/other/);
  });
});
