/**
 * Whole arrays shared by several loads of one file. The inspector loads every data node several
 * ways (alone, with its group, with the root, with and without background), so each array is
 * read four to six times; on an HSDS domain each read is a request carrying the whole array. In
 * a `sharingReads` scope, the first load that reads an array keeps a copy of it and the next
 * loads get copies of that instead of reading it again. The scope is for work during which the
 * file does not change, and the kept arrays are bounded in bytes.
 */
import type { NDArray } from "@pymodaq-ts/data-model";
import type { DataLoader } from "./data-loader.js";
import { declaredBytes } from "./budget.js";

/** The arrays kept by one scope, by node path. */
export class ReadMemo {
  private readonly arrays = new Map<string, NDArray>();
  private bytes = 0;

  /** @param maxBytes bytes the kept arrays may take together; an array past it is not kept */
  constructor(private readonly maxBytes: number) {}

  /** A copy of the array kept for `path` (the caller may change it), or undefined. */
  get(path: string): NDArray | undefined {
    return this.arrays.get(path)?.copy();
  }

  /** Keeps a copy of `array`, read whole at `path`, if it fits within the bound. */
  keep(path: string, array: NDArray): void {
    const bytes = declaredBytes(array.dtype, array.shape);
    if (this.arrays.has(path) || this.bytes + bytes > this.maxBytes) return;
    this.arrays.set(path, array.copy());
    this.bytes += bytes;
  }
}

const scopes = new WeakMap<DataLoader, ReadMemo>();

/** The memo of the `sharingReads` scope `loader`'s synchronous loads run in, or null. */
export function readMemoOf(loader: DataLoader): ReadMemo | null {
  return scopes.get(loader) ?? null;
}

/**
 * Runs `work` with the whole-array reads of `loader`'s synchronous loads (`loadData`,
 * `loadAll`) shared, up to `maxBytes` of kept arrays (a nested scope uses the outer one's).
 * The file must not change during `work`: a load would get an array as an earlier load read it.
 */
export function sharingReads<T>(loader: DataLoader, maxBytes: number, work: () => T): T {
  if (scopes.has(loader)) return work();
  scopes.set(loader, new ReadMemo(maxBytes));
  try {
    return work();
  } finally {
    scopes.delete(loader);
  }
}
