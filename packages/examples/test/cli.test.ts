import { statSync } from "node:fs";
import path from "node:path";
import { tempDir } from "@pymodaq-ts/test-support";
import { beforeEach, describe, expect, it } from "vitest";
import type { ExampleCommand, ExampleContext, ParsedArgs } from "../src/cli/command.js";
import { EXIT, runCli } from "../src/cli.js";
import { CaptureStream } from "./helpers/streams.js";

let tmp: string;
beforeEach(() => {
  tmp = tempDir("examples-cli");
});

function recorder() {
  const calls: Array<{ args: ParsedArgs; context: ExampleContext }> = [];
  const command: ExampleCommand = {
    name: "echo",
    summary: "records its arguments",
    flags: { n: { type: "string", default: "3", description: "a count" } },
    async run(args, context) {
      calls.push({ args, context });
      context.stdout.write(`n=${args.number("n", { integer: true, min: 1 })}\n`);
    },
  };
  const failing: ExampleCommand = {
    name: "boom",
    summary: "fails",
    flags: {},
    async run() {
      throw new Error("disk full", { cause: new Error("ENOSPC") });
    },
  };
  return { calls, examples: [command, failing] };
}

async function run(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const stdout = new CaptureStream();
  const stderr = new CaptureStream();
  const { calls, examples } = recorder();
  const code = await runCli(argv, { stdout, stderr, env, cwd: tmp }, examples);
  return { code, stdout: stdout.text, stderr: stderr.text, calls };
}

describe("runCli", () => {
  it("runs the named example with its flags and a created --out directory", async () => {
    const r = await run(["echo", "--n", "5", "--out", "o"]);
    expect(r.code).toBe(EXIT.ok);
    expect(r.stdout).toBe("n=5\n");
    expect(r.calls[0]?.context.outDir).toBe(path.join(tmp, "o"));
    expect(statSync(path.join(tmp, "o")).isDirectory()).toBe(true);
  });

  it("resolves --out from the caller's folder under a package script", async () => {
    const r = await run(["echo", "--out", "o"], { npm_lifecycle_event: "example", INIT_CWD: path.join(tmp, "home") });
    expect(r.calls[0]?.context.outDir).toBe(path.join(tmp, "home", "o"));
  });

  it("lists the examples on --help and on no argument", async () => {
    const help = await run(["--help"]);
    expect(help.code).toBe(EXIT.ok);
    expect(help.stdout).toMatch(/echo\s+records its arguments/);
    const none = await run([]);
    expect(none.code).toBe(EXIT.usage);
    expect(none.stderr).toContain("Usage:");
  });

  it("prints an example's help without running it", async () => {
    const r = await run(["echo", "--help"], { npm_lifecycle_event: "example" });
    expect(r.code).toBe(EXIT.ok);
    expect(r.calls).toHaveLength(0);
    expect(r.stdout).toContain("Usage: pnpm example echo [options]");
    expect(r.stdout).toContain("--n VALUE");
  });

  it("exits 2 with a clear message on an unknown example or flag, or a bad value", async () => {
    const unknown = await run(["nope"]);
    expect(unknown.code).toBe(EXIT.usage);
    expect(unknown.stderr).toContain("unknown example 'nope'; choose one of: echo, boom");
    const flag = await run(["echo", "--m", "1"]);
    expect(flag.code).toBe(EXIT.usage);
    expect(flag.stderr).toBe("error: echo: unknown option '--m'\nRun 'node dist/main.js echo --help' for usage.\n");
    expect(flag.calls).toHaveLength(0);
    const value = await run(["echo", "--n", "zero", "--out", "o"]);
    expect(value.code).toBe(EXIT.usage);
    expect(value.stderr).toContain("echo: --n must be an integer, got 'zero'");
  });

  it("exits 1 on a failure and prints the error with its cause", async () => {
    const r = await run(["boom", "--out", "o"]);
    expect(r.code).toBe(EXIT.failure);
    expect(r.stderr).toBe("boom: failed: Error: disk full\n  caused by Error: ENOSPC\n");
  });
});
