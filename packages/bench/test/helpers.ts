// Shared by the tests: a temp directory per test and one run of the C program.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach } from "vitest";
import { C_PROGRAM } from "../src/impls.js";
import { parseResultLine, type ResultLine } from "../src/result-line.js";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A fresh temporary directory, removed after the test. */
export function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), "pmd-bench-test-"));
  dirs.push(d);
  return d;
}

/** Run the C program with these arguments and parse its result line. */
export function runC(args: string[]): ResultLine {
  return parseResultLine(execFileSync(C_PROGRAM, args, { encoding: "utf8" }));
}

/** The JSON envelope PyMoDAQ stores, for expected attribute values. */
export function env(module: string, type: string, data: string): string {
  return `{"module": "${module}", "type": "${type}", "data": "${data}"}`;
}
