/**
 * Runs Python scripts with h5py and PyTables (Debian's python3-h5py, python3-tables). A
 * `python3` earlier on PATH (pyenv, venv) may lack them, so the first interpreter that imports
 * both is used.
 */
import { execFileSync } from "node:child_process";

const CANDIDATES = [process.env.H5_TEST_PYTHON, "/usr/bin/python3", "python3"].filter((p): p is string => !!p);

let chosen: string | undefined;

/** The first python3 that imports h5py and tables. */
export function interpreter(): string {
  if (chosen) return chosen;
  for (const candidate of CANDIDATES) {
    try {
      execFileSync(candidate, ["-c", "import h5py, tables"], { stdio: "ignore" });
      chosen = candidate;
      return candidate;
    } catch {
      // try the next one
    }
  }
  throw new Error("no python3 with h5py and tables found (apt install python3-h5py python3-tables)");
}

/** Runs `script` (args in sys.argv[1:]) and returns its stdout. */
export function runPython(script: string, ...args: string[]): string {
  return execFileSync(interpreter(), ["-c", script, ...args], { encoding: "utf8" });
}

/** Runs `script` and parses its stdout as JSON. */
export function pythonJson<T = unknown>(script: string, ...args: string[]): T {
  return JSON.parse(runPython(script, ...args)) as T;
}
