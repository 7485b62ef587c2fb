/**
 * Workload for the valgrind leak check (scripts/valgrind.sh): every native code path once or a
 * few times, including errors and vlen reads that libhdf5 allocates, then everything closed.
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
const left = H5File.open(path);
left.root.openGroup("z/b").attrs.get("vlen");
// `left` stays open: the environment cleanup hook closes it at exit.
rmSync(dir, { recursive: true, force: true });
