/**
 * Reads of untrusted files in a supervised child process (`loadDataUntrusted`, `loadAllUntrusted`,
 * `inspectUntrusted`): the results equal the in-process reads (rebuilt with the same classes), the
 * read's own errors come back typed with their code and fields, and a reader that passes its time
 * or memory limit is a ReaderDiedError naming the file while this process runs on. Crashes inside
 * libhdf5 on crafted and mutated files are covered by the reliability package's fuzz tests.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { DataToExport, DataWithAxes } from "@pymodaq-ts/data-model";
import { fixturePath, tempDir } from "@pymodaq-ts/test-support";
import { describe, expect, it } from "vitest";
import { DataLoader } from "../src/loader/data-loader.js";
import { isInvalidTypeError, isLimitError, isNodeError, isReaderDiedError, isStorageError } from "../src/errors.js";
import { inspectFile } from "../src/tools/canonical/inspect.js";
import { loadAllUntrusted, loadDataUntrusted, inspectUntrusted } from "../src/tools/untrusted/read-untrusted.js";

const FILE = fixturePath("dte_mixed_tables", ".h5");
const NODE = "/RawData/Data1D/CH00/Data00";

async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(() => { throw new Error("expected a rejection"); }, (e: unknown) => e);
}

describe("loadDataUntrusted / loadAllUntrusted", () => {
  it("give what the loader gives in-process, with the data-model classes", async () => {
    using loader = new DataLoader(FILE);
    const dwa = await loadDataUntrusted(FILE, NODE, { loadAll: true });
    expect(dwa).toBeInstanceOf(DataWithAxes);
    const local = loader.loadData(NODE, { loadAll: true });
    expect(dwa.name).toBe(local.name);
    expect(dwa.shape).toEqual(local.shape);
    expect(dwa.data.map((a) => [...a.data])).toEqual(local.data.map((a) => [...a.data]));
    expect(dwa.axes.map((a) => a.label)).toEqual(local.axes.map((a) => a.label));

    const all = await loadAllUntrusted(FILE);
    expect(all).toBeInstanceOf(DataToExport);
    expect(all.data.map((d) => d.name)).toEqual(loader.loadAll("/RawData").data.map((d) => d.name));
  });

  it("rebuild the read's own errors with their code and fields", async () => {
    const limit = await rejection(loadDataUntrusted(FILE, NODE, { maxLoadBytes: 8 }));
    expect(isLimitError(limit)).toBe(true);
    expect(limit).toMatchObject({ name: "LimitError", limit: 8, pythonName: "MemoryError" });

    const missing = await rejection(loadDataUntrusted(FILE, "/RawData/nothing"));
    expect(isNodeError(missing)).toBe(true);

    const notHdf5 = join(tempDir(), "not.h5");
    writeFileSync(notHdf5, "not an HDF5 file at all");
    const opened = await rejection(loadAllUntrusted(notHdf5));
    expect(isStorageError(opened)).toBe(true);
    expect((opened as Error).message).toContain(notHdf5);
  });

  it("reject unknown options and NUL bytes before starting a reader", async () => {
    expect(isInvalidTypeError(await rejection(loadDataUntrusted(FILE, NODE, { timeout: 5 } as never)))).toBe(true);
    await expect(loadAllUntrusted(`${FILE}\0x`)).rejects.toThrow(/NUL/);
    await expect(loadAllUntrusted(FILE, "/RawData", { memoryMb: -1 })).rejects.toThrow(/memoryMb/);
  });

  it("turn a reader past its time or memory limit into a ReaderDiedError naming the file", async () => {
    const slow = await rejection(loadAllUntrusted(FILE, "/RawData", { timeoutMs: 30 }));
    expect(isReaderDiedError(slow)).toBe(true);
    expect(slow).toMatchObject({ death: "hang", signal: "SIGKILL", path: FILE });
    expect((slow as Error).message).toBe(`cannot read ${FILE}: the HDF5 reader did not finish within 30 ms: the file is corrupt or hostile`);

    // A Node process alone takes more than 10 MiB resident.
    const big = await rejection(loadAllUntrusted(FILE, "/RawData", { memoryMb: 10 }));
    expect(big).toMatchObject({ death: "memory", code: "READER_DIED" });
  });
});

describe("inspectUntrusted", () => {
  it("gives the inspector's document", async () => {
    const doc = await inspectUntrusted(FILE);
    expect(doc).toEqual(inspectFile(FILE));
  });
});
