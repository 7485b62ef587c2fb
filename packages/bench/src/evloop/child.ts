/**
 * One process of the event-loop benchmark: `child.ts PHASE MODE DIR [--diagnose]` runs the phase
 * under the probes and prints one JSON line (the measures; with `--diagnose`, what the longest
 * blocks were made of; `setup_s` and `setup_cpu_s`, the wall and CPU time of what was started
 * before the phase, `preparePhase`); `child.ts floor FLOOR [--diagnose]` measures one of the
 * machine's floors (floor.ts) the same way; `child.ts generate INPUT DIR` writes an input
 * file of the reading phases, unmeasured.
 */
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { libraryVersion } from "@pymodaq-ts/h5-lowlevel";
import { BenchError } from "../errors.js";
import { FLOORS, measureFloor, type Floor } from "./floor.js";
import { INPUTS, MODES, PHASES, preparePhase, removeOutput, runPhase, type Mode, type Phase } from "./phases.js";
import { measure } from "./probe.js";
import { DEMO_SCAN, SCAN_1G, SCAN_2G, saveScanSync, type ScanShape } from "./scan.js";

const GENERATED: Readonly<Record<string, ScanShape>> = {
  [INPUTS["load-demo"]]: DEMO_SCAN,
  [INPUTS["load-1g"]]: SCAN_1G,
  [INPUTS["stream-2g"]]: SCAN_2G,
};

async function main(argv: readonly string[]): Promise<void> {
  if (argv[0] === "floor") return floor(argv.slice(1));
  const [first, second, dir, flag] = argv;
  const diagnose = flag === "--diagnose";
  if (dir === undefined || argv.length > 4 || (flag !== undefined && !diagnose)) {
    throw new BenchError("bad-option", "usage: child.ts PHASE MODE DIR [--diagnose] | floor FLOOR [--diagnose] | generate INPUT DIR");
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
  const phase = first as Phase;
  const mode = second as Mode;
  // Started ahead, as the application starts it (preparePhase), and timed apart.
  const setupStart = performance.now();
  const setupCpu = process.cpuUsage();
  const prepared = await preparePhase(phase, mode);
  const setupUsed = process.cpuUsage(setupCpu);
  const setup = { setup_s: (performance.now() - setupStart) / 1000, setup_cpu_s: (setupUsed.user + setupUsed.system) / 1e6 };
  // An application measured here has run a while: the garbage of its start-up (modules loaded
  // and compiled, under tsx a good deal) is collected, not left to a collection inside the work.
  (globalThis as { gc?: () => void }).gc?.();
  let result;
  try {
    result = await measure(() => runPhase(phase, mode, dir, prepared), diagnose);
  } finally {
    removeOutput(phase, mode, dir);
  }
  process.stdout.write(`${JSON.stringify({ ...result, ...setup })}\n`);
}

async function floor([name, flag, ...rest]: readonly string[]): Promise<void> {
  if (!(FLOORS as readonly string[]).includes(name!) || (flag !== undefined && flag !== "--diagnose") || rest.length > 0) {
    throw new BenchError("bad-option", `usage: child.ts floor ${FLOORS.join("|")} [--diagnose]`);
  }
  (globalThis as { gc?: () => void }).gc?.();
  const result = await measureFloor(name as Floor, flag === "--diagnose");
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exitCode = 1;
});
