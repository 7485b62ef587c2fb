// The runner end to end with the C program at tiny sizes.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseRunnerArgs, runBenchmark } from "../src/runner.js";
import { tempDir } from "@pymodaq-ts/test-support";

describe("runner.runBenchmark", () => {
  it("interleaves the implementations, writes the JSONL runs and the markdown tables", async () => {
    const results = tempDir();
    const opts = parseRunnerArgs([
      "--only", "c,c-fill,missing", "--impl", "missing=/nonexistent/prog", "--rounds", "2", "--workloads", "w1,w3",
      "--nx", "4", "--ny", "3", "--L", "16", "--results", results,
    ]);
    const log: string[] = [];
    const records = await runBenchmark(opts, (l) => log.push(l));
    expect(records.map((r) => `${r.workload}:${r.round}:${r.impl}:${r.warmup}`)).toEqual([
      "w1:0:c:true", "w1:0:c-fill:true", "w1:1:c:false", "w1:1:c-fill:false", "w1:2:c:false", "w1:2:c-fill:false",
      "w3:0:c:true", "w3:1:c:false", "w3:2:c:false",
    ]);
    expect(records.every((r) => r.rss_kib > 0)).toBe(true);
    expect(log.some((l) => l.includes("missing is not available"))).toBe(true);
    const files = readdirSync(results).sort();
    expect(files).toHaveLength(2);
    const lines = readFileSync(join(results, files.find((f) => f.endsWith(".jsonl"))!), "utf8").trim().split("\n");
    expect(lines).toHaveLength(9);
    expect(JSON.parse(lines[3]!)).toMatchObject({ impl: "c-fill", workload: "w1", round: 1, result: { variant: "fill-value", n_ops: 12 } });
    const md = readFileSync(join(results, files.find((f) => f.endsWith(".md"))!), "utf8");
    expect(md).toMatch(/### w1\n/);
    expect(md).toMatch(/\| c-fill \| 2 \|/);
    expect(md).toContain("Peak RSS by /usr/bin/time -f %M");
    expect(existsSync(join(results, "w3-input.h5"))).toBe(false);
  });

  it("passes --repeat on to every implementation and says so in the tables", async () => {
    const results = tempDir();
    const opts = parseRunnerArgs(["--only", "c", "--rounds", "1", "--warmup", "0", "--workloads", "w2", "--n", "5", "--repeat", "2", "--results", results]);
    const records = await runBenchmark(opts, () => {});
    expect(records.map((r) => r.result.repeat)).toEqual([2]);
    const md = readFileSync(join(results, readdirSync(results).find((f) => f.endsWith(".md"))!), "utf8");
    expect(md).toContain("each run the last of 2 runs of the workload in its process");
  });
});
