/** The implementations the runner compares, each described by a command line. */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { WorkloadName } from "./workload-options.js";

/** One implementation: `command WORKLOAD [flags]` runs one workload once and prints one JSON line. */
export interface Impl {
  /** Short name shown in the tables ("c", "ours" ...). */
  name: string;
  /** Program and leading arguments; the workload and flags are appended. */
  command: string[];
  /** Workloads it takes part in (all when absent). */
  workloads?: readonly WorkloadName[];
}

/** The package directory (one level above src/ and dist/). */
export const PACKAGE_DIR = fileURLToPath(new URL("..", import.meta.url));

/** The compiled C program. */
export const C_PROGRAM = `${PACKAGE_DIR}build/workloads`;

/**
 * The standard implementations: `c` (the C program as specified), `c-fill` (the C program with
 * --fill-value, W1 only), `c-direct` (with --direct-chunks, W4 only), `ours` (dist/workload.js
 * when built, else src/workload.ts via tsx) and `ours-eager`, the same program under
 * `node --no-lazy`.
 *
 * `ours-eager` is a deployment choice, not a change of the library: V8 compiles each function on
 * its first call, and a fresh process pays that inside the timed region (~5 ms of W3's ~22 ms);
 * `--no-lazy` compiles every loaded function when its module loads, before the timed region, as
 * the C program is compiled before it runs.
 */
export function defaultImpls(): { c: Impl; cFill: Impl; cDirect: Impl; ours: Impl; oursEager: Impl } {
  const dist = `${PACKAGE_DIR}dist/workload.js`;
  const tsx = `${PACKAGE_DIR}../../node_modules/.bin/tsx`;
  const [runner, ...script] = existsSync(dist) ? [process.execPath, dist] : [tsx, `${PACKAGE_DIR}src/workload.ts`];
  return {
    c: { name: "c", command: [C_PROGRAM] },
    cFill: { name: "c-fill", command: [C_PROGRAM, "--fill-value"], workloads: ["w1"] },
    cDirect: { name: "c-direct", command: [C_PROGRAM, "--direct-chunks"], workloads: ["w4"] },
    ours: { name: "ours", command: [runner!, ...script] },
    oursEager: { name: "ours-eager", command: [runner!, "--no-lazy", ...script] },
  };
}

/** Whether the file an implementation's command needs exists (the program or its script). */
export function implAvailable(impl: Impl): boolean {
  return impl.command.every((part) => !part.startsWith("/") || existsSync(part));
}
