// The package's `install` script. A binary that loads here (a build in build/Release, or the
// prebuilt one for this platform) leaves nothing to do; otherwise the addon is compiled from source
// with node-gyp against the system libhdf5 found by pkg-config, after checking that the tools and
// headers are there (naming the packages to install when they are not).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const requirements = JSON.parse(readFileSync(join(packageDir, "src/build-requirements.json"), "utf8"));

function loadError() {
  try {
    require("node-gyp-build")(packageDir);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function succeeds(command, args) {
  return spawnSync(command, args, { stdio: "ignore" }).status === 0;
}

function missingTools() {
  const missing = [];
  if (!succeeds("pkg-config", ["--version"])) missing.push("pkg-config");
  else if (!succeeds("pkg-config", ["--exists", "hdf5"])) missing.push("libhdf5 with its headers (pkg-config hdf5)");
  if (!succeeds("c++", ["--version"])) missing.push("a C++ compiler (c++)");
  if (!succeeds("make", ["--version"])) missing.push("make");
  if (!succeeds("python3", ["--version"])) missing.push("python3 (for node-gyp)");
  return missing;
}

const before = loadError();
if (before === null) process.exit(0);

console.error(`@pymodaq-ts/h5-lowlevel: no prebuilt addon loads here (${before.split("\n")[0]}); building from source.`);
const missing = missingTools();
if (missing.length > 0) {
  const lines = Object.entries(requirements.install).map(([os, command]) => `  ${os}: ${command}`);
  console.error(`@pymodaq-ts/h5-lowlevel: cannot build the addon from source: missing ${missing.join(", ")}.\n` +
    `Install ${requirements.what}:\n${lines.join("\n")}\nthen run \`npm rebuild @pymodaq-ts/h5-lowlevel\`.`);
  process.exit(1);
}
// The running node's own headers when it ships them (distribution packages, the official
// tarballs), unless npm's nodedir is set: node-gyp then needs no download (lab machines are often
// offline).
const nodePrefix = join(process.execPath, "../..");
const ownHeaders = !process.env.npm_config_nodedir && existsSync(join(nodePrefix, "include/node/node_api.h"));
const nodedir = ownHeaders ? [`--nodedir=${nodePrefix}`] : [];
const nodeGyp = require.resolve("node-gyp/bin/node-gyp.js");
const build = spawnSync(process.execPath, [nodeGyp, "rebuild", ...nodedir], { cwd: packageDir, stdio: "inherit" });
if (build.status !== 0) {
  console.error("@pymodaq-ts/h5-lowlevel: node-gyp could not build the addon (its output is above).");
  process.exit(1);
}
const after = loadError();
if (after !== null) {
  console.error(`@pymodaq-ts/h5-lowlevel: the addon was built but does not load: ${after}`);
  process.exit(1);
}
