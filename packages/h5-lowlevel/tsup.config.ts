import { defineConfig } from "tsup";

// ESM and CommonJS builds (`exports` maps `import` and `require` to them); `shims` gives the CJS
// build the `import.meta.url` the addon loader resolves the package folder from.
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  shims: true,
  dts: true,
  clean: true,
  sourcemap: true,
  target: "node20",
});
