/**
 * The reduced, seeded fuzzing set: the crafted hostile files, a mutant of a PyMoDAQ fixture on
 * which libhdf5 1.10.8 crashes, and a few dozen mutations of the seeds, through `pymodaq-h5
 * inspect` as users run it (the reader in a supervised child) and through data-saving's
 * `inspectUntrusted`: every file ends in a load or a typed error naming it, within the time and
 * memory limits; no crash, hang or memory blow-up reaches the caller.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { inspectUntrusted } from "@pymodaq-ts/data-saving/tools";
import { isDataSavingError, isReaderDiedError } from "@pymodaq-ts/data-saving";
import { describe, expect, it } from "vitest";
import { mapLimited, runLimited } from "../src/child.js";
import { corpusFiles, DEFAULT_CORPUS_DIR, writeSeeds } from "../src/fuzz/corpus.js";
import { writeCrafted } from "../src/fuzz/crafted.js";
import { metadataOffsets, mutate } from "../src/fuzz/mutate.js";
import { mutant, runFuzz } from "../src/fuzz/run.js";
import { CLI, makeTargets, supervisedArgs } from "../src/fuzz/targets.js";
import type { Outcome } from "../src/outcome.js";
import { Rng } from "../src/rng.js";
import { tempDir } from "./helpers.js";

const LIMITS = { timeoutMs: 20_000, memoryMb: 768 };
/** The supervising command's own limits: above its reader's, so that its verdict is what is seen. */
const OUTER = { timeoutMs: 40_000, memoryMb: 768 };
/** Exit status of the command when its reader died (data-saving's cli/run.ts). */
const READER_DIED = 3;

/** `pymodaq-h5 inspect FILE --json`, supervised (the default) or `--in-process`. */
async function inspect(file: string, inProcess = false) {
  const args = inProcess ? ["inspect", file, "--json", "--in-process"] : supervisedArgs(file, LIMITS);
  return runLimited(process.execPath, [CLI, ...args], OUTER, { stdoutLimit: 0 });
}

describe("mutate", () => {
  it("gives the same file for the same seed, and a different one for another seed", () => {
    const [seed] = writeSeeds(tempDir());
    const bytes = readFileSync(seed!);
    const hot = metadataOffsets(bytes);
    expect(hot.length).toBeGreaterThan(10);
    const a = mutate(bytes, new Rng(42), hot);
    expect(Buffer.from(mutate(bytes, new Rng(42), hot)).equals(Buffer.from(a))).toBe(true);
    expect(Buffer.from(mutate(bytes, new Rng(43), hot)).equals(Buffer.from(a))).toBe(false);
  });
});

describe("pymodaq-h5 inspect (supervised) on the crafted files", () => {
  it("turns every one into a load or a typed error naming the file", async () => {
    const dir = tempDir();
    const [seed] = writeSeeds(dir);
    const crafted = writeCrafted(seed!, dir, 200);
    expect(crafted.map((c) => c.name)).toEqual([
      "hard-link-cycle", "huge-empty-dataset", "crowded-group-200",
      "vlen-attr-gheap-collection-size", "vlen-attr-gheap-object-size", "vlen-attr-gheap-object-index",
    ]);
    for (const c of crafted) {
      const run = await inspect(c.path);
      expect(run.signal, c.name).toBeNull();
      expect(run.timedOut || run.memoryExceeded, c.name).toBe(false);
      if (run.status !== 0) {
        expect(run.stderr, c.name).toMatch(new RegExp(`^pymodaq-h5: cannot read ${c.path}: [^\\n]+\\n$`));
      }
    }
    // The corrupt global heap crashes libhdf5 1.10.8 in-process; the supervisor reports it.
    const heap = crafted.find((c) => c.name === "vlen-attr-gheap-object-size")!;
    const supervised = await inspect(heap.path);
    expect(supervised.status).toBe(READER_DIED);
    expect(supervised.stderr).toBe(`pymodaq-h5: cannot read ${heap.path}: the HDF5 reader crashed (SIGSEGV): the file is corrupt or hostile\n`);
  });
});

describe("a fixture mutant that crashes libhdf5 1.10.8", () => {
  // Mutated file 14 of the run seeded 3 (`--seed 3`): its seed is fixtures/pymodaq/dte_mixed_h5py_gzip.h5.
  const writeMutant = (): string => {
    const bytes = readFileSync(join(DEFAULT_CORPUS_DIR, "dte_mixed_h5py_gzip.h5"));
    const file = join(tempDir(), "dte_mixed_h5py_gzip-3-14.h5");
    writeFileSync(file, mutant(bytes, metadataOffsets(bytes), 3, 14));
    return file;
  };

  it("kills the process that reads it in-process (SIGSEGV)", async () => {
    const run = await inspect(writeMutant(), true);
    expect(run.signal, `${run.status} ${run.stderr}`).toBe("SIGSEGV");
  });

  it("is a typed failure naming the file through the command and through inspectUntrusted", async () => {
    const file = writeMutant();
    const run = await inspect(file);
    expect(run.status, run.stderr).toBe(READER_DIED);
    expect(run.stderr).toBe(`pymodaq-h5: cannot read ${file}: the HDF5 reader crashed (SIGSEGV): the file is corrupt or hostile\n`);
    const e = await inspectUntrusted(file, LIMITS).then(() => null, (err: unknown) => err);
    expect(isReaderDiedError(e)).toBe(true);
    expect(e).toMatchObject({ death: "crash", signal: "SIGSEGV", path: file });
  });
});

describe("inspectUntrusted on the crafted files", () => {
  it("gives a document or a typed error for each, and this process runs on", async () => {
    const dir = tempDir();
    const [seed] = writeSeeds(dir);
    for (const c of writeCrafted(seed!, dir, 200)) {
      const result = await inspectUntrusted(c.path, LIMITS).then((doc) => doc, (e: unknown) => e);
      if (result instanceof Error) expect(isDataSavingError(result), `${c.name}: ${result.message}`).toBe(true);
      else expect((result as { format: string }).format).toBe("pymodaq-canonical-load");
    }
  });
});

describe("runFuzz (seeded, reduced)", () => {
  it("has no untyped error, crash, hang or memory blow-up through the supervised inspect", async () => {
    const dir = tempDir();
    const result = await runFuzz({ seed: 7, count: 30, manyNodes: 200, targets: ["guarded"], limits: LIMITS, parallel: 2, workDir: dir });
    const tally = result.tallies.guarded!;
    expect(Object.values(tally).reduce((a, b) => a + b, 0)).toBe(36);
    expect(tally).toMatchObject({ "untyped-error": 0, crash: 0, hang: 0, memory: 0 });
    expect(tally.load + tally["typed-error"]).toBe(36);
  });
});

describe("the asynchronous loads against the synchronous ones (the `async` target)", () => {
  it("agree on every seed and PyMoDAQ fixture: each loads whole but for the two whose empty axes PyMoDAQ refuses too", async () => {
    const [target] = makeTargets(["async"]);
    const files = [...writeSeeds(tempDir()), ...corpusFiles()];
    const outcomes: Record<string, Outcome> = {};
    await mapLimited(files, 2, async (f) => { outcomes[basename(f)] = await target!.run(f, LIMITS); });
    // Their expected documents hold "IndexError: data for the Axis class cannot be empty".
    const refused = new Set(["edge_loaderror_h5py.h5", "edge_tables.h5"]);
    for (const [name, outcome] of Object.entries(outcomes)) expect(outcome, name).toBe(refused.has(name) ? "typed-error" : "load");
    expect(Object.keys(outcomes).length).toBe(files.length);
  });

  it("fail with the same error where an early array and a later group are both unreadable (mutant 294 of seed 13)", async () => {
    // Its seed is fixtures/pymodaq/dte_mixed_h5py_gzip.h5. loadAll reads the arrays of each node
    // as it plans it, and fails on the read of /RawData/Data1D/CH00/Data00; loadAllAsync plans
    // every node before it reads, and met the unreadable group /RawData/Data2D first.
    const bytes = readFileSync(join(DEFAULT_CORPUS_DIR, "dte_mixed_h5py_gzip.h5"));
    const file = join(tempDir(), "dte_mixed_h5py_gzip-13-294.h5");
    writeFileSync(file, mutant(bytes, metadataOffsets(bytes), 13, 294));
    const [target] = makeTargets(["async"]);
    expect(await target!.run(file, LIMITS)).toBe("typed-error");
  });

  it("agree on mutated files, or the synchronous in-process reader dies on them as well (libhdf5)", async () => {
    const outcomes: Record<string, Record<string, Outcome>> = {};
    const result = await runFuzz({
      seed: 7, count: 30, manyNodes: 200, targets: ["inspect", "async"], limits: LIMITS, parallel: 2, workDir: tempDir(),
      onFile: (label, byTarget) => { outcomes[label] = { ...byTarget }; },
    });
    expect(Object.keys(outcomes).length).toBe(30);
    const survived = (o: Outcome | undefined): boolean => o === "load" || o === "typed-error";
    for (const [label, byTarget] of [...Object.entries(outcomes), ...Object.entries(result.crafted)]) {
      // A difference between the two paths, an exception of another kind or a promise left
      // unsettled is an untyped error.
      expect(byTarget.async, label).not.toBe("untyped-error");
      if (!survived(byTarget.async)) expect(survived(byTarget.inspect), `${label}: async ${byTarget.async}, inspect ${byTarget.inspect}`).toBe(false);
    }
    expect(result.tallies.async!.load).toBeGreaterThan(0);
    expect(result.tallies.async!["typed-error"]).toBeGreaterThan(0);
  });
});
