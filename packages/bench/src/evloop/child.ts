/**
 * One process of the event-loop benchmark: `child.ts PHASE MODE DIR` runs the phase under the
 * probes and prints one JSON line (the measures); `child.ts generate INPUT DIR` writes an input
 * file of the reading phases, unmeasured. `--blocks MS` (last) adds the attribution of every
 * event-loop block longer than MS to the line (see blocks.ts).
 */
import { join } from "node:path";
import { libraryVersion } from "@pymodaq-ts/h5-lowlevel";
import { BenchError } from "../errors.js";
import { INPUTS, MODES, PHASES, runPhase, type Mode, type Phase } from "./phases.js";
import { measure } from "./probe.js";
import { DEMO_SCAN, SCAN_1G, SCAN_2G, saveScanSync, type ScanShape } from "./scan.js";

const GENERATED: Readonly<Record<string, ScanShape>> = {
  [INPUTS["load-demo"]]: DEMO_SCAN,
  [INPUTS["load-1g"]]: SCAN_1G,
  [INPUTS["stream-2g"]]: SCAN_2G,
};

async function main(argv: readonly string[]): Promise<void> {
  const [first, second, dir, blocksFlag, blocksMs] = argv;
  const blocks = blocksFlag === "--blocks" ? Number(blocksMs) : undefined;
  if (dir === undefined || (argv.length !== 3 && !(argv.length === 5 && blocks !== undefined && blocks >= 0))) {
    throw new BenchError("bad-option", "usage: child.ts PHASE MODE DIR [--blocks MS] | generate INPUT DIR");
  }
  if (first === "generate") {
    const shape = GENERATED[second!];
    if (shape === undefined) throw new BenchError("bad-option", `no input named ${second}`);
    await saveScanSync(join(dir, second!), shape);
    return;
  }
  if (!(PHASES as readonly string[]).includes(first!)) throw new BenchError("bad-option", `unknown phase ${first}`);
  if (!(MODES as readonly string[]).includes(second!)) throw new BenchError("bad-option", `unknown mode ${second}`);
  // libhdf5 is loaded at start-up, as an application loads it, not inside the measured work
  // (dlopen of the addon and libhdf5: tens of milliseconds on the main thread, once per process).
  libraryVersion();
  const result = await measure(() => runPhase(first as Phase, second as Mode, dir), blocks);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exitCode = 1;
});
