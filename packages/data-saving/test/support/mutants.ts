/**
 * Seeded mutants of the PyMoDAQ fixture files (bytes flipped, the file truncated, a range zeroed)
 * and the loads run on each, shared by the in-process test and the child process that first finds
 * which mutants make libhdf5 itself crash (`classify-mutants.ts`).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { isDataModelError } from "@pymodaq-ts/data-model";
import { isDataSavingError } from "../../src/errors.js";
import { DataLoader } from "../../src/loader/data-loader.js";
import { canonicalTreeOf } from "../../src/tools/canonical/tree.js";

/** mulberry32: a small seeded generator, so the mutants are the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MUTATIONS = ["flip", "truncate", "zero"] as const;

/**
 * Writes `perFile` mutants of each source file into `dir`.
 * @returns the mutant paths, in order
 */
export function writeMutants(sources: readonly string[], dir: string, perFile: number, seed: number): string[] {
  const random = seededRandom(seed);
  const int = (n: number): number => Math.floor(random() * n);
  const out: string[] = [];
  for (const [s, source] of sources.entries()) {
    const original = readFileSync(source);
    for (let k = 0; k < perFile; k++) {
      const kind = MUTATIONS[k % MUTATIONS.length]!;
      let bytes = Uint8Array.from(original);
      if (kind === "flip") {
        for (let i = 0, n = 1 + int(16); i < n; i++) {
          const at = int(bytes.length);
          bytes[at] = bytes[at]! ^ (1 + int(255));
        }
      } else if (kind === "truncate") {
        bytes = bytes.subarray(0, int(bytes.length));
      } else {
        const start = int(bytes.length);
        bytes.fill(0, start, start + 1 + int(4096));
      }
      const path = join(dir, `m${String(s).padStart(2, "0")}-${String(k).padStart(2, "0")}-${kind}.h5`);
      writeFileSync(path, bytes);
      out.push(path);
    }
  }
  return out;
}

/** How a mutant ended: read, or the error that stopped a step, with whether it is a typed error. */
export interface MutantOutcome {
  readonly typed: boolean;
  readonly error: string | null;
}

function outcomeOf(e: unknown): MutantOutcome {
  const typed = isDataSavingError(e) || isDataModelError(e);
  const error = e instanceof Error ? `${e.name}: ${e.message}${typed ? "" : `\n${e.stack ?? ""}`}` : String(e);
  return { typed, error };
}

/**
 * Runs what `pymodaq-h5 inspect` runs on the file, each step on its own and uncaught by the
 * inspector's own reporting: the tree, read strictly so that its first error surfaces; the load
 * of every data node, alone and with loadAll and backgrounds; loadAll of /RawData.
 * @returns the outcome of each step that failed (none when everything read)
 */
export function runMutant(path: string): MutantOutcome[] {
  const failures: MutantOutcome[] = [];
  const step = (fn: () => void): void => {
    try {
      fn();
    } catch (e) {
      failures.push(outcomeOf(e));
    }
  };
  let loader: DataLoader | null = null;
  step(() => {
    loader = new DataLoader(path);
  });
  if (loader === null) return failures;
  const open: DataLoader = loader;
  try {
    step(() => {
      canonicalTreeOf(open.h5saver.h5File!.root);
    });
    let tree: ReturnType<typeof canonicalTreeOf> = {};
    step(() => {
      tree = canonicalTreeOf(open.h5saver.h5File!.root, []);
    });
    for (const [nodePath, entry] of Object.entries(tree)) {
      if (entry.kind !== "dataset" || entry.attrs["data_type"] === undefined) continue;
      step(() => void open.loadData(nodePath));
      step(() => void open.loadData(nodePath, { loadAll: true, withBkg: true }));
    }
    step(() => void open.loadAll("/RawData"));
  } finally {
    step(() => open.closeFile());
  }
  return failures;
}
