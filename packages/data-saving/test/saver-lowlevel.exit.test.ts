// A process that exits without closing its file: the deferred shape/size attributes are still
// written (process `exit` listener), so the file stays exact.
import { PyTuple } from "@pymodaq-ts/data-model";
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { beforeEach, describe, expect, it } from "vitest";
import { tempDir } from "@pymodaq-ts/test-support";
import { H5SaverLowLevel } from "../src/conventions/h5-saver-lowlevel.js";

const here = dirname(fileURLToPath(import.meta.url));
const TSX = resolve(here, "../../../node_modules/.bin/tsx");
const SAVER = resolve(here, "../src/conventions/h5-saver-lowlevel.ts");

let dir: string;
beforeEach(() => {
  dir = tempDir("ds-exit");
});

/** Runs a script in a child process (asynchronously: a test worker must not block for long). */
async function runChild(body: string): Promise<void> {
  const script = join(dir, "child.mts");
  writeFileSync(script, `import { H5SaverLowLevel } from ${JSON.stringify(SAVER)};\n${body}\n`);
  await promisify(execFile)(TSX, [script], { cwd: dir });
}

describe("exit without closeFile", () => {
  for (const ending of ["", "process.exit(0);"]) {
    it(`writes the deferred attributes (${ending || "end of script"})`, async () => {
      const file = join(dir, "exit.h5");
      await runChild(`
const h5 = new H5SaverLowLevel();
h5.initFile(${JSON.stringify(file)}, { newFile: true });
const e = h5.addArray(h5.rawGroup, "EnlData00", "data_enlargeable", { enlargeable: true, dataShape: [2], dataDimension: "Data1D" });
for (let i = 0; i < 7; i++) e.append({ dtype: "float64", shape: [2], data: Float64Array.of(i, -i) });
e.attrs.setDeferred("size", 7n);
h5.addLog("no close");
${ending}`);
      const ro = H5SaverLowLevel.openReadOnly(file);
      try {
        const e = ro.getNode("/RawData/EnlData00");
        expect(e.attrs.get("shape")).toEqual(new PyTuple([7n, 2n]));
        expect(e.attrs.get("size")).toBe(7n);
        expect(ro.getNode("/RawData/Logger").attrs.get("shape")).toEqual(new PyTuple([1n]));
      } finally {
        ro.closeFile();
      }
    });
  }
});
