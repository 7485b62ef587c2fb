// Last step of prebuild.sh: checks the freshly linked addon and installs it, with its manifest,
// as prebuilds/<dir>/<file> (recipe.json's target).
// Usage: node write-manifest.mjs <addon.node> <libhdf5.settings>
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { nativeSourceFiles, nativeSourcesHash } from "./native-sources.mjs";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "../..");
const [binary, settingsFile] = process.argv.slice(2);
const recipe = JSON.parse(readFileSync(join(packageDir, "scripts/prebuild/recipe.json"), "utf8"));

function fail(message) {
  console.error(`prebuild: ${message}`);
  process.exit(1);
}

/** One "Name: value" line of libhdf5.settings, the summary that HDF5's configure writes. */
function setting(name) {
  const line = readFileSync(settingsFile, "utf8").split("\n").find((l) => l.trim().startsWith(`${name}:`));
  if (line === undefined) fail(`no "${name}" in ${settingsFile}`);
  return line.slice(line.indexOf(":") + 1).trim();
}

const ldd = execFileSync("ldd", [binary], { encoding: "utf8" });
if (/libhdf5/.test(ldd)) fail(`the addon still links a shared libhdf5:\n${ldd}`);
const needed = execFileSync("readelf", ["-d", binary], { encoding: "utf8" })
  .split("\n").flatMap((l) => /\(NEEDED\).*\[(.+)\]/.exec(l)?.[1] ?? []);
const symbols = execFileSync("objdump", ["-T", binary], { encoding: "utf8" });
/** The newest version of `prefix` (GLIBC_, GLIBCXX_) that the binary's dynamic symbols ask for. */
const newest = (prefix) => (symbols.match(new RegExp(`\\b${prefix}[0-9.]+`, "g")) ?? [])
  .map((v) => v.slice(prefix.length)).sort((a, b) => a.localeCompare(b, "en", { numeric: true })).at(-1) ?? null;
const glibc = newest("GLIBC_");

const version = createRequire(import.meta.url)(binary).libraryVersion().join(".");
if (version !== recipe.hdf5.version) fail(`the addon reports libhdf5 ${version}, not ${recipe.hdf5.version}`);
if (setting("Threadsafety") !== "yes") fail("libhdf5 was not configured thread-safe");

const napi = /NAPI_VERSION=(\d+)/.exec(readFileSync(join(packageDir, "binding.gyp"), "utf8"))[1];
const manifest = {
  sourcesHash: nativeSourcesHash(packageDir),
  hashedFiles: nativeSourceFiles(packageDir),
  napiVersion: Number(napi),
  hdf5: {
    version,
    configure: recipe.hdf5.configure,
    threadsafe: true,
    filters: `${setting("I/O filters (external)")}, shuffle, fletcher32, nbit, scaleoffset`,
  },
  needed,
  minGlibc: glibc,
  minGlibcxx: newest("GLIBCXX_"),
  bytes: statSync(binary).size,
};
const targetDir = join(packageDir, "prebuilds", recipe.target.dir);
mkdirSync(targetDir, { recursive: true });
copyFileSync(binary, join(targetDir, recipe.target.file));
writeFileSync(join(targetDir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
console.error(`prebuild: wrote prebuilds/${recipe.target.dir}/${recipe.target.file} ` +
  `(${manifest.bytes} bytes, libhdf5 ${version}, needs ${needed.join(" ")}, glibc >= ${glibc})`);
