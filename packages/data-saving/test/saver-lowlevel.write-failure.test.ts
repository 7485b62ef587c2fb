// A close error never hides the first failure: when a write or flush of the file fails (disk
// full, file-size limit) and the file is then closed by `using` or in a `finally`, the caller
// sees the first error, with the close's error attached as `closeError`. The storage here fails
// on demand (the libhdf5 storage underneath, wrapped); a real file-size limit is in
// saver-lowlevel.file-size-limit.test.ts.
import { DataRaw, NDArray } from "@pymodaq-ts/data-model";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { tempDir } from "@pymodaq-ts/test-support";
import { dte, thrown } from "./savers.helpers.js";
import { H5SaverLowLevel } from "../src/conventions/h5-saver-lowlevel.js";
import { H5Backend } from "../src/conventions/h5-backend.js";
import { libhdf5Storage } from "../src/storage/libhdf5.js";
import type { Storage } from "../src/storage/types.js";
import { StorageError } from "../src/errors.js";
import { DataSaverLoader } from "../src/savers/data-saver.js";
import { DataEnlargeableSaver } from "../src/savers/enlargeable-saver.js";
import { DataExtendedSaver } from "../src/savers/extended-saver.js";
import { DataToExportSaver } from "../src/savers/dte-saver.js";
import { DataToExportEnlargeableSaver, DataToExportTimedSaver } from "../src/savers/dte-enlargeable-saver.js";
import { DataToExportExtendedSaver } from "../src/savers/dte-extended-saver.js";

/** Which storage calls fail (after doing their work, for `close` and `closeAsync`), once `on` is set. */
interface Faults {
  on: boolean;
  methods: ReadonlySet<string>;
}

/** The libhdf5 storage, whose files, groups and arrays throw a StorageError for `faults.methods`. */
function failingStorage(faults: Faults): Storage {
  const inner = libhdf5Storage;
  const wrap = <T extends object>(target: T, where: string): T =>
    new Proxy(target, {
      get(t, prop, receiver) {
        const value = Reflect.get(t, prop, receiver) as unknown;
        if (typeof value !== "function") return value !== null && typeof value === "object" && prop === "root" ? wrap(value, where) : value;
        return (...args: unknown[]) => {
          const name = String(prop);
          const fail = faults.on && faults.methods.has(name);
          const closing = name === "close" || name === "closeAsync";
          if (fail && !closing) throw new StorageError(name, where, new Error(`${name}: No space left on device (errno 28)`));
          const out = (value as (...a: unknown[]) => unknown).apply(t, args);
          const closeFailure = (): StorageError => new StorageError("close", where, new Error("close file failed: No space left on device (errno 28)"));
          if (fail && name === "closeAsync") return (out as Promise<void>).then(() => Promise.reject(closeFailure()));
          if (fail) throw closeFailure();
          return out !== null && typeof out === "object" && !ArrayBuffer.isView(out) && !Array.isArray(out) ? wrap(out, where) : out;
        };
      },
    });
  return {
    name: "failing",
    create: (path, settings) => wrap(inner.create(path, settings), path),
    open: (path, mode, settings) => wrap(inner.open(path, mode, settings), path),
  };
}

let dir: string;
beforeEach(() => {
  dir = tempDir("ds-write-failure");
});

function point(i: number): DataRaw {
  return new DataRaw("probe", { data: [NDArray.from("float64", [3], [i, 10 * i, 100 * i])] });
}

function expectFirst(error: unknown, operation: string): void {
  expect(error).toBeInstanceOf(StorageError);
  expect((error as StorageError).operation).toBe(operation);
  const closeError = (error as { closeError?: unknown }).closeError;
  expect(closeError).toBeInstanceOf(StorageError);
  expect((closeError as StorageError).operation).toBe("close");
}

// Every saver, writing one point into a fresh file (the file and its group given).
const SAVERS: [string, (h5: H5SaverLowLevel) => void][] = [
  ["DataSaverLoader", (h5) => new DataSaverLoader(h5).addData(h5.rawGroup, point(1))],
  ["DataEnlargeableSaver", (h5) => new DataEnlargeableSaver(h5).addData(h5.rawGroup, point(1), { axisValues: [1] })],
  ["DataExtendedSaver", (h5) => new DataExtendedSaver(h5, [2]).addData(h5.rawGroup, point(1), [0])],
  ["DataToExportSaver", (h5) => new DataToExportSaver(h5).addData(h5.rawGroup, dte())],
  ["DataToExportEnlargeableSaver", (h5) => new DataToExportEnlargeableSaver(h5).addData(h5.rawGroup, dte(), { axisValues: [1] })],
  ["DataToExportTimedSaver", (h5) => new DataToExportTimedSaver(h5).addData(h5.rawGroup, dte())],
  ["DataToExportExtendedSaver", (h5) => new DataToExportExtendedSaver(h5, [2]).addData(h5.rawGroup, dte(), [0])],
];

describe("a close error never hides the first failure", () => {
  it.each(SAVERS)("%s: the policy's flush fails, then `using` closes: the caller sees the flush error", (_name, save) => {
    const faults: Faults = { on: false, methods: new Set(["flush", "close"]) };
    const error = thrown(() => {
      using h5 = new H5SaverLowLevel({ storage: failingStorage(faults), flushPolicy: { everyPoints: 1 } });
      h5.initFile(join(dir, "using.h5"), { newFile: true });
      faults.on = true;
      save(h5);
    });
    expectFirst(error, "flush");
  });

  it.each(SAVERS)("%s: a write fails, then closeFile() in a finally: the caller sees the write error", (_name, save) => {
    const faults: Faults = { on: false, methods: new Set(["append", "write", "createArray", "createVlen", "close"]) };
    const h5 = new H5SaverLowLevel({ storage: failingStorage(faults), flushPolicy: { everySeconds: null } });
    h5.initFile(join(dir, "finally.h5"), { newFile: true });
    const error = thrown(() => {
      try {
        faults.on = true;
        save(h5);
      } finally {
        h5.closeFile();
      }
    });
    expect(error).toBeInstanceOf(StorageError);
    expect((error as { closeError?: StorageError }).closeError?.operation).toBe("close");
    expect(h5.isopen()).toBe(false);
  });

  it("H5SaverLowLevel and H5Backend: an explicit flush fails, then the file is closed by `using` or in a finally", () => {
    const faults: Faults = { on: false, methods: new Set(["flush", "close"]) };
    expectFirst(
      thrown(() => {
        using h5 = new H5SaverLowLevel({ storage: failingStorage(faults) });
        h5.initFile(join(dir, "lowlevel.h5"), { newFile: true });
        faults.on = true;
        h5.flush();
      }),
      "flush",
    );
    faults.on = false;
    const backend = new H5Backend({ storage: failingStorage(faults) });
    backend.openFile(join(dir, "backend.h5"), "w");
    expectFirst(
      thrown(() => {
        try {
          faults.on = true;
          backend.flush();
        } finally {
          backend.closeFile();
        }
      }),
      "flush",
    );
    expect(backend.isopen()).toBe(false);
  });

  it("closeFileAsync as closeFile: after a failed flush it rejects with the flush error (the close's attached); alone, with the close error", async () => {
    const faults: Faults = { on: false, methods: new Set(["flush", "closeAsync"]) };
    const h5 = new H5SaverLowLevel({ storage: failingStorage(faults) });
    h5.initFile(join(dir, "close-async.h5"), { newFile: true });
    faults.on = true;
    const flushError = thrown(() => h5.flush());
    const rejected = await h5.closeFileAsync().then(() => null, (e: unknown) => e);
    expect(rejected).toBe(flushError);
    expectFirst(rejected, "flush");
    expect(h5.isopen()).toBe(false);
    faults.on = false;
    const alone = new H5SaverLowLevel({ storage: failingStorage(faults) });
    alone.initFile(join(dir, "close-async-alone.h5"), { newFile: true });
    faults.on = true;
    const closeError = await alone.closeFileAsync().then(() => null, (e: unknown) => e);
    expect(closeError).toBeInstanceOf(StorageError);
    expect((closeError as StorageError).operation).toBe("close");
    expect(alone.isopen()).toBe(false);
  });

  it("without an earlier failure the close error is thrown; an argument error is not a failure of the file", () => {
    const faults: Faults = { on: false, methods: new Set(["close"]) };
    const h5 = new H5SaverLowLevel({ storage: failingStorage(faults) });
    h5.initFile(join(dir, "close-only.h5"), { newFile: true });
    faults.on = true;
    const closeError = thrown(() => h5.closeFile());
    expect(closeError).toBeInstanceOf(StorageError);
    expect((closeError as StorageError).operation).toBe("close");

    faults.on = false;
    const other = new H5SaverLowLevel({ storage: failingStorage(faults) });
    other.initFile(join(dir, "argument.h5"), { newFile: true });
    faults.on = true;
    const error = thrown(() => {
      try {
        new DataEnlargeableSaver(other).addData(other.rawGroup, point(1), { axisValues: [] });
      } finally {
        other.closeFile();
      }
    });
    // The argument error came first, but the close failure is the file's own: it is what a
    // finally reports (JavaScript's rule), not hidden behind an unrelated earlier error.
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).operation).toBe("close");
  });
});
