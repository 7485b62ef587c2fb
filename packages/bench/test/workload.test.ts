// Our implementation: one JSON line per run, and the same files as the C program.
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compareWorkload, describeFile } from "../src/equivalence.js";
import { defaultImpls } from "../src/impls.js";
import { parseResultLine } from "../src/result-line.js";
import { DEFAULT_SIZES } from "../src/workload-options.js";
import { tempDir } from "@pymodaq-ts/test-support";
import { env, runC } from "./helpers.js";

const ours = defaultImpls().ours;
const TINY = { ...DEFAULT_SIZES, nx: 3, ny: 4, L: 8, n: 7, m: 5, frames: 2, rows: 6, cols: 4 };

function runOurs(args: string[]) {
  const [exe, ...pre] = ours.command;
  return parseResultLine(execFileSync(exe!, [...pre, ...args], { encoding: "utf8" }));
}

describe("workload (ours)", () => {
  it("prints one result line per workload with the payload of WORKLOADS.md", () => {
    const dir = tempDir();
    expect(runOurs(["w1", "--nx", "3", "--ny", "4", "--L", "8", "--out", dir])).toMatchObject({ impl: "ours", workload: "w1", n_ops: 12, payload_bytes: 12 * (2 * 8 * 8 + 8) });
    expect(runOurs(["W2", "--n", "7", "--m", "5", "--out", dir])).toMatchObject({ workload: "w2", n_ops: 7, payload_bytes: 7 * (16 + 40 + 8) });
    expect(runOurs(["w4", "--frames", "2", "--rows", "6", "--cols", "4", "--out", dir])).toMatchObject({ workload: "w4", n_ops: 2, payload_bytes: 2 * 6 * 4 * 8 });
  });

  it("ours-eager is the same program under node --no-lazy, and writes the same file", () => {
    const eager = defaultImpls().oursEager;
    expect(eager.command).toEqual([ours.command[0], "--no-lazy", ...ours.command.slice(1)]);
    expect(compareWorkload("w4", eager, defaultImpls().c, TINY)).toEqual(expect.objectContaining({ equal: true, differences: [] }));
  });

  it("loads the C program's W1 file: one channel (w3) and everything (w3all)", () => {
    const file = join(tempDir(), "w1.h5");
    runC(["w1", "--nx", "3", "--ny", "4", "--L", "8", "--file", file, "--keep"]);
    expect(runOurs(["w3", "--file", file])).toMatchObject({ workload: "w3", n_ops: 1, payload_bytes: 12 * 8 * 8 });
    expect(runOurs(["w3all", "--file", file])).toMatchObject({ workload: "w3all", n_ops: 1, payload_bytes: 12 * (2 * 8 * 8 + 8) });
  });

  it("with --repeat, like the C program, runs N times in one process on a fresh file and reports the last run", () => {
    const dir = tempDir();
    for (const [name, run] of [["ours", runOurs], ["c", runC]] as const) {
      const file = join(dir, `w2-${name}.h5`);
      expect(run(["w2", "--n", "7", "--m", "5", "--repeat", "3", "--file", file, "--keep"])).toMatchObject({ workload: "w2", repeat: 3, n_ops: 7 });
      // the file is the last run's alone: 7 appends, not 21
      const { nodes } = describeFile(file);
      expect(nodes["/RawData/Detector000/Data1D/CH00/EnlData00"]!.shape).toEqual([7, 5]);
      expect(nodes["/RawData/Detector000/NavAxes/Axis00"]!.attrs.size!.value).toBe(env("builtins", "int", "7"));
    }
    const input = join(dir, "w1.h5");
    runC(["w1", "--nx", "3", "--ny", "4", "--L", "8", "--file", input, "--keep"]);
    expect(runOurs(["w3", "--file", input, "--repeat", "2"])).toMatchObject({ workload: "w3", repeat: 2, payload_bytes: 12 * 8 * 8 });
    expect(runC(["w3all", "--file", input, "--repeat", "2"])).toMatchObject({ workload: "w3all", repeat: 2 });
    expect(readdirSync(dir).sort()).toEqual(["w1.h5", "w2-c.h5", "w2-ours.h5"]);
  });

  for (const w of ["w1", "w2", "w4"] as const) {
    it(`writes the same ${w} file as the C program`, () => {
      expect(compareWorkload(w, ours, defaultImpls().c, TINY)).toEqual(expect.objectContaining({ equal: true, differences: [] }));
    });
  }
});
