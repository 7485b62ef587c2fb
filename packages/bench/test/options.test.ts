// Command lines of the workloads and the runner.
import { describe, expect, it } from "vitest";
import { parseFlags } from "../src/cli-flags.js";
import { parseRunnerArgs } from "../src/runner.js";
import { DEFAULT_SIZES, parseWorkloadArgs, sizeArgs } from "../src/workload-options.js";

describe("cli-flags.parseFlags", () => {
  it("reads switches, values in both spellings and repeated flags", () => {
    const spec = { a: "bool", n: "int", s: "string", r: "strings" } as const;
    expect(parseFlags(["x", "--a", "--n", "3", "--s=v", "--r", "1", "--r=2"], spec)).toEqual({
      flags: { a: true, n: 3, s: "v", r: ["1", "2"] },
      positional: ["x"],
    });
    expect(() => parseFlags(["--b"], spec)).toThrow(/unknown option --b/);
    expect(() => parseFlags(["--n", "0"], spec)).toThrow(/positive integer/);
    expect(() => parseFlags(["--s"], spec)).toThrow(/needs a value/);
    expect(() => parseFlags(["--a=1"], spec)).toThrow(/takes no value/);
  });
});

describe("workload-options.parseWorkloadArgs", () => {
  it("takes the workload (any case), sizes and switches", () => {
    expect(parseWorkloadArgs(["W3ALL", "--file", "f.h5", "--nx", "5", "--keep"])).toEqual({
      ...DEFAULT_SIZES,
      nx: 5,
      workload: "w3all",
      file: "f.h5",
      keep: true,
      fsync: false,
      repeat: 1,
    });
    expect(parseWorkloadArgs(["w2", "--repeat", "3"]).repeat).toBe(3);
    expect(() => parseWorkloadArgs(["w2", "--repeat", "0"])).toThrow(/--repeat needs a positive integer/);
    expect(() => parseWorkloadArgs(["w1", "--fill-value"])).toThrow(/unknown option --fill-value/);
    expect(() => parseWorkloadArgs(["w5"])).toThrow(/unknown workload/);
    expect(() => parseWorkloadArgs([])).toThrow(/expected one WORKLOAD/);
  });

  it("gives each workload its own size flags", () => {
    expect(sizeArgs("w2", DEFAULT_SIZES)).toEqual(["--n", "5000", "--m", "256"]);
    expect(sizeArgs("w3", DEFAULT_SIZES)).toEqual(["--nx", "50", "--ny", "40", "--L", "1024"]);
    expect(sizeArgs("w4", { ...DEFAULT_SIZES, frames: 2 })).toEqual(["--frames", "2", "--rows", "1024", "--cols", "1024"]);
  });
});

describe("runner.parseRunnerArgs", () => {
  it("defaults to every workload, 5 rounds after 1 warm-up, c, ours, ours-eager, c-fill and c-direct", () => {
    const o = parseRunnerArgs([]);
    expect([o.workloads, o.rounds, o.warmup, o.fsync, o.repeat]).toEqual([["w1", "w2", "w3", "w3all", "w4"], 5, 1, false, 1]);
    expect(parseRunnerArgs(["--repeat", "3"]).repeat).toBe(3);
    expect(o.impls.map((i) => i.name)).toEqual(["c", "ours", "ours-eager", "c-fill", "c-direct"]);
    expect(o.resultsDir).toMatch(/bench\/results$/);
  });

  it("adds implementations, filters them and rejects mistakes", () => {
    const o = parseRunnerArgs(["--impl", "py=python3 x.py", "--only", "c,py", "--workloads", "W2", "--warmup", "0", "--no-save"]);
    expect(o.impls).toEqual([expect.objectContaining({ name: "c" }), { name: "py", command: ["python3", "x.py"] }]);
    expect([o.workloads, o.warmup, o.resultsDir]).toEqual([["w2"], 0, undefined]);
    expect(() => parseRunnerArgs(["--only", "nope"])).toThrow(/unknown implementation/);
    expect(() => parseRunnerArgs(["--impl", "x"])).toThrow(/NAME=COMMAND/);
    expect(() => parseRunnerArgs(["--workloads", "w9"])).toThrow(/unknown workload/);
  });
});
