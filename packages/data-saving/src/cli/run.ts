/**
 * The `pymodaq-h5` command line: argument parsing and dispatch, with injectable output streams so
 * that tests run it in-process. `src/cli.ts` is the executable entry.
 *
 * @example
 * runCli(["inspect", "scan.h5", "--json"], { out: (s) => process.stdout.write(s), err: ... });
 */
import { statSync } from "node:fs";
import { StringDecoder } from "node:string_decoder";
import { fileURLToPath } from "node:url";
import { runLimited } from "../tools/untrusted/limited-child.js";
import { DEFAULT_READ_LIMITS, packageScriptUrl, readerDiedError } from "../tools/untrusted/supervise.js";

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

inspect, recover and import read FILE.h5 in a supervised child process: a crash inside libhdf5,
a hang or a memory blow-up on a corrupt or hostile file ends the command with one line naming
the file and exit status 3, never a crash of the command. Options of these commands:
  --timeout-s N     the reader's time limit in seconds (default 120)
  --memory-mb N     the reader's resident-memory limit in MiB (default 2048)
  --in-process      read in this process, without a supervisor (trusted files)

Wherever a FILE.h5 is read or written, an HSDS domain may stand: hsds:/home/USER/NAME.h5, with
the service and the user from HS_ENDPOINT (http://host:port or http+unix://URL-ENCODED-SOCKET),
HS_USERNAME and HS_PASSWORD, as h5pyd takes them.

From the repository root: pnpm -s cli <command> ...
Exit status: 0 success, 1 failure (unreadable file, failed replay), 2 usage error, 3 the
supervised reader crashed, hung or passed its memory limit (the file is corrupt or hostile).
Every failure is one line on stderr naming the file. A closed output (inspect F | head) ends
the command quietly.
`;

class UsageError extends Error {}

/** Exit status of a command whose supervised reader crashed, hung or passed its memory limit. */
export const READER_DIED_STATUS = 3;

/** The commands that read a file a user hands them, in a supervised child by default. */
const SUPERVISED: ReadonlySet<string> = new Set(["inspect", "recover", "import"]);

interface Supervision {
  inProcess: boolean;
  limits: { timeoutMs: number; memoryMb: number };
  args: string[];
}

/** Takes the supervision options out of a command's arguments. */
function supervision(args: readonly string[], defaults: { timeoutMs: number; memoryMb: number }): Supervision {
  const out: Supervision = { inProcess: false, limits: { ...defaults }, args: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--in-process") {
      out.inProcess = true;
    } else if (a === "--timeout-s" || a === "--memory-mb") {
      const v = Number(args[++i]);
      if (!Number.isFinite(v) || v <= 0) throw new UsageError(`${a} takes a positive number`);
      if (a === "--timeout-s") out.limits.timeoutMs = v * 1000;
      else out.limits.memoryMb = v;
    } else {
      out.args.push(a);
    }
  }
  return out;
}

/**
 * Runs `command` again in a child process reading in-process, under the supervisor's limits:
 * its stdout is passed on as it comes, its stderr (one line per failure) at the end. A child that
 * dies becomes one line naming the file and exit status 3.
 */
async function runSupervised(command: string, s: Supervision, io: CliIO): Promise<number> {
  const decoder = new StringDecoder("utf8");
  const cli = fileURLToPath(packageScriptUrl("cli.js"));
  const run = await runLimited(process.execPath, [cli, command, ...s.args, "--in-process"], s.limits, {
    onStdout: (b) => io.out(decoder.write(b)),
  });
  const rest = decoder.end();
  if (rest !== "") io.out(rest);
  const file = s.args.find((a) => !a.startsWith("--")) ?? "";
  const died = readerDiedError(shownPath(file), run, s.limits);
  if (died !== null) {
    io.err(`pymodaq-h5: ${died.message}\n`);
    return READER_DIED_STATUS;
  }
  io.err(run.stderr);
  return run.status ?? 1;
}

/** An error as one line of text (libhdf5's messages carry their error stack on several lines). */
export function oneLine(e: unknown): string {
  const text = e instanceof Error ? `${e.name === "Error" ? "" : `${e.name}: `}${e.message}` : String(e);
  return text.replace(/\s*\n\s*/g, " | ").trim();
}

/** A file name as the messages show it: quoted when it holds control characters (a NUL byte). */
function shownPath(file: string): string {
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u001f]/.test(file) ? JSON.stringify(file) : file;
}

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
  if (file.includes("\0")) {
    io.err(`pymodaq-h5: invalid file name (it holds a NUL byte): ${shownPath(file)}\n`);
    return 1;
  }
  const [{ inspectFile }, { stringifyCanonical }, { renderInspectText }, { targetOf }] = await Promise.all([
    import("../tools/canonical/inspect.js"), import("../tools/canonical/json.js"), import("./inspect-text.js"), import("./targets.js"),
  ]);
  const target = targetOf(file);
  if (!target.exists()) {
    io.err(`pymodaq-h5: no such ${target.path === file ? "file" : "domain"}: ${shownPath(file)}\n`);
    return 1;
  }
  if (target.path === file && statSync(file).isDirectory()) {
    io.err(`pymodaq-h5: cannot read ${shownPath(file)}: it is a directory\n`);
    return 1;
  }
  let text: string;
  let fatal: string | undefined;
  try {
    const doc = inspectFile(target.path, { storage: target.storage });
    text = flags.has("--json") ? stringifyCanonical(doc) : renderInspectText(doc);
    fatal = doc.fatal_error;
  } catch (e) {
    io.err(`pymodaq-h5: cannot read ${shownPath(file)}: ${oneLine(e)}\n`);
    return 1;
  }
  io.out(`${text}\n`);
  if (fatal !== undefined) {
    io.err(`pymodaq-h5: cannot read ${shownPath(file)}: ${oneLine(fatal)}\n`);
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
  const [command, ...args] = argv;
  let rest = args;
  try {
    if (command !== undefined && SUPERVISED.has(command)) {
      const s = supervision(args, DEFAULT_READ_LIMITS);
      // A NUL byte cannot pass in a child's arguments; the commands refuse such a name before
      // reading anything, so they do it in-process.
      if (!s.inProcess && !s.args.some((a) => a.includes("\0"))) return await runSupervised(command, s, io);
      rest = s.args;
    }
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
    io.err(`pymodaq-h5: ${command} failed: ${oneLine(e)}\n`);
    return 1;
  }
}
