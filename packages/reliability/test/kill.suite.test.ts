/**
 * The reduced, seeded kill set run in CI (the full set, 100 SIGKILLs per writer: `pnpm
 * reliability`): the logger example, the demo scan and the enlargeable saver in child processes,
 * SIGKILL at seeded random moments, SIGINT and SIGTERM mid-run; every file opens in our loader,
 * h5py and PyTables, every point flushed before the signal reads back with its values, a SIGKILL
 * loses only what came after the last flush (within the policy's second), SIGINT/SIGTERM lose nothing.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { KINDS } from "../src/kill/child.js";
import { POLICY_BOUND_MS, READERS, type KillOutcome } from "../src/kill/harness.js";
import { BOUND_SLACK_MS, KILL_WINDOW_MS, killSpecs, killTable, runKillSuite, summariseKills } from "../src/kill/suite.js";

const work = mkdtempSync(join(tmpdir(), "reliability-kill-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("kill suite helpers", () => {
  it("draws the same kill moments for the same seed, within each writer's window", () => {
    expect(killSpecs({ perKind: 4, seed: 9, workRoot: work })).toEqual(killSpecs({ perKind: 4, seed: 9, workRoot: work }));
    expect(killSpecs({ perKind: 4, seed: 9, workRoot: work })).not.toEqual(killSpecs({ perKind: 4, seed: 10, workRoot: work }));
    const specs = killSpecs({ perKind: 2, seed: 1, workRoot: work });
    expect(specs.map((s) => `${s.kind} ${s.signal}`)).toEqual([
      ...KINDS.flatMap((k) => [`${k} SIGINT`, `${k} SIGTERM`]),
      ...KINDS.map((k) => `${k} SIGKILL`),
      ...KINDS.map((k) => `${k} SIGKILL`),
    ]);
    for (const s of killSpecs({ perKind: 50, seed: 2, workRoot: work, stopSignals: false })) {
      expect(s.delayMs).toBeGreaterThanOrEqual(0);
      expect(s.delayMs).toBeLessThanOrEqual(KILL_WINDOW_MS[s.kind]);
    }
  });
});

describe("kill tests (reduced seeded set)", () => {
  let outcomes: KillOutcome[] = [];

  it("runs 3 SIGKILLs per writer plus SIGINT and SIGTERM, and every outcome holds the guarantees", async () => {
    outcomes = await runKillSuite({ perKind: 3, seed: 20261207, workRoot: work });
    process.stdout.write(`${killTable(summariseKills(outcomes))}\n`);
    for (const o of outcomes) {
      const label = `${o.spec.kind} ${o.spec.signal} after ${o.spec.delayMs} ms`;
      for (const reader of READERS) {
        expect(o.readers[reader].opened, `${label}: ${reader}: ${o.readers[reader].error}`).toBe(true);
        expect(o.readers[reader].error, label).toBeNull();
        expect(o.readers[reader].flushedLost, `${label}: ${reader}`).toBe(0);
      }
      if (o.spec.signal === "SIGKILL") {
        expect(o.exit, label).toBe("SIGKILL");
        expect(o.unflushedMs, label).toBeLessThanOrEqual(POLICY_BOUND_MS + BOUND_SLACK_MS);
      } else {
        expect(o.lost, label).toBe(0);
        expect(o.points, label).toBeGreaterThan(0);
      }
    }
    expect(summariseKills(outcomes).every((row) => row.ok)).toBe(true);
  }, 900_000);
});
