/**
 * Reads shared by the loads of one `sharingReads` scope: each array is read once, the loads give
 * what they give without the scope, every load gets its own copy, and the bound and the scope's
 * end are kept.
 */
import { fixturePath } from "@pymodaq-ts/test-support";
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import type { DataToExport, DataWithAxes } from "@pymodaq-ts/data-model";
import { CARRAY } from "../src/conventions/nodes/arrays.js";
import { DataLoader } from "../src/loader/data-loader.js";
import { readMemoOf, sharingReads } from "../src/loader/read-memo.js";
import { canonicalDte, canonicalDwa } from "../src/tools/canonical/dwa.js";

const FILE = fixturePath("dte_bkg_tables", ".h5");
const DATA = "/RawData/Data1D/CH00/Data00";
const GROUP = "/RawData/Data1D";
/** Timestamps compared too: the loads read them from the file. */
const STAMPED = { withTimestamp: true };

/** Loads a node alone and with background, then its group: the same arrays several times. */
function loads(loader: DataLoader): { alone: DataWithAxes; bkg: DataWithAxes; group: DataToExport } {
  return {
    alone: loader.loadData(DATA),
    bkg: loader.loadData(DATA, { withBkg: true }),
    group: loader.loadAll(GROUP, undefined, { withBkg: true }),
  };
}

const canonical = (r: ReturnType<typeof loads>): unknown => [canonicalDwa(r.alone, STAMPED), canonicalDwa(r.bkg, STAMPED), canonicalDte(r.group)];

let loader: DataLoader;
let reads: MockInstance<CARRAY["read"]>;
beforeEach(() => {
  loader = new DataLoader(FILE);
  reads = vi.spyOn(CARRAY.prototype, "read");
});
afterEach(() => {
  reads.mockRestore();
  loader.closeFile();
});

/** The node paths of the arrays read since the last call, in order. */
function readPaths(): string[] {
  const paths = reads.mock.contexts.map((c) => (c as CARRAY).path);
  reads.mockClear();
  return paths;
}

describe("sharingReads", () => {
  it("reads each array once in the scope, and the loads give what they give without it", () => {
    const plain = loads(loader);
    const unshared = readPaths();
    expect(unshared.length).toBeGreaterThan(new Set(unshared).size);

    const shared = sharingReads(loader, 1 << 30, () => loads(loader));
    const once = readPaths();
    expect(once.length).toBe(new Set(once).size);
    expect(new Set(once)).toEqual(new Set(unshared));
    expect(canonical(shared)).toEqual(canonical(plain));
  });

  it("gives every load its own copy: changing one load's array changes no other", () => {
    sharingReads(loader, 1 << 30, () => {
      const read = loader.loadData(DATA);
      const expected = canonicalDwa(read, STAMPED);
      // The load that read the array, then one given the kept array.
      for (const load of [read, loader.loadData(DATA)]) {
        (load.data[0]!.data as Float64Array).fill(-1);
        expect(canonicalDwa(loader.loadData(DATA), STAMPED)).toEqual(expected);
      }
    });
    expect(readPaths().filter((p) => p === DATA)).toHaveLength(1);
  });

  it("keeps no array past its bound: those are read again", () => {
    sharingReads(loader, 0, () => loads(loader));
    const bounded = readPaths();
    loads(loader);
    expect(bounded).toEqual(readPaths());
  });

  it("ends with its scope, also when the work throws; a nested scope shares the outer one's reads", () => {
    expect(() => sharingReads(loader, 1 << 30, () => {
      loader.loadData(DATA);
      sharingReads(loader, 1 << 30, () => loader.loadData(DATA));
      throw new Error("stop");
    })).toThrow("stop");
    expect(readPaths().filter((p) => p === DATA)).toHaveLength(1);
    expect(readMemoOf(loader)).toBeNull();
    loader.loadData(DATA);
    expect(readPaths()).toContain(DATA);
  });
});
