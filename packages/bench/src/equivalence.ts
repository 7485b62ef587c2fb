/**
 * Equivalence of two workload files (ours against the C program's): node set, kinds, dtypes,
 * shapes, chunk shapes, maxshape, dataset creation properties, array contents and attribute
 * values with their storage, the clock-dependent attributes `date`, `time`, `file` and
 * `timestamp` aside. The comparison runs in python3 + h5py (py/h5tool.py).
 *
 * Command line:
 *   tsx src/equivalence.ts A.h5 B.h5 [--ignore-attr NAME]... [--values-only]
 *   tsx src/equivalence.ts --workload w1|w2|w4 [--impl "CMD ..."] [size flags]
 * The second form writes the workload with the C program and with an implementation (default:
 * ours) into a temporary directory and compares the two files. Exit status 0 when equal.
 *
 * @example
 *   const report = compareFiles("ours.h5", "c.h5");
 *   if (!report.equal) console.log(report.differences.join("\n"));
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseFlags } from "./cli-flags.js";
import { BenchError, isBenchError } from "./errors.js";
import { defaultImpls, type Impl } from "./impls.js";
import { checkOptionKeys } from "./options-check.js";
import { findPython, H5TOOL } from "./python.js";
import { DEFAULT_SIZES, isWorkloadName, SIZE_FLAGS, sizeArgs, sizesFromFlags, type WorkloadSizes } from "./workload-options.js";

export interface EquivalenceOptions {
  /** More attribute names to ignore (beyond date, time, file, timestamp). */
  ignoreAttrs?: readonly string[];
  /** Compare values only: skip attribute storage and dataset creation properties. */
  valuesOnly?: boolean;
}

export interface EquivalenceReport {
  equal: boolean;
  /** Number of distinct node paths in the two files. */
  nodes: number;
  /** One line per difference (at most 200). */
  differences: string[];
}

function runTool(args: string[]): unknown {
  const r = spawnSync(findPython(), [H5TOOL, ...args], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw new BenchError("equivalence-error", `h5tool.py could not run: ${r.error.message}`, { cause: r.error });
  if (r.status !== 0 && r.status !== 1) {
    throw new BenchError("equivalence-error", `h5tool.py ${args[0]} failed (${r.status}): ${r.stdout}${r.stderr}`);
  }
  return JSON.parse(r.stdout) as unknown;
}

/**
 * Compare two HDF5 files.
 * @param a first file
 * @param b second file
 * @param options see {@link EquivalenceOptions}; unknown keys are rejected
 * @throws BenchError `python-missing`, `equivalence-error` (unreadable file), `bad-option`
 */
export function compareFiles(a: string, b: string, options: EquivalenceOptions = {}): EquivalenceReport {
  checkOptionKeys(options, ["ignoreAttrs", "valuesOnly"], "compareFiles");
  const args = ["compare", a, b];
  for (const name of options.ignoreAttrs ?? []) args.push("--ignore-attr", name);
  if (options.valuesOnly) args.push("--values-only");
  return runTool(args) as EquivalenceReport;
}

/** One node of {@link describeFile}. */
export interface NodeDescription {
  kind: "group" | "dataset";
  attrs: Record<string, { value: unknown; storage: string }>;
  dtype?: string;
  vlen?: boolean;
  shape?: number[];
  maxshape?: (number | "UNLIM")[];
  chunks?: number[] | null;
  fill_time?: number;
  alloc_time?: number;
  filters?: number;
}

/**
 * Describe a file: every node with its attributes (decoded text and storage) and dataset layout.
 * @throws BenchError `python-missing`, `equivalence-error`
 */
export function describeFile(path: string): { file: string; nodes: Record<string, NodeDescription> } {
  return runTool(["describe", path]) as { file: string; nodes: Record<string, NodeDescription> };
}

/**
 * Read one dataset in full (small datasets: the values travel as JSON).
 * @throws BenchError `python-missing`, `equivalence-error`
 */
export function readDataset(file: string, path: string): unknown {
  return runTool(["read", file, path]);
}

/**
 * Write one workload with two implementations and compare the files.
 * @param workload w1, w2 or w4 (the writing workloads)
 * @param a, b the implementations (default: ours, then C)
 * @param sizes problem sizes
 * @throws BenchError `command-failed` when an implementation fails
 */
export function compareWorkload(workload: "w1" | "w2" | "w4", a: Impl, b: Impl, sizes: WorkloadSizes = DEFAULT_SIZES): EquivalenceReport {
  const dir = mkdtempSync(join(tmpdir(), "pmd-equiv-"));
  try {
    const files = [a, b].map((impl, i) => {
      const file = join(dir, `${i}-${impl.name}.h5`);
      const [exe, ...pre] = impl.command;
      const r = spawnSync(exe!, [...pre, workload, ...sizeArgs(workload, sizes), "--file", file, "--keep"], { encoding: "utf8" });
      if (r.status !== 0) throw new BenchError("command-failed", `${impl.name} ${workload} failed (${r.status}): ${r.stderr}`);
      return file;
    });
    return compareFiles(files[0]!, files[1]!);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function main(argv: string[]): number {
  const { flags, positional } = parseFlags(argv, {
    "ignore-attr": "strings",
    "values-only": "bool",
    workload: "string",
    impl: "string",
    ...SIZE_FLAGS,
  });
  let report: EquivalenceReport;
  if (flags.workload !== undefined) {
    const w = flags.workload.toLowerCase();
    if (!isWorkloadName(w) || w === "w3" || w === "w3all") throw new BenchError("bad-option", "--workload must be w1, w2 or w4");
    const impls = defaultImpls();
    const ours: Impl = flags.impl ? { name: "other", command: flags.impl.split(/\s+/).filter(Boolean) } : impls.ours;
    report = compareWorkload(w, ours, impls.c, sizesFromFlags(flags));
  } else {
    if (positional.length !== 2) throw new BenchError("bad-option", "usage: equivalence A.h5 B.h5 | --workload w1|w2|w4");
    report = compareFiles(positional[0]!, positional[1]!, { ignoreAttrs: flags["ignore-attr"] ?? [], valuesOnly: flags["values-only"] ?? false });
  }
  console.log(report.equal ? `EQUAL (${report.nodes} nodes)` : `DIFFERENT (${report.nodes} nodes)`);
  for (const d of report.differences) console.log(`  ${d}`);
  return report.equal ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (e) {
    console.error(isBenchError(e) ? `equivalence: ${e.message}` : e);
    process.exitCode = 2;
  }
}
