/**
 * Python number kinds of axis offsets and scalings (data-model.md §0.2, file-format.md §5.3): JS numbers
 * are Python floats, bigints Python ints, `NpScalar`s NumPy scalars. The kind travels with
 * the value so that the savers write the Python type the original writes.
 */
import { describe } from "./dtype.js";
import { ModelTypeError } from "./errors.js";
import { NpScalar, type NumpyScalarType } from "./pyvalue.js";

/** The Python type of an axis offset or scaling: builtin `int`/`float` or a NumPy scalar type. */
export type NumberKind = "int" | "float" | NumpyScalarType;

/** A number as the caller gives it: a JS number is a Python float, a bigint an int, an NpScalar itself. */
export type PyNumberLike = number | bigint | NpScalar;

/** Splits a caller's number into its JS value and Python kind. */
export function toKinded(what: string, v: PyNumberLike): { value: number; kind: NumberKind } {
  if (typeof v === "number") return { value: v, kind: "float" };
  if (typeof v === "bigint") return { value: Number(v), kind: "int" };
  if (v instanceof NpScalar && (typeof v.value === "number" || typeof v.value === "bigint")) {
    return { value: Number(v.value), kind: v.type };
  }
  throw new ModelTypeError(`Axis ${what} should be a number, a bigint or a numeric NpScalar, got ${describe(v)}`);
}

/** The PyValue of a kinded number (null when absent). */
export function toPy(value: number | null, kind: NumberKind | null): null | number | bigint | NpScalar {
  if (value === null || kind === null) return value;
  if (kind === "float") return value;
  if (kind === "int") return BigInt(Math.trunc(value));
  if (kind === "bool_") return new NpScalar(kind, value !== 0);
  return new NpScalar(kind, kind.includes("int") ? BigInt(Math.trunc(value)) : value);
}

/** The kind of `a op b` where b is a Python float: NumPy scalars stay NumPy (ints become float64). */
export function floatOpKind(kind: NumberKind | null): NumberKind {
  if (kind === null || kind === "int" || kind === "float") return "float";
  return kind.includes("int") || kind === "bool_" ? "float64" : kind;
}
