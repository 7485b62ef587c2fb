/**
 * The `pymodaq-saver-scenario` document (format version 1): its types and a validating parser.
 *
 * A scenario is the ordered list of the API calls that wrote one PyMoDAQ file, recorded around
 * the real Python library (fixture README, "Replay scenarios"). Values inside `args`/`defaults`
 * stay raw JSON here; `values.ts` rebuilds them.
 *
 * @example
 * const scenario = parseScenario(JSON.parse(readFileSync("x.scenario.json", "utf8")));
 * scenario.steps[0]?.op; // "new"
 */
import { ScenarioFormatError } from "./errors.js";

export const SCENARIO_FORMAT = "pymodaq-saver-scenario";
export const SCENARIO_FORMAT_VERSION = 1;

/** A raw recorded value ("V" in the fixture README); decoded by `values.ts`. */
export type RawValue = unknown;

export interface ScenarioClock {
  readonly now: string;
  readonly date: string;
  readonly time: string;
}

interface StepBase {
  readonly n: number;
  readonly class: string;
  readonly id: string;
  readonly args: Readonly<Record<string, RawValue>>;
  readonly defaults: Readonly<Record<string, RawValue>>;
  readonly kwargs: Readonly<Record<string, RawValue>>;
}

export interface NewStep extends StepBase {
  readonly op: "new";
}

export interface CallStep extends StepBase {
  readonly op: "call";
  readonly method: string;
  /** Absolute HDF5 path of the target group, when the method has a `where` parameter. */
  readonly where: string | null;
  readonly whereType: "node" | "str" | "none" | null;
  readonly clock: ScenarioClock | null;
  readonly result: RawValue;
  /** Python exception class name when the recorded call raised. */
  readonly raises: string | null;
}

export type ScenarioStep = NewStep | CallStep;

export interface ScenarioEnvironment {
  readonly pymodaqVersion: string;
  readonly pymodaqDataVersion: string;
}

export interface Scenario {
  readonly name: string;
  readonly fileName: string;
  readonly environment: ScenarioEnvironment;
  /** Informational digest (`summary.backend`, ...), kept as recorded. */
  readonly summary: Readonly<Record<string, unknown>>;
  readonly steps: readonly ScenarioStep[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function requireRecord(value: unknown, where: string): Record<string, unknown> {
  if (!isRecord(value)) throw new ScenarioFormatError(`${where}: expected an object`);
  return value;
}

function requireString(obj: Record<string, unknown>, key: string, where: string): string {
  const v = obj[key];
  if (typeof v !== "string") throw new ScenarioFormatError(`${where}.${key}: expected a string`);
  return v;
}

function optionalString(obj: Record<string, unknown>, key: string, where: string): string | null {
  const v = obj[key];
  if (v === undefined || v === null) return null;
  if (typeof v !== "string") throw new ScenarioFormatError(`${where}.${key}: expected a string`);
  return v;
}

function optionalRecord(obj: Record<string, unknown>, key: string, where: string): Record<string, unknown> {
  const v = obj[key];
  if (v === undefined) return {};
  return requireRecord(v, `${where}.${key}`);
}

function parseClock(value: unknown, where: string): ScenarioClock | null {
  if (value === undefined || value === null) return null;
  const c = requireRecord(value, where);
  return {
    now: requireString(c, "now", where),
    date: requireString(c, "date", where),
    time: requireString(c, "time", where),
  };
}

const WHERE_TYPES = new Set(["node", "str", "none"]);

function parseStep(value: unknown, position: number): ScenarioStep {
  const where = `steps[${position}]`;
  const s = requireRecord(value, where);
  if (s.n !== position) throw new ScenarioFormatError(`${where}.n: expected ${position}, got ${String(s.n)}`);
  const base = {
    n: position,
    class: requireString(s, "class", where),
    id: requireString(s, "id", where),
    args: optionalRecord(s, "args", where),
    defaults: optionalRecord(s, "defaults", where),
    kwargs: optionalRecord(s, "kwargs", where),
  };
  if (s.op === "new") return { ...base, op: "new" };
  if (s.op !== "call") throw new ScenarioFormatError(`${where}.op: expected "new" or "call", got ${String(s.op)}`);
  const whereType = optionalString(s, "where_type", where);
  if (whereType !== null && !WHERE_TYPES.has(whereType)) {
    throw new ScenarioFormatError(`${where}.where_type: unknown value ${whereType}`);
  }
  return {
    ...base,
    op: "call",
    method: requireString(s, "method", where),
    where: optionalString(s, "where", where),
    whereType: whereType as CallStep["whereType"],
    clock: parseClock(s.clock, `${where}.clock`),
    result: s.result ?? null,
    raises: optionalString(s, "raises", where),
  };
}

/**
 * Validates a parsed scenario JSON document and returns its typed form.
 *
 * @param doc the result of `JSON.parse` on a `NAME.scenario.json` file
 * @throws ScenarioFormatError when the format tag, version or any step is malformed
 */
export function parseScenario(doc: unknown): Scenario {
  const top = requireRecord(doc, "scenario");
  if (top.format !== SCENARIO_FORMAT) {
    throw new ScenarioFormatError(`scenario.format: expected "${SCENARIO_FORMAT}", got ${String(top.format)}`);
  }
  if (top.format_version !== SCENARIO_FORMAT_VERSION) {
    throw new ScenarioFormatError(
      `scenario.format_version: expected ${SCENARIO_FORMAT_VERSION}, got ${String(top.format_version)}`,
    );
  }
  const env = optionalRecord(top, "environment", "scenario");
  const steps = top.steps;
  if (!Array.isArray(steps) || steps.length === 0) {
    throw new ScenarioFormatError("scenario.steps: expected a non-empty array");
  }
  return {
    name: requireString(top, "name", "scenario"),
    fileName: requireString(top, "file_name", "scenario"),
    environment: {
      pymodaqVersion: optionalString(env, "pymodaq_version", "scenario.environment") ?? "0.0.0",
      pymodaqDataVersion: optionalString(env, "pymodaq_data_version", "scenario.environment") ?? "5.0.0",
    },
    summary: optionalRecord(top, "summary", "scenario"),
    steps: steps.map((s, i) => parseStep(s, i)),
  };
}
