/**
 * The h5-lowlevel side of the micro-benchmark: the same operations as micro.c through the
 * binding (built dist/). Usage: node micro.mjs <append|hyperslab> <file> [batch]. Prints one
 * JSON line {seconds, bytes, calls}.
 */
import { performance } from "node:perf_hooks";
import { H5File } from "../dist/index.js";

const ROWS = 100_000;
const COLS = 256;
const SLABS = 64;
const SLAB_ROWS = 1024;
const SLAB_COLS = 1024;
const access = { chunkCache: { slots: 521, bytes: 2 * 1024 * 1024, w0: 0 } };

function runAppend(path, batch) {
  const buf = Float64Array.from({ length: COLS * batch }, (_, i) => i);
  const rest = ROWS % batch;
  const tail = buf.subarray(0, rest * COLS);
  const t0 = performance.now();
  const file = H5File.create(path, { access });
  const ds = file.root.createDataset("d", { dtype: "float64", shape: [0, COLS], maxshape: [null, COLS], chunks: [32, COLS] });
  let calls = 0;
  for (let done = 0; done + batch <= ROWS; done += batch, calls++) ds.append(buf, batch);
  if (rest > 0) {
    ds.append(tail, rest);
    calls++;
  }
  file.close();
  return { seconds: (performance.now() - t0) / 1000, bytes: ROWS * COLS * 8, calls };
}

function runHyperslab(path) {
  const buf = Float64Array.from({ length: SLAB_ROWS * SLAB_COLS }, (_, i) => i);
  const t0 = performance.now();
  const file = H5File.create(path, { access });
  const ds = file.root.createDataset("d", { dtype: "float64", shape: [SLABS * SLAB_ROWS, SLAB_COLS], chunks: [32, SLAB_COLS] });
  for (let s = 0; s < SLABS; s++) ds.write(buf, { start: [s * SLAB_ROWS, 0], count: [SLAB_ROWS, SLAB_COLS] });
  file.close();
  return { seconds: (performance.now() - t0) / 1000, bytes: SLABS * SLAB_ROWS * SLAB_COLS * 8, calls: SLABS };
}

const [op, path, batch] = process.argv.slice(2);
const result = op === "append" ? runAppend(path, Number(batch ?? 1)) : runHyperslab(path);
console.log(JSON.stringify(result));
