/**
 * encodeAttr / decodeAttr against the real thing: python3 builds the same values, writes
 * `json.dumps({"module", "type", "data": repr(v)})` and decodes it the way PyMoDAQ's reader
 * does (json.loads, then eval of trusted types). Both sides describe the decoded value as a
 * tagged tree, which must be equal. Also a round-trip property without Python.
 */
import { execFileSync } from "node:child_process";
import { NpScalar, PyBytes, PyComplex, PyDict, PyRepr, PyTuple, type PyValue } from "@pymodaq-ts/data-model";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeAttr, encodeAttr } from "../src/codec/envelope.js";
import { f16round } from "../src/codec/floatrepr.js";
import { pyRepr } from "../src/codec/pyrepr.js";

// Code points whose printability is the same in Python 3.11 (Unicode 14) and Node's ICU:
// older blocks, lone (low) surrogates that cannot pair up with a neighbour, private use, specials, tags and long-unassigned points.
const CODE_POINT_RANGES: [number, number][] = [
  [0x00, 0xff], [0x100, 0x24f], [0x370, 0x3ff], [0x2000, 0x206f], [0x20a0, 0x20bf], [0x2600, 0x26ff],
  [0x3000, 0x303f], [0x4e00, 0x4e80], [0xdc00, 0xdfff], [0xe000, 0xe0ff], [0xfe00, 0xfeff],
  [0xfff0, 0xffff], [0x1f600, 0x1f64f], [0xe0000, 0xe007f], [0x10fffd, 0x10ffff],
];
const char = fc.oneof(...CODE_POINT_RANGES.map(([lo, hi]) => fc.integer({ min: lo, max: hi }))).map((c) =>
  String.fromCodePoint(c),
);
const pyStr = fc.oneof(fc.array(char, { maxLength: 12 }).map((a) => a.join("")), fc.constantFrom("'", '"', "'\"", "\\", "", "\ud800x"));
const pyInt = fc.oneof(fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }), fc.bigInt({ min: -300n, max: 300n }));
const pyFloat = fc.oneof(
  fc.double(),
  fc.constantFrom(0.1, 1e16, 1e-5, 1e-4, 9.999999999999999e-5, 1234567890123456, 5e-324, 1e22, -0, 1700000000.5),
  fc.integer().map((i) => i / 8),
);
const npInt = fc.oneof(
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map((v) => new NpScalar("int64", v)),
  fc.bigInt({ min: -(2n ** 31n), max: 2n ** 31n - 1n }).map((v) => new NpScalar("int32", v)),
  fc.bigInt({ min: 0n, max: 65535n }).map((v) => new NpScalar("uint16", v)),
  fc.bigInt({ min: 0n, max: 255n }).map((v) => new NpScalar("uint8", v)),
);
const npFloat = fc.oneof(
  pyFloat.map((x) => new NpScalar("float64", x)),
  fc.float().map((x) => new NpScalar("float32", x)),
  fc.float({ noDefaultInfinity: false }).map((x) => new NpScalar("float16", f16round(x))),
);
const npBool = fc.boolean().map((b) => new NpScalar("bool_", b));
const npComplex = fc.oneof(
  fc.tuple(pyFloat, pyFloat).map(([a, b]) => new NpScalar("complex128", [a, b])),
  fc.tuple(fc.float(), fc.float()).map(([a, b]) => new NpScalar("complex64", [a, b])),
);
const datetime = fc
  .tuple(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
  .chain(([y, mo, d]) =>
    fc.oneof(
      fc.constant(new PyRepr(`datetime.date(${y}, ${mo}, ${d})`)),
      fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(
        ([h, mi]) => new PyRepr(`datetime.datetime(${y}, ${mo}, ${d}, ${h}, ${mi})`),
      ),
    ),
  );
const bytes = fc.uint8Array({ maxLength: 10 }).map((b) => new PyBytes(b));
const complex = fc.tuple(pyFloat, pyFloat).map(([a, b]) => new PyComplex(a, b));

function values(withComplex: boolean): fc.Arbitrary<PyValue> {
  const leaf: fc.Arbitrary<PyValue> = fc.oneof(
    fc.constant(null), fc.boolean(), pyStr, pyInt, pyFloat, bytes, npInt, npFloat, npBool, datetime,
    ...(withComplex ? [complex, npComplex] : []),
  );
  return fc.letrec<{ value: PyValue }>((tie) => ({
    value: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      leaf,
      fc.array(tie("value"), { maxLength: 4 }),
      fc.array(tie("value"), { maxLength: 4 }).map((a) => new PyTuple(a)),
      fc
        .uniqueArray(fc.tuple(fc.oneof(pyStr, pyInt), tie("value")), { maxLength: 3, selector: ([k]) => `${typeof k}:${String(k)}` })
        .map((e) => new PyDict(e)),
    ),
  })).value;
}

const fkey = (x: number) => pyRepr(x);

/** A tagged description of a decoded value, identical to what the Python side prints. */
function tag(v: PyValue): unknown {
  if (v === null) return ["None"];
  if (typeof v === "boolean") return ["bool", v];
  if (typeof v === "bigint") return ["int", v.toString()];
  if (typeof v === "number") return ["float", fkey(v)];
  if (typeof v === "string") return ["str", v];
  if (Array.isArray(v)) return ["list", v.map(tag)];
  if (v instanceof PyTuple) return ["tuple", v.items.map(tag)];
  if (v instanceof PyDict) return ["dict", v.entries.map(([k, x]) => [tag(k), tag(x)])];
  if (v instanceof PyBytes) return ["bytes", Buffer.from(v.bytes).toString("hex")];
  if (v instanceof PyComplex) return ["complex", fkey(v.re), fkey(v.im)];
  if (v instanceof PyRepr) return ["repr", v.repr];
  const x = v.value;
  const inner = Array.isArray(x) ? tag(new PyComplex(x[0], x[1])) : tag(x as PyValue);
  return [`np.${v.type}`, inner];
}

/** How python3 rebuilds a generated value (floats as exact text, NumPy by type name). */
function recipe(v: PyValue): unknown {
  const f = (x: number) => (Number.isNaN(x) ? "nan" : Object.is(x, -0) ? "-0.0" : String(x));
  if (v === null || typeof v === "boolean" || typeof v === "string") return { t: "plain", v };
  if (typeof v === "bigint") return { t: "int", v: v.toString() };
  if (typeof v === "number") return { t: "float", v: f(v) };
  if (Array.isArray(v)) return { t: "list", v: v.map(recipe) };
  if (v instanceof PyTuple) return { t: "tuple", v: v.items.map(recipe) };
  if (v instanceof PyDict) return { t: "dict", v: v.entries.map(([k, x]) => [recipe(k), recipe(x)]) };
  if (v instanceof PyBytes) return { t: "bytes", v: Buffer.from(v.bytes).toString("hex") };
  if (v instanceof PyComplex) return { t: "complex", v: [f(v.re), f(v.im)] };
  if (v instanceof PyRepr) return { t: "datetime", v: v.repr };
  const x = v.value;
  const arg = Array.isArray(x) ? [f(x[0]), f(x[1])] : typeof x === "number" ? f(x) : typeof x === "bigint" ? x.toString() : x;
  return { t: "np", type: v.type, v: arg };
}

const PYTHON = String.raw`
import sys, json, datetime
import numpy as np
np.set_printoptions(legacy="1.25")   # NumPy 1.x scalar reprs, as PyMoDAQ's files hold
TRUSTED = ["float", "int", "str", "datetime", "date", "time", "tuple", "list", "bool", "bytes", "float64"]
def build(r):
    t, v = r["t"], r.get("v")
    if t == "plain": return v
    if t == "int": return int(v)
    if t == "float": return float(v)
    if t == "list": return [build(x) for x in v]
    if t == "tuple": return tuple(build(x) for x in v)
    if t == "dict": return {build(k): build(x) for k, x in v}
    if t == "bytes": return bytes.fromhex(v)
    if t == "complex": return complex(float(v[0]), float(v[1]))
    if t == "datetime": return eval(v, {"datetime": datetime})
    ty = getattr(np, r["type"])
    if r["type"].startswith("complex"): return ty(complex(float(v[0]), float(v[1])))
    if r["type"].startswith("float"): return ty(float(v))
    if r["type"].startswith(("int", "uint")): return ty(int(v))
    return ty(v)
def fk(x): return repr(float(x))
def tag(x):
    if x is None: return ["None"]
    if isinstance(x, np.generic): return ["np." + type(x).__name__, tag(x.item())]
    if isinstance(x, bool): return ["bool", x]
    if isinstance(x, int): return ["int", str(x)]
    if isinstance(x, float): return ["float", fk(x)]
    if isinstance(x, complex): return ["complex", fk(x.real), fk(x.imag)]
    if isinstance(x, str): return ["str", x]
    if isinstance(x, bytes): return ["bytes", x.hex()]
    if isinstance(x, tuple): return ["tuple", [tag(i) for i in x]]
    if isinstance(x, list): return ["list", [tag(i) for i in x]]
    if isinstance(x, dict): return ["dict", [[tag(k), tag(i)] for k, i in x.items()]]
    return ["repr", repr(x)]
def get_attr(s):
    d = json.loads(s)
    if isinstance(d, dict) and d["type"] in TRUSTED:
        try: return eval(d["data"], {"np": np, "numpy": np, "datetime": datetime})
        except Exception: return s
    return d
out = []
for r in json.loads(sys.stdin.read()):
    v = build(r)
    name = type(v).__name__
    if type(v).__module__ == "numpy" and name == "bool": name = "bool_"   # NumPy 1.x name
    s = json.dumps({"module": type(v).__module__, "type": name, "data": repr(v)})
    out.append([s, tag(get_attr(s))])
print(json.dumps(out))
`;

function python(values: readonly PyValue[]): [string, unknown][] {
  const input = JSON.stringify(values.map(recipe));
  return JSON.parse(execFileSync("python3", ["-c", PYTHON], { input, maxBuffer: 1 << 26 }).toString());
}

describe("encodeAttr and decodeAttr against python3", () => {
  it("2000 generated values: identical attribute text and identical decoded value", () => {
    const generated = fc.sample(values(true), { numRuns: 2000, seed: 20261126 });
    const expected = python(generated);
    const actual = generated.map((v) => {
      const text = encodeAttr(v);
      return [text, tag(decodeAttr(text))];
    });
    for (let i = 0; i < generated.length; i++) {
      expect(actual[i], JSON.stringify(recipe(generated[i]!))).toEqual(expected[i]);
    }
  });

  it("floats near the repr thresholds, across the positional range, and float32 / float16 values", () => {
    const floats = [1e-4, 9.999999999999999e-5, 1e16, 9999999999999998, 0.1, 1 / 3, 2 ** -1074, 1.7976931348623157e308];
    const generated: PyValue[] = floats.flatMap((x) => [
      x,
      -x,
      new NpScalar("float64", x),
      new NpScalar("float32", Math.fround(x)),
      new NpScalar("float16", f16round(x)),
      new NpScalar("complex64", [Math.fround(x), Math.fround(-x)]),
    ]);
    generated.push(...Array.from({ length: 200 }, (_, i) => new NpScalar("float32", Math.fround(2 ** (i - 100) * 1.1))));
    generated.push(...Array.from({ length: 60 }, (_, i) => new NpScalar("float16", f16round(2 ** (i - 30) * 1.3))));
    // float64 across the positional range (printed through String there), integral or not,
    // and the neighbours of both thresholds.
    const neighbours = (x: number) => {
      const view = new DataView(new ArrayBuffer(8));
      view.setFloat64(0, x);
      const bits = view.getBigUint64(0);
      return [bits - 1n, bits + 1n].map((b) => (view.setBigUint64(0, b), view.getFloat64(0)));
    };
    const positional = [
      ...Array.from({ length: 70 }, (_, i) => 2 ** (i - 15) * 1.37),
      ...Array.from({ length: 40 }, (_, i) => Math.round(3.3 ** i)),
      ...neighbours(1e-4),
      ...neighbours(1e16),
    ];
    generated.push(...positional.flatMap((x) => [x, -x, new NpScalar("float64", x)]));
    const expected = python(generated);
    generated.forEach((v, i) => expect([encodeAttr(v), tag(decodeAttr(encodeAttr(v)))]).toEqual(expected[i]));
  });
});

/** What PyMoDAQ's reader returns for a value of a trusted type (no Python needed). */
function literalView(v: PyValue): PyValue {
  if (Array.isArray(v)) return v.map(literalView);
  if (v instanceof PyTuple) return new PyTuple(v.items.map(literalView));
  if (v instanceof PyDict) return new PyDict(v.entries.map(([k, x]) => [literalView(k), literalView(x)]));
  if (v instanceof NpScalar) {
    const x = v.value;
    if (typeof x === "boolean" || typeof x === "bigint") return x;
    // A NumPy float32 prints with its own shortest digits, which read back as a Python float.
    if (typeof x === "number") return v.type === "float64" ? x : Number(pyRepr(v));
  }
  return v;
}

function hasNonFinite(v: PyValue): boolean {
  if (typeof v === "number") return !Number.isFinite(v);
  if (Array.isArray(v)) return v.some(hasNonFinite);
  if (v instanceof PyTuple) return v.items.some(hasNonFinite);
  if (v instanceof PyDict) return v.entries.some(([k, x]) => hasNonFinite(k) || hasNonFinite(x));
  if (v instanceof NpScalar) {
    const x = v.value;
    return Array.isArray(x) ? x.some((p) => !Number.isFinite(p)) : typeof x === "number" && !Number.isFinite(x);
  }
  return false;
}

describe("round trip: decodeAttr(encodeAttr(v))", () => {
  it("gives the value back for trusted types, the envelope dict for the others", () => {
    const trusted = fc.oneof(
      fc.array(values(false), { maxLength: 4 }),
      fc.array(values(false), { maxLength: 4 }).map((a) => new PyTuple(a)),
      pyStr, pyInt, pyFloat, fc.boolean(), bytes, datetime,
    );
    fc.assert(
      fc.property(trusted, (v) => {
        // Complex values are left to the python3 comparison above: eval drops some -0.0 signs.
        const text = encodeAttr(v);
        const expected = hasNonFinite(v) ? text : literalView(v);
        expect(tag(decodeAttr(text))).toEqual(tag(expected));
      }),
      { numRuns: 1000, seed: 4 },
    );
    fc.assert(
      fc.property(fc.oneof(npInt, npBool, npComplex, fc.constant(null)), (v) => {
        const d = decodeAttr(encodeAttr(v));
        expect(d).toBeInstanceOf(PyDict);
        expect((d as PyDict).get("data")).toBe(pyRepr(v));
      }),
      { numRuns: 300, seed: 5 },
    );
  });
});
