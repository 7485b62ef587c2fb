/**
 * Members of the original a porting user calls: `get_index_from_node_name` by the original's
 * rule (Python's `int()` of the text after the first occurrence of the type's prefix, checked
 * against python3 on the same names), `save_file` / `save_file_as` (PyTables' `copy_file`: a
 * copy, never an overwrite; the h5py backend refuses), `Attributes.to_dict`, and
 * `DataLoader.h5saver` as an `H5SaverLowLevel`.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DataRaw, DataToExport, NDArray } from "@pymodaq-ts/data-model";
import { H5SaverLowLevel } from "../src/conventions/h5-saver-lowlevel.js";
import { isFileStateError, isInvalidValueError } from "../src/errors.js";
import { DataLoader } from "../src/loader/data-loader.js";
import { DataSaverLoader, DataToExportSaver } from "../src/savers/index.js";
import { inspectFile } from "../src/tools/canonical/inspect.js";
import { stringifyCanonical } from "../src/tools/canonical/json.js";
import { newFile } from "./savers.helpers.js";

const python = existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

let file: ReturnType<typeof newFile> | null = null;
afterEach(() => {
  file?.cleanup();
  file = null;
});

/** What Python's `int(name.split(prefix)[1])` gives for each name: a number, null (IndexError) or "ValueError". */
function pythonIndexes(prefix: string, names: readonly string[]): (number | null | "ValueError")[] {
  const script = `
import json, sys
out = []
for name in json.loads(sys.argv[2]):
    try:
        out.append(int(name.split(sys.argv[1])[1]))
    except IndexError:
        out.append(None)
    except ValueError:
        out.append("ValueError")
print(json.dumps(out))`;
  const run = spawnSync(python, ["-c", script, prefix, JSON.stringify(names)], { encoding: "utf8" });
  expect(run.stderr).toBe("");
  return JSON.parse(run.stdout) as (number | null | "ValueError")[];
}

function dte(name: string): DataToExport {
  return new DataToExport("dte", { data: [new DataRaw(name, { data: [NDArray.from("float64", [3], [1, 2, 3])] })] });
}

describe("DataManagement.getIndexFromNodeName", () => {
  const names = ["Data03", "EnlData00", "Axis00", "Data", "Data0x", "Data 7 ", "Data1_0", "Data1__0", "Data+4", "Data\u0663", "DataData02", "Logger"];

  it("gives what the original gives on every name (another type's prefix included)", () => {
    file = newFile();
    const g = file.h5.getSetGroup("/RawData", "names");
    for (const name of names) file.h5.createCarray(g, name, NDArray.from("float64", [1], [0]));
    const saver = new DataSaverLoader(file.h5);
    const ours = names.map((name) => {
      try {
        return saver.getIndexFromNodeName(`/RawData/names/${name}`);
      } catch (e) {
        if (isInvalidValueError(e)) return "ValueError";
        throw e;
      }
    });
    expect(ours).toEqual(pythonIndexes("Data", names));
    expect(ours[1]).toBe(0);
  });

  it("names the node and the text in the ValueError", () => {
    file = newFile();
    file.h5.createCarray("/RawData", "Data0x", NDArray.from("float64", [1], [0]));
    expect(() => new DataSaverLoader(file!.h5).getIndexFromNodeName("/RawData/Data0x")).toThrow(/int\(\) with base 10: '0x'.*Data0x/);
  });
});

describe("H5SaverLowLevel.saveFile / saveFileAs", () => {
  it("writes a copy that loads as the original, deferred attributes included", () => {
    file = newFile("detector");
    new DataToExportSaver(file.h5).addData(file.h5.addDetGroup(file.h5.rawGroup, "det"), dte("det"));
    const copy = join(file.path, "..", "copy.h5");
    file.h5.saveFile(copy);
    file.h5.closeFile();
    const doc = (path: string): string => stringifyCanonical({ ...inspectFile(path), file: null }, 1);
    expect(doc(copy)).toBe(doc(file.path));
  });

  it("is read by PyTables", () => {
    file = newFile("detector");
    new DataToExportSaver(file.h5).addData(file.h5.addDetGroup(file.h5.rawGroup, "det"), dte("det"));
    const copy = join(file.path, "..", "copy.h5");
    file.h5.saveFileAs(copy);
    const run = spawnSync(python, ["-c", "import sys, tables\nwith tables.open_file(sys.argv[1]) as f: print(f.get_node('/RawData/Detector000/Data1D/CH00/Data00').read().tolist())", copy], { encoding: "utf8" });
    expect(run.stdout.trim()).toBe("[1.0, 2.0, 3.0]");
  });

  it("never overwrites (PyTables' copy_file raises IOError) and does nothing for an empty name", () => {
    file = newFile();
    file.h5.saveFile("");
    let error: unknown;
    try {
      file.h5.saveFileAs(file.path);
    } catch (e) {
      error = e;
    }
    expect(isFileStateError(error)).toBe(true);
    expect((error as Error).message).toContain("already exists");
  });

  it("refuses with the h5py backend, as the original raises", () => {
    file = newFile();
    file.h5.closeFile();
    const h5 = new H5SaverLowLevel({ backend: "h5py" });
    h5.openFile(file.path, "r");
    try {
      expect(() => h5.saveFileAs(join(file!.path, "..", "other.h5"))).toThrow(/Not possible to copy the file with the "h5py" backend/);
    } finally {
      h5.closeFile();
    }
  });

  it("needs an open file", () => {
    expect(() => new H5SaverLowLevel().saveFileAs("x.h5")).toThrow(/no file is open/);
  });
});

describe("NodeAttrs.toDict", () => {
  it("gives every attribute decoded, system attributes included", () => {
    file = newFile();
    const attrs = file.h5.getNode("/RawData").attrs;
    const dict = attrs.toDict();
    expect([...dict.keys()]).toEqual(attrs.names());
    expect(dict.get("CLASS")).toBe("GROUP");
    expect(dict.get("type")).toBe("scan");
    expect(dict.get("TITLE")).toBe("Data from PyMoDAQ modules");
  });
});

describe("DataLoader.h5saver", () => {
  it("is the H5SaverLowLevel, with its own members", () => {
    file = newFile("detector");
    file.h5.addDetGroup(file.h5.rawGroup, "det");
    const loader = new DataLoader(file.h5);
    expect(loader.h5saver.getGroups("/RawData", "detector").map((g) => g.name)).toEqual(["Detector000"]);
  });
});
