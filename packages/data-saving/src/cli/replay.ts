/**
 * `pymodaq-h5 replay SCENARIO.json OUT.h5`: runs the replay harness (src/replay) and reports
 * the result. OUT.h5 may be an HSDS domain (`hsds:/home/USER/NAME.h5`).
 */
import { existsSync } from "node:fs";
import { replayScenario } from "../tools/replay/index.js";
import type { CliIO } from "./run.js";
import { targetOf } from "./targets.js";

/**
 * Replays `scenarioPath` into `outPath`.
 * @returns the exit status: 0 on success, 1 when the scenario is missing or a step fails.
 */
export async function runReplay(scenarioPath: string, outPath: string, io: CliIO): Promise<number> {
  if (!existsSync(scenarioPath)) {
    io.err(`pymodaq-h5: no such scenario: ${scenarioPath}\n`);
    return 1;
  }
  let written: { outPath: string; steps: number };
  const target = targetOf(outPath);
  try {
    written = replayScenario(scenarioPath, target.path, { storage: target.storage });
  } catch (e) {
    io.err(`pymodaq-h5: replay of ${scenarioPath} failed: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  io.out(`wrote ${target.path === outPath ? written.outPath : `hsds:${written.outPath}`} (${written.steps} steps)\n`);
  return 0;
}
