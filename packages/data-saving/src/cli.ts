#!/usr/bin/env node
/**
 * `pymodaq-h5`, the package's command: `inspect FILE.h5 [--json]`, `replay SCENARIO.json OUT.h5`,
 * `--help` (see cli/run.ts). Run from the repository root with `pnpm -s cli <command>`.
 */
import { runCli } from "./cli/run.js";

runCli(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`pymodaq-h5: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);
