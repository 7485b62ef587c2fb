/** The fuzzing module's report: outcomes per target, the crafted files, and what must hold. */
import type { Check, ModuleReport, ReliabilityModule } from "../module.js";
import { OUTCOMES } from "../outcome.js";
import { markdownTable } from "../table.js";
import { runFuzz, type FuzzOptions, type FuzzResult } from "./run.js";

/** What the protected path (`guarded`) must give on every file: a load or a typed error. */
export function fuzzChecks(result: FuzzResult): Check[] {
  const checks: Check[] = [];
  const guarded = result.tallies.guarded;
  if (guarded) {
    const files = Object.values(guarded).reduce((a, b) => a + b, 0);
    for (const outcome of ["untyped-error", "crash", "hang", "memory"] as const) {
      checks.push({ check: `guarded inspect: ${outcome}`, measured: `${guarded[outcome]} of ${files}`, ok: guarded[outcome] === 0 });
    }
  }
  return checks;
}

export function fuzzReport(result: FuzzResult): ModuleReport {
  const targets = Object.keys(result.tallies);
  const outcomes = markdownTable(["target", ...OUTCOMES], targets.map((t) => [t, ...OUTCOMES.map((o) => result.tallies[t]![o])]));
  const crafted = markdownTable(["crafted file", ...targets], Object.entries(result.crafted).map(([name, byTarget]) => [name, ...targets.map((t) => byTarget[t] ?? "")]));
  return {
    checks: fuzzChecks(result),
    detail: `${result.mutated} mutated files from ${result.seeds.length} seeds, plus ${Object.keys(result.crafted).length} crafted:\n\n${outcomes}\n\n${crafted}`,
  };
}

export const fuzzModule: ReliabilityModule<FuzzOptions> = {
  name: "fuzz",
  async run(options) {
    return fuzzReport(await runFuzz(options));
  },
};
