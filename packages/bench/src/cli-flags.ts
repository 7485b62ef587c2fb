/** A strict command-line flag parser: unknown flags and missing or malformed values are errors. */
import { BenchError } from "./errors.js";

/** What a flag takes: nothing (a boolean switch), a positive integer, a string, or repeated strings. */
export type FlagKind = "bool" | "int" | "string" | "strings";

export type FlagSpec = Readonly<Record<string, FlagKind>>;

type ValueOf<K extends FlagKind> = K extends "bool" ? boolean : K extends "int" ? number : K extends "string" ? string : string[];

/** Parsed flags (by name without the leading dashes) and the positional arguments. */
export interface ParsedFlags<S extends FlagSpec> {
  flags: { [K in keyof S]?: ValueOf<S[K]> };
  positional: string[];
}

/**
 * Parse `--name value`, `--name=value` and `--switch` arguments.
 * @param argv the arguments (without node and the script)
 * @param spec the accepted flags, by name without dashes
 * @throws BenchError `bad-option` for an unknown flag, a missing value or a non-positive integer
 */
export function parseFlags<S extends FlagSpec>(argv: readonly string[], spec: S): ParsedFlags<S> {
  const flags: Record<string, unknown> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const kind = spec[name];
    if (kind === undefined) throw new BenchError("bad-option", `unknown option --${name}`);
    if (kind === "bool") {
      if (eq >= 0) throw new BenchError("bad-option", `--${name} takes no value`);
      flags[name] = true;
      continue;
    }
    const raw = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (raw === undefined) throw new BenchError("bad-option", `--${name} needs a value`);
    if (kind === "int") {
      if (!/^[1-9][0-9]*$/.test(raw)) throw new BenchError("bad-option", `--${name} needs a positive integer, got ${raw}`);
      flags[name] = Number(raw);
    } else if (kind === "strings") {
      flags[name] = [...((flags[name] as string[] | undefined) ?? []), raw];
    } else {
      flags[name] = raw;
    }
  }
  return { flags: flags as ParsedFlags<S>["flags"], positional };
}
