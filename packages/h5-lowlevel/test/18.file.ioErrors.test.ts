/**
 * Write failures of the file system (here the file-size limit, RLIMIT_FSIZE, set in a child with
 * `ulimit -f`; Node ignores SIGXFSZ so the write fails with EFBIG): a typed H5Error naming the
 * file with the system error, every later flush and the close failing with the same cause, a
 * process that keeps running and exits without a crash in libhdf5's shutdown, and a file that
 * holds the last successful flush (the binding's file driver reserves allocated space before
 * libhdf5 refers to it and writes nothing after a failure), read back by us and h5py.
 */
import { spawnSync } from "node:child_process";
import { statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { tempPath } from "@pymodaq-ts/test-support";
import { H5File } from "../src/index.js";
import { pythonJson } from "./python.js";

const dist = resolve(dirname(fileURLToPath(import.meta.url)), "../dist/index.js");

// `mode` chooses what fills the file: chunked raw data (rows of 1,024 values all equal to the row
// index) or metadata (groups g<i> with an attribute of 1,000 values equal to i).
const FILLER = `
const [dist, path, mode, closing] = process.argv.slice(-4);
const { H5File, H5Error } = await import(dist);
const report = (e) => ({ h5: e instanceof H5Error, errno: e.errno, message: e.message });
const out = { written: 0, flushed: 0 };
const f = H5File.create(path);
f.holdMetadataUntilFlush();
try {
  const ds = mode === "data" ? f.root.createDataset("d", { dtype: "float64", shape: [0, 1024], maxshape: [null, 1024], chunks: [16, 1024] }) : null;
  for (let i = 0; i < 100000; i++) {
    if (ds) ds.append(new Float64Array(1024).fill(i));
    else f.root.createGroup("g" + i).attrs.set("a", new Float64Array(1000).fill(i));
    out.written = i + 1;
    if (i % 10 === 9) { f.flush(); out.flushed = i + 1; }
  }
} catch (e) { out.write = report(e); }
try { f.flush(); } catch (e) { out.again = report(e); }
try { if (closing === "async") await f.closeAsync(); else f.close(); } catch (e) { out.close = report(e); }
out.closedAfter = !f.isOpen;
console.log(JSON.stringify(out));
`;

function fillUnderLimit(mode: "data" | "metadata", closing: "sync" | "async") {
  const path = tempPath();
  const child = spawnSync("bash", ["-c", `ulimit -f 256; exec "$0" --input-type=module -e "$1" -- "$2" "$3" "$4" "$5"`, process.execPath, FILLER, dist, path, mode, closing], { encoding: "utf8" });
  return { path, child };
}

/** How many rows (data) or groups (metadata) hold their values, counted from the first. */
function intactInBinding(path: string, mode: "data" | "metadata"): number {
  using file = H5File.open(path);
  let n = 0;
  if (mode === "data") {
    const ds = file.root.openDataset("d");
    const rows = ds.shape()[0]!;
    const data = ds.read() as Float64Array;
    while (n < rows && data.subarray(n * 1024, (n + 1) * 1024).every((v) => v === n)) n++;
    return rows === n ? n : -1;
  }
  const names = file.root.children().length;
  while (n < names && (file.root.openGroup(`g${n}`).attrs.get(`a`) as Float64Array).every((v) => v === n)) n++;
  return names === n ? n : -1;
}

const H5PY_INTACT = `
import h5py, sys, json
path, mode = sys.argv[1], sys.argv[2]
with h5py.File(path, 'r') as f:
    if mode == 'data':
        d = f['d'][:]
        ok = all((d[i] == i).all() for i in range(d.shape[0]))
        print(json.dumps(d.shape[0] if ok else -1))
    else:
        n = len(f.keys())
        ok = all((f['g%d' % i].attrs['a'] == i).all() for i in range(n))
        print(json.dumps(n if ok else -1))
`;

describe("H5File under a file-size limit", () => {
  for (const [mode, closing] of [["data", "sync"], ["metadata", "sync"], ["data", "async"]] as const) {
    it(`${mode} writes, ${closing === "sync" ? "close" : "closeAsync"}: EFBIG as H5Error naming the file, clean exit, the last flush on disk`, () => {
      const { path, child } = fillUnderLimit(mode, closing);
      expect(child.signal).toBe(null);
      expect(child.stderr).toBe("");
      expect(child.status).toBe(0);
      const out = JSON.parse(child.stdout);
      expect(out.flushed).toBeGreaterThan(0);
      expect(out.write).toMatchObject({ h5: true, errno: 27 });
      expect(out.write.message).toContain(path);
      expect(out.write.message).toContain("File too large");
      // A later flush and the close (closeAsync too) fail with the same cause, and the handle ends closed.
      expect(out.again).toMatchObject({ h5: true, errno: 27 });
      expect(out.close).toMatchObject({ h5: true, errno: 27 });
      expect(out.close.message).toContain(`close file ${path}`);
      expect(out.closedAfter).toBe(true);
      expect(statSync(path).size).toBeLessThanOrEqual(256 * 1024);
      // Everything flushed, nothing after the last flush.
      expect(intactInBinding(path, mode)).toBe(out.flushed);
      expect(pythonJson(H5PY_INTACT, path, mode)).toBe(out.flushed);
    });
  }
});
