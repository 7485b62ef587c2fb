/**
 * Arithmetic, element-wise functions and reductions of data containers (data-model.md §6.11,
 * §6.12). Results are deep copies of the left operand named `<name>_<ufunc>`.
 */
import type { DataBase } from "./data-base.js";
import type { DataWithAxes } from "./data-with-axes.js";
import { DataUnitError, ModelTypeError } from "./errors.js";
import { NDArray } from "./ndarray.js";
import { absolute, binaryOp, complexPart, mapReal, negative, reduce, unwrap, type BinaryOp, type ReduceOp } from "./ndmath.js";
import { squeeze } from "./squeeze.js";
import { acceptsBareNumbers, divideUnits, multiplyUnits, unitConverter } from "./units.js";

/** What can stand on the right of an arithmetic operation. */
export type DataOperand = DataBase | NDArray | number | bigint;

/**
 * Another container's arrays with their units: what a DataBase operand becomes before it
 * reaches the functions here (the container classes import this module, not the reverse).
 */
export class UnitArrays {
  constructor(readonly arrays: readonly NDArray[], readonly units: string) {}
}

/** A right operand once a container has been turned into its UnitArrays. */
export type ResolvedOperand = UnitArrays | NDArray | number | bigint;

function converted(a: NDArray, conv: (x: number) => number, same: boolean): NDArray {
  return same ? a : new NDArray("float64", a.shape, Float64Array.from(a.toNumbers(), conv));
}

/**
 * `left op right`, array by array (data-model.md §6.12). Another container's arrays are paired by
 * position (the shorter length wins); sums convert its values to the left units.
 * @throws ModelTypeError for an unsupported operand or an array of another size;
 *   DataUnitError for incompatible units, or a bare number/array added to data with units;
 *   ModelValueError when shapes cannot be broadcast.
 */
export function dataBinary<T extends DataBase>(left: T, right: ResolvedOperand, op: BinaryOp): T {
  const additive = op === "add" || op === "subtract";
  let rights: (NDArray | number | bigint)[];
  let units = left.units;
  if (right instanceof UnitArrays) {
    const same = right.units === left.units;
    if (additive) {
      const conv = unitConverter(right.units, left.units);
      rights = right.arrays.map((a) => converted(a, conv, same));
    } else {
      rights = [...right.arrays];
      units = op === "multiply" ? multiplyUnits(left.units, right.units) : divideUnits(left.units, right.units);
    }
  } else if (right instanceof NDArray || typeof right === "number" || typeof right === "bigint") {
    if (right instanceof NDArray && right.size !== left.size) {
      throw new ModelTypeError(`inconsistent sizes: an array of size ${right.size} with data of size ${left.size}`);
    }
    if (additive && !acceptsBareNumbers(left.units)) {
      throw new DataUnitError(`cannot ${op} a bare number or array to data in '${left.units}'`);
    }
    rights = left.data.map(() => right);
  } else {
    throw new ModelTypeError(`unsupported operand for ${op}: ${String(right)}`);
  }
  const n = Math.min(left.length, rights.length);
  const results = left.data.slice(0, n).map((a, i) => {
    const b = rights[i] as NDArray | number | bigint;
    return binaryOp(a, b instanceof NDArray && b.ndim !== a.ndim && b.size === a.size ? b.reshape(a.shape) : b, op);
  });
  return withData(left, results, `${left.name}_${op}`, units);
}

/** A deep copy of `source` holding `arrays`, renamed and relabelled in units. */
export function withData<T extends DataBase>(source: T, arrays: NDArray[], name: string, units: string): T {
  const out = source.deepcopy();
  out.name = name;
  out.data = arrays;
  out.forceUnits(units);
  return out;
}

/** `-data`, named `<name>_negative`. */
export function dataNegative<T extends DataBase>(d: T): T {
  return withData(d, d.data.map(negative), `${d.name}_negative`, d.units);
}

/** `|data|`, named `<name>_absolute`. */
export function dataAbsolute<T extends DataBase>(d: T): T {
  return withData(d, d.data.map(absolute), `${d.name}_absolute`, d.units);
}

/** Real part, imaginary part or angle (units `rad`) of each array; the name is kept. */
export function dataComplexPart<T extends DataBase>(d: T, part: "real" | "imag" | "angle"): T {
  return withData(d, d.data.map((a) => complexPart(a, part)), d.name, part === "angle" ? "rad" : d.units);
}

/** Each array unwrapped along its last dimension (NumPy `unwrap`); the name is kept. */
export function dataUnwrap<T extends DataBase>(d: T): T {
  return withData(d, d.data.map((a) => unwrap(a)), d.name, d.units);
}

/** `10 * log10(data / max(data))` per array, units `dB`. */
export function dataToDB<T extends DataBase>(d: T): T {
  return withData(d, d.data.map((a) => {
    const max = (reduce(a, "max").numberAt(0));
    return mapReal(a, (x) => 10 * Math.log10(x / max));
  }), d.name, "dB");
}

/** Reverses each array along dimension `axis` (0: flipud, 1: fliplr). */
export function dataFlip<T extends DataBase>(d: T, axis: 0 | 1): T {
  return withData(d, d.data.map((a) => a.index(...a.shape.map((_, k) => (k === axis ? "::-1" : ":"))).copy()), d.name, d.units);
}

/** `(other * weight + self) / (weight + 1)` (data-model.md §6.11); the caller checks the operands. */
export function dataAverage<T extends DataBase>(self: T, other: DataBase, weight: number): T {
  const weighted = dataBinary(other, weight, "multiply");
  const summed = dataBinary(weighted, new UnitArrays(self.data, self.units), "add");
  const out = dataBinary(summed, weight + 1, "divide");
  const result = self.deepcopy();
  result.data = [...out.data];
  return result;
}

/**
 * Reduces every array along data dimensions `dims` and removes them with their axes
 * (data-model.md §6.11); results are at least 1-D.
 */
export function dataReduce<T extends DataWithAxes>(d: T, op: ReduceOp, dims: readonly number[], name: string): T {
  const arrays = d.data.map((a) => squeeze(reduce(a, op, dims), false));
  const out = d.deepcopyWithNewData(arrays, { removeAxesIndex: dims });
  out.name = name;
  return out;
}
