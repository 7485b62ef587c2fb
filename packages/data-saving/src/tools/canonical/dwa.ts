/**
 * Loaded objects in the canonical load JSON (fixtures/pymodaq/README.md, "DWA", "Axis",
 * "RootLoad"): a DataWithAxes, its axes and a DataToExport as plain JSON, arrays summarised with
 * `arraySummary`, values encoded with `canonicalValue`.
 */
import type { Axis, DataToExport, DataWithAxes, NDArray, NumberKind, PyValue } from "@pymodaq-ts/data-model";
import { floatJson } from "./float.js";
import { arraySummary } from "./summary.js";
import { canonicalValue } from "./values.js";
import type { Json } from "./tree.js";

function summary(array: NDArray): Json {
  return arraySummary({ dtype: array.dtype, shape: array.shape, data: array.data }) as Json;
}

/** An enum member (anything with a `name`) or a plain string, as its name. */
function enumName(value: { readonly name: string } | string): string {
  return typeof value === "string" ? value : value.name;
}

/**
 * An axis offset or scaling with its Python type: an int for `int` and the NumPy integer kinds
 * (the offset 0 / scaling 1 of missing axes, an integer-valued axis' offset), a bool for
 * `bool_`, a float otherwise (NumPy float64 values computed from data, caller floats).
 */
function kindedNumber(value: number | null, kind: NumberKind | null): Json {
  if (value === null) return null;
  if (kind === "bool_") return value !== 0;
  if (kind !== null && kind.includes("int")) return value;
  return floatJson(value);
}

/** The README's `Axis` object. */
export function canonicalAxis(axis: Axis): Json {
  return {
    label: axis.label,
    units: axis.units,
    index: axis.index,
    spread_order: axis.spreadOrder,
    size: axis.size,
    offset: kindedNumber(axis.offset, axis.offsetKind),
    scaling: kindedNumber(axis.scaling, axis.scalingKind),
    is_linear: axis.data === null,
    values: summary(axis.getData()),
  };
}

/** The README's `DWA` object; `timestamp` is null for an axis node loaded as data. */
export function canonicalDwa(dwa: DataWithAxes, options: { withTimestamp: boolean }): Json {
  const extras: Record<string, Json> = {};
  for (const [name, value] of dwa.extraAttributes) extras[name] = canonicalValue(value) as Json;
  return {
    name: dwa.name,
    source: enumName(dwa.source),
    dim: enumName(dwa.dim),
    distribution: enumName(dwa.distribution),
    labels: [...dwa.labels],
    units: dwa.units,
    origin: canonicalValue(dwa.origin as PyValue) as Json,
    nav_indexes: [...dwa.navIndexes],
    sig_indexes: [...dwa.sigIndexes],
    shape: [...dwa.shape],
    length: dwa.length,
    dtype: dwa.data[0]?.dtype ?? null,
    timestamp: options.withTimestamp ? canonicalValue(dwa.timestamp) as Json : null,
    data: dwa.data.map(summary),
    errors: dwa.errors === null ? null : dwa.errors.map(summary),
    extra_attributes: extras,
    axes: dwa.axes.map(canonicalAxis),
  };
}

/** The README's `RootLoad`: `{name, names, data}` of a DataToExport. */
export function canonicalDte(dte: DataToExport): Json {
  const data = [...dte.data];
  return {
    name: dte.name,
    names: data.map((d) => d.name),
    data: data.map((d) => canonicalDwa(d, { withTimestamp: true })),
  };
}
