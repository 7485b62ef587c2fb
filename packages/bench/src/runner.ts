/**
 * The benchmark runner: every workload with every implementation, interleaved (A B A B ...),
 * one warm-up round then N counted rounds, a fresh process per run. It prints one table per
 * workload and appends the runs to results/<date>.jsonl and the tables to results/<date>.md.
 *
 *   pnpm bench [--workloads w1,w2,w3,w3all,w4] [--rounds 5] [--warmup 1] [--only c,ours]
 *              [--impl NAME=COMMAND]... [--fsync] [--repeat N] [--results DIR] [--no-save] [size flags]
 *
 * `--repeat N` is passed on to every implementation: each run then reports the last of N runs
 * of the workload in its process (the steady state, without a fresh process's start-up costs).
 * `--impl ours2="node other.js"` adds (or replaces) an implementation. The W3 input is a W1 file
 * written once per runner run by the C program, read into the page cache before each W3 run.
 */
import { spawnSync } from "node:child_process";
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, release, tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseFlags } from "./cli-flags.js";
import { BenchError, isBenchError } from "./errors.js";
import { defaultImpls, implAvailable, PACKAGE_DIR, type Impl } from "./impls.js";
import { rssMethod, runOnce } from "./measure.js";
import { formatTable, summarise, type RunRecord } from "./report.js";
import { isWorkloadName, SIZE_FLAGS, sizeArgs, sizesFromFlags, WORKLOADS, type WorkloadName, type WorkloadSizes } from "./workload-options.js";

export interface RunnerOptions {
  workloads: WorkloadName[];
  rounds: number;
  warmup: number;
  impls: Impl[];
  fsync: boolean;
  /** Workload runs per process (the last is reported); 1 is the fresh-process measurement. */
  repeat: number;
  sizes: WorkloadSizes;
  /** Where results/<date>.jsonl and .md go; undefined: do not save. */
  resultsDir: string | undefined;
}

/**
 * Parse the runner's command line.
 * @throws BenchError `bad-option`
 */
export function parseRunnerArgs(argv: readonly string[]): RunnerOptions {
  const { flags, positional } = parseFlags(argv, {
    workloads: "string",
    rounds: "int",
    warmup: "string",
    only: "string",
    impl: "strings",
    fsync: "bool",
    repeat: "int",
    results: "string",
    "no-save": "bool",
    ...SIZE_FLAGS,
  });
  if (positional.length) throw new BenchError("bad-option", `unexpected argument ${positional[0]}`);
  const workloads = (flags.workloads ?? WORKLOADS.join(",")).split(",").map((w) => w.trim().toLowerCase());
  for (const w of workloads) if (!isWorkloadName(w)) throw new BenchError("bad-option", `unknown workload ${w}`);
  const warmup = flags.warmup === undefined ? 1 : Number(flags.warmup);
  if (!Number.isInteger(warmup) || warmup < 0) throw new BenchError("bad-option", "--warmup needs an integer >= 0");
  const d = defaultImpls();
  let impls: Impl[] = [d.c, d.ours, d.oursEager, d.cFill, d.cDirect];
  for (const spec of flags.impl ?? []) {
    const eq = spec.indexOf("=");
    if (eq <= 0) throw new BenchError("bad-option", `--impl needs NAME=COMMAND, got ${spec}`);
    const impl: Impl = { name: spec.slice(0, eq), command: spec.slice(eq + 1).split(/\s+/).filter(Boolean) };
    if (impl.command.length === 0) throw new BenchError("bad-option", `--impl ${impl.name}: empty command`);
    impls = [...impls.filter((i) => i.name !== impl.name), impl];
  }
  if (flags.only !== undefined) {
    const keep = flags.only.split(",").map((s) => s.trim());
    for (const k of keep) if (!impls.some((i) => i.name === k)) throw new BenchError("bad-option", `--only: unknown implementation ${k}`);
    impls = impls.filter((i) => keep.includes(i.name));
  }
  const sizes = sizesFromFlags(flags);
  return {
    workloads: workloads as WorkloadName[],
    rounds: flags.rounds ?? 5,
    warmup,
    impls,
    fsync: flags.fsync ?? false,
    repeat: flags.repeat ?? 1,
    sizes,
    resultsDir: flags["no-save"] ? undefined : (flags.results ?? join(PACKAGE_DIR, "results")),
  };
}

function localDate(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

function machineLine(): string {
  const hdf5 = spawnSync("pkg-config", ["--modversion", "hdf5"], { encoding: "utf8" }).stdout?.trim() || "?";
  return `${cpus()[0]?.model ?? "?"} x ${cpus().length}, Linux ${release()}, Node ${process.version}, libhdf5 ${hdf5}`;
}

/** Write the W3 input (a W1 file by the C program) and return its path. */
function writeW3Input(dir: string, c: Impl, sizes: WorkloadSizes): string {
  const file = join(dir, "w3-input.h5");
  const [exe, ...pre] = c.command;
  const r = spawnSync(exe!, [...pre, "w1", ...sizeArgs("w1", sizes), "--file", file, "--keep"], { encoding: "utf8" });
  if (r.status !== 0) throw new BenchError("command-failed", `writing the W3 input failed: ${r.stderr}`);
  return file;
}

/**
 * Run the whole comparison.
 * @param opts see {@link parseRunnerArgs}
 * @param log where progress and tables go
 * @returns every run, warm-ups included
 */
export async function runBenchmark(opts: RunnerOptions, log: (line: string) => void = console.log): Promise<RunRecord[]> {
  const records: RunRecord[] = [];
  const tables: string[] = [];
  const work = mkdtempSync(join(tmpdir(), "pmd-bench-"));
  const stamp = new Date();
  const c = opts.impls.find((i) => i.name === "c") ?? defaultImpls().c;
  const repeatNote = opts.repeat > 1 ? `, each run the last of ${opts.repeat} runs of the workload in its process` : "";
  log(`${machineLine()}; peak RSS by ${rssMethod()}; ${opts.warmup} warm-up + ${opts.rounds} counted rounds${repeatNote}`);
  try {
    let w3Input: string | undefined;
    for (const workload of opts.workloads) {
      const impls = opts.impls.filter((i) => !i.workloads || i.workloads.includes(workload));
      const failed = new Set<string>();
      for (const impl of impls) {
        if (implAvailable(impl)) continue;
        failed.add(impl.name);
        log(`${workload}: ${impl.name} is not available (${impl.command.join(" ")})`);
      }
      const isW3 = workload === "w3" || workload === "w3all";
      if (isW3) w3Input ??= writeW3Input(work, c, opts.sizes);
      const args = [workload, ...sizeArgs(workload, opts.sizes), ...(opts.fsync ? ["--fsync"] : [])];
      if (opts.repeat > 1) args.push("--repeat", String(opts.repeat));
      args.push(...(isW3 ? ["--file", w3Input!] : ["--out", work]));
      for (let round = 0; round < opts.warmup + opts.rounds; round++) {
        for (const impl of impls) {
          if (failed.has(impl.name)) continue;
          if (isW3) readFileSync(w3Input!); // hot read: the input is in the page cache
          try {
            const { result, rssKib } = await runOnce(impl.command, args);
            const rec: RunRecord = { round, warmup: round < opts.warmup, impl: impl.name, workload, rss_kib: rssKib, result };
            records.push(rec);
            if (opts.resultsDir) {
              mkdirSync(opts.resultsDir, { recursive: true });
              appendFileSync(join(opts.resultsDir, `${localDate(stamp)}.jsonl`), JSON.stringify({ at: stamp.toISOString(), ...rec }) + "\n");
            }
          } catch (e) {
            if (!isBenchError(e)) throw e;
            failed.add(impl.name);
            log(`${workload}: ${impl.name} failed, left out: ${e.message.split("\n")[0]}`);
          }
        }
      }
      const table = formatTable(workload, summarise(records, workload, "c"));
      tables.push(table);
      log(`\n${table}\n`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  if (opts.resultsDir) {
    const md = join(opts.resultsDir, `${localDate(stamp)}.md`);
    const header = existsSync(md) ? "" : `# Benchmark results ${localDate(stamp)}\n\n`;
    const sizes = Object.entries(opts.sizes).map(([k, v]) => `${k}=${v}`).join(" ");
    appendFileSync(
      md,
      `${header}## Run of ${stamp.toISOString()}\n\n${machineLine()}. ${opts.rounds} counted rounds after ${opts.warmup} warm-up, ` +
        `implementations interleaved (${opts.impls.map((i) => i.name).join(", ")}), fresh process per run${repeatNote}${opts.fsync ? ", with fsync" : ""}. ` +
        `Sizes: ${sizes}. Peak RSS by ${rssMethod()}. Ratios: wall time / wall time of c in the same round.\n\n${tables.join("\n\n")}\n\n`,
    );
  }
  return records;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  try {
    await runBenchmark(parseRunnerArgs(process.argv.slice(2)));
  } catch (e) {
    console.error(isBenchError(e) ? `bench: ${e.message}` : e);
    process.exitCode = 2;
  }
}
