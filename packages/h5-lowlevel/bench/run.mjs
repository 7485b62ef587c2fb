/**
 * h5-lowlevel micro-benchmark (`pnpm bench`): the binding against a C program on the same
 * libhdf5, in the same invocation. Compiles micro.c, then runs each case in a fresh process,
 * C and binding interleaved, one warm-up round and ROUNDS counted rounds. Prints medians,
 * MB/s, the ratio binding/C and the per-call time of single-row appends, and writes the table
 * to results/<date>.md.
 *
 * Files go to a tmpfs (/dev/shm) when there is one, so that disk writeback does not drown the
 * binding's own cost; `--dir DIR` chooses another place.
 *
 * Usage: node bench/run.mjs [--rounds N] [--dir DIR] [--no-write]
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const roundsArg = args.indexOf("--rounds");
const ROUNDS = roundsArg >= 0 ? Number(args[roundsArg + 1]) : 5;
if (!Number.isInteger(ROUNDS) || ROUNDS < 1) throw new Error("--rounds must be a positive integer");
const dirArg = args.indexOf("--dir");
const BASE_DIR = dirArg >= 0 ? args[dirArg + 1] : existsSync("/dev/shm") ? "/dev/shm" : tmpdir();

const CASES = [
  { name: "append 100000 x 256 float64, 1 row per call", argv: ["append", "1"] },
  { name: "append 100000 x 256 float64, 16 rows per call", argv: ["append", "16"] },
  { name: "append 100000 x 256 float64, 1024 rows per call", argv: ["append", "1024"] },
  { name: "64 hyperslabs of 8 MiB (chunks 32 x 1024)", argv: ["hyperslab"] },
];

function compile(workDir) {
  const exe = join(workDir, "micro");
  const flags = execFileSync("pkg-config", ["--cflags", "--libs", "hdf5"], { encoding: "utf8" }).trim().split(/\s+/);
  execFileSync("gcc", ["-O2", "-o", exe, join(here, "micro.c"), ...flags]);
  return exe;
}

function runOnce(impl, exe, workDir, argv) {
  const file = join(workDir, `${impl}.h5`);
  const [op, ...rest] = argv;
  const cmd = impl === "c" ? [exe, op, file, ...rest] : [process.execPath, join(here, "micro.mjs"), op, file, ...rest];
  const out = spawnSync(cmd[0], cmd.slice(1), { encoding: "utf8" });
  rmSync(file, { force: true });
  if (out.status !== 0) throw new Error(`${impl} ${argv.join(" ")} failed: ${out.stderr}`);
  return JSON.parse(out.stdout);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const workDir = mkdtempSync(join(BASE_DIR, "h5-lowlevel-bench-"));
const loadBefore = loadavg()[0];
try {
  const exe = compile(workDir);
  const samples = CASES.map(() => ({ c: [], ours: [], bytes: 0, calls: 0 }));
  for (let round = 0; round <= ROUNDS; round++) {
    CASES.forEach((c, i) => {
      // Alternate which side goes first so neither always meets a warmer page cache.
      const order = round % 2 ? ["ours", "c"] : ["c", "ours"];
      for (const impl of order) {
        const r = runOnce(impl, exe, workDir, c.argv);
        if (round === 0) continue; // warm-up
        samples[i][impl].push(r.seconds);
        samples[i].bytes = r.bytes;
        samples[i].calls = r.calls;
      }
    });
    process.stderr.write(round === 0 ? "warm-up done\n" : `round ${round}/${ROUNDS} done\n`);
  }

  const lines = [
    "| case | C median (s) | binding median (s) | C MB/s | binding MB/s | binding / C | per call C (us) | per call binding (us) |",
    "|---|---|---|---|---|---|---|---|",
  ];
  CASES.forEach((c, i) => {
    const s = samples[i];
    const mc = median(s.c);
    const mo = median(s.ours);
    const mbs = (t) => (s.bytes / 1e6 / t).toFixed(0);
    const perCall = (t) => ((t / s.calls) * 1e6).toFixed(2);
    lines.push(`| ${c.name} | ${mc.toFixed(3)} | ${mo.toFixed(3)} | ${mbs(mc)} | ${mbs(mo)} | ${(mo / mc).toFixed(3)} | ${perCall(mc)} | ${perCall(mo)} |`);
  });
  const single = samples[0];
  const overhead = ((median(single.ours) - median(single.c)) / single.calls) * 1e6;
  const date = new Date().toISOString().slice(0, 10);
  const text = [
    `# h5-lowlevel micro-benchmark, ${date}`,
    "",
    `Medians of ${ROUNDS} counted rounds after one warm-up round; each run is a fresh process, C and binding interleaved.`,
    `libhdf5 ${execFileSync("pkg-config", ["--modversion", "hdf5"], { encoding: "utf8" }).trim()}, Node ${process.version}, ` +
      `${cpus().length} CPU(s), load average ${loadBefore.toFixed(1)} before and ${loadavg()[0].toFixed(1)} after the run. ` +
      `Timed from file creation to close; files in ${BASE_DIR}.`,
    "",
    ...lines,
    "",
    `Per-call overhead of the binding on single-row appends: ${overhead.toFixed(2)} us (binding minus C, per append call).`,
    "",
  ].join("\n");
  console.log(text);
  if (!args.includes("--no-write")) {
    mkdirSync(join(here, "results"), { recursive: true });
    writeFileSync(join(here, "results", `${date}.md`), text);
  }
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
