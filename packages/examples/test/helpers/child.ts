/**
 * Runs the examples' command line (src/main.ts through tsx, so no build is needed) as a child
 * process, to test what only a real process shows: signals, exit codes.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const PACKAGE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** A running example with its output so far. */
export interface ExampleProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves when stdout matches `pattern` (rejects after `timeoutMs` or if the process exits first). */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray>;
  /** Resolves with the exit code (or the signal name) once the process has ended. */
  exited: Promise<number | string>;
}

/** Starts `node --import tsx src/main.ts ...argv` in the package folder, stdio piped (no TTY). */
export function startExample(argv: string[]): ExampleProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts", ...argv], {
    cwd: PACKAGE_DIR,
    env: { ...process.env, npm_lifecycle_event: undefined },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  const listeners = new Set<() => void>();
  child.stdout?.on("data", (chunk: Buffer) => {
    out += chunk.toString();
    for (const l of listeners) l();
  });
  child.stderr?.on("data", (chunk: Buffer) => void (err += chunk.toString()));
  const exited = new Promise<number | string>((resolve) => {
    child.on("exit", (code, signal) => {
      resolve(code ?? signal ?? -1);
      for (const l of listeners) l();
    });
  });
  let ended = false;
  void exited.then(() => void (ended = true));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitFor: (pattern, timeoutMs) =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          const m = pattern.exec(out);
          if (m !== null) return finish(() => resolve(m));
          if (ended) finish(() => reject(new Error(`exited before ${pattern}: stdout ${out} stderr ${err}`)));
        };
        const timer = setTimeout(() => finish(() => reject(new Error(`timeout waiting for ${pattern}: stdout ${out} stderr ${err}`))), timeoutMs);
        const finish = (fn: () => void): void => {
          clearTimeout(timer);
          listeners.delete(check);
          fn();
        };
        listeners.add(check);
        check();
      }),
  };
}
