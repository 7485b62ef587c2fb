/**
 * Copies a file node by node through the storage interface (HSDS domain to local file and back):
 * groups, arrays with their values and creation layout (chunk shape, max shape, shuffle, deflate),
 * VLARRAYs, and every attribute with its storage (fixed or variable-length strings with their
 * character set, NULL dataspaces, int32/int64), so the copy reads as the original does.
 */
import type { AttributeStore, Storage, StorageFile, StorageGroup, StringStorage } from "../storage/types.js";
import { FILE_SETTINGS } from "../conventions/layout.js";
import { InvalidTypeError } from "../errors.js";

/** What a copy went through. */
export interface CopyCounts {
  groups: number;
  arrays: number;
  vlens: number;
  attributes: number;
}

const STRING_TYPE = /^string\((fixed|vlen)(?:,\d+)?,(utf8|ascii)\)$/;

/**
 * Writes every attribute of `from` on `to`. Strings of one storage go in one call, in order.
 * @throws InvalidTypeError for an attribute type PyMoDAQ files do not hold (floats, arrays...).
 */
function copyAttrs(from: AttributeStore, to: AttributeStore, path: string): number {
  const groups = new Map<string, { storage: StringStorage; entries: [string, string][] }>();
  const names = from.names();
  for (const name of names) {
    const a = from.getStored(name);
    const str = STRING_TYPE.exec(a.h5type);
    if (str !== null && (a.space === "scalar" || a.space === "null") && (typeof a.value === "string" || a.value === null)) {
      const storage: StringStorage = { storage: str[1] as "fixed" | "vlen", cset: str[2] as "utf8" | "ascii", emptyAsNull: a.space === "null" };
      const key = JSON.stringify(storage);
      const group = groups.get(key) ?? { storage, entries: [] };
      group.entries.push([name, a.value ?? ""]);
      groups.set(key, group);
    } else if ((a.h5type === "int32" || a.h5type === "int64") && a.space === "scalar" && (typeof a.value === "number" || typeof a.value === "bigint")) {
      to.setInteger(name, Number(a.value), a.h5type);
    } else {
      throw new InvalidTypeError(`${path}@${name}: cannot copy an attribute of type ${a.h5type} (${JSON.stringify(a.space)})`, { path });
    }
  }
  for (const { storage, entries } of groups.values()) to.setStrings(entries, storage);
  return names.length;
}

function copyGroup(from: StorageGroup, to: StorageGroup, counts: CopyCounts): void {
  counts.attributes += copyAttrs(from.attrs, to.attrs, from.path);
  for (const child of from.children()) {
    const where = from.path === "/" ? `/${child.name}` : `${from.path}/${child.name}`;
    if (child.kind === "group") {
      counts.groups++;
      copyGroup(from.openGroup(child.name), to.createGroup(child.name), counts);
    } else if (child.kind === "dataset") {
      const array = from.openArray(child.name);
      let dtype;
      try {
        dtype = array.dtype;
      } catch {
        dtype = null;
      }
      if (dtype === null) {
        const vl = from.openVlen(child.name);
        const info = vl.layoutInfo();
        const deflate = info.filters.find((f) => f.name === "deflate");
        const copy = to.createVlen(child.name, {
          chunk: info.chunks?.[0] ?? 65536, deflate: deflate === undefined ? null : (deflate.params[0] ?? 6), shuffle: info.filters.some((f) => f.name === "shuffle"),
        });
        const rows = vl.read();
        if (rows.length > 0) copy.append(rows);
        counts.attributes += copyAttrs(vl.attrs, copy.attrs, where);
        counts.vlens++;
      } else {
        const info = array.layoutInfo();
        const shape = array.shape();
        const deflate = info.filters.find((f) => f.name === "deflate");
        const copy = to.createArray(child.name, {
          dtype, boolEncoding: info.boolEncoding ?? "bitfield", shape, maxshape: info.maxshape, chunks: info.layout === "chunked" ? info.chunks : null,
          deflate: deflate === undefined ? null : (deflate.params[0] ?? 6), shuffle: info.filters.some((f) => f.name === "shuffle"),
          // The layout info carries no fill settings: these are PyTables', which our savers write.
          fillTime: "alloc", allocTime: "incr",
        });
        if (shape.every((n) => n > 0)) copy.write(array.read());
        counts.attributes += copyAttrs(array.attrs, copy.attrs, where);
        copy.release();
        array.release();
        counts.arrays++;
      }
    } else {
      throw new InvalidTypeError(`${where}: cannot copy a link or an object that is neither a group nor a dataset`, { path: where });
    }
  }
}

/** Copies the whole of `from` into the empty `to` (root attributes included). */
export function copyFile(from: StorageFile, to: StorageFile): CopyCounts {
  const counts: CopyCounts = { groups: 0, arrays: 0, vlens: 0, attributes: 0 };
  copyGroup(from.root, to.root, counts);
  to.flush();
  return counts;
}

/**
 * Opens `sourcePath` read-only, creates (replaces) `destPath` and copies the one into the other.
 * @throws the storages' errors (HsdsError with the status and HSDS's message), InvalidTypeError
 *   for an object a PyMoDAQ file does not hold.
 */
export function copyBetween(source: Storage, sourcePath: string, dest: Storage, destPath: string): CopyCounts {
  const input = source.open(sourcePath, "r", FILE_SETTINGS);
  let output: StorageFile | null = null;
  try {
    output = dest.create(destPath, FILE_SETTINGS);
    return copyFile(input, output);
  } finally {
    output?.close();
    input.close();
  }
}
