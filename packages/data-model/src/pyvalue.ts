/**
 * Python values whose Python type must survive a trip through a PyMoDAQ file.
 *
 * PyMoDAQ writes attribute values with their Python type (`int` and `float` differ, a
 * numpy `float64` differs from a builtin `float`; data-model.md §0.2). JavaScript
 * cannot tell `12` from `12.0`, so values that end up in attributes (axis offset and
 * scaling, extra attributes, saver metadata) use this vocabulary:
 *
 * | Python            | TypeScript                          |
 * |-------------------|-------------------------------------|
 * | `None`            | `null`                              |
 * | `bool`            | `boolean`                           |
 * | `str`             | `string`                            |
 * | `float`           | `number`                            |
 * | `int`             | `bigint`                            |
 * | `list`            | `PyValue[]`                         |
 * | `tuple`           | `PyTuple`                           |
 * | `dict`            | `PyDict`                            |
 * | `bytes`           | `PyBytes`                           |
 * | `complex`         | `PyComplex`                         |
 * | numpy scalar      | `NpScalar` (numpy type name + value)|
 * | anything else     | `PyRepr` (its Python `repr`)        |
 *
 * A plain JS number always stands for a Python `float`, even when integral (`{ n: 3 }` is
 * saved as `3.0`). For a Python `int`, pass a bigint: `3n`, or `pyInt(3)` from a number.
 *
 * @example
 * const shape = PyTuple.ofInts([50, 40]);          // (50, 40)
 * const offset = new NpScalar("float64", 0.1);     // numpy.float64(0.1)
 * const metadata = { repeats: pyInt(3), gain: 2 }; // {'repeats': 3, 'gain': 2.0}
 */
import { ModelTypeError } from "./errors.js";

export type NumpyScalarType =
  | "float64" | "float32" | "float16"
  | "int64" | "int32" | "int16" | "int8"
  | "uint64" | "uint32" | "uint16" | "uint8"
  | "bool_" | "complex128" | "complex64";

export type PyValue =
  | null | boolean | string | number | bigint
  | PyValue[] | PyTuple | PyDict | PyBytes | PyComplex | NpScalar | PyRepr;

export class PyTuple {
  constructor(readonly items: readonly PyValue[]) {}

  /** A tuple of Python ints from plain numbers, e.g. a shape. */
  static ofInts(values: readonly number[]): PyTuple {
    return new PyTuple(values.map((v) => BigInt(v)));
  }
}

/** A Python dict; entries keep insertion order. */
export class PyDict {
  constructor(readonly entries: readonly (readonly [PyValue, PyValue])[]) {}

  get(key: string): PyValue | undefined {
    return this.entries.find(([k]) => k === key)?.[1];
  }
}

export class PyBytes {
  constructor(readonly bytes: Uint8Array) {}
}

export class PyComplex {
  constructor(readonly re: number, readonly im: number) {}
}

/** A numpy scalar: `new NpScalar("int64", 3n)`, `new NpScalar("float64", 2.5)`. */
export class NpScalar {
  constructor(
    readonly type: NumpyScalarType,
    readonly value: number | bigint | boolean | readonly [number, number],
  ) {}
}

/** A value with no literal form here (datetime, custom objects): kept as its Python repr. */
export class PyRepr {
  constructor(readonly repr: string) {}
}

/** The plain number of a numeric Python value (int, float or numpy scalar), else undefined. */
export function pyNumber(value: PyValue): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  if (value instanceof NpScalar && (typeof value.value === "number" || typeof value.value === "bigint")) {
    return Number(value.value);
  }
  return undefined;
}

/**
 * A Python `int` from a JS number or bigint (a bigint is returned as is): `pyInt(3)` is `3n`,
 * saved as `3` where the number `3` would be saved as `3.0`.
 * @throws ModelTypeError for a number that is not an integer (NaN, infinities, 2.5) or one
 *   beyond 2^53 (JS has lost its exact value already: pass a bigint).
 */
export function pyInt(value: number | bigint): bigint {
  if (typeof value === "bigint") return value;
  if (typeof value !== "number" || !Number.isSafeInteger(value)) {
    const shown = typeof value === "number" ? String(value) : typeof value;
    throw new ModelTypeError(`pyInt needs an integer number (or a bigint), got ${shown}`);
  }
  return BigInt(value);
}
