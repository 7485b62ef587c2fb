/**
 * The committed prebuilt binary (prebuilds/linux-x64, made by `pnpm prebuild`): built from the
 * current native sources, libhdf5 linked in, and loadable in place of the system-linked build.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { nativeSourcesHash } from "../scripts/prebuild/native-sources.mjs";
import { tempPath } from "@pymodaq-ts/test-support";

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const recipe = JSON.parse(readFileSync(join(packageDir, "scripts/prebuild/recipe.json"), "utf8")) as {
  hdf5: { version: string };
  target: { dir: string; file: string };
};
const prebuiltDir = join(packageDir, "prebuilds", recipe.target.dir);
const binary = join(prebuiltDir, recipe.target.file);
const manifest = JSON.parse(readFileSync(join(prebuiltDir, "manifest.json"), "utf8")) as {
  sourcesHash: string;
  minGlibc: string;
  minGlibcxx: string;
};

/** What every glibc Linux machine that runs node has, without any -dev package or libhdf5. */
const BASE_LIBRARIES = [
  "libc.so.6", "libm.so.6", "libpthread.so.0", "libdl.so.2", "ld-linux-x86-64.so.2", "libz.so.1",
  "libstdc++.so.6", "libgcc_s.so.1",
];
/** The oldest glibc and libstdc++ the README and the loader's message promise (Ubuntu 22.04, RHEL 9). */
const PROMISED = { minGlibc: "2.34", minGlibcxx: "3.4.29" };

describe("prebuilt addon", () => {
  it("was built from the current native sources and recipe", () => {
    const stale =
      `prebuilds/${recipe.target.dir}/${recipe.target.file} is stale: native/, binding.gyp, ` +
      "node-addon-api or the prebuild recipe changed since it was built. Run `pnpm prebuild` at " +
      "the repository root and commit prebuilds/.";
    expect(manifest.sourcesHash, stale).toBe(nativeSourcesHash(packageDir));
  });

  it("links no libhdf5: only glibc and libz are needed at run time", () => {
    expect(execFileSync("ldd", [binary], { encoding: "utf8" })).not.toMatch(/hdf5/);
    const needed = execFileSync("readelf", ["-d", binary], { encoding: "utf8" })
      .split("\n").flatMap((line) => /\(NEEDED\).*\[(.+)\]/.exec(line)?.[1] ?? []);
    expect(needed.length).toBeGreaterThan(0);
    expect(needed.filter((lib) => !BASE_LIBRARIES.includes(lib))).toEqual([]);
  });

  it("asks for no newer glibc and libstdc++ than the README promises", () => {
    expect({ minGlibc: manifest.minGlibc, minGlibcxx: manifest.minGlibcxx }).toEqual(PROMISED);
  });

  it("is what PREBUILDS_ONLY=1 loads, with its own libhdf5, and writes and reads deflate + shuffle data", () => {
    const file = tempPath("prebuilt.h5");
    const script = `
const loaded = [];
const dlopen = process.dlopen;
process.dlopen = (module, filename, ...rest) => { loaded.push(filename); return dlopen(module, filename, ...rest); };
const h5 = await import(${JSON.stringify(join(packageDir, "dist", "index.js"))});
const f = h5.H5File.create(${JSON.stringify(file)});
const ds = f.root.createDataset("x", { dtype: "float64", shape: [1000], chunks: [100], deflate: 4, shuffle: true });
ds.write(Float64Array.from({ length: 1000 }, (_, i) => i / 7));
const filters = ds.filters();
f.close();
const g = h5.H5File.open(${JSON.stringify(file)});
const back = g.root.openDataset("x").read();
g.close();
console.log(JSON.stringify({ loaded, version: h5.libraryVersion(), filters, last: back[999] }));`;
    const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
      encoding: "utf8",
      env: { ...process.env, PREBUILDS_ONLY: "1" },
    });
    expect(child.stderr).toBe("");
    const out = JSON.parse(child.stdout) as { loaded: string[]; version: number[]; filters: unknown; last: number };
    expect(out.loaded).toEqual([binary]);
    expect(out.version.join(".")).toBe(recipe.hdf5.version);
    expect(JSON.stringify(out.filters)).toMatch(/shuffle.*deflate/);
    expect(out.last).toBe(999 / 7);
  });
});
