/**
 * `pnpm reliability`: runs every module with the full figures (10,000 fuzzed files, 10,000
 * open/write/close cycles, second writers, disk full, file-size limit, 100 SIGKILLs per writer
 * plus SIGINT/SIGTERM) and prints a table.
 *
 *   pnpm reliability [--only fuzz,leak,concurrency,io-errors,kill] [--seed N] [--fuzz N] [--kills N] [--kill-minutes M]
 *     [--corpus DIR] [--targets inspect,guarded,validate,async,h5dump-1.10,h5dump-1.14]
 *     [--h5dump-new PATH] [--cycles N] [--parallel N] [--timeout-ms N] [--memory-mb N] [--keep DIR]
 *
 * Exit status 1 when a check failed.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { concurrencyModule } from "./concurrency.js";
import { fuzzModule } from "./fuzz/module.js";
import type { TargetName } from "./fuzz/targets.js";
import { ioErrorsModule } from "./io-errors.js";
import { killModule } from "./kill/module.js";
import { leakModule } from "./leak.js";
import type { ModuleReport } from "./module.js";
import { markdownTable } from "./table.js";

const { values } = parseArgs({
  options: {
    only: { type: "string", default: "fuzz,leak,concurrency,io-errors,kill" },
    seed: { type: "string", default: "1" },
    fuzz: { type: "string", default: "10000" },
    corpus: { type: "string" },
    targets: { type: "string", default: "inspect,guarded,validate,async,h5dump-1.10" },
    "h5dump-new": { type: "string" },
    cycles: { type: "string", default: "10000" },
    parallel: { type: "string", default: "2" },
    "timeout-ms": { type: "string", default: "30000" },
    "memory-mb": { type: "string", default: "1024" },
    "many-nodes": { type: "string", default: "2000" },
    keep: { type: "string" },
    kills: { type: "string", default: "100" },
    "kill-minutes": { type: "string" },
  },
});

const only = new Set(values.only.split(","));
const work = mkdtempSync(join(tmpdir(), "reliability-"));
const reports: [string, ModuleReport][] = [];
const started = performance.now();
try {
  if (only.has("fuzz")) {
    reports.push(["fuzz", await fuzzModule.run({
      seed: Number(values.seed),
      count: Number(values.fuzz),
      corpusDir: values.corpus,
      manyNodes: Number(values["many-nodes"]),
      targets: values.targets.split(",") as TargetName[],
      limits: { timeoutMs: Number(values["timeout-ms"]), memoryMb: Number(values["memory-mb"]) },
      parallel: Number(values.parallel),
      workDir: join(work, "fuzz"),
      keepDir: values.keep,
      h5dumpNew: values["h5dump-new"],
      // A long run reports as it goes, so that a run stopped early still tells what it measured.
      onProgress: (done, tallies) => {
        const load = (() => { try { return readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" "); } catch { return "?"; } })();
        process.stderr.write(`fuzz: ${done} mutated files done (${Math.round((performance.now() - started) / 1000)} s, load average ${load}): ${JSON.stringify(tallies)}\n`);
      },
    })]);
  }
  if (only.has("leak")) reports.push(["leak", await leakModule.run({ cycles: Number(values.cycles), dir: join(work, "leak") })]);
  if (only.has("concurrency")) reports.push(["concurrency", await concurrencyModule.run({ dir: join(work, "concurrency") })]);
  if (only.has("io-errors")) reports.push(["io-errors", await ioErrorsModule.run({ dir: join(work, "io-errors") })]);
  if (only.has("kill")) {
    const minutes = values["kill-minutes"];
    reports.push(["kill", await killModule.run({
      perKind: Number(values.kills),
      seed: Number(values.seed),
      concurrency: Number(values.parallel),
      workRoot: join(work, "kill"),
      ...(minutes === undefined ? {} : { budgetMs: Number(minutes) * 60_000 }),
    })]);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const rows = reports.flatMap(([module, r]) => r.checks.map((c) => [module, c.check, c.measured, c.ok ? "ok" : "FAILED"]));
process.stdout.write(`${markdownTable(["module", "check", "measured", "result"], rows)}\n`);
for (const [module, r] of reports) if (r.detail) process.stdout.write(`\n## ${module}\n\n${r.detail}\n`);
if (rows.some((r) => r[3] !== "ok")) process.exitCode = 1;
