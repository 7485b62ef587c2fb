import { defineConfig } from "tsup";

export default defineConfig({
  entry: {
    index: "src/index.ts",
    tools: "src/tools.ts",
    cli: "src/cli.ts",
    // The background saver's worker thread: a script of its own, loaded by path (worker-script.ts).
    "background-worker": "src/background/worker.ts",
    // The HSDS bridge's worker: plain JavaScript, loaded by URL beside the bundles.
    "http-worker": "src/storage/hsds/http-worker.js",
  },
  format: ["esm"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "node20",
});
