/**
 * `pnpm reliability`: the full reliability run, printed as tables. Kill tests: 100 SIGKILLs per
 * writer at seeded random moments, plus SIGINT and SIGTERM (`--kills N`, `--seed S`, `--jobs J`;
 * `--minutes M` starts no new run after M minutes and reports the runs done). Exit status 1 when a
 * guarantee does not hold.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { formatKillTable, runKillSuite, summariseKills } from "./kill/suite.js";

const { values } = parseArgs({
  options: {
    kills: { type: "string", default: "100" },
    seed: { type: "string", default: "1" },
    jobs: { type: "string", default: "1" },
    minutes: { type: "string" },
  },
});
const perKind = Number(values.kills);
const seed = Number(values.seed);
const concurrency = Number(values.jobs);
const budgetMs = values.minutes === undefined ? undefined : Number(values.minutes) * 60_000;
if (!Number.isInteger(perKind) || perKind < 0 || !Number.isInteger(seed) || !Number.isInteger(concurrency) || concurrency < 1 || (budgetMs !== undefined && !(budgetMs > 0))) {
  process.stderr.write("usage: pnpm reliability [--kills N] [--seed S] [--jobs J] [--minutes M]\n");
  process.exit(2);
}
const work = mkdtempSync(join(tmpdir(), "reliability-"));
try {
  const started = Date.now();
  const outcomes = await runKillSuite({
    perKind, seed, concurrency, workRoot: work, ...(budgetMs === undefined ? {} : { budgetMs }),
    onOutcome: (o, done, total) => process.stderr.write(`\rkill tests: ${done}/${total} (${o.spec.kind} ${o.spec.signal})   `),
  });
  const rows = summariseKills(outcomes);
  process.stdout.write(`\nKill tests (seed ${seed}, ${((Date.now() - started) / 1000).toFixed(0)} s)\n\n${formatKillTable(rows)}`);
  process.exitCode = rows.every((r) => r.ok) ? 0 : 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
