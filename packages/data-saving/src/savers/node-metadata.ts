/**
 * The attributes of one data-like node written for the i-th array of a DataWithAxes
 * (file-format.md §5.2, §6.4, §6.7, §6.8), in the original's order, with the Python type of each (§5.4).
 * The three savers differ only in the options: plain data nodes carry `units` and the extra
 * attributes; enlargeable and extended nodes carry neither (Q6) and set their own
 * `distribution` and `nav_indexes`.
 */
import type { DataWithAxes, PyValue } from "@pymodaq-ts/data-model";
import { ATTR, typedAttr } from "../conventions/layout.js";

export interface NodeMetadataOptions {
  /** The `distribution` name to write (default: the DataWithAxes'). */
  distribution?: string;
  /** The `nav_indexes` to write (default: the DataWithAxes'). */
  navIndexes?: readonly number[];
  /** Write `units` and the extra attributes (plain data, bkg and error nodes only). */
  full: boolean;
}

/** `name` of a model enum member or a plain name. */
function enumName(v: { readonly name: string } | string): string {
  return typeof v === "string" ? v : v.name;
}

/**
 * The `[name, value]` attribute pairs of the node holding `dwa.data[i]`.
 * @param dwa the data object
 * @param i the array index (its label is `dwa.labels[i]`)
 */
export function nodeMetadata(dwa: DataWithAxes, i: number, options: NodeMetadataOptions): Map<string, PyValue> {
  const meta = new Map<string, PyValue>([
    [ATTR.timestamp, typedAttr(ATTR.timestamp, dwa.timestamp)],
    [ATTR.label, dwa.labels[i] ?? ""],
    [ATTR.source, enumName(dwa.source)],
    [ATTR.distribution, options.distribution ?? enumName(dwa.distribution)],
    [ATTR.origin, dwa.origin],
  ]);
  if (options.full) meta.set(ATTR.units, dwa.units);
  meta.set(ATTR.nav_indexes, typedAttr(ATTR.nav_indexes, options.navIndexes ?? dwa.navIndexes));
  // Extra attributes come after the standard ones and may overwrite them, as in the original.
  if (options.full) for (const [name, value] of dwa.extraAttributes) meta.set(name, value);
  return meta;
}
