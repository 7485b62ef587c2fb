// A writer in a child process (plain JavaScript, started once per check): appends rows of 1,024
// float64 (row i holds the value i) to /rows of FILE, flushing every FLUSH_EVERY rows, until
// ROWS rows are written or a write fails; then closes the file. Prints "ready" after the first
// flush; with HOLD "hold" it then waits for stdin to end (a second writer is tried meanwhile).
// Last line: a JSON report (rows written, rows flushed, the write and close errors).
import process from "node:process";
import { H5File, H5Error } from "@pymodaq-ts/h5-lowlevel";

const [path, rowsArg, flushArg, hold] = process.argv.slice(2);
const ROWS = Number(rowsArg);
const FLUSH_EVERY = Number(flushArg);
const report = { written: 0, flushed: 0 };
const describe = (e) => ({ h5: e instanceof H5Error, name: e.name, errno: e.errno, message: e.message });

const file = H5File.create(path);
try {
  const ds = file.root.createDataset("rows", { dtype: "float64", shape: [0, 1024], maxshape: [null, 1024], chunks: [16, 1024] });
  for (let i = 0; i < ROWS; i++) {
    ds.append(new Float64Array(1024).fill(i));
    report.written = i + 1;
    if (report.written % FLUSH_EVERY !== 0 && report.written !== ROWS) continue;
    file.flush();
    const first = report.flushed === 0;
    report.flushed = report.written;
    if (!first) continue;
    process.stdout.write("ready\n");
    if (hold === "hold") await new Promise((resolve) => process.stdin.on("end", resolve).resume());
  }
} catch (e) {
  report.write = describe(e);
}
try {
  file.close();
} catch (e) {
  report.close = describe(e);
}
process.stdout.write(`${JSON.stringify(report)}\n`);
