/**
 * The reduced, seeded fuzzing set: the crafted hostile files and a few dozen mutations of the
 * seeds through `pymodaq-h5 inspect` behind the supervising parent (guard.ts): every file ends in
 * a load or a typed error naming it, within the time and memory limits; no crash, hang or memory
 * blow-up reaches the caller.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { writeSeeds } from "../src/fuzz/corpus.js";
import { writeCrafted } from "../src/fuzz/crafted.js";
import { metadataOffsets, mutate } from "../src/fuzz/mutate.js";
import { runFuzz } from "../src/fuzz/run.js";
import { CLI } from "../src/fuzz/targets.js";
import { guardedInspect, READER_DIED } from "../src/guard.js";
import { Rng } from "../src/rng.js";
import { tempDir } from "./helpers.js";

const LIMITS = { timeoutMs: 20_000, memoryMb: 768 };

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

describe("guardedInspect on the crafted files", () => {
  it("turns every one into a load or a typed error naming the file", async () => {
    const dir = tempDir();
    const [seed] = writeSeeds(dir);
    const crafted = writeCrafted(seed!, dir, 200);
    expect(crafted.map((c) => c.name)).toEqual([
      "hard-link-cycle", "huge-empty-dataset", "crowded-group-200",
      "vlen-attr-gheap-collection-size", "vlen-attr-gheap-object-size", "vlen-attr-gheap-object-index",
    ]);
    for (const c of crafted) {
      const result = await guardedInspect(CLI, c.path, LIMITS);
      expect(result.outcome, `${c.name}: ${result.message}`).toMatch(/^(load|typed-error)$/);
      if (result.outcome === "typed-error") expect(result.message).toContain(c.path);
      if (result.contained) expect(result.exitCode).toBe(READER_DIED);
    }
  });
});

describe("runFuzz (seeded, reduced)", () => {
  it("has no crash, hang or memory blow-up through the guarded inspect", async () => {
    const dir = tempDir();
    const result = await runFuzz({ seed: 7, count: 30, manyNodes: 200, targets: ["guarded"], limits: LIMITS, parallel: 2, workDir: dir });
    const tally = result.tallies.guarded!;
    expect(Object.values(tally).reduce((a, b) => a + b, 0)).toBe(36);
    expect(tally).toMatchObject({ crash: 0, hang: 0, memory: 0 });
    expect(tally.load + tally["typed-error"] + tally["untyped-error"]).toBe(36);
  });
});
