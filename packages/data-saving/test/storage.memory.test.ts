/**
 * The storage interface is all the savers, loaders and tools need: every recorded PyMoDAQ saver
 * scenario is replayed through the in-memory storage of test/support and through libhdf5, and
 * both give the same tree (attributes with their storage, datasets with their values, shapes,
 * chunks and filters) and the same loads. Importing the package loads no native code, and
 * neither does a whole replay and load on the memory storage.
 */
import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { H5File } from "@pymodaq-ts/h5-lowlevel";
import { fixtureNames, fixturePath, tempDir } from "@pymodaq-ts/test-support";
import { describe, expect, it } from "vitest";
import { H5SaverLowLevel } from "../src/conventions/h5-saver-lowlevel.js";
import { FILE_SETTINGS, H5PY_PROFILE } from "../src/conventions/layout.js";
import { DataLoader } from "../src/loader/data-loader.js";
import { libhdf5Storage } from "../src/storage/libhdf5.js";
import { inspectFile, inspectLoader } from "../src/tools/canonical/inspect.js";
import { stringifyCanonical } from "../src/tools/canonical/json.js";
import { canonicalTreeOf } from "../src/tools/canonical/tree.js";
import { replayScenario } from "../src/tools/replay/index.js";
import { memoryStorage } from "./support/memory-storage.js";

const packageRoot = fileURLToPath(new URL("../", import.meta.url));
const names = fixtureNames(".scenario.json");
const dir = tempDir("ds-memory");

describe("the in-memory storage runs the same cases as libhdf5", () => {
  it("has scenarios to replay", () => {
    expect(names.length).toBeGreaterThanOrEqual(20);
  });

  for (const name of names) {
    it(`${name}: same tree and same loads`, () => {
      const scenario = fixturePath(name, ".scenario.json");
      const path = join(dir, `${name}.h5`);
      replayScenario(scenario, path);
      const memory = memoryStorage();
      replayScenario(scenario, path, { storage: memory });

      const disk = libhdf5Storage.open(path, "r", FILE_SETTINGS);
      try {
        expect(stringifyCanonical(canonicalTreeOf(memory.files.get(path)!), 1))
          .toBe(stringifyCanonical(canonicalTreeOf(disk.root), 1));
      } finally {
        disk.close();
      }

      const h5 = new H5SaverLowLevel({ storage: memory });
      h5.openFile(path, "r");
      using loader = new DataLoader(h5);
      expect(stringifyCanonical(inspectLoader(loader, `${name}.h5`), 1))
        .toBe(stringifyCanonical(inspectFile(path), 1));
    });
  }
});

describe("native child order", () => {
  it("is name order in the default (symbol-table) groups, as libhdf5's storage writes them", () => {
    const memory = memoryStorage();
    const disk = libhdf5Storage.create(join(dir, "order.h5"), FILE_SETTINGS);
    try {
      for (const root of [memory.create("/order.h5", FILE_SETTINGS).root, disk.root]) {
        for (const name of ["b", "a", "\u00e9a", "ab"]) root.createGroup(name);
      }
      expect(memory.files.get("/order.h5")!.childNames({ order: "native" })).toEqual(["a", "ab", "b", "\u00e9a"]);
      expect(disk.root.childNames({ order: "native" })).toEqual(["a", "ab", "b", "\u00e9a"]);
    } finally {
      disk.close();
    }
  });

  it("turns a symbol-table group compact at its first UTF-8 name when names are marked as h5py does", () => {
    const settings = H5PY_PROFILE.fileSettings;
    // The native order h5py's files give for these creations (h5py's `links.iterate` with ITER_NATIVE).
    const group = memoryStorage().create("/utf8-names.h5", settings).root.createGroup("g");
    for (const name of ["b", "a", "\u00e9a", "ab"]) group.createGroup(name);
    expect(group.childNames({ order: "native" })).toEqual(["a", "b", "\u00e9a", "ab"]);
    expect(group.childNames()).toEqual(["a", "ab", "b", "\u00e9a"]);
    // libhdf5 makes the same change of storage.
    const path = join(dir, "utf8-names.h5");
    const disk = libhdf5Storage.create(path, settings);
    try {
      const g = disk.root.createGroup("g");
      g.createGroup("b");
      g.createGroup("a");
      g.createGroup("\u00e9a");
    } finally {
      disk.close();
    }
    using file = H5File.open(path);
    expect(file.root.openGroup("g").info().storage).toBe("compact");
  });

  it("is creation order in compact groups, which turn dense (name-hash order) past 8 links: refused there", () => {
    const memory = memoryStorage({ groups: "compact" });
    const root = memory.create("/compact.h5", FILE_SETTINGS).root;
    for (const name of ["Logger0", "\u{1F4C1} donn\u00e9es", "Once"]) root.createGroup(name);
    expect(root.childNames({ order: "native" })).toEqual(["Logger0", "\u{1F4C1} donn\u00e9es", "Once"]);
    expect(root.childNames()).toEqual(["Logger0", "Once", "\u{1F4C1} donn\u00e9es"]);
    root.remove("Logger0");
    for (const name of ["x1", "x2", "x3", "x4", "x5", "x6"]) root.createGroup(name);
    expect(() => root.createGroup("x7")).toThrow(/turns dense/);
  });
});

describe("native code", () => {
  it("is not loaded by importing the package, nor by saving and loading on another storage", () => {
    const dist = resolve(packageRoot, "dist/index.js");
    const memory = resolve(packageRoot, "test/support/memory-storage.ts");
    const child = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", `
let dlopens = 0;
const dlopen = process.dlopen;
process.dlopen = (...args) => { dlopens++; return dlopen(...args); };
const ds = await import(${JSON.stringify(dist)});
const { DataToExport, DataRaw, NDArray } = await import("@pymodaq-ts/data-model");
const afterImport = dlopens;
const { memoryStorage } = await import(${JSON.stringify(memory)});
const storage = memoryStorage();
const h5 = new ds.H5SaverLowLevel({ saveType: "detector", storage });
h5.initFile("/virtual/run.h5", { newFile: true });
const dte = new DataToExport("dte", { data: [new DataRaw("det", { data: [NDArray.from("float64", [3], [1, 2, 3])] })] });
new ds.DataToExportSaver(h5).addData(h5.addDetGroup(h5.rawGroup, "det"), dte);
h5.closeFile();
const r = new ds.H5SaverLowLevel({ storage });
r.openFile("/virtual/run.h5", "r");
const loader = new ds.DataLoader(r);
const loaded = loader.loadAll("/RawData").data;
console.log(JSON.stringify({ afterImport, dlopens, loaded: loaded.length }));`], { encoding: "utf8", cwd: packageRoot });
    expect(child.stderr).toBe("");
    expect(JSON.parse(child.stdout)).toEqual({ afterImport: 0, dlopens: 0, loaded: 1 });
  });
});
