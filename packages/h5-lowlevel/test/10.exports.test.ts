import { describe, expect, it } from "vitest";
import * as api from "../src/index.js";

describe("public exports", () => {
  it("are exactly the documented names", () => {
    expect(Object.keys(api).sort()).toEqual([
      "DTYPES", "H5AbortError", "H5ArgumentError", "H5AttributeSet", "H5BlockWriter", "H5ClosedError", "H5Dataset", "H5Error", "H5File", "H5FileInUseError",
      "H5Group", "H5NodeBase", "H5Vlen", "assertDtype", "autoChunks", "dtypeItemSize", "isDtype",
      "isH5AbortError", "isH5ArgumentError", "isH5ClosedError", "isH5Error", "isTypedArrayOf", "libraryVersion", "openFileCount",
      "packageName", "pytablesChunkShape", "pytablesMaxShape", "typedArrayFor",
    ]);
  });

  it("hands the error classes to the addon, so native failures are real instances", () => {
    expect(() => api.H5File.open("/proc/self/status")).toThrow(api.H5Error);
  });
});
