/**
 * The three library packages as a consumer gets them: packed with `pnpm pack`, installed with npm
 * into a fresh project outside the repository, and run where libhdf5 and every compiler are
 * missing (a private mount namespace hides the system libhdf5; PATH holds only node, npm and sh).
 * The quick-start scripts (ESM TypeScript through tsx, CommonJS, and the asynchronous one with the
 * BackgroundSaver's worker) write files that h5py and PyTables then read outside the namespace.
 * Needs root, as CI has (unshare -m, bind mounts).
 */
import { execFileSync, spawnSync, type SpawnSyncReturns } from "node:child_process";
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PRINTED, PRINTED_ASYNC } from "./printed.js";

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "../../..");
const LIBRARIES = ["h5-lowlevel", "data-model", "data-saving"];
const TSX = "tsx@4.20.6";
const PYTHON = process.env.H5_TEST_PYTHON ?? "/usr/bin/python3";
const DATA = "/RawData/Scan000/Detector000/Data1D/CH00/Data00";

let work: string;
let project: string;
let bin: string;

/** Runs `command` in the project, inside a mount namespace without libhdf5 and without compilers. */
function withoutLibhdf5(command: string[], cwd = project): SpawnSyncReturns<string> {
  const script = join(here, "../scripts/without-libhdf5.sh");
  return spawnSync("unshare", ["-m", "bash", script, bin, ...command], { cwd, encoding: "utf8", timeout: 240_000 });
}

function expectSuccess(run: SpawnSyncReturns<string>): string {
  expect(run.error, String(run.error)).toBeUndefined();
  expect(run.status, `exit ${run.status}\n${run.stdout}\n${run.stderr}`).toBe(0);
  return run.stdout;
}

beforeAll(() => {
  if (process.getuid?.() !== 0) {
    throw new Error("the consumer test hides libhdf5 with `unshare -m` and bind mounts, which needs root: run it as root (CI does)");
  }
  work = mkdtempSync(join(tmpdir(), "pymodaq-ts-consumer-"));
  const tarballs = join(work, "tarballs");
  for (const name of LIBRARIES) {
    execFileSync("pnpm", ["pack", "--pack-destination", tarballs], { cwd: join(repo, "packages", name), stdio: "ignore" });
  }
  project = join(work, "project");
  mkdirSync(project);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  copyFileSync(join(here, "../src/quickstart.ts"), join(project, "quickstart.ts"));
  copyFileSync(join(here, "../src/quickstart.cjs"), join(project, "quickstart.cjs"));
  copyFileSync(join(here, "../src/quickstart-async.ts"), join(project, "quickstart-async.ts"));
  bin = join(work, "bin");
  mkdirSync(bin);
  symlinkSync(process.execPath, join(bin, "node"));
  symlinkSync(execFileSync("readlink", ["-f", execFileSync("which", ["npm"], { encoding: "utf8" }).trim()], { encoding: "utf8" }).trim(), join(bin, "npm"));
  symlinkSync("/bin/sh", join(bin, "sh"));
  const packed = readdirSync(tarballs).map((file) => join(tarballs, file));
  expectSuccess(withoutLibhdf5(["npm", "install", "--no-audit", "--no-fund", "--loglevel=error", ...packed, TSX]));
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("installed from the packed tarballs", () => {
  it("has resolved versions, a LICENSE, a README and types in every package", () => {
    for (const name of LIBRARIES) {
      const dir = join(project, "node_modules/@pymodaq-ts", name);
      const pkg = readFileSync(join(dir, "package.json"), "utf8");
      expect(pkg).not.toContain("workspace:");
      expect(readFileSync(join(dir, "LICENSE"), "utf8")).toContain("MIT License");
      expect(readFileSync(join(dir, "README.md"), "utf8")).toContain(`@pymodaq-ts/${name}`);
      expect(readFileSync(join(dir, "dist/index.d.ts"), "utf8").length).toBeGreaterThan(0);
      expect(readFileSync(join(dir, "dist/index.d.cts"), "utf8").length).toBeGreaterThan(0);
    }
  });

  it("hides the system libhdf5 and the compilers from the scripts it runs", () => {
    const systemBuild = join(repo, "packages/h5-lowlevel/build/Release/h5lowlevel.node");
    const probe = withoutLibhdf5(["node", "-e", `
const { spawnSync } = require("node:child_process");
let loaded = "loaded";
try { process.dlopen({ exports: {} }, ${JSON.stringify(systemBuild)}); } catch (e) { loaded = e.message; }
console.log(JSON.stringify({ loaded, cxx: spawnSync("c++", ["--version"]).error?.code, gcc: spawnSync("gcc").error?.code }));`]);
    const out = JSON.parse(expectSuccess(probe)) as { loaded: string; cxx: string; gcc: string };
    expect(out.loaded).toMatch(/libhdf5.*(file too short|cannot open)/);
    expect(out).toMatchObject({ cxx: "ENOENT", gcc: "ENOENT" });
  });

  it("runs the TypeScript quick start as an ES module through tsx, and the CommonJS one with node", () => {
    expect(expectSuccess(withoutLibhdf5(["node", "node_modules/tsx/dist/cli.mjs", "quickstart.ts", "esm.h5"]))).toBe(PRINTED);
    expect(expectSuccess(withoutLibhdf5(["node", "quickstart.cjs", "cjs.h5"]))).toBe(PRINTED);
  });

  it("runs the asynchronous quick start: the BackgroundSaver's worker script and the pool's reads from the installed package", () => {
    expect(expectSuccess(withoutLibhdf5(["node", "node_modules/tsx/dist/cli.mjs", "quickstart-async.ts", "async.h5"]))).toBe(PRINTED_ASYNC);
  });

  it("writes files that h5py and PyTables read", () => {
    const written = [
      { file: "esm.h5", node: DATA, shape: [3, 4, 256], peak: 1000, dim: "Data1D" },
      { file: "cjs.h5", node: DATA, shape: [3, 4, 256], peak: 1000, dim: "Data1D" },
      { file: "async.h5", node: "/RawData/Scan000/Detector000/Data2D/CH00/Data00", shape: [20, 64, 64], peak: 100, dim: "Data2D" },
    ];
    for (const { file, node, shape, peak, dim } of written) {
      const out = execFileSync(PYTHON, ["-c", `
import sys, json, h5py, tables
with h5py.File(sys.argv[1], "r") as f:
    d = f[sys.argv[2]]
    h5 = [list(d.shape), float(d[1].max())]
with tables.open_file(sys.argv[1]) as t:
    n = t.get_node(sys.argv[2])
    pt = [[int(v) for v in n.shape], str(n.attrs.data_dimension)]
print(json.dumps([h5, pt]))`, join(project, file), node], { encoding: "utf8" });
      const [[h5Shape, max], [ptShape, dimension]] = JSON.parse(out) as [[number[], number], [number[], string]];
      expect(h5Shape).toEqual(shape);
      expect(max).toBeCloseTo(peak, 0); // the detector's peak at the second position
      expect(ptShape).toEqual(shape);
      expect(dimension).toContain(dim); // a PyMoDAQ attribute envelope
    }
  });

  it("ships a prebuilt binary that links no libhdf5", () => {
    const prebuilt = join(project, "node_modules/@pymodaq-ts/h5-lowlevel/prebuilds/linux-x64/node.napi.glibc.node");
    const ldd = execFileSync("ldd", [prebuilt], { encoding: "utf8" });
    expect(ldd).toContain("libc.so.6");
    expect(ldd).not.toMatch(/hdf5/);
  });

  it("fails to install where no prebuilt matches and nothing can build, naming what to install", () => {
    const copy = join(project, "without-prebuilds", "h5-lowlevel");
    cpSync(join(project, "node_modules/@pymodaq-ts/h5-lowlevel"), copy, { recursive: true });
    rmSync(join(copy, "prebuilds"), { recursive: true });
    const install = withoutLibhdf5(["node", "scripts/install.mjs"], copy);
    expect(install.status).toBe(1);
    expect(install.stderr).toContain("cannot build the addon from source: missing pkg-config, a C++ compiler (c++), make, python3");
    expect(install.stderr).toContain("sudo apt install libhdf5-dev pkg-config g++ make python3");
    expect(install.stderr).toContain("sudo dnf install hdf5-devel");
    expect(install.stderr).toContain("brew install hdf5 pkg-config");
  });
});
