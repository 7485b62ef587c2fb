/** Typed errors of the replay harness, each with a type guard. */
import { guardFor } from "../../error-guard.js";
import { DataSavingError, type DataSavingErrorOptions } from "../../errors.js";

/** The scenario document does not follow the `pymodaq-saver-scenario` v1 schema. */
export class ScenarioFormatError extends DataSavingError {
  constructor(message: string, options?: DataSavingErrorOptions) {
    super("SCENARIO_FORMAT", "ValueError", message, options);
    this.name = "ScenarioFormatError";
  }
}

/** A recorded value ("V") cannot be rebuilt (unknown tag, bad payload, unrecorded default). */
export class ScenarioValueError extends DataSavingError {
  constructor(message: string, options?: DataSavingErrorOptions) {
    super("SCENARIO_VALUE", "ValueError", message, options);
    this.name = "ScenarioValueError";
  }
}

/**
 * A step could not be replayed: unknown class or method, unknown instance id, a result that
 * differs from the recorded one, or a call whose outcome (raised / did not raise) differs.
 */
export class ReplayStepError extends DataSavingError {
  constructor(
    readonly step: number,
    message: string,
    options?: { cause?: unknown },
  ) {
    super("REPLAY_STEP", "ValueError", `step ${step}: ${message}`, options);
    this.name = "ReplayStepError";
  }
}

export const isScenarioFormatError = guardFor<ScenarioFormatError>("SCENARIO_FORMAT");
export const isScenarioValueError = guardFor<ScenarioValueError>("SCENARIO_VALUE");
export const isReplayStepError = guardFor<ReplayStepError>("REPLAY_STEP");
