#!/usr/bin/env node
/**
 * Entry point of the examples: `node dist/main.js <example> [flags]` (`pnpm demo`, `pnpm example ...`).
 * Run with `--help` for the list of examples.
 */
import { runCli } from "./cli.js";
import { EXAMPLES } from "./examples/index.js";

process.exitCode = await runCli(
  process.argv.slice(2),
  { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() },
  EXAMPLES,
);
