import { defineConfig } from "vitest/config";

// The tests spawn many child processes: one file at a time keeps the 2-core machines usable.
export default defineConfig({
  test: { include: ["test/**/*.test.ts"], testTimeout: 300_000, fileParallelism: false },
});
