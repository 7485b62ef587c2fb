/**
 * Short human-readable summaries of loaded PyMoDAQ data: one line per DataWithAxes (name, dim,
 * shape split into navigation | signal, channels) and one per axis (label, units, index, range).
 *
 * @example
 * describeData(loader.loadData("/RawData/Scan000/Detector000/Data1D/CH00/Data00", { loadAll: true }));
 * // spectrum: DataND, shape (64, 64 | 1024), 2 channels [ch0, ch1], float64, 64.0 MB
 * //   axis x (mm), index 0: 64 values from -1 to 1
 */
import type { Axis, DataWithAxes } from "@pymodaq-ts/data-model";

/** Bytes held by the arrays of `dwa` (all channels). */
export function payloadBytes(dwa: DataWithAxes): number {
  return dwa.data.reduce((sum, a) => sum + a.data.byteLength, 0);
}

/**
 * Formats a byte count in MB (10^6 bytes), in kB below 0.1 MB, in B below 1 kB.
 * @param bytes a non-negative count
 */
export function formatMB(bytes: number): string {
  const mb = bytes / 1e6;
  if (bytes < 1000) return `${bytes} B`;
  if (mb < 0.1) return `${Number((bytes / 1e3).toPrecision(3))} kB`;
  return `${mb >= 10 ? mb.toFixed(1) : mb.toFixed(2)} MB`;
}

/**
 * A number with `digits` significant digits (default 4), in plain notation for ordinary magnitudes.
 * @param v the number
 * @param digits significant digits, 1 to 15
 */
export function formatNumber(v: number, digits = 4): string {
  if (v === 0 || !Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  const plainUpTo = 10 ** Math.max(6, digits);
  return a >= 1e-3 && a < plainUpTo ? String(Number(v.toPrecision(digits))) : v.toExponential(digits - 1);
}

/** `(64, 64 | 1024)`: the shape with a bar between navigation and signal dimensions (`(64, 64 |)` for scalars). */
export function formatShape(dwa: DataWithAxes): string {
  const nav = dwa.navIndexes;
  const navPart = dwa.shape.filter((_, i) => nav.includes(i));
  const sigPart = dwa.shape.filter((_, i) => !nav.includes(i));
  if (navPart.length === 0) return `(${sigPart.join(", ")}${sigPart.length === 1 ? "," : ""})`;
  return sigPart.length === 0 ? `(${navPart.join(", ")} |)` : `(${navPart.join(", ")} | ${sigPart.join(", ")})`;
}

/** One line for an axis: label, units, index, size and range. */
export function describeAxis(axis: Axis): string {
  const units = axis.units === "" ? "" : ` (${axis.units})`;
  const spread = axis.spreadOrder !== 0 ? `, spread order ${axis.spreadOrder}` : "";
  const size = axis.size;
  // From the values themselves: Axis.max() of a linear axis is one step past the end (PyMoDAQ's rule).
  const range = size === 0 ? "no values" : `${size} value${size === 1 ? "" : "s"} from ${formatRange(axis)}`;
  return `axis ${axis.label === "" ? "(no label)" : axis.label}${units}, index ${axis.index}${spread}: ${range}`;
}

/**
 * The summary lines of a DataWithAxes: a head line, then one indented line per axis.
 * @param dwa loaded data
 * @param indent prefix of every line (default "")
 */
export function describeData(dwa: DataWithAxes, indent = ""): string[] {
  const labels = dwa.labels;
  const channels = `${dwa.length} channel${dwa.length === 1 ? "" : "s"} [${labels.join(", ")}]`;
  const units = dwa.units === "" ? "" : `, units ${dwa.units}`;
  const dtype = dwa.data[0]?.dtype ?? "?";
  const head = `${indent}${dwa.name}: ${String(dwa.dim)}, shape ${formatShape(dwa)}, ${channels}, ${dtype}${units}, ${formatMB(payloadBytes(dwa))}`;
  return [head, ...dwa.axes.map((a) => `${indent}  ${describeAxis(a)}`)];
}

/** `a to b` over an axis's values (first to last for a monotonic axis, else min to max). */
function formatRange(axis: Axis): string {
  const values = axis.getData().data as ArrayLike<number | bigint>;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = Number(values[i]);
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  // Enough digits to tell the ends apart (a time axis in s since the epoch spans a few seconds).
  const span = hi - lo;
  const magnitude = Math.max(Math.abs(lo), Math.abs(hi));
  const digits = span > 0 && magnitude > 0 ? Math.min(15, Math.max(4, Math.ceil(Math.log10(magnitude / span)) + 3)) : 4;
  return `${formatNumber(lo, digits)} to ${formatNumber(hi, digits)}`;
}
