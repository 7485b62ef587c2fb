// The equivalence check: a file equals itself and its twin, and a changed value is reported.
import { execFileSync } from "node:child_process";
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { H5File } from "@pymodaq-ts/h5-lowlevel";
import { describe, expect, it } from "vitest";
import { compareFiles } from "../src/equivalence.js";
import { isBenchError } from "../src/errors.js";
import { findPython } from "../src/python.js";
import { tempDir } from "@pymodaq-ts/test-support";
import { runC } from "./helpers.js";

function h5py(script: string, ...args: string[]): void {
  execFileSync(findPython(), ["-c", script, ...args]);
}

describe("equivalence.compareFiles", () => {
  it("finds a file equal to itself and to another run of the same workload", () => {
    const dir = tempDir();
    const a = join(dir, "a.h5");
    const b = join(dir, "b.h5");
    runC(["w2", "--n", "20", "--m", "8", "--file", a, "--keep"]);
    runC(["w2", "--n", "20", "--m", "8", "--file", b, "--keep"]);
    expect(compareFiles(a, a)).toEqual({ equal: true, nodes: 14, differences: [] });
    // the second run has its own date, time, file and timestamp attributes: ignored
    expect(compareFiles(a, b).equal).toBe(true);
  });

  it("reports a changed array element, attribute value and attribute storage", () => {
    const dir = tempDir();
    const a = join(dir, "a.h5");
    const b = join(dir, "b.h5");
    runC(["w4", "--frames", "2", "--rows", "16", "--cols", "8", "--file", a, "--keep"]);
    copyFileSync(a, b);
    h5py(
      [
        "import sys, h5py, numpy as np",
        "f = h5py.File(sys.argv[1], 'r+')",
        "f['/RawData/Detector001/Data2D/CH00/Data00'][3, 4] = -1.0",
        "f['/RawData/Detector000'].attrs['TITLE'] = np.bytes_('other')",
        "f['/RawData/Detector000/Data2D/CH00'].attrs.create('TITLE', 'frame')", // same text, vlen storage
        "f.close()",
      ].join("\n"),
      b,
    );
    const r = compareFiles(a, b);
    expect(r.equal).toBe(false);
    expect(r.differences).toEqual([
      "/RawData/Detector000@TITLE: 'camera00' != 'other'",
      "/RawData/Detector000/Data2D/CH00@TITLE: storage name-ascii:str:fixed5:utf8:scalar != name-ascii:str:vlen:utf8:scalar",
      "/RawData/Detector001/Data2D/CH00/Data00: array contents differ",
    ]);
    expect(compareFiles(a, b, { valuesOnly: true }).differences).toHaveLength(2);
    expect(compareFiles(a, b, { valuesOnly: true, ignoreAttrs: ["TITLE"] }).differences).toHaveLength(1);
  });

  it("reports a link or attribute name stored as UTF-8 where the other file has ASCII", () => {
    const dir = tempDir();
    const [a, b] = [join(dir, "a.h5"), join(dir, "b.h5")];
    for (const [path, nameCset] of [[a, "ascii"], [b, "auto"]] as const) {
      using file = H5File.create(path, { nameCset });
      file.root.createGroup("Détecteur").attrs.set("µ", 1);
    }
    expect(compareFiles(a, b).differences).toEqual([
      "/Détecteur: link_cset 'ascii' != 'utf8'",
      "/Détecteur@µ: storage name-ascii:<i8:scalar != name-utf8:<i8:scalar",
    ]);
  });

  it("reports a fill value set by the writer where the other file has libhdf5's default", () => {
    const dir = tempDir();
    const [a, b] = [join(dir, "a.h5"), join(dir, "b.h5")];
    for (const [path, fill] of [[a, {}], [b, { fillValue: 0 }]] as const) {
      using file = H5File.create(path);
      file.root.createDataset("d", { dtype: "float64", shape: [4], chunks: [4], fillTime: "alloc", ...fill });
    }
    expect(compareFiles(a, b).differences).toEqual(["/d: fill_value 1 != 2"]);
  });

  it("reports missing nodes and rejects unknown options and unreadable files", () => {
    const dir = tempDir();
    const a = join(dir, "a.h5");
    const b = join(dir, "b.h5");
    runC(["w4", "--frames", "2", "--rows", "4", "--cols", "4", "--file", a, "--keep"]);
    runC(["w4", "--frames", "1", "--rows", "4", "--cols", "4", "--file", b, "--keep"]);
    const r = compareFiles(a, b);
    expect(r.differences).toContain("/RawData/Detector001: only in A");
    expect(r.differences).toHaveLength(6); // Detector001, Data2D, CH00, Data00, Axis00, Axis01
    expect(() => compareFiles(a, b, { valuesonly: true } as never)).toThrow(/unknown option "valuesonly"/);
    let caught: unknown;
    try {
      compareFiles(a, join(dir, "missing.h5"));
    } catch (e) {
      caught = e;
    }
    expect(isBenchError(caught, "equivalence-error")).toBe(true);
  });
});
