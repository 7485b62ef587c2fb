import { describe, expect, it } from "vitest";
import { leakModule } from "../src/leak.js";
import { tempDir } from "./helpers.js";

describe("leakModule (reduced: 1,200 cycles, 500 dropped files)", () => {
  it("keeps resident memory and descriptors flat and closes dropped files", async () => {
    const report = await leakModule.run({ cycles: 1200, dir: tempDir() });
    expect(report.checks).toHaveLength(3);
    for (const c of report.checks) expect(c, `${c.check}: ${c.measured}`).toMatchObject({ ok: true });
  });
});
