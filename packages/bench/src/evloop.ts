/**
 * The event-loop benchmark: how long the main thread's event loop is held up by saving and
 * loading, synchronous against asynchronous (BackgroundSaver, loadAllAsync, navSlabs). For
 * each phase (save-demo, load-demo, load-1g, stream-2g) and mode (sync, async) it runs one fresh
 * process per run, the modes alternating, and prints one JSON line of medians over the runs:
 * `{"phase", "mode", "evloop_max_ms", "evloop_p99_ms", "wall_s", "peak_rss_mb"}`.
 *
 * The input files (the 67 MB demo scan, a 1 GB scan, a 2 GB dataset) are written first, unmeasured,
 * in a temporary directory that is deleted at the end. Before the phases, the machine's floors
 * (evloop/floor.ts: the same probes around no library code) are measured as many times, and
 * their medians printed on stderr, one JSON line per floor: `{"floor", "evloop_max_ms",
 * "evloop_p99_ms"}`.
 *
 * Usage: `tsx src/evloop.ts [--runs N] [--phases save-demo,load-demo,...] [--dir DIR] [--verbose]`
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseFlags } from "./cli-flags.js";
import { BenchError } from "./errors.js";
import { FLOORS } from "./evloop/floor.js";
import { INPUTS, MODES, PHASES, type Mode, type Phase } from "./evloop/phases.js";
import type { PhaseMeasure } from "./evloop/probe.js";
import { median } from "./stats.js";

const CHILD = fileURLToPath(new URL("./evloop/child.ts", import.meta.url));
const REPORTED = ["evloop_max_ms", "evloop_p99_ms", "wall_s", "peak_rss_mb"] as const;

/**
 * Runs the child script (under the same loader as this process: tsx; `gc` exposed for the child
 * to collect its start-up's garbage before measuring) and returns its stdout.
 */
function runChild(args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, "--expose-gc", CHILD, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (b: Buffer) => (out += b.toString()));
    child.stderr.on("data", (b: Buffer) => (err += b.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve(out);
      else reject(new BenchError("command-failed", `child.ts ${args.join(" ")} exited with ${code}: ${err.trim()}`));
    });
  });
}

function parsePhases(list: readonly string[] | undefined): Phase[] {
  if (list === undefined) return [...PHASES];
  const names = list.flatMap((s) => s.split(",")).filter((s) => s !== "");
  for (const n of names) if (!(PHASES as readonly string[]).includes(n)) throw new BenchError("bad-option", `unknown phase ${n} (phases: ${PHASES.join(", ")})`);
  return names as Phase[];
}

/** Measures each floor `runs` times, the floors in turn, and prints their medians on stderr. */
async function measureFloors(runs: number, verbose: boolean): Promise<void> {
  const results = new Map<string, PhaseMeasure[]>(FLOORS.map((f) => [f, []]));
  for (let run = 0; run < runs; run++) {
    for (const floor of FLOORS) {
      const m = JSON.parse(await runChild(["floor", floor, ...(verbose ? ["--diagnose"] : [])])) as PhaseMeasure;
      results.get(floor)!.push(m);
      if (verbose) process.stderr.write(`floor ${floor} run ${run + 1}: ${JSON.stringify(m)}\n`);
    }
  }
  for (const [floor, measures] of results) {
    const line: Record<string, string | number> = { floor };
    for (const key of ["evloop_max_ms", "evloop_p99_ms"] as const) line[key] = Number(median(measures.map((m) => m[key])).toFixed(3));
    process.stderr.write(`${JSON.stringify(line)}\n`);
  }
}

async function main(argv: readonly string[]): Promise<void> {
  const { flags, positional } = parseFlags(argv, { runs: "int", phases: "strings", dir: "string", verbose: "bool" });
  if (positional.length > 0) throw new BenchError("bad-option", `unexpected argument ${positional[0]}`);
  const runs = flags.runs ?? 3;
  const phases = parsePhases(flags.phases);
  const dir = mkdtempSync(join(flags.dir ?? tmpdir(), "pmd-evloop-"));
  try {
    for (const phase of phases) {
      if (phase !== "save-demo") await runChild(["generate", INPUTS[phase], dir]);
    }
    await measureFloors(runs, flags.verbose ?? false);
    for (const phase of phases) {
      const results: Record<Mode, PhaseMeasure[]> = { sync: [], async: [] };
      for (let run = 0; run < runs; run++) {
        // Alternate which mode goes first, so neither always meets a warmer page cache.
        const order = run % 2 === 0 ? MODES : [...MODES].reverse();
        for (const mode of order) {
          const m = JSON.parse(await runChild([phase, mode, dir, ...(flags.verbose ? ["--diagnose"] : [])])) as PhaseMeasure;
          results[mode].push(m);
          if (flags.verbose) process.stderr.write(`${phase} ${mode} run ${run + 1}: ${JSON.stringify(m)}\n`);
        }
      }
      for (const mode of MODES) {
        const line: Record<string, string | number> = { phase, mode };
        for (const key of REPORTED) line[key] = Number(median(results[mode].map((m) => m[key])).toFixed(3));
        process.stdout.write(`${JSON.stringify(line)}\n`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
