/**
 * The fuzzing module: seeded mutations of every seed and corpus file plus the crafted hostile
 * files, each run through every chosen target in a child under a time and memory limit. Mutated
 * files are written, run and deleted one by one (10,000 files need no disk space); the first few
 * files of each bad outcome are kept in `keepDir` to reproduce.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import type { ChildLimits } from "../child.js";
import { mapLimited } from "../child.js";
import { emptyTally, type Outcome, type Tally } from "../outcome.js";
import { Rng } from "../rng.js";
import { corpusFiles, writeSeeds } from "./corpus.js";
import { writeCrafted } from "./crafted.js";
import { metadataOffsets, mutate } from "./mutate.js";
import { makeTargets, type TargetName } from "./targets.js";

export interface FuzzOptions {
  seed: number;
  /** Number of mutated files (crafted files come on top). */
  count: number;
  /** Directory of real PyMoDAQ files to mutate as well (default: the repository's fixtures, if present). */
  corpusDir?: string;
  /** Data nodes in the crafted crowded group. */
  manyNodes: number;
  targets: TargetName[];
  limits: ChildLimits;
  parallel: number;
  /** Scratch directory (created, and emptied of mutated files as they are run). */
  workDir: string;
  /** Where reproducers of bad outcomes are copied (none when undefined). */
  keepDir?: string;
  /** h5dump built on libhdf5 1.14, for the `h5dump-1.14` target. */
  h5dumpNew?: string;
  /** Called after each mutated file with its label (seed file, run seed, number) and its outcome per target. */
  onFile?: (label: string, outcomes: Readonly<Record<string, Outcome>>) => void;
  /** Called after every `progressEvery` mutated files with the count run and the tallies so far. */
  onProgress?: (done: number, tallies: Readonly<Record<string, Tally>>) => void;
  progressEvery?: number;
}

export interface FuzzResult {
  seeds: string[];
  mutated: number;
  tallies: Record<string, Tally>;
  /** Outcome of every crafted file per target. */
  crafted: Record<string, Record<string, Outcome>>;
}

/**
 * Mutated file `i` of the run seeded `seed`, from its seed file's bytes and their metadata
 * offsets. One generator per file: file i is the same whatever the count, the parallelism or the
 * order, so a file met in a run is rebuilt from (seed, i) alone (its seed file is number
 * `i % seeds.length` of the run's seed list).
 */
export function mutant(bytes: Uint8Array, hot: readonly number[], seed: number, i: number): Uint8Array {
  return mutate(bytes, new Rng((seed * 1_000_003 + i) >>> 0), hot);
}

const BAD: readonly Outcome[] = ["untyped-error", "crash", "hang", "memory"];

export async function runFuzz(options: FuzzOptions): Promise<FuzzResult> {
  mkdirSync(options.workDir, { recursive: true });
  if (options.keepDir) mkdirSync(options.keepDir, { recursive: true });
  const targets = makeTargets(options.targets, options.h5dumpNew);
  const seeds = [...writeSeeds(options.workDir), ...corpusFiles(options.corpusDir)];
  const seedBytes = seeds.map((s) => readFileSync(s));
  const hot = seedBytes.map((b) => metadataOffsets(b));
  const tallies: Record<string, Tally> = Object.fromEntries(targets.map((t) => [t.name, emptyTally()]));
  const kept: Record<string, number> = {};

  const runAll = async (file: string, label: string): Promise<Record<string, Outcome>> => {
    const out: Record<string, Outcome> = {};
    for (const target of targets) {
      const outcome = await target.run(file, options.limits);
      out[target.name] = outcome;
      tallies[target.name]![outcome]++;
      const key = `${target.name}-${outcome}`;
      if (options.keepDir && BAD.includes(outcome) && (kept[key] = (kept[key] ?? 0) + 1) <= 5) {
        copyFileSync(file, join(options.keepDir, `${key}-${label}.h5`));
      }
    }
    return out;
  };

  const crafted: Record<string, Record<string, Outcome>> = {};
  for (const c of writeCrafted(seeds[0]!, options.workDir, options.manyNodes)) {
    crafted[c.name] = await runAll(c.path, c.name);
  }

  let done = 0;
  await mapLimited(Array.from({ length: options.count }, (_, i) => i), options.parallel, async (i) => {
    const which = i % seeds.length;
    const bytes = mutant(seedBytes[which]!, hot[which]!, options.seed, i);
    const label = `${basename(seeds[which]!, ".h5")}-${options.seed}-${i}`;
    const file = join(options.workDir, `${label}.h5`);
    writeFileSync(file, bytes);
    const outcomes = await runAll(file, label);
    rmSync(file, { force: true });
    options.onFile?.(label, outcomes);
    done++;
    if (options.onProgress && done % (options.progressEvery ?? 250) === 0) options.onProgress(done, tallies);
  });
  return { seeds, mutated: options.count, tallies, crafted };
}
