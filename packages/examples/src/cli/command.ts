/**
 * What an example declares (name, flags, run function) and how its command line is parsed: strict
 * `node:util` parseArgs, so an unknown or misspelled flag stops the run with a clear message.
 */
import { parseArgs } from "node:util";
import { UsageError } from "../errors.js";

/** One flag of an example. Every flag takes a value except booleans. */
export interface FlagSpec {
  type: "string" | "boolean";
  /** One line for `--help`. */
  description: string;
  /** Default value of a string flag, shown in `--help`. */
  default?: string;
  /** Placeholder of the value in `--help`, e.g. "N" or "FILE" (default "VALUE"). */
  valueName?: string;
}

/** A positional argument of an example (e.g. the file to open). */
export interface PositionalSpec {
  name: string;
  description: string;
  required: boolean;
}

/** What an example's run function receives besides its flags. */
export interface ExampleContext {
  /** Absolute output directory, created before `run` is called. */
  outDir: string;
  /** Where results and paths are printed. */
  stdout: NodeJS.WritableStream;
  /** Where progress bars and warnings go; a bar shows only when `isTTY` is true. */
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  /** The directory relative paths given by the user are resolved from. */
  baseDir: string;
}

/** A runnable example. */
export interface ExampleCommand {
  name: string;
  /** One line for the list of examples. */
  summary: string;
  /** Further paragraphs for `--help`. */
  details?: string;
  /** The example's own flags; `--out` and `--help` are added to every example. */
  flags: Readonly<Record<string, FlagSpec>>;
  positionals?: readonly PositionalSpec[];
  /** Whether the example writes files (and so takes `--out`); default true. */
  writesFiles?: boolean;
  /**
   * Runs the example.
   * @throws UsageError for a bad flag value (exit code 2); anything else is a failure (exit code 1)
   */
  run(args: ParsedArgs, context: ExampleContext): Promise<void>;
}

/** The flags and positionals of one run, with typed, checked accessors. */
export class ParsedArgs {
  constructor(
    readonly example: string,
    private readonly values: Readonly<Record<string, string | boolean | undefined>>,
    readonly positionals: readonly string[],
  ) {}

  /** A string flag's value, or undefined when absent and without a default. */
  string(name: string): string | undefined {
    const v = this.values[name];
    return typeof v === "string" ? v : undefined;
  }

  /** A boolean flag: true when given. */
  flag(name: string): boolean {
    return this.values[name] === true;
  }

  /**
   * A numeric flag.
   * @throws UsageError when absent, not a number, not an integer although `integer` is set, or out of
   * [min, max]
   */
  number(name: string, limits: { min?: number; max?: number; integer?: boolean } = {}): number {
    const text = this.string(name);
    if (text === undefined) throw this.error(`--${name} is required`);
    const v = text.trim() === "" ? Number.NaN : Number(text);
    const kind = limits.integer === true ? "an integer" : "a number";
    if (!Number.isFinite(v) || (limits.integer === true && !Number.isInteger(v))) {
      throw this.error(`--${name} must be ${kind}, got '${text}'`);
    }
    if (limits.min !== undefined && v < limits.min) throw this.error(`--${name} must be >= ${limits.min}, got ${v}`);
    if (limits.max !== undefined && v > limits.max) throw this.error(`--${name} must be <= ${limits.max}, got ${v}`);
    return v;
  }

  /** A numeric flag that may be absent (no default): undefined then, else as {@link number}. */
  optionalNumber(name: string, limits: { min?: number; max?: number; integer?: boolean } = {}): number | undefined {
    return this.string(name) === undefined ? undefined : this.number(name, limits);
  }

  /** A {@link UsageError} for this example. */
  error(message: string): UsageError {
    return new UsageError(`${this.example}: ${message}`, { example: this.example });
  }
}

/** The flags every example takes besides its own. */
export function commonFlags(command: ExampleCommand): Record<string, FlagSpec> {
  const flags: Record<string, FlagSpec> = {};
  if (command.writesFiles !== false) {
    flags.out = {
      type: "string",
      valueName: "DIR",
      description: `where files are written (default: <repo>/out/${command.name}/<YYYY>/<YYYYMMDD>/Dataset_<YYYYMMDD>_<NNN>/, a new folder per run; created if missing)`,
    };
  }
  flags.help = { type: "boolean", description: "show this help" };
  return flags;
}

/**
 * Parses an example's command line.
 * @param command the example
 * @param argv the arguments after the example's name
 * @throws UsageError on an unknown flag, a missing or extra value, or a wrong number of positionals
 */
export function parseExampleArgs(command: ExampleCommand, argv: readonly string[]): ParsedArgs {
  const specs = { ...command.flags, ...commonFlags(command) };
  const options: Record<string, { type: "string" | "boolean"; short?: string; default?: string }> = {};
  for (const [name, spec] of Object.entries(specs)) {
    options[name] = { type: spec.type, ...(spec.default !== undefined ? { default: spec.default } : {}) };
  }
  options.help = { type: "boolean", short: "h" };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv], options, strict: true, allowPositionals: true });
  } catch (e) {
    throw new UsageError(`${command.name}: ${describeParseError(e)}`, { example: command.name, cause: e });
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const positionals = parsed.positionals;
  if (values.help !== true) checkPositionals(command, positionals);
  return new ParsedArgs(command.name, values, positionals);
}

function checkPositionals(command: ExampleCommand, positionals: readonly string[]): void {
  const specs = command.positionals ?? [];
  if (positionals.length > specs.length) {
    const extra = positionals.slice(specs.length).map((p) => `'${p}'`).join(" ");
    throw new UsageError(`${command.name}: unexpected argument ${extra}`, { example: command.name });
  }
  const missing = specs.slice(positionals.length).filter((s) => s.required);
  if (missing.length > 0) {
    throw new UsageError(`${command.name}: missing ${missing.map((s) => s.name).join(", ")}`, { example: command.name });
  }
}

/** Turns node:util's parse errors into one short sentence naming the flag. */
function describeParseError(e: unknown): string {
  const code = (e as { code?: unknown }).code;
  const message = e instanceof Error ? e.message : String(e);
  const flag = /'(-{1,2}[^'\s]+)/.exec(message)?.[1] ?? "?";
  switch (code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `unknown option '${flag}'`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      if (/ambiguous/.test(message)) return `option '${flag}' needs a value; write ${flag}=VALUE for a value starting with '-'`;
      return /argument missing/.test(message) ? `option '${flag}' needs a value` : `option '${flag}' takes no value`;
    default:
      return message;
  }
}

/**
 * The `--help` text of an example.
 * @param command the example
 * @param invocation how the user calls the examples, e.g. "pnpm example"
 */
export function formatHelp(command: ExampleCommand, invocation: string): string {
  const specs = { ...command.flags, ...commonFlags(command) };
  const positionals = (command.positionals ?? []).map((p) => (p.required ? p.name : `[${p.name}]`));
  const lines = [`Usage: ${invocation} ${command.name} ${[...positionals, "[options]"].join(" ")}`, "", command.summary];
  if (command.details !== undefined) lines.push("", command.details);
  if ((command.positionals ?? []).length > 0) {
    lines.push("", "Arguments:");
    for (const p of command.positionals ?? []) lines.push(`  ${p.name.padEnd(22)} ${p.description}`);
  }
  lines.push("", "Options:");
  for (const [name, spec] of Object.entries(specs)) {
    const head = name === "help" ? "-h, --help" : spec.type === "string" ? `--${name} ${spec.valueName ?? "VALUE"}` : `--${name}`;
    const def = spec.default !== undefined ? ` (default: ${spec.default})` : "";
    lines.push(`  ${head.padEnd(22)} ${spec.description}${def}`);
  }
  return lines.join("\n") + "\n";
}
