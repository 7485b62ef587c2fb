import { defineConfig } from "tsup";

export default defineConfig({
  // The HSDS bridge's worker is its own file, loaded by URL beside the bundles.
  entry: { index: "src/index.ts", tools: "src/tools.ts", cli: "src/cli.ts", "http-worker": "src/storage/hsds/http-worker.js" },
  format: ["esm"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "node20",
});
