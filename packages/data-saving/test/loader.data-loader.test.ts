/**
 * DataLoader on files written by the real pymodaq_data (fixtures/pymodaq): the load rules
 * of file-format.md §7 checked one by one, the errors, and read-only opening.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fixturePath } from "@pymodaq-ts/test-support";
import { afterEach, describe, expect, it } from "vitest";
import { captureWarnings, ModelIndexError, type DataWithAxes } from "@pymodaq-ts/data-model";
import { NodeError } from "../src/errors.js";
import { getAxes, loadAxis } from "../src/loader/axes.js";
import { DataLoader } from "../src/loader/data-loader.js";
import { AxisError } from "../src/loader/errors.js";

const fixture = (name: string): string => fixturePath(name, ".h5");

let open: DataLoader[] = [];
function loader(name: string): DataLoader {
  const l = new DataLoader(fixture(name));
  open.push(l);
  return l;
}
afterEach(() => {
  for (const l of open) l.closeFile();
  open = [];
});

function values(dwa: DataWithAxes, i = 0): number[] {
  return dwa.data[i]!.toNumbers();
}

describe("DataLoader opening", () => {
  it("opens a path read-only and leaves the file byte-identical", () => {
    const path = fixture("dte_bkg_tables");
    const before = createHash("sha256").update(readFileSync(path)).digest("hex");
    const l = loader("dte_bkg_tables");
    expect(l.h5saver.h5File?.writable).toBe(false);
    l.loadAll("/RawData", undefined, { withBkg: true });
    l.loadData("/RawData/Data1D/CH00/Data00", { withBkg: true, loadAll: true });
    l.closeFile();
    expect(createHash("sha256").update(readFileSync(path)).digest("hex")).toBe(before);
  });

  it("rejects unknown options", () => {
    const l = loader("dte_bkg_tables");
    expect(() => l.loadData("/RawData/Data1D/CH00/Data00", { withbkg: true } as never))
      .toThrow(expect.objectContaining({ name: "InvalidTypeError", message: expect.stringMatching(/withbkg/) }));
  });
});

describe("DataLoader.loadData", () => {
  it("pairs data and backgrounds by position: Data01 alone subtracts Bkg00 (Q2)", () => {
    const l = loader("dte_bkg_tables");
    const raw = values(l.loadData("/RawData/Data1D/CH00/Data01"));
    const bkg0 = values(l.loadData("/RawData/Data1D/CH00/Bkg00"));
    const bkg1 = values(l.loadData("/RawData/Data1D/CH00/Bkg01"));
    const one = l.loadData("/RawData/Data1D/CH00/Data01", { withBkg: true });
    expect(one.data[0]!.dtype).toBe("float32");
    expect(values(one)).toEqual(raw.map((v, i) => Math.fround(v - bkg0[i]!)));
    const all = l.loadData("/RawData/Data1D/CH00/Data01", { withBkg: true, loadAll: true });
    expect(all.length).toBe(2);
    expect(values(all, 1)).toEqual(raw.map((v, i) => Math.fround(v - bkg1[i]!)));
  });

  it("collects the parent's nodes recursively with loadAll, metadata from the first (§7.5)", () => {
    const dwa = loader("dsl_nested_h5py").loadData("/RawData/Data01", { loadAll: true });
    expect(dwa.name).toBe("rootdata");
    expect(dwa.labels).toEqual(["r0", "r1", "CH00", "CH00"]);
    expect(dwa.axes.map((a) => a.label)).toEqual(["a"]);
    expect(dwa.extraAttributes.get("path")).toBe("/RawData/Data01");
  });

  it("adds the nearest NavAxes group's axes to enlargeable data (§7.4)", () => {
    const l = loader("dte_timed_tables");
    const path = "/RawData/Logger1/Data0D/CH00/EnlData00";
    expect(l.getNavGroup(path)?.path).toBe("/RawData/Logger1/NavAxes");
    const dwa = l.loadData(path);
    expect(dwa.dim.name).toBe("DataND");
    expect(dwa.distribution.name).toBe("spread");
    expect(dwa.navIndexes).toEqual([0]);
    expect(dwa.units).toBe("");
    expect(dwa.axes.map((a) => [a.label, a.units, a.index])).toEqual([["time", "s", 0]]);
  });

  it("has no NavAxes group for plain DataToExport data", () => {
    expect(loader("dte_bkg_tables").getNavGroup("/RawData/Data1D/CH00/Data00")).toBeNull();
  });

  it("loads an Axis node as data with an index axis 0..n-1 (Q15)", () => {
    const dwa = loader("dsl_nested_h5py").loadData("/RawData/Agroup/Axis00");
    expect(dwa.name).toBe("a");
    expect(values(dwa)).toEqual([0, 1, 2]);
    expect(dwa.axes).toHaveLength(1);
    expect(dwa.axes[0]!.label).toBe("a");
    expect(dwa.axes[0]!.getData().toNumbers()).toEqual([0, 1, 2]);
  });

  it("reports the replaced index axis through the model's warning channel", () => {
    const { result, warnings } = captureWarnings(() => loader("dsl_nested_h5py").loadData("/RawData/Agroup/Axis00"));
    expect(result.axes[0]!.size).toBe(3);
    expect(warnings.map((w) => w.name)).toContain("DataSizeWarning");
  });

  it("fails with IndexError on a single-point Axis node (§7.2)", () => {
    expect(() => loader("edge_tables").loadData("/RawData/Détecteur µ/Data1D/CH05/Axis00")).toThrow(ModelIndexError);
  });

  it("fails with IndexError on a Data2D whose size-1 dimension was squeezed (§7.3)", () => {
    expect(() => loader("edge_loaderror_h5py").loadData("/RawData/Data2D/CH00/Data00")).toThrow(ModelIndexError);
  });

  it("keeps the size-1 navigation dimension of a DataND (squeeze rule)", () => {
    const dwa = loader("edge_tables").loadData("/RawData/Détecteur µ/DataND/CH00/Data00");
    expect(dwa.shape).toEqual([1, 4]);
    expect(dwa.axes.map((a) => [a.label, a.index, a.size])).toEqual([["n", 0, 1], ["", 1, 4]]);
  });

  it("names the missing node", () => {
    expect(() => loader("dte_bkg_tables").loadData("/RawData/Nope/Data00"))
      .toThrow(expect.objectContaining({ name: "NodeError", message: expect.stringMatching(/\/RawData\/Nope/) }));
  });

  it("needs a data_type attribute (Python KeyError)", () => {
    expect(() => loader("dte_bkg_tables").loadData("/RawData/Data1D"))
      .toThrow(expect.objectContaining({ name: "MissingAttributeError", message: expect.stringMatching(/\/RawData\/Data1D.*data_type/) }));
  });
});

describe("DataLoader.loadAll", () => {
  it("visits sub-groups first, then the group's first data node (Q14)", () => {
    const dte = loader("dsl_nested_h5py").loadAll("/RawData");
    expect(dte.name).toBe("All");
    expect(dte.data.map((d) => d.name)).toEqual(["first", "last", "rootdata"]);
    expect(dte.data.map((d) => d.origin)).toEqual(["Agroup", "Zgroup", "RawData"]);
  });

  it("subtracts backgrounds with withBkg", () => {
    const dte = loader("dte_bkg_tables").loadAll("/RawData", undefined, { withBkg: true });
    expect(dte.data.map((d) => d.name)).toEqual(["line", "frame"]);
  });

  it("aborts on the first failing load", () => {
    expect(() => loader("edge_loaderror_h5py").loadAll("/RawData")).toThrow(ModelIndexError);
  });

  it("needs a group", () => {
    expect(() => loader("dsl_nested_h5py").loadAll("/RawData/Data01")).toThrow(NodeError);
  });
});

describe("loadAxis / getAxes", () => {
  it("rebuilds an axis from its node, linearity re-detected", () => {
    const l = loader("dsl_nested_h5py");
    const axis = loadAxis(l.h5saver, "/RawData/Agroup/Axis00");
    expect([axis.label, axis.units, axis.index, axis.spreadOrder, axis.size]).toEqual(["a", "", 0, 0, 3]);
    expect(axis.data).toBeNull();
    expect(axis.offset).toBe(0);
    expect(axis.scaling).toBe(1);
  });

  it("raises AxisError on a node that is not an axis, naming it", () => {
    const h5 = loader("dsl_nested_h5py").h5saver;
    expect(() => loadAxis(h5, "/RawData/Data01")).toThrow(AxisError);
    expect(() => loadAxis(h5, "/RawData/Data01")).toThrow(/\/RawData\/Data01: .*expected data_type 'axis', found "data"/);
  });

  it("lists the axes of a group's subtree in walk order, from a group or one of its nodes", () => {
    const l = loader("dte_enl3_tables_zlib");
    const fromGroup = getAxes(l.h5saver, "/RawData/NavAxes").map((a) => a.label);
    const fromNode = getAxes(l.h5saver, "/RawData/NavAxes/Axis01").map((a) => a.label);
    expect(fromGroup).toEqual(["x", "y", "z"]);
    expect(fromNode).toEqual(fromGroup);
  });
});
