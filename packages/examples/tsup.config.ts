import { defineConfig } from "tsup";

// Two entries: the library (mocks and plots, with types) and the command line (dist/main.js).
export default defineConfig({
  entry: ["src/index.ts", "src/main.ts"],
  format: ["esm"],
  dts: { entry: "src/index.ts" },
  clean: true,
  sourcemap: true,
  target: "node20",
});
