/** Runs the `pymodaq-h5` command line in-process and collects what it writes. */
import { runCli } from "../src/cli/run.js";

export async function runCommand(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await runCli(argv, { out: (s) => { out += s; }, err: (s) => { err += s; } });
  return { code, out, err };
}
