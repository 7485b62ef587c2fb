/**
 * The canonical inspector on files that are not plain PyMoDAQ files: any HDF5 content is listed
 * without failing (strings, compounds, links, array attributes), loads that fail are recorded as
 * `{"error": ...}` with the Python exception name, and the document serialises exactly.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fixturePath, tempDir } from "@pymodaq-ts/test-support";
import { beforeEach, describe, expect, it } from "vitest";
import { DataRaw, DataToExport, NDArray } from "@pymodaq-ts/data-model";
import { stringifyCanonical } from "../src/tools/canonical/json.js";
import { canonicalTree } from "../src/tools/canonical/tree.js";
import { inspectFile } from "../src/tools/canonical/inspect.js";
import { pythonErrorText } from "../src/errors.js";
import { LoadError } from "../src/loader/errors.js";
import { H5SaverLowLevel } from "../src/conventions/h5-saver-lowlevel.js";
import { DataToExportSaver } from "../src/savers/index.js";

// The Debian python3 carries h5py (python3-h5py); another python3 first on PATH may not.
const python = existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

let dir: string;
beforeEach(() => {
  dir = tempDir("pymodaq-canonical");
});

function h5pyFile(path: string): void {
  const script = `
import h5py, numpy as np, sys
with h5py.File(sys.argv[1], 'w') as f:
    g = f.create_group('plain')
    g.attrs['arr'] = np.arange(3)
    g.attrs['s'] = 'hello'
    g.create_dataset('strs', data=np.array([b'a', b'bc']))
    g.create_dataset('cmp', data=np.zeros(2, dtype=[('a', 'i4'), ('b', 'f8')]))
    g.create_dataset('flags', data=np.array([True, False]))
    f['soft'] = h5py.SoftLink('/plain')
    f.create_dataset('nums', data=np.arange(6).reshape(2, 3))
`;
  const run = spawnSync(python, ["-c", script, path], { encoding: "utf8" });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
}

describe("canonicalTree", () => {
  it("lists any HDF5 content: numeric values, other element types, links, array attributes", () => {
    const path = join(dir, "odd.h5");
    h5pyFile(path);
    const tree = canonicalTree(path);
    expect(Object.keys(tree).sort()).toEqual(["/", "/nums", "/plain", "/plain/cmp", "/plain/flags", "/plain/strs", "/soft"]);
    expect(tree["/nums"]).toMatchObject({
      kind: "dataset", CLASS: null, TITLE: null, shape: [2, 3], dtype: "int64",
      value: { dtype: "int64", shape: [2, 3], size: 6, values: [0, 1, 2, 3, 4, 5] },
    });
    expect(tree["/plain/flags"]?.value).toEqual({ dtype: "bool", shape: [2], size: 2, values: [true, false] });
    expect(tree["/plain/cmp"]).toMatchObject({ kind: "dataset", dtype: "other", shape: [2] });
    expect(tree["/plain/cmp"]?.value).toBeUndefined();
    expect(tree["/plain"]?.attrs).toEqual({
      arr: { $ndarray: { dtype: "int64", shape: [3], size: 3, values: [0, 1, 2] } },
      s: "hello",
    });
    expect(tree["/soft"]).toMatchObject({ kind: "softlink", target: "/plain" });
  });

  it("decodes attributes as pymodaq's get_attr does, keeps the raw storage, unpickles the Logger", () => {
    const tree = canonicalTree(fixturePath("logger_tables_zlib", ".h5"));
    const logger = tree["/RawData/Logger"]!;
    expect(logger.attrs["VERSION"]).toBe(1.4);
    expect(logger.attrs["TITLE"]).toBe("");
    expect(logger.TITLE).toBe("");
    expect(logger.attrs["shape"]).toEqual([5]);
    expect(logger.raw_attrs["VERSION"]).toEqual({ h5type: "string(fixed,3,utf8)", space: "scalar", value: "1.4" });
    expect(logger.raw_attrs["TITLE"]).toEqual({ h5type: "string(fixed,1,utf8)", space: "null", value: null });
    expect(logger.strings?.slice(0, 3)).toEqual(["Scan started", "température = 21 °C ☃", ""]);
    expect(logger.vlen_lengths).toEqual([27, 40, 15, 30, 318]);
    expect(logger.storage).toEqual({
      layout: "chunked", chunks: [65536], maxshape: [null],
      filters: [{ filter: "shuffle", params: [] }, { filter: "deflate", params: [5] }],
    });
  });
});

describe("inspectFile", () => {
  it("records the root load error of a file without /RawData", () => {
    const path = join(dir, "odd.h5");
    h5pyFile(path);
    const doc = inspectFile(path);
    expect(doc.nodes).toEqual({});
    expect(doc.load_all_root).toEqual({ error: "NodeError: /RawData: expected a group" });
    expect(doc.fatal_error).toBeUndefined();
  });

  it("records a load that fails as {error} with the Python exception name, other loads unaffected", () => {
    const path = join(dir, "det.h5");
    const h5 = new H5SaverLowLevel({ saveType: "detector" });
    h5.initFile(path, { newFile: true });
    const dwa = new DataRaw("spectrum", { data: [NDArray.from("float64", [3], [1, 2, 3])], timestamp: 1700000000.5 });
    new DataToExportSaver(h5).addData(h5.rawGroup, new DataToExport("det", { data: [dwa] }));
    h5.getNode("/RawData/Data1D/CH00/Data00").attrs.set("data_type", "nonsense");
    h5.closeFile();
    const doc = inspectFile(path);
    const entry = doc.nodes["/RawData/Data1D/CH00/Data00"];
    expect(entry?.["data_type"]).toBe("nonsense");
    expect(entry?.["load"]).toEqual({ error: expect.stringMatching(/^KeyError: \/RawData\/Data1D\/CH00\/Data00: data_type "nonsense"/) });
    expect(doc.load_all_root).toMatchObject({ name: "All", names: [] });
    expect(doc.tree["/RawData"]?.attrs["type"]).toBe("detector");
    expect(JSON.parse(stringifyCanonical(doc)).tree["/RawData/Data1D/CH00/Data00"].value.values).toEqual([1, 2, 3]);
  });

  it("names errors after the Python exception", () => {
    expect(pythonErrorText(new LoadError("IndexError", "out of range", { path: "/a" }))).toBe("IndexError: /a: out of range");
    const model = new Error("bad");
    model.name = "ModelIndexError";
    expect(pythonErrorText(model)).toBe("IndexError: bad");
    expect(pythonErrorText("x")).toBe("Exception: x");
  });
});
