/**
 * Corrupt files: seeded mutants of the PyMoDAQ fixtures (bytes flipped, truncated, a range
 * zeroed) through the loader and the canonical inspector. Every file is read in a child process:
 * libhdf5 1.10.8 itself crashes on some (a signal, at times only in some runs: a read past a
 * corrupt heap block faults or not with the memory's layout), which ends the child and not the
 * test; those files are the binding's business and are listed. On every other file each step
 * ends in a correct read or a typed error (DataSavingError, or data-model's typed errors for
 * inconsistent data), never a TypeError, RangeError or plain Error thrown by our code, and never
 * a hang.
 */
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { fixtureNames, fixturePath, tempDir } from "@pymodaq-ts/test-support";
import { writeMutants, type MutantOutcome } from "./support/mutants.js";

const SEED = 20240611;
const PER_FIXTURE = 8;
const packageRoot = fileURLToPath(new URL("../", import.meta.url));
const tsx = resolve(packageRoot, "../../node_modules/.bin/tsx");

let dir: string;
let mutants: string[] = [];
/** Mutants that end the child process: a signal from libhdf5, or a batch past the time limit (a hang). */
const crashing = new Map<string, string>();
/** The steps' errors of every mutant read to its end, by index. */
const outcomes = new Map<number, MutantOutcome[]>();

/** Runs the classifier from `from`; resolves with its output and how it ended (never rejects). */
function classify(list: string, from: number): Promise<{ stdout: string; ending: string | null }> {
  return new Promise((done) => {
    execFile(tsx, [join(packageRoot, "test/support/classify-mutants.ts"), list, String(from)], {
      encoding: "utf8", timeout: 60_000, maxBuffer: 1 << 24,
    }, (error, stdout) => done({ stdout, ending: error === null ? null : (error.signal ?? `exit ${String(error.code)}`) }));
  });
}

// Asynchronous child runs: a blocking spawnSync would starve vitest's worker of its event loop.
beforeAll(async () => {
  dir = tempDir("ds-mutants");
  mutants = writeMutants(fixtureNames().map((n) => fixturePath(n, ".h5")), dir, PER_FIXTURE, SEED);
  const list = join(dir, "list.txt");
  writeFileSync(list, mutants.join("\n"));
  let from = 0;
  while (from < mutants.length) {
    const r = await classify(list, from);
    for (const m of r.stdout.matchAll(/^done (\d+) (.*)$/gm)) outcomes.set(Number(m[1]), JSON.parse(m[2]!) as MutantOutcome[]);
    const started = [...r.stdout.matchAll(/^start (\d+)$/gm)].map((m) => Number(m[1]));
    const last = started.at(-1) ?? from;
    if (r.ending === null) break;
    crashing.set(mutants[last]!, r.ending);
    from = last + 1;
  }
}, 600_000);

describe("seeded mutants of the PyMoDAQ fixtures", () => {
  it("each read step ends in a correct read or a typed error", () => {
    expect(fixtureNames().length).toBeGreaterThan(0);
    expect(mutants.length).toBe(fixtureNames().length * PER_FIXTURE);
    const untyped: string[] = [];
    let failedSteps = 0;
    for (const [i, steps] of outcomes) {
      for (const outcome of steps) {
        failedSteps += 1;
        if (!outcome.typed) untyped.push(`${mutants[i]}: ${outcome.error}`);
      }
    }
    const run = outcomes.size;
    expect(run + crashing.size).toBe(mutants.length);
    // what the child processes found libhdf5 crash on, for the record of this run
    console.log(`${mutants.length} mutants: ${run} read to their end (${failedSteps} steps with typed errors), ` +
      `${crashing.size} crash the child: ${[...crashing.values()].join(", ")}`);
    expect(untyped).toEqual([]);
    expect(run).toBeGreaterThan(mutants.length / 2);
  }, 600_000);
});
