/**
 * The replay harness: executes a `pymodaq-saver-scenario` (the API calls that wrote a PyMoDAQ
 * fixture) on our H5SaverLowLevel and savers, writing the file to a path of our choice, in the
 * file profile of the backend the scenario was recorded with.
 *
 * @example
 * replayScenario("fixtures/pymodaq/dte_mixed_tables.scenario.json", "out.h5");
 */
import { readFileSync } from "node:fs";
import { H5SaverLowLevel } from "../../conventions/h5-saver-lowlevel.js";
import { checkOptions } from "../../options.js";
import type { Storage } from "../../storage/types.js";
import { StepArgs } from "./args.js";
import { CONSTRUCTORS, METHODS, type StepContext } from "./dispatch.js";
import { ReplayStepError } from "./errors.js";
import { parseScenario, type CallStep, type NewStep, type Scenario } from "./scenario.js";
import { NodeRef, decodeValue } from "./values.js";

export interface ReplayOptions {
  /** Where the file is written (default: libhdf5, a file on disk). */
  storage?: Storage;
}

export interface ReplayResult {
  /** The scenario name. */
  readonly name: string;
  /** The file written. */
  readonly outPath: string;
  /** Number of steps executed. */
  readonly steps: number;
}

class Replayer {
  private readonly instances = new Map<string, object>();

  constructor(
    private readonly scenario: Scenario,
    private readonly outPath: string,
    private readonly storage: Storage | undefined,
  ) {}

  run(): ReplayResult {
    try {
      for (const step of this.scenario.steps) {
        if (step.op === "new") this.construct(step);
        else this.call(step);
      }
    } finally {
      // A scenario that stops early (or fails) must not leave the file open.
      for (const inst of this.instances.values()) if (inst instanceof H5SaverLowLevel) inst.closeFile();
    }
    return { name: this.scenario.name, outPath: this.outPath, steps: this.scenario.steps.length };
  }

  private context(step: NewStep | CallStep): StepContext {
    return {
      saver: (id) => {
        const inst = this.instances.get(id);
        if (!(inst instanceof H5SaverLowLevel)) throw new ReplayStepError(step.n, `'${id}' is not an H5SaverLowLevel instance`);
        return inst;
      },
      outPath: this.outPath,
      recordedFileName: this.scenario.fileName,
      environment: this.scenario.environment,
      clock: step.op === "call" ? step.clock : null,
      where: step.op === "call" ? step.where : null,
      storage: this.storage,
    };
  }

  private args(step: NewStep | CallStep): StepArgs {
    if (Object.keys(step.kwargs).length > 0) {
      throw new ReplayStepError(step.n, `**kwargs (${Object.keys(step.kwargs).join(", ")}) are not supported`);
    }
    return new StepArgs([step.args, step.defaults], `steps[${step.n}]`);
  }

  private construct(step: NewStep): void {
    const make = CONSTRUCTORS[step.class];
    if (make === undefined) throw new ReplayStepError(step.n, `unknown class ${step.class}`);
    if (this.instances.has(step.id)) throw new ReplayStepError(step.n, `instance id ${step.id} is used twice`);
    try {
      const a = this.args(step);
      const inst = make(a, this.context(step));
      a.done();
      this.instances.set(step.id, inst);
    } catch (e) {
      throw e instanceof ReplayStepError ? e : new ReplayStepError(step.n, `new ${step.class}: ${(e as Error).message}`, { cause: e });
    }
  }

  private call(step: CallStep): void {
    const method = METHODS[step.class]?.[step.method];
    if (method === undefined) throw new ReplayStepError(step.n, `unknown method ${step.class}.${step.method}`);
    const self = this.instances.get(step.id);
    if (self === undefined) throw new ReplayStepError(step.n, `unknown instance ${step.id}`);
    let result: unknown;
    try {
      const a = this.args(step);
      result = method(self as never, a, this.context(step));
      a.done();
    } catch (e) {
      if (step.raises !== null) return; // the original raised here too
      throw e instanceof ReplayStepError ? e : new ReplayStepError(step.n, `${step.class}.${step.method}: ${(e as Error).message}`, { cause: e });
    }
    if (step.raises !== null) throw new ReplayStepError(step.n, `${step.class}.${step.method} should raise ${step.raises}`);
    this.checkResult(step, result);
  }

  /** A recorded node result must be the node our call returned (same path). */
  private checkResult(step: CallStep, result: unknown): void {
    const expected = decodeValue(step.result, `steps[${step.n}].result`);
    if (!(expected instanceof NodeRef)) return;
    const path = (result as { path?: unknown } | null)?.path;
    if (path !== expected.path) {
      throw new ReplayStepError(step.n, `${step.method} returned ${String(path)}, the original returned ${expected.path}`);
    }
  }
}

/**
 * Replays a scenario and writes the resulting file.
 * @param scenario the path of a `NAME.scenario.json` file, or its parsed JSON
 * @param outPath the HDF5 file to write (its extension is forced to `.h5`, as `init_file` does)
 * @param options `storage`: where the file is written (default: libhdf5, a file on disk)
 * @returns the scenario name, the path written and the number of steps
 * @throws ScenarioFormatError for a malformed scenario; ReplayStepError (with the step number
 *   and the original error as `cause`) when a step fails or returns another node than recorded
 */
export function replayScenario(scenario: string | object, outPath: string, options?: ReplayOptions): ReplayResult {
  const { storage } = checkOptions(options, ["storage"], "replayScenario");
  const doc: unknown = typeof scenario === "string" ? JSON.parse(readFileSync(scenario, "utf8")) : scenario;
  return new Replayer(parseScenario(doc), outPath, storage).run();
}
