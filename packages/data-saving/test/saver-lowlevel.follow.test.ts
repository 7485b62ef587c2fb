// Following a file while another process writes it: refused by the writer's lock by default; with
// file locking disabled in the reader (HDF5_USE_FILE_LOCKING=FALSE in its environment when it starts:
// libhdf5 reads it once), each open sees the state of the last flush, exact shape attributes
// included, and a later open sees the later flushes.
import { execFile, spawn } from "node:child_process";
import { promisify } from "node:util";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { tempDir } from "@pymodaq-ts/test-support";
import { MODEL, SRC, TSX } from "./child.helpers.js";
import { H5SaverLowLevel } from "../src/conventions/h5-saver-lowlevel.js";


let dir: string;
beforeEach(() => {
  dir = tempDir("ds-follow");
});

/** A following reader: another process, started with file locking disabled, reads the rows. */
async function follow(file: string): Promise<{ rows: number; shape: number[]; last: number }> {
  const script = join(dir, "reader.mts");
  writeFileSync(script, `
import type { PyTuple } from ${JSON.stringify(MODEL)};
import { H5SaverLowLevel } from ${JSON.stringify(SRC)};
using ro = H5SaverLowLevel.openReadOnly(${JSON.stringify(file)});
const node = ro.getNode("/RawData/EnlData00");
const data = ro.read(node as never);
process.stdout.write(JSON.stringify({ rows: data.shape[0], shape: (node.attrs.get("shape") as PyTuple).items.map(Number), last: Number(data.data[data.data.length - 1]) }));
`);
  const { stdout } = await promisify(execFile)(TSX, [script], { cwd: dir, env: { ...process.env, HDF5_USE_FILE_LOCKING: "FALSE" } });
  return JSON.parse(stdout) as { rows: number; shape: number[]; last: number };
}

describe("a reader following a file being written", () => {
  it("is refused by the lock by default, and with locking disabled sees every flush it opens after", async () => {
    const file = join(dir, "followed.h5");
    const script = join(dir, "writer.mts");
    writeFileSync(script, `
import { DataRaw, NDArray } from ${JSON.stringify(MODEL)};
import { H5SaverLowLevel, DataEnlargeableSaver } from ${JSON.stringify(SRC)};
const h5 = new H5SaverLowLevel({ flushPolicy: { everyPoints: 1 } });
h5.initFile(${JSON.stringify(file)}, { newFile: true });
const saver = new DataEnlargeableSaver(h5);
process.stdin.on("data", () => {
  const i = h5.getNextIndex(h5.rawGroup, "data_enlargeable") === 0 ? 0 : (h5.getNode("/RawData/EnlData00") as { shape: number[] }).shape[0];
  saver.addData(h5.rawGroup, new DataRaw("p", { data: [NDArray.from("float64", [1], [i])] }), { axisValues: [i] });
  process.stdout.write(\`flushed \${i + 1}\\n\`);
});
process.stdin.on("end", () => h5.closeFile());
`);
    const child = spawn(TSX, [script], { cwd: dir, stdio: ["pipe", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (c: Buffer) => void (out += c.toString()));
    const point = async (n: number): Promise<void> => {
      child.stdin.write("\n");
      while (!out.includes(`flushed ${n}\n`)) await new Promise((r) => setTimeout(r, 10));
    };
    try {
      await point(1);
      expect(() => H5SaverLowLevel.openReadOnly(file)).toThrow(/in use by another process|lock/i);
      expect(await follow(file)).toEqual({ rows: 1, shape: [1, 1], last: 0 });
      await point(2);
      await point(3);
      expect(await follow(file)).toEqual({ rows: 3, shape: [3, 1], last: 2 });
    } finally {
      child.stdin.end();
      await new Promise((r) => child.on("close", r));
    }
  }, 120_000);
});
