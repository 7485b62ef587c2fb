/**
 * Units (data-model.md §3). Units are free strings and are kept exactly as given: the port does
 * not replace strings it cannot parse by `''` as pint does (data-model.md §3). Unit compatibility and conversion, needed by equality and arithmetic, use the
 * js-quantities library; a unit it cannot parse is only compatible with the very same
 * string, with a conversion factor of 1.
 */
import Qty from "js-quantities";
import { describe } from "./dtype.js";
import { DataUnitError, ModelTypeError } from "./errors.js";

type Parsed = ReturnType<typeof Qty.parse>;
const cache = new Map<string, Parsed>();

function parse(units: string): Parsed {
  let q = cache.get(units);
  if (q === undefined) {
    q = units.trim() === "" ? Qty.parse("1") : Qty.parse(`1 ${units.replace(/\*\*/g, "^")}`);
    cache.set(units, q);
  }
  return q;
}

/**
 * Checks that `units` is a string and returns it unchanged.
 * @throws ModelTypeError for a non-string.
 */
export function checkUnits(units: unknown): string {
  if (typeof units !== "string") throw new ModelTypeError(`units should be a string, got ${describe(units)}`);
  return units;
}

/** True when the unit library knows `units` (`''` is dimensionless and known). */
export function isKnownUnit(units: string): boolean {
  return parse(units) !== null;
}

/**
 * Pint-like compatibility: same dimensionality (`mm` and `m` are, `m` and `s` are not,
 * `''` only with dimensionless units). Unknown units are compatible only with themselves.
 */
export function unitsCompatible(a: string, b: string): boolean {
  if (a === b) return true;
  const pa = parse(a);
  const pb = parse(b);
  return pa !== null && pb !== null && pa.isCompatible(pb);
}

/**
 * A function converting values from `from` to `to` units (identity when the strings are equal).
 * @throws DataUnitError when the units are not compatible.
 */
export function unitConverter(from: string, to: string): (value: number) => number {
  if (from === to) return (v) => v;
  if (!unitsCompatible(from, to)) throw new DataUnitError(`cannot convert from '${from}' to '${to}'`);
  const norm = (u: string): string => (u.trim() === "" ? "1" : u.replace(/\*\*/g, "^"));
  return Qty.swiftConverter(norm(from), norm(to));
}

/** Units of a product, in pint's short form: `m * s`, `m ** 2`; dimensionless operands vanish. */
export function multiplyUnits(a: string, b: string): string {
  if (a === "") return b;
  if (b === "") return a;
  return a === b ? `${a} ** 2` : `${a} * ${b}`;
}

/** Units of a quotient, in pint's short form: `m / s`; equal units give `''`. */
export function divideUnits(a: string, b: string): string {
  if (b === "") return a;
  if (a === b) return "";
  return a === "" ? `1 / ${b}` : `${a} / ${b}`;
}

/**
 * True for units that accept bare numbers in sums: `''`, dimensionless units, and unit
 * strings the library does not know (they are kept as labels, not checked).
 */
export function acceptsBareNumbers(units: string): boolean {
  const q = parse(units);
  return q === null || q.isUnitless();
}
