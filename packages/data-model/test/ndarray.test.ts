import { describe, expect, it } from "vitest";
import {
  NDArray, Slice, concatenate, isModelIndexError, isModelTypeError, isModelValueError, stack,
} from "../src/index.js";
import { numpy } from "./numpy.js";

describe("NDArray construction", () => {
  it("from adopts a matching TypedArray without copying", () => {
    const buf = new Float64Array([1, 2, 3, 4, 5, 6]);
    const a = NDArray.from("float64", [2, 3], buf);
    expect(a.data).toBe(buf);
    expect(a.shape).toEqual([2, 3]);
    expect(a.size).toBe(6);
    expect(a.ndim).toBe(2);
    expect(a.strides).toEqual([3, 1]);
  });

  it("from converts plain lists per dtype", () => {
    expect(NDArray.from("int64", [3], [1, 2, 3]).data).toEqual(new BigInt64Array([1n, 2n, 3n]));
    expect(NDArray.from("uint64", [2], [1n, 2n]).get(1)).toBe(2n);
    expect(NDArray.from("bool", [2], [true, false]).get(0)).toBe(true);
    expect(NDArray.from("int8", [2], [1.9, -1.9]).toNumbers()).toEqual([1, -1]);
    const c = NDArray.from("complex128", [2], [{ re: 1, im: 2 }, { re: 3, im: -4 }]);
    expect(c.data).toEqual(new Float64Array([1, 2, 3, -4]));
    expect(c.get(1)).toEqual({ re: 3, im: -4 });
    expect(NDArray.from("complex64", [2], [1, 2, 3, 4]).get(0)).toEqual({ re: 1, im: 2 });
  });

  it("rejects a wrong buffer, length, dtype or shape with typed errors", () => {
    expect(() => new NDArray("float64", [2], new Float32Array(2) as unknown as Float64Array)).toThrow(expect.objectContaining({ name: "ModelTypeError" }));
    expect(() => NDArray.from("float64", [2, 2], [1, 2, 3])).toThrow(expect.objectContaining({ name: "ModelValueError" }));
    expect(() => NDArray.from("float128" as "float64", [1], [1])).toThrow(expect.objectContaining({ name: "ModelTypeError" }));
    expect(() => NDArray.zeros([-1])).toThrow(expect.objectContaining({ name: "ModelValueError" }));
    expect(() => NDArray.from("int64", [1], ["x" as unknown as number])).toThrow(expect.objectContaining({ name: "ModelTypeError" }));
  });

  it("zeros, full, arange, linspace, fromNested", () => {
    expect(NDArray.zeros([2, 2]).dtype).toBe("float64");
    expect(NDArray.zeros([3], "uint16").data).toBeInstanceOf(Uint16Array);
    expect(NDArray.zeros("int8", [2, 2]).shape).toEqual([2, 2]);
    expect(NDArray.zeros("int8", [2, 2]).data).toBeInstanceOf(Int8Array);
    expect(NDArray.full([2], 7, "int32").toNumbers()).toEqual([7, 7]);
    expect(NDArray.arange(4).dtype).toBe("int64");
    expect(NDArray.arange(0, 1, 0.25).toNumbers()).toEqual([0, 0.25, 0.5, 0.75]);
    expect(NDArray.arange(5, 0, -2).toNumbers()).toEqual([5, 3, 1]);
    expect(() => NDArray.arange(0, 1, 0)).toThrow(expect.objectContaining({ name: "ModelValueError" }));
    expect(NDArray.linspace(0, 1, 5).toNumbers()).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(NDArray.linspace(0, 1, 4, false).toNumbers()).toEqual([0, 0.25, 0.5, 0.75]);
    const n = NDArray.fromNested([[1, 2, 3], [4, 5, 6]]);
    expect(n.dtype).toBe("int64");
    expect(n.shape).toEqual([2, 3]);
    expect(NDArray.fromNested([0.5, 1]).dtype).toBe("float64");
    expect(NDArray.fromNested([true, false]).dtype).toBe("bool");
    expect(NDArray.fromNested([1, 2], "float32").dtype).toBe("float32");
    expect(NDArray.fromNested(3).shape).toEqual([]);
    expect(() => NDArray.fromNested([[1, 2], [3]])).toThrow(expect.objectContaining({ name: "ModelValueError" }));
  });
});

describe("NDArray element access", () => {
  it("get/set with negative indexes and bounds checks", () => {
    const a = NDArray.arange(6).reshape([2, 3]);
    expect(a.get(1, 2)).toBe(5n);
    expect(a.get(-1, -1)).toBe(5n);
    a.set([0, 1], 42);
    expect(a.get(0, 1)).toBe(42n);
    let caught: unknown;
    try {
      a.get(2, 0);
    } catch (e) {
      caught = e;
    }
    expect(isModelIndexError(caught)).toBe(true);
    expect(() => a.get(0)).toThrow(expect.objectContaining({ name: "ModelIndexError" }));
  });

  it("toNumbers, toNested, numberAt, arrayEqual, astype, toFloat64", () => {
    const a = NDArray.from("int32", [2, 2], [1, 2, 3, 4]);
    expect(a.toNested()).toEqual([[1, 2], [3, 4]]);
    expect(a.astype("float32").data).toEqual(new Float32Array([1, 2, 3, 4]));
    expect(NDArray.from("float64", [2], [1.7, -1.7]).astype("int64").data).toEqual(new BigInt64Array([1n, -1n]));
    expect(a.toFloat64().dtype).toBe("float64");
    const f = NDArray.zeros([2]);
    expect(f.toFloat64()).toBe(f);
    expect(a.arrayEqual(a.copy())).toBe(true);
    expect(a.arrayEqual(a.astype("int64"))).toBe(false);
    expect(NDArray.from("bool", [2], [true, false]).astype("int8").toNumbers()).toEqual([1, 0]);
  });
});

describe("NDArray views and slicing", () => {
  it("reshape and squeeze are views", () => {
    const a = NDArray.arange(6, undefined, 1, "float64");
    const r = a.reshape([2, -1]);
    expect(r.shape).toEqual([2, 3]);
    r.set([1, 0], 99);
    expect(a.get(3)).toBe(99);
    expect(NDArray.zeros([1, 3, 1]).squeeze().shape).toEqual([3]);
    expect(NDArray.zeros([1, 3, 1]).squeeze([0]).shape).toEqual([3, 1]);
    expect(() => NDArray.zeros([1, 3]).squeeze([1])).toThrow(expect.objectContaining({ name: "ModelValueError" }));
    expect(() => a.reshape([4])).toThrow(expect.objectContaining({ name: "ModelValueError" }));
  });

  it("leading-dimension selections are views, others copies", () => {
    const a = NDArray.arange(24, undefined, 1, "float64").reshape([2, 3, 4]);
    const row = a.index(1);
    expect(row.shape).toEqual([3, 4]);
    expect(row.data.buffer).toBe(a.data.buffer);
    const block = a.index(1, "1:3");
    expect(block.toNumbers()).toEqual([16, 17, 18, 19, 20, 21, 22, 23]);
    expect(block.data.buffer).toBe(a.data.buffer);
    const col = a.index(":", 0, 0);
    expect(col.toNumbers()).toEqual([0, 12]);
    expect(col.data.buffer).not.toBe(a.data.buffer);
    expect(a.index("...", 3).shape).toEqual([2, 3]);
    expect(a.index("...", 3).toNumbers()).toEqual([3, 7, 11, 15, 19, 23]);
    expect(a.index(Slice.of(null, null, -1), 0, 0).toNumbers()).toEqual([12, 0]);
    expect(a.slice(2, 1, 3).shape).toEqual([2, 3, 2]);
    expect(a.take(1, 2).shape).toEqual([2, 4]);
    expect(a.take(2, [0, 3]).toNested()).toEqual([[[0, 3], [4, 7], [8, 11]], [[12, 15], [16, 19], [20, 23]]]);
  });

  it("Python slice semantics: clamping, negative bounds, steps", () => {
    const a = NDArray.arange(10);
    expect(a.index("-3:").toNumbers()).toEqual([7, 8, 9]);
    expect(a.index("::3").toNumbers()).toEqual([0, 3, 6, 9]);
    expect(a.index("5:100").toNumbers()).toEqual([5, 6, 7, 8, 9]);
    expect(a.index("8:2:-2").toNumbers()).toEqual([8, 6, 4]);
    expect(a.index("4:2").size).toBe(0);
    expect(new Slice(null, null, -1).indices(3)).toEqual({ start: 2, stop: -1, step: -1, count: 3 });
    expect(() => a.index("1:2:0")).toThrow(expect.objectContaining({ name: "ModelValueError" }));
    expect(() => a.index("a:b")).toThrow(expect.objectContaining({ name: "ModelIndexError" }));
    expect(() => a.index(0, 0)).toThrow(expect.objectContaining({ name: "ModelIndexError" }));
    expect(() => a.index("...", "...")).toThrow(expect.objectContaining({ name: "ModelIndexError" }));
    expect(String(Slice.of(1, 5, 2))).toBe("1:5:2");
  });

  it("concatenate and stack", () => {
    const a = NDArray.from("float64", [2, 2], [1, 2, 3, 4]);
    const b = NDArray.from("float64", [1, 2], [5, 6]);
    expect(concatenate([a, b], 0).toNested()).toEqual([[1, 2], [3, 4], [5, 6]]);
    expect(concatenate([a, a], 1).toNested()).toEqual([[1, 2, 1, 2], [3, 4, 3, 4]]);
    expect(stack([a, a]).shape).toEqual([2, 2, 2]);
    let caught: unknown;
    try {
      concatenate([a, b], 1);
    } catch (e) {
      caught = e;
    }
    expect(isModelValueError(caught)).toBe(true);
  });

  it("type errors from bad arguments are ModelTypeError", () => {
    let caught: unknown;
    try {
      NDArray.from("float64", [2], 5 as unknown as number[]);
    } catch (e) {
      caught = e;
    }
    expect(isModelTypeError(caught)).toBe(true);
  });
});

describe("NDArray.transpose", () => {
  it("equals numpy.transpose for the default and given permutations, complex lanes kept together", () => {
    const a = NDArray.arange(24).reshape([2, 3, 4]);
    const ref = numpy<number[][][][]>("a = np.arange(24).reshape(2, 3, 4)\nout = [a.T.tolist(), a.transpose(1, 0, 2).tolist(), a.transpose(2, 0, 1).tolist()]");
    expect(a.transpose().toNested()).toEqual(bigints(ref[0]));
    expect(a.transpose([1, 0, 2]).toNested()).toEqual(bigints(ref[1]));
    expect(a.transpose([-1, 0, 1]).toNested()).toEqual(bigints(ref[2]));
    const z = NDArray.from("complex128", [2, 2], [{ re: 1, im: 2 }, { re: 3, im: 4 }, { re: 5, im: 6 }, { re: 7, im: 8 }]);
    expect(z.transpose().toNested()).toEqual([[{ re: 1, im: 2 }, { re: 5, im: 6 }], [{ re: 3, im: 4 }, { re: 7, im: 8 }]]);
    expect(() => a.transpose([0, 0, 1])).toThrow("axes [0, 0, 1] do not match an array of 3 dimensions");
  });
});

/** NumPy's int64 values as the bigints an int64 NDArray holds. */
function bigints(nested: unknown): unknown {
  return Array.isArray(nested) ? nested.map(bigints) : BigInt(nested as number);
}
