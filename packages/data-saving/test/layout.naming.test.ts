import { PyTuple } from "@pymodaq-ts/data-model";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isInvalidValueError } from "../src/errors.js";
import {
  arrayNodeIndex,
  arrayNodeName,
  capitalize,
  carraySpec,
  channelGroupName,
  checkDataType,
  checkGroupType,
  checkSaveType,
  compareNodeNames,
  compressionFor,
  earraySpec,
  FILE_SETTINGS,
  groupTypeAttrValue,
  incrementalGroupName,
  nextIncrementalIndex,
  systemAttributes,
  systemStringStorage,
  typedAttr,
  vlarraySpec,
  zeroPad,
} from "../src/conventions/layout.js";

describe("layout: names (file-format.md §3)", () => {
  it("capitalize upper-cases the first n characters only", () => {
    expect(capitalize("data")).toBe("Data");
    expect(capitalize("ErrorBar")).toBe("ErrorBar");
    expect(capitalize("base group")).toBe("Base group");
    expect(capitalize("ch")).toBe("Ch");
    expect(capitalize("data_dim")).toBe("Data_dim");
    expect(capitalize("abc", 2)).toBe("ABc");
    expect(capitalize("")).toBe("");
  });

  it("array node names are capitalize(DataType value) + 2 digits, 3 from 100", () => {
    expect(arrayNodeName("data", 0)).toBe("Data00");
    expect(arrayNodeName("axis", 3)).toBe("Axis03");
    expect(arrayNodeName("bkg", 12)).toBe("Bkg12");
    expect(arrayNodeName("error", 1)).toBe("ErrorBar01");
    expect(arrayNodeName("data_enlargeable", 0)).toBe("EnlData00");
    expect(arrayNodeName({ name: "data" }, 100)).toBe("Data100");
    expect(zeroPad(7, 3)).toBe("007");
  });

  it("parses the index back from a node name", () => {
    expect(arrayNodeIndex("data", "Data03")).toBe(3);
    expect(arrayNodeIndex("data_enlargeable", "EnlData00")).toBe(0);
    expect(arrayNodeIndex("data", "Axis00")).toBeNull();
    expect(arrayNodeIndex("data", "Data0x")).toBeNull();
  });

  it("channel and incremental groups", () => {
    expect(channelGroupName(0)).toBe("CH00");
    expect(channelGroupName(11)).toBe("CH11");
    expect(incrementalGroupName("scan", 0)).toBe("Scan000");
    expect(incrementalGroupName("detector", 12)).toBe("Detector012");
    expect(incrementalGroupName("data_dim", 0)).toBe("Data_dim000");
    expect(incrementalGroupName("ch", 0)).toBe("Ch000");
  });

  it("next incremental index: children containing the prefix, sorted, last 3 digits + 1", () => {
    expect(nextIncrementalIndex("scan", [])).toBe(0);
    expect(nextIncrementalIndex("scan", ["Logger", "Scan000"])).toBe(1);
    expect(nextIncrementalIndex("scan", ["Scan001", "Scan000", "Detector004"])).toBe(2);
    // "Data" is contained in "Data_dim000": the original counts it (substring test)
    expect(nextIncrementalIndex("data", ["Data_dim000"])).toBe(1);
  });

  it("group type attribute: lower-case name, '' for ch (Q24)", () => {
    expect(groupTypeAttrValue("Detector")).toBe("detector");
    expect(groupTypeAttrValue("ch")).toBe("");
  });

  it("enum checks accept names case-insensitively and reject values", () => {
    expect(checkDataType("DATA")).toBe("data");
    expect(checkGroupType("SCAN")).toBe("scan");
    expect(checkSaveType("logger")).toBe("logger");
    expect(() => checkDataType("EnlData")).toThrow(/not a valid DataType/);
    expect(() => checkGroupType("nothing")).toThrowError(expect.objectContaining({ pythonName: "ValueError" }));
    try {
      checkSaveType("");
    } catch (e) {
      expect(isInvalidValueError(e)).toBe(true);
    }
  });

  it("orders names by code point, as HDF5's byte-wise index", () => {
    const names = ["n1", "N2", "M1", "\u{1F4C1} x", "\uFFFD", "Zgroup", "Agroup"];
    expect([...names].sort(compareNodeNames)).toEqual(["Agroup", "M1", "N2", "Zgroup", "n1", "\uFFFD", "\u{1F4C1} x"]);
  });

  it("orders any two names as their UTF-8 bytes (property)", () => {
    const sign = (x: number) => Math.sign(x);
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.string({ unit: "binary" }), (a, b) => {
        expect(sign(compareNodeNames(a, b))).toBe(sign(Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"))));
      }),
      { numRuns: 500 },
    );
  });
});

describe("layout: attribute types (file-format.md §5.4)", () => {
  it("gives each attribute its Python type", () => {
    expect(typedAttr("shape", [5, 10])).toEqual(new PyTuple([5n, 10n]));
    expect(typedAttr("nav_indexes", [])).toEqual(new PyTuple([]));
    expect(typedAttr("timestamp", 1700000000)).toBe(1700000000);
    expect(typedAttr("index", 3)).toBe(3n);
    expect(typedAttr("size", 3n)).toBe(3n);
    expect(typedAttr("scan_done", false)).toBe(false);
    expect(typedAttr("label", "x")).toBe("x");
    expect(typedAttr("gain", 2)).toBe(2);
  });

  it("rejects values of the wrong type", () => {
    expect(() => typedAttr("index", 1.5)).toThrow(/Python int/);
    expect(() => typedAttr("shape", [1.5])).toThrow(/tuple-of-int/);
    expect(() => typedAttr("label", 3)).toThrow(/Python str/);
  });
});

describe("layout: storage profile (file-format.md §2.6, §4, WORKLOADS)", () => {
  it("system attributes: fixed-length, NULL for '', ASCII on CARRAY/EARRAY", () => {
    expect(systemStringStorage("GROUP")).toEqual({ storage: "fixed", cset: "utf8", emptyAsNull: true });
    expect(systemStringStorage("VLARRAY").cset).toBe("utf8");
    expect(systemStringStorage("CARRAY").cset).toBe("ascii");
    expect(systemStringStorage("EARRAY").cset).toBe("ascii");
    expect(systemAttributes("EARRAY", "t").map((a) => [a.name, a.value])).toEqual([
      ["CLASS", "EARRAY"], ["VERSION", "1.1"], ["TITLE", "t"], ["EXTDIM", 0],
    ]);
    expect(systemAttributes("GROUP", "PyMoDAQ file", { root: true }).map((a) => a.name)).toContain("PYTABLES_FORMAT_VERSION");
    expect(systemAttributes("VLARRAY", "").find((a) => a.name === "VERSION")?.value).toBe("1.4");
  });

  it("CARRAY chunk shapes and max dims as PyTables", () => {
    expect(carraySpec("float64", [10], null)).toMatchObject({ chunks: [8192], maxshape: [8192] });
    expect(carraySpec("int64", [5, 6], null)).toMatchObject({ chunks: [1365, 6], maxshape: [1365, 6] });
    expect(carraySpec("float64", [3, 4, 5], null).chunks).toEqual([409, 4, 5]);
    expect(carraySpec("float64", [50, 40], null)).toMatchObject({ chunks: [204, 40], maxshape: [204, 40] });
    expect(carraySpec("float64", [50, 40, 1024], null)).toMatchObject({ chunks: [1, 16, 1024], maxshape: [50, 40, 1024] });
    expect(carraySpec("float64", [3], null)).toEqual(expect.objectContaining({ fillTime: "alloc", allocTime: "incr", deflate: null, shuffle: false }));
    expect(carraySpec("float64", [3], null)).not.toHaveProperty("fillValue"); // libhdf5's default, as PyTables
  });

  it("EARRAY: shape (0, *row), unlimited first dim, 1000 expected rows", () => {
    expect(earraySpec("float64", [1], null)).toMatchObject({ shape: [0, 1], maxshape: [null, 1], chunks: [8192, 1] });
    expect(earraySpec("int64", [3], null).chunks).toEqual([2730, 3]);
    expect(earraySpec("float64", [5, 6], null).chunks).toEqual([273, 5, 6]);
    expect(earraySpec("float64", [256], null).chunks).toEqual([32, 256]);
    expect(earraySpec("float64", [10], null).chunks).toEqual([819, 10]);
    expect(earraySpec("float64", [], null)).toMatchObject({ shape: [0], maxshape: [null], chunks: [8192] });
  });

  it("VLARRAY chunk (65536,); compression = shuffle + deflate, level 0 = none", () => {
    expect(vlarraySpec(null)).toEqual({ chunk: 65536, deflate: null, shuffle: false });
    const c = compressionFor("zlib", 5);
    expect(vlarraySpec(c)).toEqual({ chunk: 65536, deflate: 5, shuffle: true });
    expect(carraySpec("float64", [3], compressionFor("gzip", 9))).toMatchObject({ deflate: 9, shuffle: true });
    expect(compressionFor("gzip", 0)).toBeNull();
    expect(() => compressionFor("blosc", 5)).toThrow(/gzip' or 'zlib/);
    expect(() => compressionFor("zlib", 10)).toThrow(/0 to 9/);
  });

  it("file access settings of PyTables", () => {
    expect(FILE_SETTINGS.chunkCache).toEqual({ slots: 521, bytes: 2097152, w0: 0 });
  });
});
