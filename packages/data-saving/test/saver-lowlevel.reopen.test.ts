// A written file reopened: identical tree, attributes (storage included) and data; a read-only
// session leaves the file bytes untouched.
import { PyTuple } from "@pymodaq-ts/data-model";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { tempDir } from "@pymodaq-ts/test-support";
import { CARRAY, EARRAY } from "../src/conventions/nodes/arrays.js";
import { StringARRAY } from "../src/conventions/nodes/vlarray.js";
import { H5SaverLowLevel } from "../src/conventions/h5-saver-lowlevel.js";

let dir: string;
beforeEach(() => {
  dir = tempDir("ds-reopen");
});

/** Everything observable about a file: per node, class, every attribute as stored, and data. */
function snapshot(h5: H5SaverLowLevel): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const node of h5.walkNodes("/")) {
    const attrs = Object.fromEntries(node.attrs.names().sort().map((n) => [n, node.attrs.getStored(n)]));
    let data: unknown = null;
    if (node instanceof StringARRAY) data = node.read();
    else if (node instanceof CARRAY) data = { shape: node.shape, dtype: node.dtype, values: Array.from(node.read().data as ArrayLike<number>, String) };
    out[node.path] = { cls: node.nodeClass, attrs, data };
  }
  return out;
}

function writeSample(path: string): Record<string, unknown> {
  const h5 = new H5SaverLowLevel({ saveType: "logger" });
  h5.initFile(path, { newFile: true, clock: { date: "2024-01-02", time: "03:04:05.678901" }, metadata: { user: "µ", n: 3n } });
  h5.addLog("first");
  const det = h5.addDetGroup(h5.rawGroup, "logger", "<xml/>");
  const ch = h5.getSetGroup(h5.getSetGroup(det, "Data0D"), "CH00", "temps");
  const e = h5.addArray(ch, "EnlData00", "data_enlargeable", { enlargeable: true, dataShape: [1], dataDimension: "Data0D", title: "temps" }) as EARRAY;
  const nav = h5.getSetGroup(det, "NavAxes");
  const axis = h5.addArray(nav, "Axis00", "axis", { enlargeable: true, dataDimension: "Data1D", title: "time", metadata: { size: 2n } }) as EARRAY;
  axis.attrs.set("size", 0n);
  for (let i = 0; i < 10; i++) {
    e.append({ dtype: "float64", shape: [1], data: Float64Array.of(i * 1.5) });
    axis.append({ dtype: "float64", shape: [1], data: Float64Array.of(1000 + i) }, { expand: false });
    axis.attrs.setDeferred("size", BigInt(i + 1));
  }
  h5.addArray(ch, "Axis00", "axis", { data: { dtype: "int32", shape: [3], data: Int32Array.of(1, 2, 3) }, dataDimension: "Data1D" });
  h5.addLog("last");
  h5.flush(); // the deferred shape/size attributes reach the file here
  const snap = snapshot(h5);
  h5.closeFile();
  return snap;
}

describe("reopening a written file", () => {
  it("reads back an identical tree, attributes, storage flavours and data", () => {
    const path = join(dir, "sample.h5");
    const before = writeSample(path);
    const ro = H5SaverLowLevel.openReadOnly(path);
    try {
      expect(snapshot(ro)).toEqual(before);
      const axis = ro.getNode("/RawData/Detector000/NavAxes/Axis00");
      expect(axis.attrs.get("size")).toBe(10n);
      expect(axis.attrs.get("shape")).toEqual(new PyTuple([10n]));
      expect(ro.getNode("/RawData/Detector000/Data0D/CH00/EnlData00").attrs.get("shape")).toEqual(new PyTuple([10n, 1n]));
    } finally {
      ro.closeFile();
    }
  });

  it("a read-only session does not change a byte; reopening read-write and closing keeps the content", () => {
    const path = join(dir, "sample.h5");
    const before = writeSample(path);
    const hash = () => createHash("sha256").update(readFileSync(path)).digest("hex");
    const h0 = hash();
    const ro = H5SaverLowLevel.openReadOnly(path);
    snapshot(ro);
    ro.closeFile();
    expect(hash()).toBe(h0);
    const rw = new H5SaverLowLevel();
    expect(rw.initFile(path)).toBe(false);
    expect(snapshot(rw)).toEqual(before);
    rw.closeFile();
    const again = H5SaverLowLevel.openReadOnly(path);
    expect(snapshot(again)).toEqual(before);
    again.closeFile();
  });
});
