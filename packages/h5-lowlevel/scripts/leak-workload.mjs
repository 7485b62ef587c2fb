/**
 * Workload for the valgrind leak check (scripts/valgrind.sh): every native code path once or a
 * few times, including errors and vlen reads that libhdf5 allocates, then everything closed.
 * The asynchronous forms too: results, errors raised on the pool, cancelled and closed-under work.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { H5File } from "../dist/index.js";

const dir = mkdtempSync(join(tmpdir(), "h5-lowlevel-leaks-"));
const path = join(dir, "leaks.h5");
for (let round = 0; round < 3; round++) {
  const file = H5File.create(path, { access: { chunkCache: { slots: 521, bytes: 1 << 21, w0: 0 } } });
  const g = file.root.createGroup("a/b", { createIntermediate: true });
  g.attrs.set("fixed", "données");
  g.attrs.set("vlen", "☃", { storage: "vlen" });
  g.attrs.set("empty", "");
  g.attrs.set("n", 3);
  g.attrs.set("arr", new Float64Array([1, 2]));
  for (const name of g.attrs.names()) g.attrs.getRaw(name);
  const ds = g.createDataset("d", { dtype: "complex128", shape: [0, 4], maxshape: [null, 4], chunks: "auto", shuffle: true, deflate: 3, fillValue: 1 });
  for (let i = 0; i < 10; i++) ds.append(new Float64Array(8), 1);
  ds.read({ start: [2, 1], count: [3, 2], stride: [2, 1] });
  ds.filters();
  // Whole chunks written directly, the leftover row through the chunk cache.
  const frame = g.createDataset("frame", { dtype: "float64", shape: [9, 4], chunks: [2, 4] });
  frame.write(new Float64Array(36));
  const log = file.root.createVlenUint8("log", { chunks: [16] });
  log.append([new Uint8Array([1, 2, 3]), new Uint8Array(1000)]);
  log.read();
  file.root.children();
  file.root.kindOf("a/b/d");
  file.root.move("a", "z");
  file.root.delete("log");
  try { ds.read({ start: [99, 0], count: [1, 1] }); } catch { /* expected */ }
  try { file.root.createGroup("z/b/x/y"); } catch { /* expected: H5Error */ }
  file.close();
}
writeFileSync(join(dir, "text.h5"), "not hdf5");
try { H5File.open(join(dir, "text.h5")); } catch { /* expected: H5Error with frames */ }

const asyncPath = join(dir, "async.h5");
for (let round = 0; round < 2; round++) {
  const file = await H5File.createAsync(asyncPath, { access: { chunkCache: { slots: 521, bytes: 1 << 21, w0: 0 } } });
  const ds = file.root.createDataset("d", { dtype: "float64", shape: [0, 8], maxshape: [null, 8], chunks: [4, 8] });
  await ds.appendAsync(new Float64Array(80));
  await Promise.all([
    ds.writeAsync(new Float64Array(16).fill(1), { start: [0, 0], count: [2, 8] }),
    ds.readAsync(),
    ds.readAsync({ start: [1, 1], count: [2, 2], stride: [3, 2] }),
    ds.shapeAsync(),
  ]);
  await ds.readAsync({ start: [99, 0], count: [1, 1] }).catch(() => { /* expected: H5ArgumentError from the pool */ });
  await ds.appendAsync(new Float64Array(8), undefined, { signal: AbortSignal.abort() }).catch(() => { /* expected */ });
  const log = file.root.createVlenUint8("log", { chunks: [4] });
  log.append([new Uint8Array([1, 2, 3]), new Uint8Array(500)]);
  await log.appendAsync([new Uint8Array(7), new Uint8Array(0)]);
  await log.readAsync();
  await file.flushAsync();
  // Closed under pending work: the running read finishes, the queued one is refused.
  const pending = [ds.readAsync(), ds.readAsync()];
  await new Promise((r) => setImmediate(r));
  file.close();
  await Promise.allSettled(pending);
  const again = await H5File.openAsync(asyncPath);
  await again.root.openDataset("d").writeAsync(new Float64Array(80)).catch(() => { /* expected: read-only H5Error */ });
  await again.closeAsync();
}
await H5File.openAsync(join(dir, "text.h5")).catch(() => { /* expected: H5Error from the pool */ });
const left = H5File.open(path);
left.root.openGroup("z/b").attrs.get("vlen");
// `left` stays open: the environment cleanup hook closes it at exit.
rmSync(dir, { recursive: true, force: true });
