/**
 * Finds and loads the compiled addon with node-gyp-build: a build from source in `build/Release`
 * first (the monorepo's build, or the install script's fallback build), else the prebuilt binary
 * shipped in `prebuilds/<platform>-<arch>/` (libhdf5 linked in statically). `PREBUILDS_ONLY=1`
 * skips `build/` and loads the prebuilt.
 */
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import requirements from "./build-requirements.json" with { type: "json" };

/** The package root: this module is bundled into `dist/`, one level below it. */
const packageRoot = fileURLToPath(new URL("..", import.meta.url));

/** What to install to build the addon from source, one line per platform. */
function buildAdvice(): string {
  const lines = Object.entries(requirements.install).map(([os, command]) => `  ${os}: ${command}`);
  return `To build it from source, install ${requirements.what}:\n${lines.join("\n")}\n` +
    "then run `npm rebuild @pymodaq-ts/h5-lowlevel`.";
}

/**
 * Loads the addon module. Throws an Error saying which binary is missing or failed to load, what
 * to install to build one, and the loader's original error as `cause`.
 */
export function loadAddonModule(): unknown {
  const require = createRequire(import.meta.url);
  const gypBuild = require("node-gyp-build") as { (dir: string): unknown; resolve(dir: string): string };
  let binary: string;
  try {
    binary = gypBuild.resolve(packageRoot);
  } catch (cause) {
    throw new Error(
      `@pymodaq-ts/h5-lowlevel: no native addon for ${process.platform}-${process.arch}: ` +
        "the package ships a prebuilt binary for linux-x64 (glibc) only, and no build from source " +
        `is in ${packageRoot}build/Release.\n${buildAdvice()}\n(${errorText(cause)})`,
      { cause },
    );
  }
  try {
    return require(binary);
  } catch (cause) {
    throw new Error(
      `@pymodaq-ts/h5-lowlevel: the native addon ${binary} was found but could not be loaded: ` +
        `${errorText(cause)}\nA build from source needs the libhdf5 it was compiled with at run time; ` +
        "the prebuilt one needs glibc 2.34 or later (Debian 12, Ubuntu 22.04, RHEL 9), libstdc++ and libz.\n" +
        buildAdvice(),
      { cause },
    );
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
