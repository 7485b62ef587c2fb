/**
 * The prebuilt binary (static libhdf5) against the build on the system libhdf5, on the four
 * PyMoDAQ workloads of packages/bench (`pnpm -s bench:workload wN`, one fresh process per run).
 * Both arms run in the same invocation, interleaved (the order flips every round), so that the
 * load of a shared machine falls on both; `PREBUILDS_ONLY=1` makes the loader take the prebuilt.
 * Prints, per workload, the medians and min-max of wall_s and op_med_s, and the ratio of medians
 * prebuilt / system.
 *
 * `--repeat N` is passed to every run (the workload N times in its process, the last one reported:
 * the steady state, without start-up costs).
 *
 * Usage (from the repository root, after `pnpm build`):
 *   node packages/h5-lowlevel/bench/prebuilt-vs-system.mjs [--rounds N] [--repeat N] [--workloads w1,w2]
 */
import { spawnSync } from "node:child_process";
import { loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const repo = join(dirname(fileURLToPath(import.meta.url)), "../../..");
const roundsArg = process.argv.indexOf("--rounds");
const ROUNDS = roundsArg >= 0 ? Number(process.argv[roundsArg + 1]) : 7;
if (!Number.isInteger(ROUNDS) || ROUNDS < 1) throw new Error("--rounds must be a positive integer");
const repeatArg = process.argv.indexOf("--repeat");
const REPEAT = repeatArg >= 0 ? Number(process.argv[repeatArg + 1]) : 1;
if (!Number.isInteger(REPEAT) || REPEAT < 1) throw new Error("--repeat must be a positive integer");
const workloadsArg = process.argv.indexOf("--workloads");
const WORKLOADS = workloadsArg >= 0 ? process.argv[workloadsArg + 1].split(",") : ["w1", "w2", "w3", "w4"];
const ARMS = { system: {}, prebuilt: { PREBUILDS_ONLY: "1" } };

function runOnce(workload, arm) {
  const run = spawnSync("pnpm", ["-s", "bench:workload", workload, "--repeat", String(REPEAT)], {
    cwd: repo,
    encoding: "utf8",
    env: { ...process.env, ...ARMS[arm] },
  });
  if (run.status !== 0) throw new Error(`${workload} (${arm}) failed (${run.signal ?? `exit ${run.status}`}):\n${run.stderr}`);
  const line = JSON.parse(run.stdout.trim().split("\n").at(-1));
  return { wall: line.wall_s, op: line.op_med_s };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const UNITS = { wall: 1e3, op: 1e6 }; // wall in ms, op in us
const fmt = (s, key) => (s * UNITS[key]).toPrecision(3);
const spread = (xs, key) => `${fmt(Math.min(...xs), key)}-${fmt(Math.max(...xs), key)}`;

const results = Object.fromEntries(WORKLOADS.map((w) => [w, { system: [], prebuilt: [] }]));
const load = [loadavg()[0]];
for (let round = 0; round < ROUNDS; round++) {
  for (const workload of WORKLOADS) {
    const order = round % 2 === 0 ? ["system", "prebuilt"] : ["prebuilt", "system"];
    for (const arm of order) results[workload][arm].push(runOnce(workload, arm));
  }
  load.push(loadavg()[0]);
  console.error(`round ${round + 1}/${ROUNDS} done (load ${loadavg()[0].toFixed(1)})`);
}

console.log(`${ROUNDS} interleaved rounds, --repeat ${REPEAT}; load average ${Math.min(...load).toFixed(1)}-${Math.max(...load).toFixed(1)}`);
console.log("| workload | system wall ms (min-max) | prebuilt wall ms (min-max) | wall ratio | system op us | prebuilt op us | op ratio |");
console.log("|---|---|---|---|---|---|---|");
for (const workload of WORKLOADS) {
  const { system, prebuilt } = results[workload];
  const cell = (runs, key) => `${fmt(median(runs.map((r) => r[key])), key)} (${spread(runs.map((r) => r[key]), key)})`;
  const ratio = (key) => (median(prebuilt.map((r) => r[key])) / median(system.map((r) => r[key]))).toFixed(3);
  console.log(`| ${workload.toUpperCase()} | ${cell(system, "wall")} | ${cell(prebuilt, "wall")} | ${ratio("wall")} | ` +
    `${cell(system, "op")} | ${cell(prebuilt, "op")} | ${ratio("op")} |`);
}
