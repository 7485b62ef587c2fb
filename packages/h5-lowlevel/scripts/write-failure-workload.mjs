/**
 * Workload for the valgrind leak check (scripts/valgrind.sh), run under a file-size limit: the
 * paths of a write the file system refuses (the file driver's reservation failing, every later
 * write refused, the close releasing a file whose flush fails), synchronous and asynchronous.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { H5File } from "../dist/index.js";

const dir = mkdtempSync(join(tmpdir(), "h5-lowlevel-write-failure-"));
const failures = [];
for (const mode of ["sync", "async", "metadata"]) {
  const file = H5File.create(join(dir, `${mode}.h5`));
  file.holdMetadataUntilFlush();
  const ds = file.root.createDataset("rows", { dtype: "float64", shape: [0, 1024], maxshape: [null, 1024], chunks: [16, 1024] });
  try {
    for (let i = 0; i < 1000; i++) {
      if (mode === "sync") ds.append(new Float64Array(1024).fill(i));
      else if (mode === "async") await ds.appendAsync(new Float64Array(1024).fill(i));
      else file.root.createGroup(`g${i}`).attrs.set("a", new Float64Array(1000).fill(i));
      if ((i + 1) % 10 === 0) (mode === "async" ? await file.flushAsync() : file.flush());
    }
  } catch (e) {
    failures.push(e.errno);
  }
  try { file.flush(); } catch (e) { failures.push(e.errno); }
  try { file.close(); } catch (e) { failures.push(e.errno); }
}
rmSync(dir, { recursive: true, force: true });
// Every step must have failed with the file-size limit's errno (27), else the workload missed its path.
if (failures.length !== 9 || failures.some((errno) => errno !== 27)) {
  console.error(`write-failure workload: expected nine EFBIG failures, got ${JSON.stringify(failures)}`);
  process.exit(1);
}
