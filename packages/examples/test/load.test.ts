import { createHash } from "node:crypto";
import { copyFileSync, readFileSync } from "node:fs";
import path from "node:path";
import { fixturePath, tempDir } from "@pymodaq-ts/test-support";
import { beforeEach, describe, expect, it } from "vitest";
import { EXIT } from "../src/cli.js";
import { expectPictureFiles, runExample } from "./helpers/run-example.js";

const MIXED = fixturePath("dte_mixed_tables", ".h5");

let tmp: string;
beforeEach(() => {
  tmp = tempDir("examples-load");
});

const digest = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

describe("load", () => {
  it("prints the tree of a file PyMoDAQ wrote, depth first, and each data node's summary, without writing to it", async () => {
    const file = path.join(tmp, "mixed.h5");
    copyFileSync(MIXED, file);
    const before = digest(file);
    const r = await runExample(["load", file], tmp);
    expect(r.code, r.stderr).toBe(EXIT.ok);
    expect(digest(file)).toBe(before);
    const lines = r.stdout.split("\n");
    const expectedTree = [
      '  /  "PyMoDAQ file"',
      '    RawData/  "Data from PyMoDAQ modules"  type=scan',
      "      Data0D/",
      '        CH00/  "sig0D"',
      '          Data00  CARRAY float64 (1,)  "sig0D"  data_type=data',
    ];
    const start = lines.indexOf(expectedTree[0] as string);
    expect(start, r.stdout).toBe(1);
    expect(lines.slice(start, start + expectedTree.length)).toEqual(expectedTree);
    expect(lines).toContain('          Data00  CARRAY float64 (3, 4)  "image"  data_type=data');
    expect(lines).toContain('          ErrorBar00  CARRAY float64 (3, 4)  "image_errors"  data_type=error');
    expect(lines).toContain("      Logger  VLARRAY uint8 (0,)  type=log  data_type=strings");
    expect(r.stdout).toContain("data nodes (7):");
    expect(r.stdout).toContain("  /RawData/Data2D/CH00/Data00\n    image: Data2D, shape (3, 4), 1 channel [CH00], float64, 96 B\n");
    expect(r.stdout).toContain("      axis t (ps), index 2: 5 values from -1 to 1\n");
    expect(r.stdout).not.toContain("cannot load");
  });

  it("reports a node that cannot be loaded and goes on", async () => {
    const r = await runExample(["load", fixturePath("edge_loaderror_h5py", ".h5")], tmp);
    expect(r.code, r.stderr).toBe(EXIT.ok);
    expect(r.stdout).toMatch(/\n {4}cannot load: \w+Error: /);
  });

  it("plots a 2-D node as a heatmap and a 1-D node as lines, into --out", async () => {
    const heat = await runExample(["load", MIXED, "--plot", "/RawData/Data2D/CH00/Data00", "--out", "pics"], tmp);
    expect(heat.code, heat.stderr).toBe(EXIT.ok);
    const heatBase = path.join(tmp, "pics", "dte_mixed_tables_RawData_Data2D_CH00_Data00");
    expect(heat.stdout).toContain(`${heatBase}.png`);
    expectPictureFiles(`${heatBase}.svg`, `${heatBase}.png`, 12);
    expect(readFileSync(`${heatBase}.svg`, "utf8")).toContain("rows (um)");

    const line = await runExample(["load", MIXED, "--plot", "/RawData/Data1D/CH01/Data00", "--out", "pics"], tmp);
    expect(line.code, line.stderr).toBe(EXIT.ok);
    const lineBase = path.join(tmp, "pics", "dte_mixed_tables_RawData_Data1D_CH01_Data00");
    expectPictureFiles(`${lineBase}.svg`, `${lineBase}.png`, 5);
    expect(readFileSync(`${lineBase}.svg`, "utf8")).toContain("wavelength (nm)");
  });

  it("refuses a missing node or a 3-D node for --plot, and a missing file", async () => {
    const missing = await runExample(["load", MIXED, "--plot", "/RawData/Nope", "--out", tmp], tmp);
    expect(missing.code).toBe(EXIT.usage);
    expect(missing.stderr).toContain("--plot /RawData/Nope: ");
    const cube = await runExample(["load", MIXED, "--plot", "/RawData/DataND/CH00/Data00", "--out", tmp], tmp);
    expect(cube.code).toBe(EXIT.failure);
    expect(cube.stderr).toContain("3 dimensions longer than 1");
    const noFile = await runExample(["load", path.join(tmp, "absent.h5")], tmp);
    expect(noFile.code).toBe(EXIT.failure);
    expect(noFile.stderr).toMatch(/^load: failed: /);
    const noArg = await runExample(["load"], tmp);
    expect(noArg.code).toBe(EXIT.usage);
    expect(noArg.stderr).toContain("missing FILE");
  });
});
