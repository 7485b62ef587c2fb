/**
 * Disk full (a 2 MiB tmpfs in a private mount namespace) and a file-size limit during writes:
 * typed errors naming the file, the process running on and exiting cleanly, the close keeping
 * the cause, and every row flushed before the failure reading back.
 */
import { describe, expect, it } from "vitest";
import { diskFull, fileSizeLimit, scenarioChecks } from "../src/io-errors.js";
import { tempDir } from "./helpers.js";

function byName(checks: ReturnType<typeof scenarioChecks>) {
  return Object.fromEntries(checks.map((c) => [c.check.replace(/^[^:]+: /, ""), c]));
}

describe("writes that the file system refuses", () => {
  const expected = ["writer exits normally", "typed write error naming the file", "close error keeps the cause", "rows flushed before the error read back"];

  it("disk full: typed error, clean exit, close keeps the cause, flushed rows read back", () => {
    const checks = byName(scenarioChecks(diskFull(tempDir())));
    for (const name of expected) expect(checks[name], `${name}: ${checks[name]?.measured}`).toMatchObject({ ok: true });
  });

  it("file-size limit: typed error, clean exit, close keeps the cause, flushed rows read back", () => {
    const checks = byName(scenarioChecks(fileSizeLimit(tempDir())));
    for (const name of expected) expect(checks[name], `${name}: ${checks[name]?.measured}`).toMatchObject({ ok: true });
  });
});
