/**
 * The replay harness of `pymodaq-saver-scenario` files (fixture README, "Replay scenarios").
 *
 * @example
 * const { steps } = replayScenario("dte_timed_tables.scenario.json", "/tmp/dte_timed_tables.h5");
 */
export { replayScenario, type ReplayOptions, type ReplayResult } from "./replay.js";
export { parseScenario, SCENARIO_FORMAT, SCENARIO_FORMAT_VERSION } from "./scenario.js";
export type { CallStep, NewStep, Scenario, ScenarioClock, ScenarioEnvironment, ScenarioStep } from "./scenario.js";
export {
  ReplayStepError, ScenarioFormatError, ScenarioValueError,
  isReplayStepError, isScenarioFormatError, isScenarioValueError,
} from "./errors.js";
