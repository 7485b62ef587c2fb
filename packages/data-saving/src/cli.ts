#!/usr/bin/env node
/**
 * `pymodaq-h5`, the package's command: `inspect FILE.h5 [--json]`, `replay SCENARIO.json OUT.h5`,
 * `--help` (see cli/run.ts). Run from the repository root with `pnpm -s cli <command>`.
 */
import { oneLine, runCli } from "./cli/run.js";

// A reader that stops early (`pymodaq-h5 inspect F | head`) closes the pipe: end quietly, as
// other Unix tools do, instead of dying of an unhandled EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e: NodeJS.ErrnoException) => {
    // Any other write error leaves nowhere to report it: exit with a failure status.
    process.exit(e.code === "EPIPE" ? (process.exitCode ?? 0) : 1);
  });
}

runCli(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`pymodaq-h5: ${oneLine(e)}\n`);
    process.exitCode = 1;
  },
);
