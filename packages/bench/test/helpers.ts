// Shared by the tests: one run of the C program, and expected attribute texts.
import { execFileSync } from "node:child_process";
import { C_PROGRAM } from "../src/impls.js";
import { parseResultLine, type ResultLine } from "../src/result-line.js";

/** Run the C program with these arguments and parse its result line. */
export function runC(args: string[]): ResultLine {
  return parseResultLine(execFileSync(C_PROGRAM, args, { encoding: "utf8" }));
}

/** The JSON envelope PyMoDAQ stores, for expected attribute values. */
export function env(module: string, type: string, data: string): string {
  return `{"module": "${module}", "type": "${type}", "data": "${data}"}`;
}
