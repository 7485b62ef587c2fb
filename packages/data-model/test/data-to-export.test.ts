import { ownFields } from "@pymodaq-ts/test-support";
import { describe, expect, it } from "vitest";
import {
  DataCalculated, DataDim, DataRaw, DataToExport, DataWithAxes, NDArray, compareCodePoints, isDataToExport,
} from "../src/index.js";
import { DATA0D, DATA1D, DATA2D, errName, f64 } from "./fixtures.js";

const dat1 = (): DataRaw => new DataRaw("data2D", { data: [DATA2D(), DATA2D()] });
const dat2 = (): DataRaw => new DataRaw("data1D", { data: [DATA1D(), DATA1D(), DATA1D()] });
const fixture = (): { dte: DataToExport; d1: DataRaw; d2: DataRaw } => {
  const d1 = dat1();
  const d2 = dat2();
  return { dte: new DataToExport("toexport", { data: [d1, d2] }), d1, d2 };
};

describe("DataToExport (data-model.md §7, §10.6)", () => {
  it("T1 name, data, length", () => {
    const { dte, d1, d2 } = fixture();
    expect(dte.name).toBe("toexport");
    expect(dte.data).toEqual([d1, d2]);
    expect(dte.data[0]).toBe(d1);
    expect(dte.length).toBe(2);
    expect(d1.origin).toBe("toexport");
  });

  it("T2 data must be a list of DataWithAxes", () => {
    expect(errName(() => new DataToExport("x", { data: [DATA1D()] as never }))).toBe("ModelTypeError");
    expect(errName(() => new DataToExport("x", { data: dat1() as never }))).toBe("ModelTypeError");
    expect(errName(() => new DataToExport("x", { dta: [] } as never))).toBe("ModelTypeError");
  });

  it("T3 appending the same DWAs replaces them", () => {
    const { dte, d1, d2 } = fixture();
    dte.append([d1, d2]);
    expect(dte.length).toBe(2);
    expect(dte.data.map((d) => d.name)).toEqual(["data2D", "data1D"]);
    expect(dte.at(0)).not.toBe(d1);
    expect(dte.at(0).equals(d1)).toBe(true);
  });

  it("appendOwned stores the given DWAs themselves, with append's replacement rules", () => {
    const { dte, d1, d2 } = fixture();
    const same = dat1(); // name data2D, and the origin of the collection below
    const zero = new DataRaw("data0D", { data: [DATA0D()] });
    dte.appendOwned(new DataToExport("toexport", { data: [same, zero] }));
    expect(dte.data).toEqual([d2, same, zero]);
    expect(dte.at(1)).toBe(same);
    expect(dte.at(1).data[0]).toBe(same.data[0]);
    dte.appendOwned(d1);
    expect(dte.data.map((d) => d.name)).toEqual(["data1D", "data0D", "data2D"]);
    expect(dte.at(2)).toBe(d1);
    expect(errName(() => dte.appendOwned([DATA1D()] as never))).toBe("ModelTypeError");
    expect(errName(() => dte.appendOwned(42 as never))).toBe("ModelTypeError");
  });

  it("T4 appending a new 0-D DWA", () => {
    const { dte } = fixture();
    dte.append(new DataRaw("data0D", { data: [DATA0D()] }));
    expect(dte.length).toBe(3);
    expect(dte.getNames()).toEqual(["data2D", "data1D", "data0D"]);
  });

  it("T5 indexing and slicing", () => {
    const { dte } = fixture();
    dte.append(new DataRaw("data0D", { data: [DATA0D()] }));
    expect(dte.at(0)).toBeInstanceOf(DataWithAxes);
    expect(dte.slice(1).length).toBe(2);
    expect(dte.slice(0, 2).getNames()).toEqual(["data2D", "data1D"]);
    expect(dte.slice(0, null, 2).getNames()).toEqual(["data2D", "data0D"]);
    expect(dte.slice(1).name).toBe("toexport");
    expect(dte.slice(1).at(0)).toBe(dte.at(1));
    expect(errName(() => dte.at(-1))).toBe("ModelIndexError");
    expect(errName(() => dte.at(3))).toBe("ModelIndexError");
    expect(errName(() => dte.setAt(0, "x" as never))).toBe("ModelIndexError");
  });

  it("T6 by source", () => {
    const { dte } = fixture();
    const calc = new DataCalculated("calc", { data: [DATA1D()] });
    dte.append(calc);
    expect(dte.getDataFromSource("calculated").getNames()).toEqual(["calc"]);
    expect(dte.getDataFromSource("raw").length).toBe(2);
  });

  it("T7 by attribute (name, dim as a string)", () => {
    const { dte } = fixture();
    const raw1D = new DataRaw("my1DDataraw", { data: [DATA1D()] });
    dte.append(raw1D);
    expect(dte.getDataFromAttribute("name", "my1DDataraw").at(0).name).toBe("my1DDataraw");
    expect(dte.getDataFromAttribute("dim", "Data1D").length).toBe(2);
    expect(dte.getDataFromAttribute("dim", DataDim.Data1D).length).toBe(2);
  });

  it("T8 missing attribute, before and after adding it as an extra attribute", () => {
    const { dte } = fixture();
    dte.append(new DataRaw("data0D", { data: [DATA0D()] }));
    expect(dte.getDataFromMissingAttribute("aweirdattribute").length).toBe(3);
    dte.at(1).addExtraAttribute("aweirdattribute", 1n);
    expect(dte.getDataFromMissingAttribute("aweirdattribute").length).toBe(2);
    expect(dte.getDataFromAttribute("aweirdattribute", 1n).getNames()).toEqual(["data1D"]);
    expect(dte.getDataFromMissingAttribute("units").length).toBe(0);
    expect(dte.getDataFromAttribute("nav_indexes", []).length).toBe(3);
  });

  it("T9 by dim", () => {
    const { dte } = fixture();
    expect(dte.getDataFromDim("Data0D").length).toBe(0);
    const zero = new DataRaw("data0D", { data: [DATA0D()] });
    dte.append(zero);
    expect(dte.getDataFromDim("Data0D").getNames()).toEqual(["data0D"]);
    expect(dte.getDataFromDim(DataDim.Data0D).at(0)).toBe(dte.at(2));
    expect(errName(() => dte.getDataFromDim("Data5D"))).toBe("ModelValueError");
  });

  it("T10 a second 2-D DWA", () => {
    const { dte } = fixture();
    dte.append(new DataRaw("data2Dbis", { data: [DATA2D()] }));
    expect(dte.getDataFromDim("Data2D").getNames()).toEqual(["data2D", "data2Dbis"]);
  });

  it("T11 by name and origin; appending a same-name DWA replaces it", () => {
    const { dte, d1 } = fixture();
    expect(dte.getDataFromNameOrigin("data2D")).toBe(d1);
    const other = new DataRaw("data2D", { data: [DATA2D()] });
    dte.append(other);
    expect(dte.getDataFromNameOrigin("data2D")?.length).toBe(1);
    expect(dte.data.includes(d1)).toBe(false);
    expect(dte.length).toBe(2);
  });

  it("T12 full names after setting origins", () => {
    const { dte, d1, d2 } = fixture();
    d1.origin = "o1";
    d2.origin = "o2";
    expect(dte.getFullNames()).toEqual([d1.getFullName(), d2.getFullName()]);
    expect(dte.getFullNames()).toEqual(["o1/data2D", "o2/data1D"]);
  });

  it("T13 origins, without duplicates", () => {
    const { dte, d1 } = fixture();
    expect(dte.getOrigins()).toEqual(["toexport"]);
    d1.origin = "other";
    expect(dte.getOrigins().sort()).toEqual(["other", "toexport"]);
    expect(dte.getOrigins("Data2D")).toEqual(["other"]);
  });

  it("T14 by name and origin, missing ones", () => {
    const { dte, d1 } = fixture();
    expect(dte.getDataFromNameOrigin("dataxxD", "toexport")).toBeNull();
    expect(dte.getDataFromNameOrigin("data2D", "toexport")).toBe(d1);
    expect(dte.getDataFromNameOrigin("data2D", "toexport2")).toBeNull();
    expect(dte.indexFromNameOrigin("data2D", "toexport2")).toBe(-1);
    expect(dte.indexFromNameOrigin("zz")).toBe(-1);
  });

  it("T15 by full names", () => {
    const { dte, d1, d2 } = fixture();
    expect(dte.getDataFromFullNames(["toexport/data2D", "toexport/data1D"]).data).toEqual([d1, d2]);
    expect(dte.getDataFromFullName("toexport/data2D", true)).not.toBe(d1);
    expect(errName(() => dte.getDataFromFullName("nodelimiter"))).toBe("ModelIndexError");
    expect(errName(() => dte.getDataFromFullName(undefined as never))).toBe("ModelTypeError");
  });

  it("T16 index", () => {
    const { dte, d1 } = fixture();
    expect(dte.index(d1)).toBe(0);
    const renamed = d1.deepcopy();
    renamed.name = "another";
    expect(errName(() => dte.index(renamed))).toBe("ModelValueError");
  });

  it("T17 pop and remove", () => {
    const { dte, d2, d1 } = fixture();
    expect(dte.pop(1)).toBe(d2);
    expect(dte.length).toBe(1);
    expect(errName(() => dte.index(d2))).toBe("ModelValueError");
    expect(dte.remove(d1)).toBe(d1);
    expect(dte.length).toBe(0);
  });

  it("T18 names, filtered by dim", () => {
    const { dte } = fixture();
    dte.append(new DataRaw("data2Dbis", { data: [DATA2D()] }));
    expect(dte.getNames()).toEqual(["data2D", "data1D", "data2Dbis"]);
    expect(dte.getNames("Data1D")).toEqual(["data1D"]);
    expect(dte.getNames("data2d")).toEqual(["data2D", "data2Dbis"]);
  });

  it("T19 arithmetic per DWA", () => {
    const { dte } = fixture();
    const sum = dte.add(dte);
    expect(sum.at(0).at(0).toNumbers()).toEqual(DATA2D().toNumbers().map((v) => 2 * v));
    expect(sum.name).toBe("toexport");
    expect(dte.subtract(dte).at(1).at(2).toNumbers().every((v) => v === 0)).toBe(true);
    expect(dte.multiply(2).at(1).at(0).toNumbers()).toEqual(DATA1D().toNumbers().map((v) => 2 * v));
    expect(dte.divide(2).at(1).at(0).toNumbers()).toEqual(DATA1D().toNumbers().map((v) => v / 2));
    expect(dte.average(dte, 1).at(0).equals(dte.at(0))).toBe(true);
    expect(errName(() => dte.add(dte.slice(0, 1)))).toBe("ModelTypeError");
    expect(errName(() => dte.multiply("k" as never))).toBe("ModelTypeError");
    const swapped = new DataToExport("s", { data: [dat2(), dat1()] });
    expect(errName(() => dte.add(swapped))).toBe("ModelValueError");
  });

  it("T20 mergeAsDwa over 1 + 2 + 3 arrays", () => {
    const dte = new DataToExport("merged", {
      data: [1, 2, 3].map((n, k) => new DataRaw(`d${k}`, { data: Array.from({ length: n }, DATA1D), labels: Array.from({ length: n }, (_, i) => `l${k}${i}`) })),
    });
    const m = dte.mergeAsDwa("Data1D");
    expect(m?.name).toBe("merged");
    expect(m?.length).toBe(6);
    expect(m?.labels).toEqual(["l00", "l10", "l11", "l20", "l21", "l22"]);
    expect(dte.mergeAsDwa("Data2D")).toBeNull();
    expect(dte.mergeAsDwa("Data1D", "named")?.name).toBe("named");
  });
});

describe("DataToExport details (data-model.md §7.1 to §7.4)", () => {
  it("the §7.4 example: dims, sorted look-ups, names, full names", () => {
    const mk = (n: string, shape: number[], origin = ""): DataRaw => new DataRaw(n, { data: [NDArray.zeros(shape)], origin });
    const t = new DataToExport("t", { data: [mk("b", [3]), mk("a", [3]), mk("c", [2, 2]), mk("a", [3], "other")] });
    expect(t.getDimPresents()).toEqual(["Data1D", "Data2D"]);
    expect(t.getDataFromDim("Data1D").getFullNames()).toEqual(["t/a", "other/a", "t/b"]);
    expect(t.getNames()).toEqual(["b", "a", "c", "a"]);
    expect(t.getFullNames()).toEqual(["t/b", "t/a", "t/c", "other/a"]);
    expect(t.getDataFromFullName("other/a")?.getFullName()).toBe("other/a");
    expect(t.getDataFromFullName("/a")?.getFullName()).toBe("t/a");
    expect(t.indexFromNameOrigin("a", "other")).toBe(3);
    expect(t.getDataFromDims(["Data2D", "Data1D"]).getNames()).toEqual(["c", "a", "a", "b"]);
    expect(t.getDataFromNames(["c", "b"]).getNames()).toEqual(["b", "c"]);
    expect(t.getDataFromName("a")?.origin).toBe("t");
    expect(t.getDataFromNaxes(2).getNames()).toEqual(["c"]);
    expect(t.getDataFromSigAxes(1).getNames()).toEqual(["b", "a", "a"]);
    expect(t.getDataWithNaxesLowerThan(0).length).toBe(4);
    expect(t.getDataFromDim("Data1D", true).at(0)).not.toBe(t.at(1));
  });

  it("the §7.3 example: replaced entries move to the end; append keeps empty origins", () => {
    const mk = (n: string, origin = ""): DataRaw => new DataRaw(n, { data: [f64([1, 2])], origin });
    const t2 = new DataToExport("t2", { data: [mk("a"), mk("b")] });
    t2.append(mk("a", "t2"));
    expect(t2.getFullNames()).toEqual(["t2/b", "t2/a"]);
    t2.append(mk("b"));
    expect(t2.getFullNames()).toEqual(["t2/a", "/b"]);
    t2.append(mk("a", "elsewhere"));
    expect(t2.getFullNames()).toEqual(["t2/a", "/b", "elsewhere/a"]);
    t2.append(new DataToExport("o", { data: [mk("z")] }));
    expect(t2.length).toBe(4);
    t2.append("ignored");
    t2.append(42);
    expect(t2.length).toBe(4);
  });

  it("name sorting is by code point, stable", () => {
    const names = ["\u{1F600}", "\uFFFF", "b", "B", "a"];
    const t = new DataToExport("u", { data: names.map((n) => new DataRaw(n, { data: [f64([1, 2])] })) });
    expect(t.getDataFromDim("Data1D").getNames()).toEqual(["B", "a", "b", "\uFFFF", "\u{1F600}"]);
    expect(compareCodePoints("\u{1F600}", "\uFFFF")).toBeGreaterThan(0);
    expect(compareCodePoints("ab", "a")).toBeGreaterThan(0);
    expect(compareCodePoints("a", "a")).toBe(0);
  });

  it("deepcopy is named Copy; data assignment, iteration, timestamp, repr", () => {
    const { dte, d1 } = fixture();
    const c = dte.deepcopy();
    expect(c.name).toBe("Copy");
    expect(c.at(0)).not.toBe(d1);
    expect([...dte].length).toBe(2);
    const fresh = new DataRaw("fresh", { data: [f64([1, 2])] });
    dte.data = [fresh];
    expect(fresh.origin).toBe("toexport");
    expect(new DataToExport("ts", { timestamp: 5 }).timestamp).toBe(5);
    expect(errName(() => new DataToExport("ts", { timestamp: "5" as never }))).toBe("ModelTypeError");
    expect(new DataToExport("kw", { attributes: { scan: "s1" } }).attributes.get("scan")).toBe("s1");
    expect(String(dte)).toBe("DataToExport: toexport <len:1>\n    * <DataRaw: fresh <u: > <len:1> (|2)>");
    expect(isDataToExport(dte)).toBe(true);
    expect(new DataToExport("empty").length).toBe(0);
  });
});

describe("DataToExport.affectNameToOriginIfNone", () => {
  it("gives the collection's name to the DWAs whose origin is empty, and only to them", () => {
    const dte = new DataToExport("det", { data: [dat1(), new DataRaw("other", { data: [DATA0D()], origin: "mine" })] });
    const added = dat2();
    dte.appendOwned(added);
    expect(added.origin).toBe("");
    dte.affectNameToOriginIfNone();
    expect(dte.data.map((d) => d.origin)).toEqual(["det", "mine", "det"]);
  });
});

describe("DataToExport.fromFields", () => {
  it("rebuilds a DataToExport field for field, adopting its DWAs and keeping its timestamp", () => {
    const { dte, d1, d2 } = fixture();
    const withAttributes = new DataToExport("attrs", { data: [d1], timestamp: 5, attributes: { control: "ctrl" } });
    for (const original of [dte, withAttributes]) {
      const copy = DataToExport.fromFields({
        name: original.name, timestamp: original.timestamp, data: original.data, attributes: original.attributes,
      });
      expect(copy).toBeInstanceOf(DataToExport);
      expect(ownFields(copy)).toEqual(ownFields(original));
      expect(copy.getDimPresents()).toEqual(original.getDimPresents());
    }
    const bare = new DataRaw("bare", { data: [DATA1D()] });
    const adopted = DataToExport.fromFields({ name: "n", timestamp: 1, data: [bare, d2], attributes: new Map() });
    expect(adopted.at(0)).toBe(bare);
    expect(bare.origin).toBe(""); // not given the collection's name: the fields are taken as they are
    expect(adopted.timestamp).toBe(1);
  });
});
