/**
 * Runs NumPy in a Python subprocess, for reference values. A `python3` earlier on PATH
 * (pyenv, venv) may lack NumPy, so the first interpreter that imports it is used
 * (`NUMPY_TEST_PYTHON` first, then Debian's `/usr/bin/python3`, then `python3`).
 */
import { execFileSync } from "node:child_process";

const CANDIDATES = [process.env.NUMPY_TEST_PYTHON, "/usr/bin/python3", "python3"].filter((p): p is string => !!p);

let chosen: string | undefined;

function interpreter(): string {
  if (chosen !== undefined) return chosen;
  for (const candidate of CANDIDATES) {
    try {
      execFileSync(candidate, ["-c", "import numpy"], { stdio: "ignore" });
      chosen = candidate;
      return candidate;
    } catch {
      // this one has no NumPy: try the next
    }
  }
  throw new Error("no python3 with numpy found (apt install python3-numpy)");
}

/**
 * Runs `script` with `import numpy as np, json, sys` done and `args` (JSON) in `inp`; the
 * script assigns its answer to `out`, returned parsed from JSON. Complex values are written
 * as `[re, im]` pairs by the helper `c(array)`. Answers hold finite numbers only (JSON).
 */
export function numpy<T = unknown>(script: string, args: unknown = null): T {
  const program = [
    "import numpy as np, json, sys",
    "inp = json.loads(sys.argv[1])",
    "def c(a):",
    "    a = np.asarray(a)",
    "    return np.stack([a.real, a.imag], axis=-1).tolist()",
    script,
    "print(json.dumps(out))",
  ].join("\n");
  const text = execFileSync(interpreter(), ["-c", program, JSON.stringify(args)], { encoding: "utf8" });
  return JSON.parse(text) as T;
}
