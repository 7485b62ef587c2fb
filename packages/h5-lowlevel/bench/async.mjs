/**
 * Synchronous against asynchronous dataset I/O (`pnpm bench:async`): wall time and the
 * main thread's event-loop delay (perf_hooks.monitorEventLoopDelay, max and p99) while a large
 * dataset is read whole, read as hyperslabs of 8 MiB, and written whole. Each case runs in a
 * fresh process, sync and async interleaved, one warm-up and ROUNDS counted rounds; the
 * medians are printed as a table, and one JSON line per case and mode with `--json`.
 * A benchmark, not a test: figures depend on the machine and its load.
 *
 * Usage: node bench/async.mjs [--rounds N] [--mib N] [--dir DIR] [--json]
 *        node bench/async.mjs --child <case> <mode> <file> <mib>   (one measurement)
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";

const self = fileURLToPath(import.meta.url);
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);

const CASES = ["read-whole", "read-slabs", "write-whole"];
const COLS = 1024; // rows of 8 KiB; chunks of 128 rows = 1 MiB
const SLAB_ROWS = 1024; // 8 MiB hyperslabs

async function measure(kind, mode, path, mib) {
  const { H5File } = await import("../dist/index.js");
  const rows = (mib * 1024 * 1024) / 8 / COLS;
  const data = Float64Array.from({ length: rows * COLS }, (_, i) => i);
  if (kind !== "write-whole") {
    const f = H5File.create(path);
    f.root.createDataset("d", { dtype: "float64", shape: [rows, COLS], chunks: [128, COLS] }).write(data);
    f.close();
  }
  const file = kind === "write-whole" ? H5File.create(path) : H5File.open(path);
  const ds = kind === "write-whole"
    ? file.root.createDataset("d", { dtype: "float64", shape: [rows, COLS], chunks: [128, COLS] })
    : file.root.openDataset("d");
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  // A timer keeps the loop busy so the monitor samples it as an application would.
  const ticker = setInterval(() => {}, 1);
  histogram.enable();
  // The monitor records a delay from its second sample on (reset() loses the next one too): let
  // it start before the operation; the warm-up adds ~20 samples of ~1 ms.
  await new Promise((r) => setTimeout(r, 20));
  const t0 = performance.now();
  if (kind === "read-whole") {
    const out = mode === "sync" ? ds.read() : await ds.readAsync();
    if (out[out.length - 1] !== data[data.length - 1]) throw new Error("wrong data");
  } else if (kind === "read-slabs") {
    const target = new Float64Array(SLAB_ROWS * COLS);
    for (let r = 0; r < rows; r += SLAB_ROWS) {
      const sel = { start: [r, 0], count: [SLAB_ROWS, COLS] };
      if (mode === "sync") ds.readInto(target, sel);
      else await ds.readIntoAsync(target, sel);
    }
  } else {
    if (mode === "sync") {
      ds.write(data);
      file.flush();
    } else {
      await ds.writeAsync(data);
      await file.flushAsync();
    }
  }
  const wall = (performance.now() - t0) / 1000;
  // One more turn, so that a delay ending with the operation is recorded.
  await new Promise((r) => setTimeout(r, 5));
  histogram.disable();
  clearInterval(ticker);
  file.close();
  return {
    case: kind, mode, mib, wall_s: Number(wall.toFixed(4)),
    evloop_max_ms: Number((histogram.max / 1e6).toFixed(2)),
    evloop_p99_ms: Number((histogram.percentile(99) / 1e6).toFixed(2)),
  };
}

if (args[0] === "--child") {
  const [, kind, mode, path, mib] = args;
  console.log(JSON.stringify(await measure(kind, mode, path, Number(mib))));
} else {
  const ROUNDS = Number(option("--rounds", "5"));
  const MIB = Number(option("--mib", "256"));
  const base = option("--dir", existsSync("/dev/shm") ? "/dev/shm" : tmpdir());
  const dir = mkdtempSync(join(base, "h5-lowlevel-async-bench-"));
  const load = loadavg()[0];
  const samples = {};
  try {
    for (let round = 0; round <= ROUNDS; round++) {
      for (const kind of CASES) {
        const modes = round % 2 ? ["async", "sync"] : ["sync", "async"];
        for (const mode of modes) {
          const path = join(dir, `${kind}-${mode}.h5`);
          const out = spawnSync(process.execPath, [self, "--child", kind, mode, path, String(MIB)], { encoding: "utf8" });
          rmSync(path, { force: true });
          if (out.status !== 0) throw new Error(`${kind} ${mode} failed: ${out.stderr}`);
          if (round === 0) continue; // warm-up
          (samples[`${kind} ${mode}`] ??= []).push(JSON.parse(out.stdout));
        }
      }
      process.stderr.write(round === 0 ? "warm-up done\n" : `round ${round}/${ROUNDS} done\n`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  };
  const rows = Object.entries(samples).map(([key, runs]) => {
    const pick = (field) => median(runs.map((r) => r[field]));
    return { key, ...runs[0], wall_s: pick("wall_s"), evloop_max_ms: pick("evloop_max_ms"), evloop_p99_ms: pick("evloop_p99_ms") };
  });
  if (args.includes("--json")) for (const { key: _key, ...r } of rows) console.log(JSON.stringify(r));
  console.log(`\nMedians of ${ROUNDS} rounds, ${MIB} MiB float64 in 1 MiB chunks, files in ${base}; Node ${process.version}, ` +
    `${cpus().length} CPU(s), load average ${load.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after.\n`);
  console.log("| case | mode | wall (s) | event-loop delay max (ms) | p99 (ms) |");
  console.log("|---|---|---|---|---|");
  for (const r of rows) console.log(`| ${r.case} | ${r.mode} | ${r.wall_s.toFixed(3)} | ${r.evloop_max_ms.toFixed(1)} | ${r.evloop_p99_ms.toFixed(1)} |`);
}
