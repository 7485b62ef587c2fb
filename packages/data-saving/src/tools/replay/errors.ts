/** Typed errors of the replay harness, each with a type guard. */

/** The scenario document does not follow the `pymodaq-saver-scenario` v1 schema. */
export class ScenarioFormatError extends Error {
  override readonly name = "ScenarioFormatError";
}

/** A recorded value ("V") cannot be rebuilt (unknown tag, bad payload, unrecorded default). */
export class ScenarioValueError extends Error {
  override readonly name = "ScenarioValueError";
}

/**
 * A step could not be replayed: unknown class or method, unknown instance id, a result that
 * differs from the recorded one, or a call whose outcome (raised / did not raise) differs.
 */
export class ReplayStepError extends Error {
  override readonly name = "ReplayStepError";
  constructor(
    readonly step: number,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`step ${step}: ${message}`, options);
  }
}

export function isScenarioFormatError(e: unknown): e is ScenarioFormatError {
  return e instanceof ScenarioFormatError;
}

export function isScenarioValueError(e: unknown): e is ScenarioValueError {
  return e instanceof ScenarioValueError;
}

export function isReplayStepError(e: unknown): e is ReplayStepError {
  return e instanceof ReplayStepError;
}
