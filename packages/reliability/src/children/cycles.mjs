// Leak workload in a child process (plain JavaScript): MODE "cycles" runs CYCLES
// open/write/close cycles of a small PyMoDAQ-like file through h5-lowlevel; MODE "dropped"
// creates CYCLES files and drops them without close(). Prints one JSON line per sample:
// { done, rssMb, fds, open } (every SAMPLE cycles, after a garbage collection when --expose-gc).
import process from "node:process";
import { setImmediate } from "node:timers";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { H5File, openFileCount } from "@pymodaq-ts/h5-lowlevel";

const [dir, mode, cyclesArg, sampleArg] = process.argv.slice(2);
const CYCLES = Number(cyclesArg);
const SAMPLE = Number(sampleArg);

const rssMb = () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"))[1]) / 1024;
const fds = () => readdirSync("/proc/self/fd").length;

function write(file, i) {
  const g = file.root.createGroup("RawData");
  g.attrs.set("TITLE", `scan ${i}`);
  g.attrs.set("CLASS", "GROUP");
  const ds = g.createDataset("Data00", { dtype: "float64", shape: [0, 16], maxshape: [null, 16], chunks: [64, 16] });
  ds.append(new Float64Array(64).fill(i), 4);
  ds.attrs.set("units", "V");
  g.createVlenUint8("log", { chunks: [16] }).append([new Uint8Array(100)]);
}

function cycle(i) {
  const file = H5File.create(join(dir, mode === "dropped" ? `dropped-${i}.h5` : "cycle.h5"));
  write(file, i);
  if (mode !== "dropped") file.close();
}

async function sample(done) {
  globalThis.gc?.();
  await new Promise((resolve) => setImmediate(resolve));
  process.stdout.write(`${JSON.stringify({ done, rssMb: Math.round(rssMb() * 10) / 10, fds: fds(), open: openFileCount() })}\n`);
}

await sample(0);
for (let i = 1; i <= CYCLES; i++) {
  cycle(i);
  if (i % SAMPLE === 0 || i === CYCLES) await sample(i);
}
