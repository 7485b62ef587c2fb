// The identity of a prebuilt binary: a hash of everything that goes into it (the addon's C++
// sources, binding.gyp, node-addon-api's version and the prebuild recipe). prebuild.sh writes it
// into the manifest beside the binary; a test recomputes it to catch a stale committed binary.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

/** Package-relative paths of the files hashed, in a stable order. */
export function nativeSourceFiles(packageDir) {
  const native = readdirSync(join(packageDir, "native"), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(packageDir, join(entry.parentPath, entry.name)).split("\\").join("/"));
  const recipe = ["binding.gyp", "scripts/prebuild/recipe.json", "scripts/prebuild/prebuild.sh"];
  return [...recipe, ...native].sort();
}

/** sha256 over the native sources and the version of node-addon-api they compile with. */
export function nativeSourcesHash(packageDir) {
  const hash = createHash("sha256");
  const pkg = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8"));
  hash.update(`node-addon-api@${pkg.dependencies["node-addon-api"]}\n`);
  for (const file of nativeSourceFiles(packageDir)) {
    hash.update(`${file}\n`);
    hash.update(readFileSync(join(packageDir, file)));
  }
  return hash.digest("hex");
}
