/**
 * The two call forms the literal parser accepts, checked the way the called constructor
 * would: NumPy >= 2 scalar reprs (`np.float64(1.5)`, `np.int64(3)`, `np.True_`) and
 * `datetime.datetime(...)` / `date` / `time`. A datetime comes back as a PyRepr holding
 * Python's own repr of it, so that equal values compare equal.
 */
import { NpScalar, PyComplex, PyRepr, type NumpyScalarType, type PyValue } from "@pymodaq-ts/data-model";
import { f16round } from "./floatrepr.js";
import { npIntRange } from "./pyrepr.js";

/** Why a call was refused; the parser turns it into a PyLiteralError at the call's position. */
export type CallResult = { ok: true; value: PyValue } | { ok: false; reason: string };

const fail = (reason: string): CallResult => ({ ok: false, reason });
const ok = (value: PyValue): CallResult => ({ ok: true, value });

function realOf(v: PyValue): number | undefined {
  if (typeof v === "number") return v;
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v instanceof NpScalar && typeof v.value !== "object") return Number(v.value);
  return undefined;
}

/** `np.<name>` without a call: only the NumPy 2 bool reprs `np.True_` / `np.False_`. */
export function numpyConstant(name: string): CallResult {
  if (name === "True_") return ok(new NpScalar("bool_", true));
  if (name === "False_") return ok(new NpScalar("bool_", false));
  return fail(`np.${name} is not allowed`);
}

/** `np.<name>(arg)`: a NumPy scalar constructor applied to one literal. */
export function numpyCall(name: string, args: readonly PyValue[]): CallResult {
  if (args.length !== 1) return fail(`np.${name}() takes one argument here`);
  const arg = args[0]!;
  const range = npIntRange(name);
  if (range) {
    const n = typeof arg === "bigint" ? arg : typeof arg === "boolean" ? BigInt(arg) : undefined;
    if (n === undefined) return fail(`np.${name}() needs an int`);
    if (n < range[0] || n > range[1]) return fail(`${n} out of range for ${name}`);
    return ok(new NpScalar(name as NumpyScalarType, n));
  }
  switch (name) {
    case "float64":
    case "float32":
    case "float16": {
      const x = realOf(arg);
      if (x === undefined) return fail(`np.${name}() needs a real number`);
      return ok(new NpScalar(name, name === "float32" ? Math.fround(x) : name === "float16" ? f16round(x) : x));
    }
    case "bool_":
      if (typeof arg !== "boolean" && realOf(arg) === undefined) return fail("np.bool_() needs a bool or number");
      return ok(new NpScalar("bool_", typeof arg === "boolean" ? arg : realOf(arg) !== 0));
    case "complex128":
    case "complex64": {
      const round = name === "complex64" ? Math.fround : (x: number) => x;
      const x = realOf(arg);
      if (arg instanceof PyComplex) return ok(new NpScalar(name, [round(arg.re), round(arg.im)]));
      if (x === undefined) return fail(`np.${name}() needs a number`);
      return ok(new NpScalar(name, [round(x), 0]));
    }
    case "str_":
      // np.str_ is a str subclass: the value is the string itself.
      return typeof arg === "string" ? ok(arg) : fail("np.str_() needs a str");
    default:
      return fail(`np.${name} is not a NumPy scalar type`);
  }
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Argument names, bounds (inclusive) and defaults of each accepted datetime constructor. */
const FIELDS = {
  year: [1, 9999],
  month: [1, 12],
  day: [1, 31],
  hour: [0, 23],
  minute: [0, 59],
  second: [0, 59],
  microsecond: [0, 999_999],
} as const;
type Field = keyof typeof FIELDS;
const SIGNATURES: Record<string, { names: readonly Field[]; required: number }> = {
  datetime: { names: ["year", "month", "day", "hour", "minute", "second", "microsecond"], required: 3 },
  date: { names: ["year", "month", "day"], required: 3 },
  time: { names: ["hour", "minute", "second", "microsecond"], required: 0 },
};

/**
 * `datetime.<name>(ints...)` with positional int arguments (no tzinfo, no keywords).
 * @returns a PyRepr with Python's repr of the constructed value
 */
export function datetimeCall(name: string, args: readonly PyValue[]): CallResult {
  const sig = SIGNATURES[name];
  if (!sig) return fail(`datetime.${name} is not allowed`);
  if (args.length < sig.required || args.length > sig.names.length) {
    return fail(`datetime.${name}() takes ${sig.required} to ${sig.names.length} int arguments here`);
  }
  const v: Partial<Record<Field, number>> = {};
  for (const [i, field] of sig.names.entries()) {
    const a = args[i];
    if (a === undefined) {
      v[field] = 0;
      continue;
    }
    if (typeof a !== "bigint") return fail(`datetime.${name}() ${field} must be an int`);
    const [lo, hi] = FIELDS[field];
    if (a < BigInt(lo) || a > BigInt(hi)) return fail(`${field} out of range`);
    v[field] = Number(a);
  }
  if (v.day !== undefined && v.day > daysInMonth(v.year!, v.month!)) return fail("day is out of range for month");
  const time = [v.hour ?? 0, v.minute ?? 0];
  if (v.second || v.microsecond) time.push(v.second ?? 0);
  if (v.microsecond) time.push(v.microsecond);
  const parts = name === "time" ? time : name === "date" ? [v.year, v.month, v.day] : [v.year, v.month, v.day, ...time];
  return ok(new PyRepr(`datetime.${name}(${parts.join(", ")})`));
}
