/**
 * The `pymodaq-h5` command line: argument parsing and dispatch, with injectable output streams so
 * that tests run it in-process. `src/cli.ts` is the executable entry.
 *
 * @example
 * runCli(["inspect", "scan.h5", "--json"], { out: (s) => process.stdout.write(s), err: ... });
 */
import { existsSync } from "node:fs";

/** Where the command writes (stdout, stderr). */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
}

export const USAGE = `pymodaq-h5: inspect and write PyMoDAQ HDF5 files

Usage:
  pymodaq-h5 inspect FILE.h5 [--json]   print the file's tree and what PyMoDAQ's DataLoader loads
                                        from it; --json prints the canonical load JSON
                                        (format pymodaq-canonical-load, version 1)
  pymodaq-h5 replay SCENARIO.json OUT.h5
                                        execute a saver scenario (pymodaq-saver-scenario) with the
                                        TypeScript savers and write OUT.h5
  pymodaq-h5 recover FILE.h5 [--json]   check a file left by a crashed or killed writer: these
                                        files need no repair step, so it only opens it read-only,
                                        reads every node back and reports (exit 1 on a problem)
  pymodaq-h5 --help                     this text

From the repository root: pnpm -s cli <command> ...
Exit status: 0 success, 1 failure (unreadable file, failed replay), 2 usage error.
`;

class UsageError extends Error {}

function splitArgs(args: readonly string[], known: ReadonlySet<string>): { flags: Set<string>; positional: string[] } {
  const flags = new Set<string>();
  const positional: string[] = [];
  for (const a of args) {
    if (a.startsWith("--")) {
      if (!known.has(a)) throw new UsageError(`unknown option ${a}`);
      flags.add(a);
    } else {
      positional.push(a);
    }
  }
  return { flags, positional };
}

// The commands load the HDF5 layers on demand, so that `--help` and usage errors work even
// where the native addon is missing.
async function inspect(args: readonly string[], io: CliIO): Promise<number> {
  const { flags, positional } = splitArgs(args, new Set(["--json"]));
  if (positional.length !== 1) throw new UsageError("inspect takes exactly one FILE.h5");
  const file = positional[0]!;
  if (!existsSync(file)) {
    io.err(`pymodaq-h5: no such file: ${file}\n`);
    return 1;
  }
  const [{ inspectFile }, { stringifyCanonical }, { renderInspectText }] = await Promise.all([
    import("../tools/canonical/inspect.js"), import("../tools/canonical/json.js"), import("./inspect-text.js"),
  ]);
  const doc = inspectFile(file);
  io.out(flags.has("--json") ? `${stringifyCanonical(doc)}\n` : `${renderInspectText(doc)}\n`);
  if (doc.fatal_error !== undefined) {
    io.err(`pymodaq-h5: cannot read ${file}: ${doc.fatal_error}\n`);
    return 1;
  }
  return 0;
}

async function replay(args: readonly string[], io: CliIO): Promise<number> {
  const { positional } = splitArgs(args, new Set());
  if (positional.length !== 2) throw new UsageError("replay takes SCENARIO.json and OUT.h5");
  const { runReplay } = await import("./replay.js");
  return runReplay(positional[0]!, positional[1]!, io);
}

async function recover(args: readonly string[], io: CliIO): Promise<number> {
  const { flags, positional } = splitArgs(args, new Set(["--json"]));
  if (positional.length !== 1) throw new UsageError("recover takes exactly one FILE.h5");
  const { runRecover } = await import("./recover.js");
  return runRecover(positional[0]!, flags.has("--json"), io);
}

/**
 * Runs one command line.
 * @param argv the arguments after the executable (e.g. `["inspect", "a.h5", "--json"]`).
 * @returns the exit status.
 */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case "--help":
      case "-h":
      case "help":
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      case "inspect":
        return await inspect(rest, io);
      case "replay":
        return await replay(rest, io);
      case "recover":
        return await recover(rest, io);
      default:
        throw new UsageError(`unknown command ${command}`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`pymodaq-h5: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
}
