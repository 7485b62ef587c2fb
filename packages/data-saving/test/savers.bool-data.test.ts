/**
 * Bool data as each backend's files hold it: PyMoDAQ's PyTables backend stores NumPy bools as
 * PyTables' 8-bit bitfield (`create_carray(obj=...)`, `create_earray(atom=Atom.from_dtype(bool))`),
 * its h5py backend as h5py's enum FALSE=0, TRUE=1 over int8 (`create_dataset(data=...)`,
 * `create_dataset(shape, dtype=bool, maxshape)`). Our savers write the type of the profile they
 * write, checked against files made by the Python libraries through the calls of pymodaq_data's
 * backends; and our loaders read every one of them, and every raw bool attribute, as bool.
 */
import { DataRaw, NDArray } from "@pymodaq-ts/data-model";
import { tempDir } from "@pymodaq-ts/test-support";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { H5Backend } from "../src/conventions/h5-backend.js";
import { H5SaverLowLevel } from "../src/conventions/h5-saver-lowlevel.js";
import { DataLoader } from "../src/loader/data-loader.js";
import { DataSaverLoader } from "../src/savers/data-saver.js";

// The Debian python3 carries h5py and tables (python3-h5py, python3-tables); another python3 first on PATH may not.
const python = existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

function runPython(script: string, ...args: string[]): string {
  const run = spawnSync(python, ["-c", script, ...args], { encoding: "utf8" });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  return run.stdout;
}

/** A CARRAY and an EARRAY of bools made as pymodaq_data's backends make them (backends.py). */
const PYMODAQ_BOOL_ARRAYS = `
import sys, json, numpy as np, h5py, tables
path, backend = sys.argv[1], sys.argv[2]
data = np.array([True, False, True])
def envelope(v):
    return json.dumps({"module": type(v).__module__, "type": type(v).__name__, "data": repr(v)})
if backend == "tables":
    with tables.open_file(path, "w", title="PyMoDAQ file") as f:
        c = f.create_carray("/", "Data00", obj=data, title="c")
        e = f.create_earray("/", "Data01", tables.Atom.from_dtype(np.dtype(bool)), shape=(0, 3), title="e")
        e.append(data.reshape(1, 3))
        for node, shape in ((c, (3,)), (e, (1, 3))):
            node._v_attrs["shape"] = envelope(shape)
            node._v_attrs["dtype"] = envelope("bool")
else:
    with h5py.File(path, "w") as f:
        c = f.create_dataset("Data00", data=data)
        e = f.create_dataset("Data01", shape=(0, 3), dtype=np.dtype(bool), maxshape=(None, 3))
        e.resize(1, axis=0)
        e[-1] = data
        for node, cls, shape in ((c, "CARRAY", (3,)), (e, "EARRAY", (1, 3))):
            node.attrs["TITLE"] = ""
            node.attrs["CLASS"] = cls
            node.attrs["shape"] = envelope(shape)
            node.attrs["dtype"] = envelope("bool")
`;

/** Each dataset's HDF5 type (class, size, enum members) and values as h5py and PyTables read them. */
const DESCRIBE = `
import sys, json, warnings, h5py, tables
warnings.simplefilter("ignore", tables.DataTypeWarning)
out = {}
with h5py.File(sys.argv[1], "r") as f:
    for name in ("Data00", "Data01"):
        t = f[name].id.get_type()
        members = sorted((t.get_member_name(i).decode(), t.get_member_value(i)) for i in range(t.get_nmembers())) if t.get_class() == h5py.h5t.ENUM else None
        out[name] = {"class": t.get_class(), "size": t.get_size(), "members": members, "h5py": [str(f[name].dtype), f[name][()].tolist()]}
with tables.open_file(sys.argv[1]) as f:
    for name in ("Data00", "Data01"):
        out[name]["tables"] = [f.get_node("/" + name).atom.type, f.get_node("/" + name).read().tolist()]
print(json.dumps(out))
`;

const BOOLS = (): NDArray<"bool"> => NDArray.from("bool", [3], [true, false, true]);

describe.each(["tables", "h5py"] as const)("bool arrays of the %s backend", (backend) => {
  it("are stored with the type pymodaq_data's backend gives them", () => {
    const dir = tempDir();
    const theirs = join(dir, "theirs.h5");
    const ours = join(dir, "ours.h5");
    runPython(PYMODAQ_BOOL_ARRAYS, theirs, backend);
    const h5 = new H5Backend({ backend });
    h5.openFile(ours, "w");
    h5.createCarray("/", "Data00", BOOLS(), "c");
    h5.createEarray("/", "Data01", "bool", [3], "e").append(NDArray.from("bool", [1, 3], [true, false, true]));
    h5.closeFile();

    const expected = JSON.parse(runPython(DESCRIBE, theirs)) as Record<string, unknown>;
    expect(JSON.parse(runPython(DESCRIBE, ours))).toEqual(expected);
    // The two encodings, as the libraries write and read them: PyTables reads h5py's enum as int8 values.
    const bitfield = { class: 4, size: 1, members: null, h5py: ["uint8", [1, 0, 1]], tables: ["bool", [true, false, true]] };
    const enumOfInt8 = { class: 8, size: 1, members: [["FALSE", 0], ["TRUE", 1]], h5py: ["bool", [true, false, true]], tables: ["enum", [1, 0, 1]] };
    expect(expected["Data00"]).toEqual(backend === "tables" ? bitfield : enumOfInt8);
  });

  it("load as bool, whichever library wrote them", () => {
    const dir = tempDir();
    for (const writer of ["python", "ours"] as const) {
      const path = join(dir, `${writer}.h5`);
      if (writer === "python") {
        runPython(PYMODAQ_BOOL_ARRAYS, path, backend);
      } else {
        const h5 = new H5Backend({ backend });
        h5.openFile(path, "w");
        h5.createCarray("/", "Data00", BOOLS(), "c");
        h5.createEarray("/", "Data01", "bool", [3], "e").append(NDArray.from("bool", [1, 3], [true, false, true]));
        h5.closeFile();
      }
      const h5 = new H5Backend({ backend });
      h5.openFile(path, "r");
      try {
        for (const name of ["Data00", "Data01"]) {
          const read = h5.read(`/${name}`);
          expect(read.dtype, `${writer} ${name}`).toBe("bool");
          expect(Array.from(read.data as Uint8Array), `${writer} ${name}`).toEqual([1, 0, 1]);
        }
      } finally {
        h5.closeFile();
      }
    }
  });

  it("saved by DataSaverLoader load back as bool data", () => {
    const path = join(tempDir(), "saved.h5");
    const h5 = new H5SaverLowLevel({ backend });
    h5.initFile(path, { newFile: true });
    new DataSaverLoader(h5).addData(h5.rawGroup, new DataRaw("flags", { data: [BOOLS()] }));
    h5.closeFile();
    const stored = JSON.parse(runPython(`
import sys, json, h5py
with h5py.File(sys.argv[1], "r") as f:
    print(json.dumps(f["RawData/Data00"].id.get_type().get_class()))
`, path)) as number;
    expect(stored).toBe(backend === "tables" ? 4 : 8);
    using loader = new DataLoader(path);
    const dwa = loader.loadData("/RawData/Data00");
    expect(dwa.data[0]!.dtype).toBe("bool");
    expect(Array.from(dwa.data[0]!.data as Uint8Array)).toEqual([1, 0, 1]);
  });
});

describe("raw bool attributes", () => {
  it("read as bools (scalars and arrays), in h5py's enum and PyTables' bitfield", () => {
    const path = join(tempDir(), "attrs.h5");
    runPython(`
import sys, warnings, numpy as np, h5py, tables
warnings.simplefilter("ignore", tables.DataTypeWarning)
with tables.open_file(sys.argv[1], "w", title="PyMoDAQ file") as f:
    f.root._v_attrs.tables_scalar = np.bool_(True)
    f.root._v_attrs.tables_array = np.array([True, False])
with h5py.File(sys.argv[1], "a") as f:
    f.attrs["h5py_scalar"] = np.bool_(False)
    f.attrs["h5py_array"] = np.array([False, True, True])
`, path);
    const h5 = new H5Backend();
    h5.openFile(path, "r");
    try {
      expect(h5.getAttr("/", "tables_scalar")).toBe(true);
      expect(h5.getAttr("/", "tables_array")).toEqual([true, false]);
      expect(h5.getAttr("/", "h5py_scalar")).toBe(false);
      expect(h5.getAttr("/", "h5py_array")).toEqual([false, true, true]);
    } finally {
      h5.closeFile();
    }
  });
});
