import { describe, expect, it } from "vitest";
import { secondWriter } from "../src/concurrency.js";
import { tempDir } from "./helpers.js";

describe("secondWriter", () => {
  it("is refused with H5FileInUseError and the running file completes intact", async () => {
    const checks = await secondWriter(tempDir());
    expect(checks.map((c) => c.check)).toEqual([
      "second writer: create (truncate) refused", "second writer: open read-write refused",
      "second writer: running file untouched", "second writer: the run completes intact",
    ]);
    for (const c of checks) expect(c, c.measured).toMatchObject({ ok: true });
  });
});
