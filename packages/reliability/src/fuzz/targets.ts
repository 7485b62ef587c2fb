/**
 * The programs each fuzzed file is run through, in a child process under the same limits:
 * - `inspect`: `pymodaq-h5 inspect FILE --json --in-process` (the data-saving package's public
 *   command), libhdf5 in the same process as the loader: what a program that reads in-process gets;
 * - `guarded`: `pymodaq-h5 inspect FILE --json` as users run it, the reader in a child process
 *   under the command's supervisor, given the harness's limits (the harness's own limits on the
 *   supervising command are 10 s longer, so that the supervisor's verdict is what is measured);
 * - `validate`: a walk of every group, attribute and dataset shape through h5-lowlevel, the
 *   validation a caller could run before reading in-process;
 * - `async`: the asynchronous loads in-process (`DataLoader.open`, `loadDataAsync`, `navSlabs`,
 *   `loadAllAsync`, `closeFileAsync`: async-child.mjs), whose reads run on the libuv pool;
 * - `h5dump-1.10` / `h5dump-1.14`: libhdf5's own h5dump of two libhdf5 versions (what a newer
 *   libhdf5 alone would change).
 */
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { runLimited, type ChildLimits } from "../child.js";
import { classify, hasStackTrace, type Outcome } from "../outcome.js";

const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** The `pymodaq-h5` executable of the data-saving package. */
export const CLI = resolve(packageRoot, "node_modules/@pymodaq-ts/data-saving/dist/cli.js");
const VALIDATOR = resolve(packageRoot, "src/fuzz/validate-child.mjs");
const ASYNC_LOADER = resolve(packageRoot, "src/fuzz/async-child.mjs");

export type TargetName = "inspect" | "guarded" | "validate" | "async" | "h5dump-1.10" | "h5dump-1.14";

export interface Target {
  name: TargetName;
  run(file: string, limits: ChildLimits): Promise<Outcome>;
}

/** `pymodaq-h5 inspect` reports unreadable files as "pymodaq-h5: cannot read FILE: ...". */
export function inspectTyped(file: string) {
  return (stderr: string): boolean => stderr.startsWith(`pymodaq-h5: cannot read ${file}`) && !hasStackTrace(stderr);
}

const inspect: Target = {
  name: "inspect",
  async run(file, limits) {
    const run = await runLimited(process.execPath, [CLI, "inspect", file, "--json", "--in-process"], limits, { stdoutLimit: 0 });
    return classify(run, inspectTyped(file));
  },
};

/** The supervised command's arguments that give its reader `limits`. */
export function supervisedArgs(file: string, limits: ChildLimits): string[] {
  return ["inspect", file, "--json", "--timeout-s", String(limits.timeoutMs / 1000), "--memory-mb", String(limits.memoryMb)];
}

const guarded: Target = {
  name: "guarded",
  async run(file, limits) {
    const outer = { timeoutMs: limits.timeoutMs + 10_000, memoryMb: limits.memoryMb };
    const run = await runLimited(process.execPath, [CLI, ...supervisedArgs(file, limits)], outer, { stdoutLimit: 0 });
    return classify(run, inspectTyped(file));
  },
};

const validate: Target = {
  name: "validate",
  async run(file, limits) {
    const run = await runLimited(process.execPath, [VALIDATOR, file], limits);
    return classify(run, (stderr) => stderr.startsWith("invalid:") && !hasStackTrace(stderr));
  },
};

const asyncLoads: Target = {
  name: "async",
  async run(file, limits) {
    // The child reports a file it could not read whole as "cannot read FILE: ...".
    const run = await runLimited(process.execPath, [ASYNC_LOADER, file], limits);
    return classify(run, (stderr) => stderr.startsWith(`cannot read ${file}: `) && !hasStackTrace(stderr));
  },
};

function h5dump(name: TargetName, executable: string): Target {
  return {
    name,
    async run(file, limits) {
      const run = await runLimited(executable, ["-A", file], limits, { stdoutLimit: 0 });
      // h5dump reports its failures itself ("h5dump error: ...") with exit status 1.
      return classify(run, (stderr) => /h5dump error/.test(stderr) || stderr.trim() !== "");
    },
  };
}

/**
 * The targets to run. `h5dump-1.14` needs the path of an h5dump built on libhdf5 1.14
 * (`--h5dump-new`, see README); `h5dump-1.10` uses the system's.
 */
export function makeTargets(names: readonly TargetName[], h5dumpNew?: string): Target[] {
  return names.map((n) => {
    switch (n) {
      case "inspect":
        return inspect;
      case "guarded":
        return guarded;
      case "validate":
        return validate;
      case "async":
        return asyncLoads;
      case "h5dump-1.10":
        return h5dump(n, "h5dump");
      case "h5dump-1.14":
        if (!h5dumpNew) throw new Error("target h5dump-1.14 needs --h5dump-new PATH");
        return h5dump(n, h5dumpNew);
    }
  });
}
