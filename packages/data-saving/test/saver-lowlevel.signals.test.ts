// H5SaverLowLevel.closeOnSignals: SIGINT/SIGTERM close the file (nothing saved is lost), then
// the process ends as the signal would have ended it, unless the application handles it too.
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { tempDir } from "@pymodaq-ts/test-support";
import { MODEL, SRC, TSX } from "./child.helpers.js";
import { H5SaverLowLevel } from "../src/conventions/h5-saver-lowlevel.js";
import { InvalidValueError, FileStateError } from "../src/errors.js";


let dir: string;
beforeEach(() => {
  dir = tempDir("ds-signals");
});

/**
 * A child that appends a point every few ms (yielding between points, as an acquisition does),
 * prints the number saved after each, and gets `signal` once it has saved 20 points.
 */
async function runAndSignal(signal: NodeJS.Signals, file: string, extra = ""): Promise<{ code: number | null; signal: string | null; saved: number; out: string }> {
  const script = join(dir, "child.mts");
  writeFileSync(script, `
import { DataRaw, NDArray } from ${JSON.stringify(MODEL)};
import { H5SaverLowLevel, DataEnlargeableSaver } from ${JSON.stringify(SRC)};
const h5 = new H5SaverLowLevel({ flushPolicy: { everySeconds: 3600 } });
h5.initFile(${JSON.stringify(file)}, { newFile: true });
h5.closeOnSignals();
${extra}
const saver = new DataEnlargeableSaver(h5);
for (let i = 0; !(globalThis as { stopped?: boolean }).stopped; i++) {
  saver.addData(h5.rawGroup, new DataRaw("p", { data: [NDArray.from("float64", [2], [i, -i])] }), { axisValues: [i] });
  process.stdout.write(\`saved \${i + 1}\\n\`);
  await new Promise((r) => setTimeout(r, 2));
}
`);
  const child = spawn(TSX, [script], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let sent = false;
  child.stdout.on("data", (chunk: Buffer) => {
    out += chunk.toString();
    if (!sent && /saved 20\n/.test(out)) {
      sent = true;
      child.kill(signal);
    }
  });
  const [code, sig] = await new Promise<[number | null, string | null]>((res) => child.on("close", (c, s) => res([c, s])));
  const saved = Math.max(0, ...[...out.matchAll(/saved (\d+)/g)].map((m) => Number(m[1])));
  return { code, signal: sig, saved, out };
}

function rows(file: string): { rows: number; shape: unknown } {
  using ro = H5SaverLowLevel.openReadOnly(file);
  const node = ro.getNode("/RawData/EnlData00");
  return { rows: ro.read(node as never).shape[0] ?? 0, shape: node.attrs.get("shape") };
}

describe("closeOnSignals", () => {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    it(`${signal}: every point saved is in the file, then the process ends by ${signal}`, async () => {
      const file = join(dir, `${signal}.h5`);
      const r = await runAndSignal(signal, file);
      // tsx relays the signal to its child and ends the same way.
      expect(r.signal ?? r.code).toSatisfy((v: unknown) => v === signal || v === (signal === "SIGINT" ? 130 : 143));
      expect(r.saved).toBeGreaterThanOrEqual(20);
      expect(rows(file).rows).toBe(r.saved);
    }, 60_000);
  }

  it("leaves the exit to the application when it listens to the signal too", async () => {
    const file = join(dir, "app.h5");
    const r = await runAndSignal("SIGINT", file, `process.on("SIGINT", () => { process.stdout.write("app stops\\n"); (globalThis as { stopped?: boolean }).stopped = true; });`);
    expect(r.out).toContain("app stops");
    expect(r.code).toBe(0);
    expect(rows(file).rows).toBe(r.saved);
  }, 60_000);

  it("removes its listeners when the file closes, and refuses bad signals or a closed file", () => {
    const before = process.listenerCount("SIGTERM");
    const h5 = new H5SaverLowLevel();
    expect(() => h5.closeOnSignals()).toThrow(FileStateError);
    h5.initFile(join(dir, "listeners.h5"), { newFile: true });
    expect(() => h5.closeOnSignals(["SIGKILL"])).toThrow(InvalidValueError);
    expect(() => h5.closeOnSignals([])).toThrow(InvalidValueError);
    const guard = h5.closeOnSignals();
    h5.closeOnSignals();
    expect(process.listenerCount("SIGTERM")).toBe(before + 1);
    expect(guard.active).toBe(false);
    h5.closeFile();
    expect(process.listenerCount("SIGTERM")).toBe(before);
  });
});
