/**
 * The examples' command line: `node dist/main.js <example> [flags]`, `--help` per example.
 *
 * @example
 * // pnpm example scan2d --nx 16 --ny 8 --out /tmp/scan
 * const code = await runCli(["scan2d", "--nx", "16"], { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });
 */
import type { ExampleCommand } from "./cli/command.js";
import { formatHelp, parseExampleArgs } from "./cli/command.js";
import { invocationDir, prepareOutDir } from "./cli/out-dir.js";
import { UsageError, isUsageError } from "./errors.js";

/** The process's streams, environment and working directory (injected so tests can capture them). */
export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** Exit codes: success, a failure while running, a command line that cannot run. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/**
 * Runs one example from its command line and reports errors on stderr.
 * @param argv the arguments after the script: `<example> [flags]`
 * @param io streams, environment, working directory
 * @param examples the examples to choose from
 * @returns the exit code (see {@link EXIT}); never throws
 */
export async function runCli(argv: readonly string[], io: CliIo, examples: readonly ExampleCommand[]): Promise<number> {
  const invocation = io.env.npm_lifecycle_event !== undefined ? "pnpm example" : "node dist/main.js";
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    const text = listExamples(examples, invocation);
    (name === undefined ? io.stderr : io.stdout).write(text);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = examples.find((e) => e.name === name);
  try {
    if (command === undefined) {
      throw new UsageError(`unknown example '${name}'; choose one of: ${examples.map((e) => e.name).join(", ")}`);
    }
    const args = parseExampleArgs(command, rest);
    if (args.flag("help")) {
      io.stdout.write(formatHelp(command, invocation));
      return EXIT.ok;
    }
    const baseDir = invocationDir(io.env, io.cwd);
    const outDir = command.writesFiles === false ? baseDir : prepareOutDir(command.name, args.string("out"), baseDir);
    await command.run(args, { outDir, stdout: io.stdout, stderr: io.stderr, baseDir });
    return EXIT.ok;
  } catch (e) {
    if (isUsageError(e)) {
      const hint = e.example !== undefined ? `${invocation} ${e.example} --help` : `${invocation} --help`;
      io.stderr.write(`error: ${e.message}\nRun '${hint}' for usage.\n`);
      return EXIT.usage;
    }
    io.stderr.write(`${name}: failed: ${describeError(e)}\n`);
    return EXIT.failure;
  }
}

/** The top-level help: every example and its one-line summary. */
function listExamples(examples: readonly ExampleCommand[], invocation: string): string {
  const width = Math.max(8, ...examples.map((e) => e.name.length));
  const lines = [`Usage: ${invocation} <example> [options]`, "", "Examples:"];
  for (const e of examples) lines.push(`  ${e.name.padEnd(width)}  ${e.summary}`);
  lines.push("", `Run '${invocation} <example> --help' for an example's options.`);
  return lines.join("\n") + "\n";
}

/** The error's message followed by its causes, one per line, so nothing is flattened away. */
function describeError(e: unknown): string {
  const parts: string[] = [];
  let current: unknown = e;
  for (let depth = 0; current !== undefined && depth < 5; depth++) {
    parts.push(current instanceof Error ? `${current.name}: ${current.message}` : String(current));
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.join("\n  caused by ");
}
