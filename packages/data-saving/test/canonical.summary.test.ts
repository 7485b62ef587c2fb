import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { fixturePath } from "@pymodaq-ts/test-support";
import { describe, expect, it } from "vitest";
import { FsumAccumulator, fsum } from "../src/tools/canonical/fsum.js";
import { stringifyCanonical } from "../src/tools/canonical/json.js";
import { arraySummary, type ArrayLikeND } from "../src/tools/canonical/summary.js";


function python(script: string, input: unknown): unknown {
  return JSON.parse(execFileSync("python3", ["-c", script], { input: JSON.stringify(input), maxBuffer: 1 << 26 }).toString());
}

/** Doubles as exact text for python3 (JSON numbers lose -0.0 and cannot hold NaN / inf). */
const exactText = (x: number) => (Number.isNaN(x) ? "nan" : Object.is(x, -0) ? "-0.0" : String(x));

describe("fsum: Python's math.fsum", () => {
  it("known hard cases", () => {
    expect(fsum([1e100, 1, -1e100, 1e-100])).toBe(1);
    expect(fsum(Array(10).fill(0.1))).toBe(1);
    expect(fsum([1e308, 1e308, -1e308])).toBe(1e308); // CPython raises: exact result here
    expect(fsum([1.7976931348623157e308, 1e292])).toBe(Infinity); // past the max: rounds to inf
    expect(fsum([1, 1e-16, 1e-16])).toBe(1.0000000000000002);
    expect(fsum([1e16, 1, 1e-16])).toBe(10000000000000002); // half-even correction across partials
    expect(fsum([2 ** 53, 1, -1e-300])).toBe(2 ** 53);
    expect(fsum([])).toBe(0);
    expect(fsum([-0])).toBe(0);
    expect(fsum([Infinity, 1])).toBe(Infinity);
    expect(fsum([Infinity, -Infinity])).toBeNaN();
    expect(fsum([NaN, 1])).toBeNaN();
  });

  it("equals python3 math.fsum on 400 generated lists", () => {
    const doubles = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 }),
      fc.constantFrom(1e100, -1e100, 1e-100, 0.1, 2 ** 53, 1, -1, 5e-324, 2 ** -1022),
      fc.integer({ min: -1000, max: 1000 }).map((i) => i * 0.1),
    );
    const lists = fc.sample(fc.array(doubles, { maxLength: 40 }), { numRuns: 400, seed: 11 });
    const script = "import sys, json, math\nprint(json.dumps([repr(math.fsum(float(x) for x in l)) for l in json.loads(sys.stdin.read())]))";
    const expected = python(script, lists.map((l) => l.map(exactText))) as string[];
    expect(lists.map((l) => String(fsum(l)))).toEqual(expected.map((r) => String(Number(r))));
  });

  it("equals python3 math.fsum past 2^20 additions, read before, at and after the accumulator's carries", () => {
    // Magnitudes from subnormal to 1e290 (no running sum can pass the double range, where
    // CPython raises), both signs, so that every chunk of the accumulator is used.
    const n = 2 ** 21 + 12_345;
    const values = Float64Array.from({ length: n }, (_, i) => {
      const u = Math.sin(i * 12.9898) * 43758.5453;
      const frac = u - Math.floor(u) - 0.5;
      return i % 5 === 0 ? frac * 2 ** -1070 : frac * 10 ** ((i * 37) % 581 - 290);
    });
    const reads = [2 ** 20 - 1, 2 ** 20, 2 ** 20 + 1, 2 ** 21, n];
    const script = [
      "import sys, math, array, json",
      "a = array.array('d'); a.frombytes(sys.stdin.buffer.read())",
      `print(json.dumps([repr(math.fsum(a[:k])) for k in ${JSON.stringify(reads)}]))`,
    ].join("\n");
    const expected = JSON.parse(execFileSync("python3", ["-c", script], { input: Buffer.from(values.buffer) }).toString()) as string[];
    const acc = new FsumAccumulator();
    const got: number[] = [];
    for (let i = 0; i < n; i++) {
      acc.add(values[i]!);
      if (reads.includes(i + 1)) got.push(acc.value());
    }
    expect(got).toEqual(expected.map(Number));
  });
});

describe("arraySummary", () => {
  it("writes small arrays in full with the element encoding: float dtypes as floats, int dtypes as ints", () => {
    const text = (a: ArrayLikeND) => stringifyCanonical(arraySummary(a));
    expect(text({ dtype: "float64", shape: [2, 3], data: Float64Array.of(1.5, NaN, Infinity, -Infinity, 2, -0) })).toBe(
      '{"dtype":"float64","shape":[2,3],"size":6,"values":[1.5,"NaN","Infinity","-Infinity",2.0,-0.0]}',
    );
    expect(text({ dtype: "float32", shape: [3], data: Float32Array.of(1, 0.5, 1e-7) })).toBe(
      `{"dtype":"float32","shape":[3],"size":3,"values":[1.0,0.5,${Math.fround(1e-7).toExponential().replace("e-7", "e-07")}]}`,
    );
    expect(text({ dtype: "int64", shape: [3], data: BigInt64Array.of(1n, -2n, 2n ** 60n) })).toBe(
      `{"dtype":"int64","shape":[3],"size":3,"values":[1,-2,${2n ** 60n}]}`,
    );
    expect(text({ dtype: "uint16", shape: [2], data: Uint16Array.of(0, 7) })).toBe('{"dtype":"uint16","shape":[2],"size":2,"values":[0,7]}');
    expect(arraySummary({ dtype: "bool", shape: [2], data: Uint8Array.of(0, 1) }).values).toEqual([false, true]);
    expect(text({ dtype: "complex128", shape: [1], data: Float64Array.of(1, NaN) })).toBe(
      '{"dtype":"complex128","shape":[1],"size":1,"values":[[1.0,"NaN"]]}',
    );
    expect(text({ dtype: "float64", shape: [], data: Float64Array.of(3) })).toBe('{"dtype":"float64","shape":[],"size":1,"values":[3.0]}');
    expect(arraySummary({ dtype: "float64", shape: [4096], data: new Float64Array(4096) })).toHaveProperty("values");
    expect(arraySummary({ dtype: "float64", shape: [4097], data: new Float64Array(4097) })).toHaveProperty("sha256");
  });

  it("an array summarized again, or an equal one, gives the same digest; its own edges and dtype always", () => {
    const n = 5000;
    const values = Float64Array.from({ length: n }, (_, i) => Math.sin(i) * 1e3);
    const first = arraySummary({ dtype: "float64", shape: [n], data: values });
    expect(arraySummary({ dtype: "float64", shape: [n], data: values.slice() })).toEqual(first);
    expect(arraySummary({ dtype: "float64", shape: [50, 100], data: values })).toEqual({ ...first, shape: [50, 100] });
    // The same float64 form, other exact values: int64 past 2^53 round alike but keep their own edges.
    const big = BigInt64Array.from({ length: n }, (_, i) => 2n ** 60n + BigInt(i % 3 === 0 ? 0 : 1));
    const other = BigInt64Array.from(big, (v) => v + 1n);
    const a = arraySummary({ dtype: "int64", shape: [n], data: big });
    const b = arraySummary({ dtype: "int64", shape: [n], data: other });
    expect(b["sha256"]).toBe(a["sha256"]);
    expect(b["sum"]).toEqual(a["sum"]);
    expect(b["first"]).toEqual((a["first"] as bigint[]).map((v) => v + 1n));
    // Complex data: per-lane pairs, again after a repeat.
    const complex = { dtype: "complex128", shape: [n], data: Float64Array.from({ length: 2 * n }, (_, i) => (i % 2 === 0 ? 1 : -2)) };
    const c = arraySummary(complex);
    expect(JSON.parse(stringifyCanonical(c["sum"]))).toEqual([n, -2 * n]);
    expect(arraySummary(complex)).toEqual(c);
  });

  it("rejects data shorter than the shape", () => {
    expect(() => arraySummary({ dtype: "complex128", shape: [2], data: new Float64Array(3) })).toThrow(expect.objectContaining({ code: "INVALID_VALUE" }));
  });

  it("reproduces the digest of edge_big_tables (200x300 float64 with a NaN) exactly", () => {
    const scenario = JSON.parse(readFileSync(fixturePath("edge_big_tables", ".scenario.json"), "utf8"));
    const nd = scenario.steps[3].args.data.data[0].data[0];
    expect(nd).toMatchObject({ t: "ndarray", dtype: "float64", shape: [200, 300] });
    const bytes = Buffer.from(nd.data, "base64");
    const data = new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8);
    const expected = JSON.parse(readFileSync(fixturePath("edge_big_tables", ".expected.json"), "utf8")).tree[
      "/RawData/Data2D/CH00/Data00"
    ].value;
    expect(expected).toHaveProperty("sha256");
    expect(JSON.parse(stringifyCanonical(arraySummary({ dtype: "float64", shape: [200, 300], data })))).toEqual(expected);
  });

  it("hashes float64 views at an offset, across chunks with and without NaN payloads, as python3 hashlib", () => {
    // Past three 8192-value chunks; NaNs with payloads only in the second and last, so that
    // chunks hashed where they lie and chunks converted first both count.
    const n = 3 * 8192 + 100;
    const buffer = new Float64Array(n + 3);
    const data = buffer.subarray(1, n + 1);
    for (let i = 0; i < n; i++) data[i] = Math.cos(i * 0.37) * 10 ** ((i % 30) - 15);
    const payloads = new Float64Array(new BigUint64Array([0x7ff8dead00000000n, 0xfff0000000000001n, 0x7ff0000000000002n]).buffer);
    data[8192 + 17] = payloads[0]!;
    data[2 * 8192 - 1] = payloads[1]!;
    data[n - 1] = payloads[2]!;
    buffer[0] = NaN; // outside the view: not hashed
    const script = String.raw`
import sys, json, struct, hashlib
xs = [float(v) for v in json.loads(sys.stdin.read())]
print(json.dumps(hashlib.sha256(b"".join(struct.pack("<Q", 0x7FF8000000000000) if x != x else struct.pack("<d", x) for x in xs)).hexdigest()))
`;
    const expected = python(script, Array.from(data, exactText));
    expect(arraySummary({ dtype: "float64", shape: [n], data })["sha256"]).toBe(expected);
    // Complex data hashes its interleaved lanes alike.
    expect(arraySummary({ dtype: "complex128", shape: [n / 2], data })["sha256"]).toBe(expected);
    // The same values in an array of their own, and through the converting path (plain array).
    expect(arraySummary({ dtype: "float64", shape: [n], data: data.slice() })["sha256"]).toBe(expected);
    expect(arraySummary({ dtype: "float64", shape: [n], data: Array.from(data) })["sha256"]).toBe(expected);
  });

  it("matches python3 hashlib / math.fsum on generated large arrays of every kind", () => {
    const n = 5000;
    const rand = (i: number) => Math.sin(i * 12.9898) * 43758.5453 - Math.floor(Math.sin(i * 12.9898) * 43758.5453) - 0.5;
    const f64 = Float64Array.from({ length: n }, (_, i) => (i % 777 === 5 ? NaN : i % 999 === 7 ? -Infinity : rand(i) * 10 ** ((i % 40) - 20)));
    f64[4] = Infinity;
    f64[9] = -0;
    const nanPayload = new Float64Array(new BigUint64Array([0x7ff8dead00000000n, 0xfff0000000000001n]).buffer);
    f64[10] = nanPayload[0]!;
    f64[11] = nanPayload[1]!;
    const arrays: ArrayLikeND[] = [
      { dtype: "float64", shape: [50, 100], data: f64 },
      { dtype: "float32", shape: [n], data: Float32Array.from(f64) },
      { dtype: "int32", shape: [n], data: Int32Array.from({ length: n }, (_, i) => Math.round(rand(i) * 2 ** 31)) },
      { dtype: "uint16", shape: [n], data: Uint16Array.from({ length: n }, (_, i) => i * 7) },
      { dtype: "int64", shape: [n], data: BigInt64Array.from({ length: n }, (_, i) => BigInt(i) * 123456789n - 2n ** 40n) },
      { dtype: "bool", shape: [n], data: Uint8Array.from({ length: n }, (_, i) => i % 3 === 0 ? 1 : 0) },
      { dtype: "complex128", shape: [n], data: Float64Array.from({ length: 2 * n }, (_, i) => f64[Math.floor(i / 2)]! * (i % 2 ? -1 : 1)) },
      // Positive and negative sums that cancel to their last bits, and a weighted value that
      // overflows to +inf (1e308 at weight 3) beside finite ones.
      { dtype: "float64", shape: [n], data: Float64Array.from({ length: n }, (_, i) => (i === 2 ? 1e308 : (i % 2 ? 1e300 : -1e300) * (1 + rand(i) * 2 ** -30))) },
    ];
    // The python3 reference: the README's definition written with hashlib, struct and math.fsum.
    const script = String.raw`
import sys, json, math, struct, hashlib
def enc(x): return "NaN" if x != x else "Infinity" if x == math.inf else "-Infinity" if x == -math.inf else x
def lane(xs):
    fin = [(i, x) for i, x in enumerate(xs) if math.isfinite(x)]
    return dict(sum=enc(math.fsum(x for _, x in fin)), sum_abs=enc(math.fsum(abs(x) for _, x in fin)),
        wsum=enc(math.fsum(x * (1 + i % 101) for i, x in fin)), wsum_abs=enc(math.fsum(abs(x * (1 + i % 101)) for i, x in fin)),
        nan_count=sum(1 for x in xs if x != x), posinf_count=xs.count(math.inf), neginf_count=xs.count(-math.inf))
out = []
for a in json.loads(sys.stdin.read()):
    flat = [float(v) for v in a["values"]]
    canon = b"".join(struct.pack("<Q", 0x7FF8000000000000) if x != x else struct.pack("<d", x) for x in flat)
    r = {"sha256": hashlib.sha256(canon).hexdigest()}
    if a["complex"]:
        re, im = lane(flat[0::2]), lane(flat[1::2])
        r.update({k: [re[k], im[k]] for k in re})
    else:
        r.update(lane(flat))
    out.append(json.dumps(r, separators=(",", ":")))
print(json.dumps(out))
`;
    const input = arrays.map((a) => ({
      complex: a.dtype.startsWith("complex"),
      values: Array.from(a.data as ArrayLike<number | bigint>, (v) => exactText(Number(v))),
    }));
    // Python's own JSON text of each digest: same numbers and the same int / float forms.
    const expected = python(script, input) as string[];
    arrays.forEach((a, k) => {
      const s = arraySummary(a);
      const { first: _f, last: _l, dtype: _d, shape: _s, size: _z, ...digest } = s;
      expect(stringifyCanonical(digest), a.dtype).toBe(expected[k]);
    });
    const c = arraySummary(arrays[6]!);
    expect(c.first).toEqual([[expect.any(Number), expect.any(Number)], ...Array(7).fill(expect.anything())]);
    // Edge values of a float array are floats even when integral (-0.0 here).
    expect(stringifyCanonical(arraySummary({ dtype: "float64", shape: [5000], data: new Float64Array(5000).fill(-0) }).last)).toBe(
      `[${Array(8).fill("-0.0").join(",")}]`,
    );
    expect((arraySummary(arrays[0]!).last as unknown[]).length).toBe(8);
    expect(arraySummary(arrays[4]!).first).toEqual([-(2 ** 40), 123456789 - 2 ** 40, 2 * 123456789 - 2 ** 40, 3 * 123456789 - 2 ** 40, 4 * 123456789 - 2 ** 40, 5 * 123456789 - 2 ** 40, 6 * 123456789 - 2 ** 40, 7 * 123456789 - 2 ** 40]);
    expect(arraySummary(arrays[5]!).first).toEqual([true, false, false, true, false, false, true, false]);
  });
});
