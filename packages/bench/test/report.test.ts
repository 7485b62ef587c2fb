// Summaries and tables of the runner.
import { describe, expect, it } from "vitest";
import { formatSeconds, formatTable, summarise, type RunRecord } from "../src/report.js";
import type { ResultLine } from "../src/result-line.js";

function rec(impl: string, round: number, wall: number, warmup = false): RunRecord {
  const result: ResultLine = {
    impl,
    workload: "w2",
    wall_s: wall,
    payload_bytes: 1e6,
    file_bytes: 2e6,
    op_med_s: wall / 100,
    op_mean_s: wall / 100,
    op_p95_s: wall / 50,
    op_max_s: wall / 10,
    op_first_s: wall / 10,
    n_ops: 100,
    build_s: 0,
  };
  return { round, warmup, impl, workload: "w2", rss_kib: 2048, result };
}

describe("report.summarise", () => {
  it("leaves out warm-ups and takes per-round ratios against the baseline", () => {
    const records = [rec("c", 0, 9, true), rec("ours", 0, 1, true), rec("c", 1, 1), rec("ours", 1, 2), rec("c", 2, 2), rec("ours", 2, 3), rec("c", 3, 4), rec("ours", 3, 2)];
    const [c, ours] = summarise(records, "w2");
    expect(c).toMatchObject({ impl: "c", rounds: 3, wallMed: 2, wallMin: 1, wallMax: 4, throughputUnit: "appends/s", rssMedMib: 2 });
    expect(c!.ratios).toBeUndefined();
    expect(c!.throughput).toBe(50); // median of 100/1, 100/2, 100/4
    expect(ours!.ratios).toEqual([2, 1.5, 0.5]);
    expect(ours!.ratioMed).toBe(1.5);
    const table = formatTable("w2", [c!, ours!]);
    expect(table).toContain("| ours | 3 | 2.00 s | 2.00 s - 3.00 s |");
    expect(table).toContain("| 2.00 1.50 0.50 | 1.50x |");
  });

  it("formats seconds with a readable unit", () => {
    expect([formatSeconds(4.7e-6), formatSeconds(0.0123), formatSeconds(1.25), formatSeconds(Number.NaN)]).toEqual(["4.70 us", "12.3 ms", "1.25 s", "-"]);
  });
});
