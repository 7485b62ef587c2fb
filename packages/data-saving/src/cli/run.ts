/**
 * The `pymodaq-h5` command line: argument parsing and dispatch, with injectable output streams so
 * that tests run it in-process. `src/cli.ts` is the executable entry.
 *
 * @example
 * runCli(["inspect", "scan.h5", "--json"], { out: (s) => process.stdout.write(s), err: ... });
 */
import { isDataSavingError } from "../errors.js";

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
  pymodaq-h5 export hsds:/DOMAIN.h5 FILE.h5
                                        copy an HSDS domain into a local file
  pymodaq-h5 import FILE.h5 hsds:/DOMAIN.h5
                                        copy a local file into an HSDS domain (replaced if present)
  pymodaq-h5 --help                     this text

Wherever a FILE.h5 is read or written, an HSDS domain may stand: hsds:/home/USER/NAME.h5, with
the service and the user from HS_ENDPOINT (http://host:port or http+unix://URL-ENCODED-SOCKET),
HS_USERNAME and HS_PASSWORD, as h5pyd takes them.

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
  const [{ inspectFile }, { stringifyCanonical }, { renderInspectText }, { targetOf }] = await Promise.all([
    import("../tools/canonical/inspect.js"), import("../tools/canonical/json.js"), import("./inspect-text.js"), import("./targets.js"),
  ]);
  const target = targetOf(file);
  if (!target.exists()) {
    io.err(`pymodaq-h5: no such ${target.path === file ? "file" : "domain"}: ${file}\n`);
    return 1;
  }
  const doc = inspectFile(target.path, { storage: target.storage });
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

async function copy(command: "export" | "import", args: readonly string[], io: CliIO): Promise<number> {
  const { positional } = splitArgs(args, new Set());
  if (positional.length !== 2) throw new UsageError(`${command} takes a source and a destination`);
  const [from, to] = positional as [string, string];
  const isDomain = (a: string): boolean => a.startsWith("hsds:");
  if (command === "export" ? !isDomain(from) || isDomain(to) : isDomain(from) || !isDomain(to)) {
    throw new UsageError(command === "export" ? "export takes hsds:/DOMAIN.h5 then FILE.h5" : "import takes FILE.h5 then hsds:/DOMAIN.h5");
  }
  const { runCopy } = await import("./copy-command.js");
  return runCopy(from, to, io);
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
      case "export":
      case "import":
        return await copy(command, rest, io);
      default:
        throw new UsageError(`unknown command ${command}`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`pymodaq-h5: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    // Typed errors say what happened to which file or domain (HSDS: status and message).
    if (isDataSavingError(e)) {
      io.err(`pymodaq-h5: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}
