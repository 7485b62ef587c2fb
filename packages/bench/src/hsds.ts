/**
 * W1, W2 and W4 written to an HSDS domain beside the same workloads on a local file, through the
 * public savers with `hsdsStorage`: throughput, and what the append batching does (rows per
 * append request, requests per second; W2 also without batching, on fewer points). The service is
 * the kit beside the repository (`../shared/services/hsds/`), started in a temporary WORKDIR and
 * stopped at the end; without the kit the comparison is not run and says so. The runs are in this
 * process (one each, after the local one), not interleaved like the runner's.
 *
 *   pnpm -s --filter @pymodaq-ts/bench hsds [size flags]     (also the last part of `pnpm bench`)
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { hsdsStorage, type HsdsStorageOptions } from "@pymodaq-ts/data-saving";
import { parseFlags } from "./cli-flags.js";
import { PACKAGE_DIR } from "./impls.js";
import { framesWorkload, loggerWorkload, scanWorkload, type Workload } from "./workload.js";
import { SIZE_FLAGS, sizesFromFlags, type WorkloadSizes } from "./workload-options.js";

/** The service kit, beside the repository. */
const KIT = resolve(PACKAGE_DIR, "../../../shared/services/hsds");

/** One measured run. */
export interface HsdsRow {
  workload: string;
  target: "file" | "hsds" | "hsds-unbatched";
  points: number;
  wallS: number;
  requests: number;
  appendRequests: number;
  appendedRows: number;
}

function put(socketPath: string, domain: string, body: object): Promise<void> {
  return new Promise((ok, fail) => {
    const r = request({ socketPath, path: `/?domain=${encodeURIComponent(domain)}`, method: "PUT", auth: "admin:admin", headers: { "Content-Type": "application/json" } }, (res) => {
      res.resume();
      res.on("end", () => (res.statusCode === 201 || res.statusCode === 200 ? ok() : fail(new Error(`PUT ${domain}: ${res.statusCode}`))));
    });
    r.on("error", fail);
    r.end(JSON.stringify(body));
  });
}

/** The rows as a markdown table. */
export function hsdsTable(rows: HsdsRow[]): string {
  const lines = [
    "| workload | target | points | wall s | points/s | requests | requests/s | rows per append request |",
    "|---|---|---:|---:|---:|---:|---:|---:|",
  ];
  for (const r of rows) {
    const perAppend = r.appendRequests === 0 ? "-" : (r.appendedRows / r.appendRequests).toFixed(1);
    lines.push(`| ${r.workload} | ${r.target} | ${r.points} | ${r.wallS.toFixed(2)} | ${(r.points / r.wallS).toFixed(0)} | ${r.target === "file" ? "-" : r.requests} | ${r.target === "file" ? "-" : (r.requests / r.wallS).toFixed(0)} | ${r.target === "file" ? "-" : perAppend} |`);
  }
  return lines.join("\n");
}

/**
 * Runs the comparison.
 * @returns the rows, or null when the service kit is absent (a line says so)
 */
export async function runHsdsComparison(
  sizes: WorkloadSizes,
  workloads: readonly string[] = ["w1", "w2", "w4"],
  log: (line: string) => void = console.log,
): Promise<HsdsRow[] | null> {
  if (!existsSync(join(KIT, "start.sh"))) {
    log("HSDS comparison not run: no service kit at ../shared/services/hsds beside the repository");
    return null;
  }
  const work = mkdtempSync(join(tmpdir(), "pmd-bench-hsds-"));
  try {
    // The kit waits for the service's "READY" line, printed to a block-buffered stdout unless
    // Python runs unbuffered (turbo's filtered environment drops the caller's setting).
    const started = spawnSync(join(KIT, "start.sh"), [join(work, "service")], { encoding: "utf8", env: { ...process.env, PYTHONUNBUFFERED: "1" } });
    if (started.status !== 0) throw new Error(`HSDS did not start: ${started.stderr}`);
    const socketPath = started.stdout.trim().split("\n").pop()!;
    await put(socketPath, "/home", { folder: true });
    await put(socketPath, "/home/test_user1", { folder: true, owner: "test_user1" });
    const connection: HsdsStorageOptions = { endpoint: `http+unix://${encodeURIComponent(socketPath)}`, username: "test_user1", password: "test" };
    const rows: HsdsRow[] = [];
    const measure = (workload: string, points: number, make: (storage?: ReturnType<typeof hsdsStorage>) => Workload, batch?: HsdsStorageOptions["batch"]): void => {
      const local = make().run(join(work, `${workload}.h5`));
      rows.push({ workload, target: "file", points, wallS: local.wallS, requests: 0, appendRequests: 0, appendedRows: 0 });
      const storage = hsdsStorage({ ...connection, ...(batch === undefined ? {} : { batch }) });
      const t = make(storage).run(`/home/test_user1/${workload}.h5`);
      rows.push({ workload, target: batch === undefined ? "hsds" : "hsds-unbatched", points, wallS: t.wallS, ...storage.stats });
    };
    if (workloads.includes("w2")) {
      measure("w2", sizes.n, (s) => loggerWorkload(sizes, false, s));
      const few = { ...sizes, n: Math.min(sizes.n, 500) };
      measure("w2", few.n, (s) => loggerWorkload(few, false, s), { maxRows: 1 });
    }
    if (workloads.includes("w4")) measure("w4", sizes.frames, (s) => framesWorkload(sizes, false, s));
    if (workloads.includes("w1")) measure("w1", sizes.nx * sizes.ny, (s) => scanWorkload(sizes, false, s));
    log(`\nHSDS 0.9.4 (one service node, two data nodes, POSIX storage, unix socket) beside a local file\n\n${hsdsTable(rows)}\n`);
    return rows;
  } finally {
    spawnSync(join(KIT, "stop.sh"), [join(work, "service")], { stdio: "ignore" });
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { flags } = parseFlags(process.argv.slice(2), { ...SIZE_FLAGS });
  await runHsdsComparison(sizesFromFlags(flags));
}
