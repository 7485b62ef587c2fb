import { existsSync } from "node:fs";
import { defineConfig } from "tsup";

// workload.ts drives the data-saving package and is added once that package exports its savers
const entries = ["src/runner.ts", "src/equivalence.ts", "src/workload.ts", "src/overhead.ts"].filter((f) => existsSync(f));

export default defineConfig({
  entry: entries,
  format: ["esm"],
  dts: false,
  clean: true,
  sourcemap: true,
  target: "node20",
});
