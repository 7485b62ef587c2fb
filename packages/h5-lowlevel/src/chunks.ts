/**
 * Chunk shapes. One rule, PyTables 3.7's (`Leaf._calc_chunkshape`, file-format.md Appendix A):
 *
 * 1. dataset MiB = expected rows x row bytes / 2^20 (integer), clamped to [1, 10^7];
 *    chunk bytes = 64 KiB x 2^floor(log10(MiB));
 * 2. keep the trailing dimensions whole while they fit, and give axis 0 the rest of the budget;
 *    when one row is larger than the budget, cut the leading dimensions to 1 and split the first
 *    dimension that still overflows.
 *
 * `pytablesChunkShape` is that rule exactly (what PyTables writes, so PyMoDAQ's files get the same
 * chunks). `autoChunks` (`chunks: "auto"`) applies it for append-heavy use: it guesses the
 * expected rows (max(shape[0], 1000) when axis 0 can grow), caps chunks at 1 MiB and never
 * chunks a fixed dimension beyond its maximum size.
 *
 * @example
 * pytablesChunkShape([10], 8, 10);                   // [8192]
 * pytablesChunkShape([0, 10], 8, 1000);              // [819, 10]  (an EARRAY: 1000 expected rows)
 * autoChunks("float64", [0, 256], { maxshape: [null, 256] }); // [32, 256]
 */
import { dtypeItemSize } from "./dtypes.js";
import { checkDims, checkOptions, checkSize, product } from "./validate.js";
import { argumentError } from "./errors.js";
import type { Dtype } from "./types.js";

export interface AutoChunkOptions {
  /** Maximum shape, `null` = unlimited (default: the shape, i.e. fixed). */
  maxshape?: readonly (number | null)[];
  /** Rows the dataset is expected to reach along axis 0 (overrides the rule's guess). */
  expectedRows?: number;
}

const MIB = 2n ** 20n;
const MAX_MIB = 10n ** 7n;
const BASE_CHUNK_BYTES = 64 * 1024;
const AUTO_MAX_CHUNK_BYTES = 1024 * 1024;

/** The rule itself, on checked integers; `maxChunkBytes` caps step 1. */
function chunkShape(shape: readonly number[], itemSize: number, expectedRows: number, maxChunkBytes: number): number[] {
  const rowBytes = BigInt(itemSize) * BigInt(product(shape.slice(1)));
  let mib = (BigInt(expectedRows) * rowBytes) / MIB;
  if (mib < 1n) mib = 1n;
  if (mib > MAX_MIB) mib = MAX_MIB;
  const zone = mib.toString().length - 1; // floor(log10(mib)), exact on the integer
  const chunkBytes = Math.min(BASE_CHUNK_BYTES * 2 ** zone, maxChunkBytes);
  const budget = Math.max(1, Math.floor(chunkBytes / itemSize));
  const chunk = [...shape];
  for (let j = 0; j < chunk.length; j++) {
    chunk[j] = 1;
    const rest = product(chunk);
    if (rest <= budget) {
      chunk[j] = Math.floor(budget / rest);
      break;
    }
  }
  // A zero-length dimension makes `rest` 0 (PyTables divides by it): HDF5 needs chunks >= 1.
  return chunk.map((c) => (Number.isFinite(c) && c >= 1 ? c : 1));
}

/**
 * The chunk shape PyTables 3.7 gives an array.
 * @param shape the dataset shape (for an EARRAY, dimension 0 is its current length, usually 0)
 * @param itemSize bytes per element (8 for float64)
 * @param expectedRows `shape[0]` for a CARRAY, 1000 for an EARRAY
 * @returns one chunk length per dimension, each at least 1
 * @throws H5ArgumentError for a rank-0 shape, a zero item size, or non-integer, negative inputs
 */
export function pytablesChunkShape(shape: readonly number[], itemSize: number, expectedRows: number): number[] {
  const dims = checkDims(shape, "shape");
  if (dims.length === 0) throw argumentError("shape", "a scalar dataset cannot be chunked");
  return chunkShape(dims, checkSize(itemSize, "itemSize", 1), checkSize(expectedRows, "expectedRows"), Infinity);
}

/**
 * Max dims PyTables gives a CARRAY: the elementwise max of shape and chunk shape (so a 10-point
 * float64 axis has max dims (8192,)).
 * @throws H5ArgumentError when the ranks differ
 */
export function pytablesMaxShape(shape: readonly number[], chunks: readonly number[]): number[] {
  if (shape.length !== chunks.length) {
    throw argumentError("chunks", `rank ${chunks.length} differs from the shape's rank ${shape.length}`);
  }
  return shape.map((s, i) => Math.max(s, chunks[i]!));
}

/**
 * Chooses a chunk shape for a dataset of `dtype` and `shape` (`chunks: "auto"`).
 * @param dtype element type (sets the item size)
 * @param shape current shape; must have at least one dimension
 * @param options maxshape and expectedRows
 * @throws H5ArgumentError on a scalar shape or invalid sizes
 */
export function autoChunks(dtype: Dtype, shape: readonly number[], options?: AutoChunkOptions): number[] {
  const opts = checkOptions(options, ["maxshape", "expectedRows"]);
  const dims = checkDims(shape, "shape");
  if (dims.length === 0) throw argumentError("shape", "a scalar dataset cannot be chunked");
  const maxshape = opts.maxshape ?? dims;
  if (!Array.isArray(maxshape) || maxshape.length !== dims.length) {
    throw argumentError("options.maxshape", `must have ${dims.length} dimension(s)`);
  }
  const growable = maxshape[0] === null || (maxshape[0] as number) > (dims[0] as number);
  const rows = opts.expectedRows !== undefined
    ? checkSize(opts.expectedRows, "options.expectedRows", 1)
    : growable ? Math.max(dims[0] as number, 1000) : Math.max(dims[0] as number, 1);
  const chunks = chunkShape(dims.map((d) => Math.max(d, 1)), dtypeItemSize(dtype), rows, AUTO_MAX_CHUNK_BYTES);
  return chunks.map((c, i) => {
    const max = maxshape[i];
    return max === null || max === undefined ? c : Math.min(c, Math.max(1, max));
  });
}
