import { defineConfig } from "tsup";

// ESM and CommonJS builds of each entry point; package.json `exports` maps `import` and `require`
// to them (one line per entry there, one line per entry here). `cli` is the `pymodaq-h5` command.
export default defineConfig({
  entry: {
    index: "src/index.ts",
    tools: "src/tools.ts",
    cli: "src/cli.ts",
    // The background saver's worker thread: a script of its own, loaded by path (worker-script.ts).
    "background-worker": "src/background/worker.ts",
    // The reader of untrusted files: a child process of its own (tools/untrusted/read-untrusted.ts).
    "untrusted-reader": "src/tools/untrusted/reader-child.ts",
    // The HSDS bridge's worker: plain JavaScript, loaded by URL beside the bundles.
    "http-worker": "src/storage/hsds/http-worker.js",
  },
  format: ["esm", "cjs"],
  shims: true,
  dts: true,
  clean: true,
  sourcemap: true,
  target: "node20",
});
