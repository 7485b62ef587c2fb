/**
 * Write failures of the file system (here the file-size limit, RLIMIT_FSIZE, set in a child with
 * `ulimit -f`; Node ignores SIGXFSZ so the write fails with EFBIG): a typed H5Error naming the
 * file with the system error, a close error that keeps reporting it, and a process that keeps
 * running and exits without a crash in libhdf5's shutdown.
 */
import { spawnSync } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { tempPath } from "@pymodaq-ts/test-support";

const dist = resolve(dirname(fileURLToPath(import.meta.url)), "../dist/index.js");

// `mode` chooses what fills the file: chunked raw data or metadata (groups with attributes).
const FILLER = `
const [dist, path, mode] = process.argv.slice(-3);
const { H5File, H5Error } = await import(dist);
const report = (e) => ({ h5: e instanceof H5Error, errno: e.errno, message: e.message });
const out = { written: 0 };
const f = H5File.create(path);
try {
  const ds = mode === "data" ? f.root.createDataset("d", { dtype: "float64", shape: [0, 1024], maxshape: [null, 1024], chunks: [16, 1024] }) : null;
  for (let i = 0; i < 100000; i++) {
    if (ds) ds.append(new Float64Array(1024).fill(i));
    else f.root.createGroup("g" + i).attrs.set("a", new Float64Array(1000));
    if (i % 10 === 9) f.flush();
    out.written = i + 1;
  }
} catch (e) { out.write = report(e); }
try { f.close(); } catch (e) { out.close = report(e); }
out.closedAfter = !f.isOpen;
console.log(JSON.stringify(out));
`;

function fillUnderLimit(mode: "data" | "metadata") {
  const path = tempPath();
  const child = spawnSync("bash", ["-c", `ulimit -f 256; exec "$0" --input-type=module -e "$1" -- "$2" "$3" "$4"`, process.execPath, FILLER, dist, path, mode], { encoding: "utf8" });
  return { path, child };
}

describe("H5File under a file-size limit", () => {
  for (const mode of ["data", "metadata"] as const) {
    it(`reports EFBIG for ${mode} writes as H5Error naming the file, and exits cleanly`, () => {
      const { path, child } = fillUnderLimit(mode);
      expect(child.signal).toBe(null);
      expect(child.stderr).toBe("");
      expect(child.status).toBe(0);
      const out = JSON.parse(child.stdout);
      expect(out.written).toBeGreaterThan(0);
      expect(out.write).toMatchObject({ h5: true, errno: 27 });
      expect(out.write.message).toContain(path);
      expect(out.write.message).toContain("File too large");
      // The close still fails (the data cannot be written), says why, and leaves the handle closed.
      expect(out.close).toMatchObject({ h5: true, errno: 27 });
      expect(out.close.message).toContain(`close file ${path}`);
      expect(out.closedAfter).toBe(true);
    });
  }
});
