/**
 * `pymodaq-h5 recover`: a file left by a killed writer (a copy of the open file, which is what a
 * kill leaves) opens and reads back as it is; unreadable files and stale shape attributes are
 * reported with exit 1; the file is never written.
 */
import { DataRaw, DataToExport, NDArray, PyTuple } from "@pymodaq-ts/data-model";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCommand } from "./cli.helpers.js";
import { H5SaverLowLevel } from "../src/conventions/h5-saver-lowlevel.js";
import { DataToExportExtendedSaver } from "../src/savers/dte-extended-saver.js";

const run = runCommand;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "pymodaq-recover-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A 4 x 3 scan interrupted after 5 points and flushed: the copy is what a kill would leave. */
function killedScan(): string {
  const path = join(dir, "scan.h5");
  using h5 = new H5SaverLowLevel({ flushPolicy: { everyPoints: 1 } });
  h5.initFile(path, { newFile: true });
  const det = h5.addDetGroup(h5.addScanGroup(h5.rawGroup, "scan"), "det");
  const saver = new DataToExportExtendedSaver(h5, [4, 3]);
  for (let i = 0; i < 5; i++) {
    const dwa = new DataRaw("p", { data: [NDArray.from("float64", [2], [i + 1, -i - 1])] });
    saver.addData(det, new DataToExport("d", { data: [dwa] }), [Math.floor(i / 3), i % 3]);
  }
  const copy = join(dir, "killed.h5");
  copyFileSync(path, copy);
  return copy;
}

describe("pymodaq-h5 recover", () => {
  it("reports a killed writer's file as readable as it is, with its interrupted scan, and leaves it unchanged", async () => {
    const file = killedScan();
    const before = readFileSync(file);
    const r = await run("recover", file);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain(`${file}: opens as it is; no repair step is needed`);
    expect(r.out).toContain("/RawData/Scan000: scan not done");
    expect(r.out).toContain("every node reads back and every shape attribute matches its dataset");
    expect(readFileSync(file).equals(before)).toBe(true);

    const json = JSON.parse((await run("recover", file, "--json")).out) as Record<string, unknown>;
    expect(json).toMatchObject({ file, openError: null, problems: [], scans: [{ path: "/RawData/Scan000", done: false }] });
    // At least the data node (4 x 3 x 2 elements) is read back.
    expect(json.elementsRead as number).toBeGreaterThanOrEqual(24);
  });

  it("reports a shape attribute that differs from its dataset (exit 1)", async () => {
    const file = join(dir, "stale.h5");
    {
      using h5 = new H5SaverLowLevel();
      h5.initFile(file, { newFile: true });
      h5.setAttr(h5.logger!, "shape", new PyTuple([7n]));
    }
    const r = await run("recover", file);
    expect(r.code).toBe(1);
    expect(r.out).toContain("/RawData/Logger: shape attribute (7) but the dataset holds (0)");
  });

  it("reports a file that cannot be opened (exit 1), a missing file, and usage errors (exit 2)", async () => {
    const junk = join(dir, "junk.h5");
    writeFileSync(junk, "not an HDF5 file");
    const r = await run("recover", junk);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/junk\.h5: cannot be opened: /);
    expect((await run("recover", join(dir, "none.h5"))).code).toBe(1);
    expect((await run("recover")).code).toBe(2);
    expect((await run("recover", junk, "--fix")).code).toBe(2);
  });
});
