/** Locating a python3 that has h5py, for the equivalence check (py/h5tool.py). */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { BenchError } from "./errors.js";

/** Path of the h5py helper script. */
export const H5TOOL = fileURLToPath(new URL("../py/h5tool.py", import.meta.url));

let found: string | undefined;

/**
 * The first of `$PMD_BENCH_PYTHON`, `python3`, `/usr/bin/python3` that imports h5py.
 * @throws BenchError `python-missing` when none does
 */
export function findPython(): string {
  if (found !== undefined) return found;
  const candidates = [process.env.PMD_BENCH_PYTHON, "python3", "/usr/bin/python3"].filter(
    (c): c is string => typeof c === "string" && c.length > 0,
  );
  for (const exe of candidates) {
    const r = spawnSync(exe, ["-c", "import h5py, numpy"], { stdio: "ignore" });
    if (r.status === 0) {
      found = exe;
      return exe;
    }
  }
  throw new BenchError("python-missing", `no python3 with h5py among: ${candidates.join(", ")} (apt install python3-h5py)`);
}
