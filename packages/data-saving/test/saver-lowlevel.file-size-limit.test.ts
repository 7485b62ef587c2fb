// A saver that reaches the file-size limit (`ulimit -f`, RLIMIT_FSIZE) in a child process: the
// caller gets the typed flush error naming the file and the system error (not the close's, not a
// SuppressedError), the process exits normally, and the file opens in our loader, h5py and
// PyTables with every point flushed before the failure, values and `shape` attribute exact.
import { PyTuple } from "@pymodaq-ts/data-model";
import { execFile, execFileSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { tempDir } from "@pymodaq-ts/test-support";
import { MODEL, SRC, TSX } from "./child.helpers.js";
import { H5SaverLowLevel } from "../src/conventions/h5-saver-lowlevel.js";

const python = existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
const ROW = 1024; // float64 values per point: 8 KiB

interface ChildReport {
  saved: number;
  flushed: number;
  error?: { name: string; code?: string; operation?: string; message: string; closeError?: string; suppressed: boolean };
}

/** Points of ROW values (point i all equal to i), flushed every 10, until a write fails. */
const CHILD = (path: string): string => `
import { DataRaw, NDArray } from ${JSON.stringify(MODEL)};
import { DataEnlargeableSaver, H5SaverLowLevel } from ${JSON.stringify(SRC)};
const report = { saved: 0, flushed: 0 };
try {
  using h5 = new H5SaverLowLevel({ flushPolicy: { everyPoints: 10, everySeconds: null } });
  h5.initFile(${JSON.stringify(path)}, { newFile: true });
  const saver = new DataEnlargeableSaver(h5);
  for (let i = 0; i < 100000; i++) {
    const data = NDArray.from("float64", [${ROW}], new Array(${ROW}).fill(i));
    saver.addData(h5.rawGroup, new DataRaw("probe", { data: [data] }), { axisValues: [i] });
    report.saved = i + 1;
    if (h5.unflushedPoints === 0) report.flushed = report.saved;
  }
} catch (e) {
  report.error = { name: e.name, code: e.code, operation: e.operation, message: e.message, closeError: e.closeError?.message, suppressed: "suppressed" in e };
}
console.log(JSON.stringify(report));
`;

/** Points stored with their values (point i all equal to i), counted from the start, per reader. */
const READ_BACK = `
import sys, json, h5py, tables, numpy as np
path = sys.argv[1]
def intact(a):
    n = 0
    while n < a.shape[0] and (a[n] == n).all(): n += 1
    return n
with h5py.File(path, 'r') as f:
    h = intact(f['RawData/EnlData00'][:])
    shape = list(f['RawData/EnlData00'].shape)
with tables.open_file(path) as f:
    t = intact(f.get_node('/RawData/EnlData00')[:])
print(json.dumps({'h5py': h, 'tables': t, 'shape': shape}))
`;

describe("file-size limit", () => {
  it("typed error naming the file, clean exit, every flushed point readable by us, h5py and PyTables", async () => {
    const dir = tempDir("ds-fsize");
    const file = join(dir, "scan.h5");
    const script = join(dir, "child.mts");
    writeFileSync(script, CHILD(file));
    // 512 KiB: about 60 points of 8 KiB.
    const { stdout } = await promisify(execFile)("bash", ["-c", 'ulimit -f 512; exec "$0" "$1"', TSX, script], { cwd: dir });
    const report = JSON.parse(stdout.trim().split("\n").at(-1)!) as ChildReport;

    expect(report.flushed).toBeGreaterThan(0);
    expect(report.error).toMatchObject({ name: "StorageError", code: "STORAGE", operation: "flush", suppressed: false });
    expect(report.error!.message).toContain(file);
    expect(report.error!.message).toContain("File too large (errno 27)");
    expect(report.error!.closeError).toContain("File too large");

    const ro = H5SaverLowLevel.openReadOnly(file);
    try {
      const node = ro.getNode("/RawData/EnlData00");
      const shape = (node.attrs.get("shape") as PyTuple).items as bigint[];
      const data = (ro.read(node as never) as { data: Float64Array }).data;
      let intact = 0;
      while (intact < Number(shape[0]) && data.subarray(intact * ROW, (intact + 1) * ROW).every((v) => v === intact)) intact++;
      expect(intact).toBe(Number(shape[0]));
      expect(intact).toBeGreaterThanOrEqual(report.flushed);
      expect(shape[1]).toBe(BigInt(ROW));
      const python3 = JSON.parse(execFileSync(python, ["-c", READ_BACK, file], { encoding: "utf8" })) as { h5py: number; tables: number; shape: number[] };
      expect(python3).toEqual({ h5py: intact, tables: intact, shape: [intact, ROW] });
    } finally {
      ro.closeFile();
    }
  });
});
