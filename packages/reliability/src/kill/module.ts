/**
 * The kill tests as a reliability module (see suite.ts): one check per writer and signal, and the
 * table of what survived as detail.
 */
import type { ModuleReport, ReliabilityModule } from "../module.js";
import { killTable, runKillSuite, summariseKills, type KillSuiteOptions } from "./suite.js";

export const killModule: ReliabilityModule<KillSuiteOptions> = {
  name: "kill",
  async run(options): Promise<ModuleReport> {
    const rows = summariseKills(await runKillSuite(options));
    return {
      checks: rows.map((r) => ({
        check: `kill: ${r.kind} ${r.signal}`,
        measured: `${r.kills} runs${r.harnessFailures > 0 ? ` (${r.harnessFailures} failed to run)` : ""}, ${r.filesOpening} files opening, ${r.kept}/${r.points} points kept, ${r.flushedLost} flushed lost` +
          (r.signal === "SIGKILL" ? `, max ${r.maxUnflushedMs} ms since flush` : ""),
        ok: r.ok,
      })),
      detail: killTable(rows),
    };
  },
};
