/** Summaries and tables of the runner: one table per workload, one row per implementation. */
import type { ResultLine } from "./result-line.js";
import { median } from "./stats.js";
import type { WorkloadName } from "./workload-options.js";

/** One run as the runner records it (also the JSONL line, with the result's fields). */
export interface RunRecord {
  round: number;
  warmup: boolean;
  impl: string;
  workload: WorkloadName;
  rss_kib: number;
  result: ResultLine;
}

export interface ImplSummary {
  impl: string;
  rounds: number;
  wallMed: number;
  wallMin: number;
  wallMax: number;
  /** Medians over the rounds of each run's per-op median and p95. */
  opMed: number;
  opP95: number;
  /** MB/s of payload, or appends/s for W2 (medians over the rounds). */
  throughput: number;
  throughputUnit: "MB/s" | "appends/s";
  rssMedMib: number;
  /** wall(impl) / wall(baseline) of each round both ran, and their median (absent for the baseline). */
  ratios?: number[];
  ratioMed?: number;
}

/**
 * Summarise the counted runs of one workload.
 * @param records every run (warm-ups are left out here)
 * @param baseline the implementation the ratios are taken against
 */
export function summarise(records: readonly RunRecord[], workload: WorkloadName, baseline = "c"): ImplSummary[] {
  const counted = records.filter((r) => r.workload === workload && !r.warmup);
  const impls = [...new Set(counted.map((r) => r.impl))];
  const base = new Map(counted.filter((r) => r.impl === baseline).map((r) => [r.round, r.result.wall_s]));
  return impls.map((impl) => {
    const runs = counted.filter((r) => r.impl === impl);
    const walls = runs.map((r) => r.result.wall_s);
    const perSecond = runs.map((r) =>
      workload === "w2" ? r.result.n_ops / r.result.wall_s : r.result.payload_bytes / 1e6 / r.result.wall_s,
    );
    const s: ImplSummary = {
      impl,
      rounds: runs.length,
      wallMed: median(walls),
      wallMin: Math.min(...walls),
      wallMax: Math.max(...walls),
      opMed: median(runs.map((r) => r.result.op_med_s)),
      opP95: median(runs.map((r) => r.result.op_p95_s)),
      throughput: median(perSecond),
      throughputUnit: workload === "w2" ? "appends/s" : "MB/s",
      rssMedMib: median(runs.map((r) => r.rss_kib / 1024)),
    };
    if (impl !== baseline) {
      const ratios = runs.filter((r) => base.has(r.round)).map((r) => r.result.wall_s / base.get(r.round)!);
      if (ratios.length) {
        s.ratios = ratios;
        s.ratioMed = median(ratios);
      }
    }
    return s;
  });
}

/** Seconds with a unit that keeps 3 significant digits readable: "4.70 us", "12.3 ms", "1.25 s". */
export function formatSeconds(s: number): string {
  if (!Number.isFinite(s)) return "-";
  const [v, unit] = s < 1e-3 ? [s * 1e6, "us"] : s < 1 ? [s * 1e3, "ms"] : [s, "s"];
  return `${v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0)} ${unit}`;
}

/** A markdown table of the summaries of one workload. */
export function formatTable(workload: WorkloadName, rows: readonly ImplSummary[], baseline = "c"): string {
  const head = [
    "impl",
    "rounds",
    "wall median",
    "min - max",
    "per-op median",
    "per-op p95",
    "throughput",
    "peak RSS",
    `ratio / ${baseline} (per round)`,
    "ratio median",
  ];
  const lines = [`### ${workload}`, "", `| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`];
  for (const r of rows) {
    const tp = r.throughputUnit === "MB/s" ? `${r.throughput.toFixed(0)} MB/s` : `${r.throughput.toFixed(0)} appends/s`;
    const cells = [
      r.impl,
      String(r.rounds),
      formatSeconds(r.wallMed),
      `${formatSeconds(r.wallMin)} - ${formatSeconds(r.wallMax)}`,
      formatSeconds(r.opMed),
      formatSeconds(r.opP95),
      tp,
      `${r.rssMedMib.toFixed(0)} MiB`,
      r.ratios ? r.ratios.map((x) => x.toFixed(2)).join(" ") : "-",
      r.ratioMed !== undefined ? `${r.ratioMed.toFixed(2)}x` : "-",
    ];
    lines.push(`| ${cells.join(" | ")} |`);
  }
  return lines.join("\n");
}
