// The C program writes the layouts of WORKLOADS.md (checked with h5py) and prints its JSON line.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compareFiles, describeFile, readDataset } from "../src/equivalence.js";
import { tempDir } from "@pymodaq-ts/test-support";
import { env, runC } from "./helpers.js";

const FILL_TIME_ALLOC = 0;
const ALLOC_TIME_INCR = 3;
const str = (s: string) => env("builtins", "str", `'${s}'`);
const tuple = (s: string) => env("builtins", "tuple", s);

describe("c.w1 scan2d", () => {
  it("writes the documented layout at the default sizes", () => {
    const file = join(tempDir(), "w1.h5");
    const r = runC(["w1", "--file", file, "--keep", "--fill-value"]);
    expect(r).toMatchObject({ impl: "c", workload: "w1", n_ops: 2000, payload_bytes: 2000 * (2 * 1024 * 8 + 8) });
    const { nodes } = describeFile(file);
    const det = "/RawData/Scan000/Detector000";
    expect(Object.keys(nodes).sort()).toEqual(
      [
        "/",
        "/RawData",
        "/RawData/Logger",
        "/RawData/Scan000",
        "/RawData/Scan000/NavAxes",
        "/RawData/Scan000/NavAxes/Axis00",
        "/RawData/Scan000/NavAxes/Axis01",
        det,
        `${det}/Data0D`,
        `${det}/Data0D/CH00`,
        `${det}/Data0D/CH00/Data00`,
        `${det}/Data1D`,
        `${det}/Data1D/CH00`,
        `${det}/Data1D/CH00/Axis00`,
        `${det}/Data1D/CH00/Data00`,
        `${det}/Data1D/CH00/Data01`,
      ].sort(),
    );
    const layout = (p: string) => {
      const n = nodes[p]!;
      return [n.shape, n.maxshape, n.chunks];
    };
    expect(layout("/RawData/Logger")).toEqual([[0], ["UNLIM"], [65536]]);
    expect(layout("/RawData/Scan000/NavAxes/Axis00")).toEqual([[50], [8192], [8192]]);
    expect(layout("/RawData/Scan000/NavAxes/Axis01")).toEqual([[40], [8192], [8192]]);
    expect(layout(`${det}/Data0D/CH00/Data00`)).toEqual([[50, 40], [204, 40], [204, 40]]);
    expect(layout(`${det}/Data1D/CH00/Axis00`)).toEqual([[1024], [8192], [8192]]);
    expect(layout(`${det}/Data1D/CH00/Data00`)).toEqual([[50, 40, 1024], [50, 40, 1024], [1, 16, 1024]]);
    expect(layout(`${det}/Data1D/CH00/Data01`)).toEqual([[50, 40, 1024], [50, 40, 1024], [1, 16, 1024]]);
    const data = nodes[`${det}/Data1D/CH00/Data01`]!;
    expect([data.fill_time, data.alloc_time, data.filters, data.dtype]).toEqual([FILL_TIME_ALLOC, ALLOC_TIME_INCR, 0, "<f8"]);
    const a = (p: string, name: string) => nodes[p]!.attrs[name];
    expect(a("/", "CLASS")).toEqual({ value: "GROUP", storage: "name-ascii:str:fixed5:utf8:scalar" });
    expect(a("/", "PYTABLES_FORMAT_VERSION")!.value).toBe("2.1");
    expect(a("/RawData", "type")!.value).toBe(str("scan"));
    expect(a("/RawData/Logger", "TITLE")).toEqual({ value: "", storage: "name-ascii:str:fixed1:utf8:null" });
    expect(a("/RawData/Scan000", "scan_done")!.value).toBe(env("builtins", "bool", "False"));
    expect(a("/RawData/Scan000", "description")!.value).toBe(str(""));
    expect(a(det, "TITLE")!.value).toBe("spectro");
    expect(a(`${det}/Data1D`, "TITLE")!.storage).toBe("name-ascii:str:fixed1:utf8:null");
    expect(a(`${det}/Data1D/CH00`, "TITLE")!.value).toBe("spectrum");
    expect(a(`${det}/Data1D/CH00/Data01`, "CLASS")).toEqual({ value: "CARRAY", storage: "name-ascii:str:fixed6:ascii:scalar" });
    expect(a(`${det}/Data1D/CH00/Data01`, "label")!.value).toBe(str("ch1"));
    expect(a(`${det}/Data1D/CH00/Data01`, "nav_indexes")!.value).toBe(tuple("(0, 1)"));
    expect(a(`${det}/Data1D/CH00/Data01`, "shape")!.value).toBe(tuple("(50, 40, 1024)"));
    expect(a(`${det}/Data0D/CH00/Data00`, "units")).toBeUndefined();
    expect(a(`${det}/Data0D/CH00/Data00`, "data_dimension")!.value).toBe(str("Data0D"));
    expect(a(`${det}/Data1D/CH00/Axis00`, "index")!.value).toBe(env("builtins", "int", "2"));
    expect(a(`${det}/Data1D/CH00/Axis00`, "offset")!.value).toBe(env("numpy", "float64", "400.0"));
    expect(a("/RawData/Scan000/NavAxes/Axis00", "scaling")!.value).toBe(env("numpy", "float64", "0.1"));
    expect(a("/RawData/Scan000/NavAxes/Axis01", "index")!.value).toBe(env("builtins", "int", "1"));
  });

  it("fills the arrays with the payload formulas, zeros or fill value alike", () => {
    const dir = tempDir();
    const sizes = ["--nx", "3", "--ny", "4", "--L", "8"];
    for (const variant of [[], ["--fill-value"]]) {
      const file = join(dir, `w1${variant.length}.h5`);
      runC(["w1", ...sizes, "--file", file, "--keep", ...variant]);
      const ch1 = readDataset(file, "/RawData/Scan000/Detector000/Data1D/CH00/Data01") as number[][][];
      expect(ch1[1]![2]![3]).toBe(-(1 * 4 + 2 + 3 / 8));
      const power = readDataset(file, "/RawData/Scan000/Detector000/Data0D/CH00/Data00") as number[][];
      expect(power).toEqual([0, 1, 2].map((ix) => [0, 1, 2, 3].map((iy) => 0.5 * (ix * 4 + iy))));
      // pymodaq writes Axis.get_data(): offset + mean(diff) * i, with NumPy's mean of 0.2 * arange(4)
      expect(readDataset(file, "/RawData/Scan000/NavAxes/Axis01")).toEqual([0, 0.20000000000000004, 0.4000000000000001, 0.6000000000000001]);
    }
  });
});

describe("c.w2 logger", () => {
  it("writes enlargeable arrays whose shape and size attributes follow the appends", () => {
    const file = join(tempDir(), "w2.h5");
    const r = runC(["w2", "--n", "50", "--file", file, "--keep"]);
    expect(r).toMatchObject({ workload: "w2", n_ops: 50, payload_bytes: 50 * (16 + 256 * 8 + 8) });
    const { nodes } = describeFile(file);
    const det = "/RawData/Detector000";
    const n = (p: string) => nodes[`${det}/${p}`]!;
    expect([n("Data0D/CH00/EnlData00").shape, n("Data0D/CH00/EnlData00").maxshape, n("Data0D/CH00/EnlData00").chunks]).toEqual([[50, 1], ["UNLIM", 1], [8192, 1]]);
    expect([n("Data1D/CH00/EnlData00").shape, n("Data1D/CH00/EnlData00").chunks]).toEqual([[50, 256], [32, 256]]);
    expect([n("Data1D/CH00/Axis00").shape, n("Data1D/CH00/Axis00").maxshape]).toEqual([[256], [8192]]);
    expect([n("NavAxes/Axis00").shape, n("NavAxes/Axis00").maxshape, n("NavAxes/Axis00").chunks]).toEqual([[50], ["UNLIM"], [8192]]);
    expect(n("Data0D/CH00/EnlData01").attrs.EXTDIM).toEqual({ value: 0, storage: "name-ascii:<i4:scalar" });
    expect(n("Data0D/CH00/EnlData01").attrs.shape!.value).toBe(tuple("(50, 1)"));
    expect(n("Data1D/CH00/EnlData00").attrs.shape!.value).toBe(tuple("(50, 256)"));
    expect(n("Data1D/CH00/EnlData00").attrs.distribution!.value).toBe(str("spread"));
    expect(n("Data1D/CH00/EnlData00").attrs.nav_indexes!.value).toBe(tuple("(0,)"));
    expect(n("Data1D/CH00/Axis00").attrs.index!.value).toBe(env("builtins", "int", "1"));
    expect(n("NavAxes/Axis00").attrs.size!.value).toBe(env("builtins", "int", "50"));
    expect(n("NavAxes/Axis00").attrs.shape!.value).toBe(tuple("(50,)"));
    expect(n("NavAxes/Axis00").attrs.label!.value).toBe(str("time"));
    expect((readDataset(file, `${det}/NavAxes/Axis00`) as number[]).slice(0, 3)).toEqual([1000, 1000.1, 1000.2]);
    expect((readDataset(file, `${det}/Data0D/CH00/EnlData01`) as number[][])[7]).toEqual([-7]);
  });
});

describe("c.w4 frames", () => {
  it("writes one detector group per frame with a (8, 1024) chunked CARRAY", () => {
    const file = join(tempDir(), "w4.h5");
    const r = runC(["w4", "--frames", "2", "--file", file, "--keep"]);
    expect(r).toMatchObject({ workload: "w4", n_ops: 2, payload_bytes: 2 * 1024 * 1024 * 8 });
    const { nodes } = describeFile(file);
    const d = nodes["/RawData/Detector001/Data2D/CH00/Data00"]!;
    expect([d.shape, d.maxshape, d.chunks]).toEqual([[1024, 1024], [1024, 1024], [8, 1024]]);
    expect(d.attrs.origin!.value).toBe(str("camera01"));
    expect(d.attrs.units!.value).toBe(str(""));
    expect(d.attrs.nav_indexes!.value).toBe(tuple("()"));
    expect(nodes["/RawData/Detector001"]!.attrs.TITLE!.value).toBe("camera01");
    expect(nodes["/RawData/Detector000/Data2D/CH00/Axis01"]!.attrs.label!.value).toBe(str("x"));
    expect(nodes["/RawData"]!.attrs.type!.value).toBe(str("detector"));
  });

  it("writes the same file chunk by chunk (--direct-chunks), rows left over included", () => {
    const dir = tempDir();
    const files = ["default.h5", "direct.h5"].map((name) => join(dir, name));
    const sizes = ["--frames", "2", "--rows", "1001", "--cols", "64"];
    runC(["w4", ...sizes, "--file", files[0]!, "--keep"]);
    expect(runC(["w4", ...sizes, "--file", files[1]!, "--keep", "--direct-chunks"])).toMatchObject({ variant: "direct-chunks" });
    expect(compareFiles(files[0]!, files[1]!).differences).toEqual([]);
    const frame = readDataset(files[1]!, "/RawData/Detector001/Data2D/CH00/Data00") as number[][];
    expect([frame[0]![0], frame[1000]![63]]).toEqual([1e6, 1000 * 64 + 63 + 1e6]);
  });
});

describe("c.w3 load", () => {
  it("reads one channel (w3) or both arrays and the power (w3all) of a W1 file", () => {
    const file = join(tempDir(), "w1.h5");
    runC(["w1", "--file", file, "--keep", "--fill-value"]);
    expect(runC(["w3", "--file", file])).toMatchObject({ workload: "w3", n_ops: 1, payload_bytes: 50 * 40 * 1024 * 8 });
    expect(runC(["w3all", "--file", file])).toMatchObject({ workload: "w3all", n_ops: 1, payload_bytes: 2 * 50 * 40 * 1024 * 8 + 50 * 40 * 8 });
  });
});
