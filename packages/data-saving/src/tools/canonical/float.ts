/**
 * Python floats in a canonical JSON tree. Python's `json.dumps` writes a float `1.0` as `1.0`
 * and an int `1` as `1`, and the checks tell them apart (test-support's compareTrees: "expected float 1.0,
 * got int 1"); a JS number cannot. The tree therefore follows one rule:
 *
 * - a JS number that is not an integer is a Python float (`0.5`, `1e-07`);
 * - a JS number that is an integer is a Python int;
 * - a Python float whose value is an integer (or -0.0) is held in a `JsonFloat`.
 *
 * `stringifyCanonical` writes both kinds of float as Python does (`1.0`, `-0.0`, `1e+16`,
 * `1e-07`); `JSON.stringify` still works on the tree (through `toJSON`) but writes `1`.
 *
 * @example
 * floatJson(1);     // a JsonFloat, value 1    -> "1.0"
 * floatJson(0.25);  // 0.25                    -> "0.25"
 * floatJson(NaN);   // "NaN"
 */

/** The brand of a JsonFloat (exported for declaration files; test with isJsonFloat). */
export const PY_FLOAT: unique symbol = Symbol("pymodaq-ts.canonical.pyFloat");

/**
 * A Python float with an integral value (or -0.0), which a bare JS number would turn into an
 * int. Its only string-keyed member is `value` (a number), so a JsonFloat is also a valid JSON
 * object for code that walks the tree generically.
 */
export type JsonFloat = { readonly value: number; readonly [PY_FLOAT]: true };

class PyFloatBox implements JsonFloat {
  readonly [PY_FLOAT] = true as const;

  constructor(readonly value: number) {}

  /** The plain number for `JSON.stringify` (which cannot write `1.0`). */
  toJSON(): number {
    return this.value;
  }
}

/** A JsonFloat holding `x` (any finite float; `floatJson` only boxes integral values). */
export function jsonFloat(x: number): JsonFloat {
  return new PyFloatBox(x);
}

/** True for a JsonFloat. */
export function isJsonFloat(v: unknown): v is JsonFloat {
  return v instanceof PyFloatBox;
}

/**
 * A Python float as the canonical JSON holds it: "NaN" / "Infinity" / "-Infinity" for the
 * special values (README "Element encoding"), a `JsonFloat` when the value is integral or
 * -0.0, else the number itself.
 */
export function floatJson(x: number): number | string | JsonFloat {
  if (Number.isNaN(x)) return "NaN";
  if (x === Infinity) return "Infinity";
  if (x === -Infinity) return "-Infinity";
  return Number.isInteger(x) ? jsonFloat(x) : x;
}
