/**
 * Python-style index items for arrays, axes and data slicers: an integer, a `Slice`
 * (start, stop, step with Python's clamping rules), the slice notation as a string
 * (`":"`, `"2:10"`, `"::2"`, `"-3:"`) or the ellipsis `"..."`.
 *
 * @example
 * arr.index(0, Slice.of(2, 10), "...");
 * dwa.inav.get("0:3", 2);
 */
import { ModelIndexError, ModelValueError } from "./errors.js";

/** A Python slice `start:stop:step`; `null` bounds take Python's defaults. */
export class Slice {
  constructor(
    readonly start: number | null = null,
    readonly stop: number | null = null,
    readonly step: number | null = null,
  ) {}

  /** `Slice.of(2, 10)` is `2:10`; `Slice.of(null, null, 2)` is `::2`. */
  static of(start: number | null = null, stop: number | null = null, step: number | null = null): Slice {
    return new Slice(start, stop, step);
  }

  /** The full slice `:`. */
  static readonly all = new Slice();

  /**
   * Parses slice notation (`"a:b"`, `"a:b:c"`, `":"`, `"::-1"`).
   * @throws ModelIndexError when the text is not slice notation.
   */
  static parse(text: string): Slice {
    const m = /^\s*(-?\d+)?\s*:\s*(-?\d+)?\s*(?::\s*(-?\d+)?\s*)?$/.exec(text);
    if (m === null) throw new ModelIndexError(`not a slice: ${JSON.stringify(text)}`);
    const num = (g: string | undefined): number | null => (g === undefined ? null : Number(g));
    return new Slice(num(m[1]), num(m[2]), num(m[3]));
  }

  /**
   * Python's `slice.indices(length)`: the clamped start, stop and step, and the count.
   * @throws ModelValueError when the step is 0; ModelIndexError for non-integer bounds.
   */
  indices(length: number): { start: number; stop: number; step: number; count: number } {
    const step = this.step ?? 1;
    for (const v of [this.start, this.stop, this.step]) {
      if (v !== null && !Number.isInteger(v)) throw new ModelIndexError(`slice bounds must be integers, got ${v}`);
    }
    if (step === 0) throw new ModelValueError("slice step cannot be zero");
    const lower = step > 0 ? 0 : -1;
    const upper = step > 0 ? length : length - 1;
    const clamp = (v: number | null, dflt: number): number => {
      if (v === null) return dflt;
      if (v < 0) return Math.max(v + length, lower);
      return Math.min(v, upper);
    };
    const start = clamp(this.start, step > 0 ? lower : upper);
    const stop = clamp(this.stop, step > 0 ? upper : lower);
    const count = step > 0 ? Math.max(0, Math.ceil((stop - start) / step)) : Math.max(0, Math.ceil((start - stop) / -step));
    return { start, stop, step, count };
  }

  toString(): string {
    const s = (v: number | null): string => (v === null ? "" : String(v));
    return this.step === null ? `${s(this.start)}:${s(this.stop)}` : `${s(this.start)}:${s(this.stop)}:${s(this.step)}`;
  }
}

/** The ellipsis item: fills in the dimensions not otherwise given. */
export const ELLIPSIS = "...";

/** One item of an index expression. */
export type IndexItem = number | Slice | string;

/** A resolved selection along one dimension. `drop` is true for an integer index. */
export interface DimSelection {
  start: number;
  step: number;
  count: number;
  drop: boolean;
}

/** True when `item` is an integer index (as opposed to a slice or ellipsis). */
export function isIntegerItem(item: IndexItem): item is number {
  return typeof item === "number";
}

/** Turns a string item into a Slice, leaving the ellipsis and other kinds as they are. */
export function toSliceItem(item: IndexItem): number | Slice | typeof ELLIPSIS {
  if (typeof item === "string") return item.trim() === ELLIPSIS ? ELLIPSIS : Slice.parse(item);
  if (typeof item === "number" || item instanceof Slice) return item;
  throw new ModelIndexError(`invalid index item ${String(item)}`);
}

/**
 * Resolves an index expression against a shape: expands the ellipsis and pads the
 * missing trailing dimensions with full slices.
 * @throws ModelIndexError for too many items, several ellipses, out-of-range or non-integer indexes.
 */
export function resolveIndex(items: readonly IndexItem[], shape: readonly number[]): DimSelection[] {
  const parsed = items.map(toSliceItem);
  const nEllipsis = parsed.filter((p) => p === ELLIPSIS).length;
  if (nEllipsis > 1) throw new ModelIndexError("an index can only have a single ellipsis");
  const explicit = parsed.length - nEllipsis;
  if (explicit > shape.length) {
    throw new ModelIndexError(`too many indices: ${explicit} given for ${shape.length} dimensions`);
  }
  const expanded: (number | Slice)[] = [];
  for (const p of parsed) {
    if (p === ELLIPSIS) for (let k = 0; k < shape.length - explicit; k++) expanded.push(Slice.all);
    else expanded.push(p);
  }
  while (expanded.length < shape.length) expanded.push(Slice.all);
  return expanded.map((item, dim) => selectDim(item, shape[dim] ?? 0, dim));
}

function selectDim(item: number | Slice, length: number, dim: number): DimSelection {
  if (item instanceof Slice) return { ...item.indices(length), drop: false };
  if (!Number.isInteger(item)) throw new ModelIndexError(`index ${item} is not an integer`);
  const i = item < 0 ? item + length : item;
  if (i < 0 || i >= length) {
    throw new ModelIndexError(`index ${item} is out of bounds for axis ${dim} with size ${length}`);
  }
  return { start: i, step: 1, count: 1, drop: true };
}
