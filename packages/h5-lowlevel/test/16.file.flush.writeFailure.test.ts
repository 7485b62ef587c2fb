/**
 * Writes the file system refuses (the file-size limit, `ulimit -f`): the binding's file driver
 * reserves allocated space before libhdf5 refers to it and writes nothing after the first
 * failure, so the failing flush is an H5Error naming the file with errno 27, every later write
 * or flush fails with the same cause, close releases the file (with that error) and the process
 * exits normally, and the file on disk is the last successful flush, readable by us and h5py.
 * Children run the built package (dist/), as a consumer would.
 */
import { spawnSync } from "node:child_process";
import { statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { H5File } from "../src/index.js";
import { tempPath } from "@pymodaq-ts/test-support";
import { runPython } from "./python.js";

const dist = resolve(dirname(fileURLToPath(import.meta.url)), "../dist/index.js");
const ROW = 1024;

// Rows of ROW float64 (row i all equal to i), a flush every 10 rows, until a flush fails; then
// one more flush and one more append, then close. Prints a JSON report.
const WRITER = `
const [dist, path] = process.argv.slice(-2);
const { H5File, H5Error } = await import(dist);
const describe = (e) => ({ h5: e instanceof H5Error, errno: e.errno, message: e.message });
const report = { flushed: 0 };
const file = H5File.create(path);
file.holdMetadataUntilFlush();
const ds = file.root.createDataset("rows", { dtype: "float64", shape: [0, ${ROW}], maxshape: [null, ${ROW}], chunks: [16, ${ROW}] });
try {
  for (let i = 0; i < 100000; i++) {
    ds.append(new Float64Array(${ROW}).fill(i));
    if ((i + 1) % 10 === 0) { file.flush(); report.flushed = i + 1; }
  }
} catch (e) { report.write = describe(e); }
try { file.flush(); } catch (e) { report.again = describe(e); }
try { file.close(); } catch (e) { report.close = describe(e); }
report.open = file.isOpen;
console.log(JSON.stringify(report));
`;

describe("H5File.flush when the file system refuses the write", () => {
  it("file-size limit: typed errors, clean exit, the last flushed state on disk", () => {
    const path = tempPath("fsize.h5");
    const r = spawnSync("bash", ["-c", 'ulimit -f 512; exec "$0" --input-type=module -e "$1" -- "$2" "$3"', process.execPath, WRITER, dist, path], { encoding: "utf8" });
    expect(r.signal).toBeNull();
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout.trim().split("\n").at(-1)!);
    expect(report.flushed).toBeGreaterThan(0);
    for (const step of ["write", "again", "close"]) {
      expect(report[step], step).toMatchObject({ h5: true, errno: 27 });
      expect(report[step].message, step).toContain(path);
    }
    expect(report.write.message).toContain("File too large (errno 27)");
    expect(report.open).toBe(false);
    expect(statSync(path).size).toBeLessThanOrEqual(512 * 1024);

    using file = H5File.open(path);
    const ds = file.root.openDataset("rows");
    const rows = ds.shape()[0]!;
    expect(rows).toBe(report.flushed);
    const data = ds.read() as Float64Array;
    for (let i = 0; i < rows; i++) expect(data[i * ROW], `row ${i}`).toBe(i);
    const py = runPython(`
import h5py, sys
with h5py.File(sys.argv[1], 'r') as f:
    d = f['rows'][:]
    print(d.shape[0], all((d[i] == i).all() for i in range(d.shape[0])))
`, path);
    expect(py.trim()).toBe(`${rows} True`);
  });
});
