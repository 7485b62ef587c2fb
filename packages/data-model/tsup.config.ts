import { defineConfig } from "tsup";

// ESM and CommonJS builds of each entry point; package.json `exports` maps `import` and `require`
// to them (one line per entry there, one line per entry here).
export default defineConfig({
  entry: {
    index: "src/index.ts",
  },
  format: ["esm", "cjs"],
  shims: true,
  dts: true,
  clean: true,
  sourcemap: true,
  target: "node20",
});
