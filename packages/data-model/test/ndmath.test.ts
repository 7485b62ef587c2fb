import { describe, expect, it } from "vitest";
import { NDArray, allclose, binaryOp, reduce, unwrap } from "../src/index.js";
import { absolute, broadcastShapes, complexPart, meanOf, negative, pairwiseSum } from "../src/ndmath.js";
import { LIN20 } from "./fixtures.js";

describe("ndmath", () => {
  it("pairwise mean matches NumPy's last bit on the LIN20 differences", () => {
    const d = LIN20();
    const diff = Array.from({ length: 19 }, (_, i) => d.numberAt(i + 1) - d.numberAt(i));
    // numpy: np.mean(np.diff(-20.4 + 0.22*np.arange(20))) == 0.21999999999999997
    expect(meanOf(diff)).toBe(0.21999999999999997);
    // numpy: v = [1e6*((i*37)%11 - 5) + 1/(i+1) for i in range(1000)]; np.array(v).sum(), a[3:520].sum()
    const v = Array.from({ length: 1000 }, (_, i) => 1e6 * (((i * 37) % 11) - 5) + 1 / (i + 1));
    expect(pairwiseSum(v, 0, v.length)).toBe(-1999992.5145291463);
    expect(pairwiseSum(new Float64Array(v), 3, 517)).toBe(4.998672375455499);
    expect(reduce(NDArray.from("float64", [1000], v), "sum").numberAt(0)).toBe(-1999992.5145291463);
  });

  it("pairwise sums are NumPy's additions in NumPy's order, at every length and start", () => {
    // NumPy's pairwise_sum (numpy/_core/src/umath/loops_utils.h.src), transcribed with its
    // accumulator array: the sum under test must give the same bits.
    const reference = (v: ArrayLike<number>, start: number, n: number): number => {
      if (n < 8) {
        let s = 0;
        for (let i = 0; i < n; i++) s += v[start + i]!;
        return s;
      }
      if (n <= 128) {
        const r = Array.from({ length: 8 }, (_, k) => v[start + k]!);
        let i = 8;
        for (; i < n - (n % 8); i += 8) for (let k = 0; k < 8; k++) r[k]! += v[start + i + k]!;
        let res = r[0]! + r[1]! + (r[2]! + r[3]!) + (r[4]! + r[5]! + (r[6]! + r[7]!));
        for (; i < n; i++) res += v[start + i]!;
        return res;
      }
      let n2 = Math.floor(n / 2);
      n2 -= n2 % 8;
      return reference(v, start, n2) + reference(v, start + n2, n - n2);
    };
    // Values of mixed magnitudes and signs, where the order of the additions shows in the last bits.
    const v = Float64Array.from({ length: 700 }, (_, i) => Math.sin(i * 12.9898) * 10 ** ((i * 7) % 13 - 6));
    for (const start of [0, 1, 5, 8, 13]) {
      for (let n = 0; n <= 600; n += n < 140 ? 1 : 37) expect(pairwiseSum(v, start, n)).toBe(reference(v, start, n));
    }
  });

  it("broadcasting and binary operations with dtype promotion", () => {
    expect(broadcastShapes([5, 1], [1, 6])).toEqual([5, 6]);
    expect(() => broadcastShapes([2], [3])).toThrow(expect.objectContaining({ name: "ModelValueError" }));
    const a = NDArray.arange(3);
    expect(binaryOp(a, 2, "multiply").dtype).toBe("int64");
    expect(binaryOp(a, 0.5, "multiply").dtype).toBe("float64");
    expect(binaryOp(a, 2, "divide").toNumbers()).toEqual([0, 0.5, 1]);
    expect(binaryOp(NDArray.zeros([2], "float32"), 1, "add").dtype).toBe("float32");
    const m = binaryOp(NDArray.arange(6).reshape([2, 3]), NDArray.arange(3), "add");
    expect(m.toNested()).toEqual([[0n, 2n, 4n], [3n, 5n, 7n]]);
    const c = binaryOp(NDArray.from("complex128", [1], [{ re: 1, im: 1 }]), NDArray.from("complex128", [1], [{ re: 1, im: -1 }]), "multiply");
    expect(c.get(0)).toEqual({ re: 2, im: 0 });
  });

  it("reductions along axes", () => {
    const a = NDArray.arange(6, undefined, 1, "float64").reshape([2, 3]);
    expect(reduce(a, "sum", 0).toNumbers()).toEqual([3, 5, 7]);
    expect(reduce(a, "mean", 1).toNumbers()).toEqual([1, 4]);
    expect(reduce(a, "max").shape).toEqual([]);
    expect(reduce(a, "max").numberAt(0)).toBe(5);
    expect(reduce(a, "min", [0, 1]).numberAt(0)).toBe(0);
    expect(reduce(a, "std", 0).toNumbers()).toEqual([1.5, 1.5, 1.5]);
    expect(reduce(a, "all", 1).toNumbers()).toEqual([0, 1]);
    expect(reduce(a, "any", 1).toNumbers()).toEqual([1, 1]);
    expect(reduce(NDArray.arange(4), "sum").dtype).toBe("int64");
    expect(() => reduce(a, "sum", 2)).toThrow(expect.objectContaining({ name: "ModelIndexError" }));
    expect(() => reduce(NDArray.zeros([0]), "max")).toThrow(expect.objectContaining({ name: "ModelValueError" }));
  });

  it("allclose follows NumPy's tolerances", () => {
    const a = NDArray.from("float64", [2], [1, 2]);
    expect(allclose(a, NDArray.from("float64", [2], [1 + 1e-9, 2]))).toBe(true);
    expect(allclose(a, NDArray.from("float64", [2], [1.001, 2]))).toBe(false);
    expect(allclose(NDArray.from("float64", [1], [NaN]), NaN)).toBe(false);
    expect(allclose(NDArray.from("float64", [1], [Infinity]), Infinity)).toBe(true);
  });

  it("unary helpers", () => {
    expect(negative(NDArray.arange(3)).toNumbers()).toEqual([0, -1, -2]);
    expect(absolute(NDArray.from("float64", [2], [-1, 2])).toNumbers()).toEqual([1, 2]);
    const c = NDArray.from("complex128", [1], [{ re: 3, im: 4 }]);
    expect(absolute(c).toNumbers()).toEqual([5]);
    expect(complexPart(c, "imag").toNumbers()).toEqual([4]);
    expect(complexPart(c, "angle").numberAt(0)).toBeCloseTo(Math.atan2(4, 3));
  });

  it("unwrap matches NumPy along the last or a given axis", () => {
    // numpy: np.unwrap([0, 3, 6.5, 0.2, -3.5, 2.9])
    expect(unwrap(NDArray.from("float64", [6], [0, 3, 6.5, 0.2, -3.5, 2.9])).toNumbers())
      .toEqual([0, 3, 0.21681469282041377, 0.2, 2.7831853071795862, 2.9]);
    // numpy: np.unwrap([[0, 3, 6.5], [0.2, -3.5, 2.9]], axis=0)
    expect(unwrap(NDArray.from("float64", [2, 3], [0, 3, 6.5, 0.2, -3.5, 2.9]), 0).toNested())
      .toEqual([[0, 3, 6.5], [0.2, 2.7831853071795862, 9.183185307179587]]);
  });
});
