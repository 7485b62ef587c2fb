/**
 * Bool elements in both encodings, as the Python libraries write them: h5py stores a NumPy bool as
 * an enum FALSE=0, TRUE=1 over int8 (datasets and attributes), PyTables as an 8-bit bitfield
 * (`tables.BoolAtom`, and its attributes). The types this binding writes are compared with the
 * types h5py and PyTables write for the same values, member by member; and every bool type they
 * write, or h5py reads as bool, reads back here as bool.
 */
import { describe, expect, it } from "vitest";
import { H5ArgumentError, H5File } from "../src/index.js";
import { tempPath } from "@pymodaq-ts/test-support";
import { pythonJson, runPython } from "./python.js";

/** A description of every dataset's and root attribute's HDF5 type, through h5py's low-level API. */
const DESCRIBE_TYPES = `
import sys, json, h5py

def describe(t):
    out = {"class": t.get_class(), "size": t.get_size()}
    if isinstance(t, h5py.h5t.TypeEnumID):
        base = t.get_super()
        out["base"] = {"class": base.get_class(), "size": base.get_size(), "signed": base.get_sign() == h5py.h5t.SGN_2,
                       "order": base.get_order()}
        out["members"] = sorted((t.get_member_name(i).decode(), t.get_member_value(i)) for i in range(t.get_nmembers()))
    else:
        out["order"] = t.get_order()
    return out

with h5py.File(sys.argv[1], "r") as f:
    out = {}
    f.visititems(lambda name, obj: out.__setitem__(name, describe(obj.id.get_type())) if isinstance(obj, h5py.Dataset) else None)
    for name in f.attrs:
        out["@" + name] = describe(h5py.h5a.open(f.id, name.encode()).get_type())
    print(json.dumps(out))
`;

type TypeDescription = Record<string, unknown>;

function describeTypes(path: string): Record<string, TypeDescription> {
  return pythonJson<Record<string, TypeDescription>>(DESCRIBE_TYPES, path);
}

describe("bool datasets and attributes: the types h5py and PyTables write", () => {
  it("writes h5py's enum and PyTables' bitfield, type for type", () => {
    const ours = tempPath("ours.h5");
    const theirs = tempPath("theirs.h5");
    runPython(
      `
import sys, warnings, numpy as np, h5py, tables
warnings.simplefilter("ignore", tables.DataTypeWarning)
with h5py.File(sys.argv[1], "w") as f:
    f.create_dataset("h5py", data=np.array([True, False]))
    f.attrs["h5py_scalar"] = np.bool_(True)
    f.attrs["h5py_array"] = np.array([True, False])
with tables.open_file(sys.argv[1], "a") as f:
    f.create_carray("/", "tables", obj=np.array([True, False]))
    f.root._v_attrs.tables_scalar = np.bool_(True)
    f.root._v_attrs.tables_array = np.array([True, False])
`,
      theirs,
    );
    {
      using file = H5File.create(ours);
      file.root.createDataset("h5py", { dtype: "bool", shape: [2], boolEncoding: "enum" }).write(Uint8Array.of(1, 0));
      file.root.createDataset("tables", { dtype: "bool", shape: [2], boolEncoding: "bitfield" }).write(Uint8Array.of(1, 0));
      file.root.attrs.set("h5py_scalar", true);
      file.root.attrs.set("h5py_array", Uint8Array.of(1, 0), { dtype: "bool", boolEncoding: "enum" });
      file.root.attrs.set("tables_scalar", true, { boolEncoding: "bitfield" });
      file.root.attrs.set("tables_array", Uint8Array.of(1, 0), { dtype: "bool", boolEncoding: "bitfield" });
    }
    const mine = describeTypes(ours);
    const expected = describeTypes(theirs);
    for (const name of ["h5py", "tables", "@h5py_scalar", "@h5py_array", "@tables_scalar", "@tables_array"]) {
      expect(mine[name], name).toEqual(expected[name]);
    }
    // 8 = H5T_ENUM over a signed 1-byte integer, 4 = H5T_BITFIELD
    expect(expected["h5py"]).toMatchObject({ class: 8, size: 1, base: { size: 1, signed: true }, members: [["FALSE", 0], ["TRUE", 1]] });
    expect(expected["tables"]).toMatchObject({ class: 4, size: 1 });
    expect(expected["@tables_scalar"]).toMatchObject({ class: 4, size: 1 });

    // Both libraries read our file as they read their own: NumPy bools.
    const seen = pythonJson<Record<string, [string, unknown]>>(
      `
import sys, json, warnings, h5py, tables
warnings.simplefilter("ignore", tables.DataTypeWarning)
out = {}
with h5py.File(sys.argv[1], "r") as f:
    out["h5py:h5py"] = [str(f["h5py"].dtype), f["h5py"][()].tolist()]
    out["h5py:@h5py_scalar"] = [type(f.attrs["h5py_scalar"]).__name__, bool(f.attrs["h5py_scalar"])]
with tables.open_file(sys.argv[1]) as f:
    out["tables:tables"] = [str(f.root.tables.atom.dtype), f.root.tables.read().tolist()]
    out["tables:@tables_scalar"] = [type(f.root._v_attrs.tables_scalar).__name__, bool(f.root._v_attrs.tables_scalar)]
    out["tables:@tables_array"] = [str(f.root._v_attrs.tables_array.dtype), f.root._v_attrs.tables_array.tolist()]
    # PyTables does not read h5py's bools as bools: an enum attribute is None, enum data int8.
    out["tables:@h5py_scalar"] = [type(f.root._v_attrs.h5py_scalar).__name__, None]
    out["tables:h5py"] = [f.root.h5py.atom.type, f.root.h5py.read().tolist()]
print(json.dumps(out))
`,
      ours,
    );
    expect(seen).toEqual({
      "h5py:h5py": ["bool", [true, false]],
      "h5py:@h5py_scalar": ["bool_", true],
      "tables:tables": ["bool", [true, false]],
      "tables:@tables_scalar": ["bool_", true],
      "tables:@tables_array": ["bool", [true, false]],
      "tables:@h5py_scalar": ["NoneType", null],
      "tables:h5py": ["enum", [1, 0]],
    });
  });

  it("reads back both encodings as bool and says which one a dataset has", () => {
    const path = tempPath();
    runPython(
      `
import sys, warnings, numpy as np, h5py, tables
warnings.simplefilter("ignore", tables.DataTypeWarning)
with h5py.File(sys.argv[1], "w") as f:
    f.create_dataset("h5py", data=np.array([[True, False, True], [False, False, True]]))
    f.attrs["h5py_scalar"] = False
    f.attrs["h5py_array"] = np.array([False, True, True])
with tables.open_file(sys.argv[1], "a") as f:
    f.create_earray("/", "tables", atom=tables.BoolAtom(), shape=(0, 3))
    f.root.tables.append(np.array([[True, True, False]]))
    f.root._v_attrs.tables_scalar = True
    f.root._v_attrs.tables_array = np.array([True, False])
`,
      path,
    );
    using file = H5File.open(path);
    const h5py = file.root.openDataset("h5py");
    const tables = file.root.openDataset("tables");
    expect([h5py.kind, h5py.dtype, h5py.boolEncoding()]).toEqual(["bool", "bool", "enum"]);
    expect([tables.kind, tables.dtype, tables.boolEncoding()]).toEqual(["bool", "bool", "bitfield"]);
    expect(Array.from(h5py.read() as Uint8Array)).toEqual([1, 0, 1, 0, 0, 1]);
    expect(Array.from(h5py.read({ start: [1, 1], count: [1, 2] }) as Uint8Array)).toEqual([0, 1]);
    expect(Array.from(tables.read() as Uint8Array)).toEqual([1, 1, 0]);
    const attrs = file.root.attrs;
    expect(attrs.get("h5py_scalar")).toBe(false);
    expect(attrs.get("tables_scalar")).toBe(true);
    expect(attrs.getRaw("h5py_array")).toEqual({ h5type: "bool", space: { simple: [3] }, value: Uint8Array.of(0, 1, 1) });
    expect(attrs.getRaw("tables_array")).toEqual({ h5type: "bool", space: { simple: [2] }, value: Uint8Array.of(1, 0) });
  });

  it("reads an enum FALSE/TRUE over any integer as bool, as h5py does, and other enums as other", () => {
    const path = tempPath();
    runPython(
      `
import sys, numpy as np, h5py
def enum(base, names=(b"FALSE", b"TRUE")):
    t = h5py.h5t.enum_create(base)
    for value, name in enumerate(names):
        t.enum_insert(name, value)
    return t
with h5py.File(sys.argv[1], "w") as f:
    for name, base in (("u8", h5py.h5t.STD_U8LE), ("i16", h5py.h5t.STD_I16BE), ("u32", h5py.h5t.STD_U32LE)):
        t = enum(base)
        space = h5py.h5s.create_simple((4,))
        ds = h5py.h5d.create(f.id, name.encode(), t, space)
        ds.write(h5py.h5s.ALL, h5py.h5s.ALL, np.array([1, 0, 0, 1], dtype=t.dtype))
        a = h5py.h5a.create(f.id, ("@" + name).encode(), t, h5py.h5s.create(h5py.h5s.SCALAR))
        a.write(np.array(1, dtype=t.dtype))
    t = enum(h5py.h5t.STD_I8LE, (b"OFF", b"ON"))
    h5py.h5d.create(f.id, b"other", t, h5py.h5s.create_simple((2,)))
    print(",".join(str(f[n].dtype) for n in ("u8", "i16", "u32", "other")))
`,
      path,
    );
    const seenByH5py = runPython(`import sys, h5py; f = h5py.File(sys.argv[1], "r"); print(",".join(str(f[n].dtype) for n in ("u8", "i16", "u32", "other")))`, path);
    expect(seenByH5py.trim()).toBe("bool,bool,bool,int8");
    {
      using file = H5File.open(path, { mode: "r+" });
      for (const name of ["u8", "i16", "u32"]) {
        const ds = file.root.openDataset(name);
        expect([ds.kind, ds.boolEncoding()], name).toEqual(["bool", "enum"]);
        expect(Array.from(ds.read() as Uint8Array), name).toEqual([1, 0, 0, 1]);
        expect(file.root.attrs.get(`@${name}`), name).toBe(true);
        // Written through the int8 enum in memory, converted member by member to the wider one.
        ds.write(Uint8Array.of(0, 1), { start: [1], count: [2] });
      }
      expect(file.root.openDataset("other").kind).toBe("other");
      expect(file.root.openDataset("other").boolEncoding()).toBeNull();
    }
    const after = runPython(`import sys, h5py; f = h5py.File(sys.argv[1], "r"); print(";".join(str(f[n][()].tolist()) for n in ("u8", "i16", "u32")))`, path);
    expect(after.trim()).toBe("[True, False, True, True];[True, False, True, True];[True, False, True, True]");
  });

  it("boolEncoding is null for other dtypes, and the attribute option is checked", () => {
    using file = H5File.create(tempPath());
    expect(file.root.createDataset("f", { dtype: "float64", shape: [1] }).boolEncoding()).toBeNull();
    expect(file.root.createDataset("b", { dtype: "bool", shape: [1] }).boolEncoding()).toBe("bitfield");
    expect(() => file.root.attrs.set("b", true, { boolEncoding: "int8" as never })).toThrow(H5ArgumentError);
    expect(() => file.root.attrs.set("b", true, { boolEncoding: "int8" as never })).toThrow(/options.boolEncoding/);
    // A number attribute ignores the bool encoding.
    file.root.attrs.set("n", 3, { boolEncoding: "bitfield" });
    expect(file.root.attrs.getRaw("n").h5type).toBe("int64");
  });
});
