/**
 * PyTables 3.7's automatic chunk shape (`Leaf._calc_chunkshape`, file-format.md Appendix A), so that
 * our CARRAYs and EARRAYs get the chunks and max dims of files written by PyTables.
 *
 * @example
 * pytablesChunkShape([10], 8, 10);            // [8192]
 * pytablesChunkShape([0, 10], 8, 1000);       // [819, 10]   (an EARRAY: 1000 expected rows)
 * pytablesMaxShape([10], [8192]);             // [8192]
 */

const MB = 2n ** 20n;
const MAX_MB = 10n ** 7n;
const BASE_CHUNK_BYTES = 65536;

function product(values: readonly number[]): number {
  return values.reduce((a, b) => a * b, 1);
}

function checkDims(name: string, values: readonly number[]): void {
  for (const v of values) {
    if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`${name} must hold non-negative integers, got ${String(v)}`);
  }
}

/**
 * The chunk shape PyTables picks for an array.
 * @param shape the dataset shape (for an EARRAY, dimension 0 is its current length, usually 0)
 * @param itemSize bytes per element (8 for float64)
 * @param expectedRows `shape[0]` for a CARRAY, 1000 for an EARRAY
 * @returns one chunk length per dimension, each at least 1 (HDF5 refuses zero-length chunks;
 *   PyTables would divide by zero for a zero-length non-main dimension)
 * @throws RangeError for a rank-0 shape or non-integer, negative inputs
 */
export function pytablesChunkShape(shape: readonly number[], itemSize: number, expectedRows: number): number[] {
  checkDims("shape", shape);
  checkDims("itemSize and expectedRows", [itemSize, expectedRows]);
  if (shape.length === 0) throw new RangeError("a scalar (rank 0) dataset has no chunk shape");
  if (itemSize === 0) throw new RangeError("itemSize must be positive");
  const rowBytes = BigInt(itemSize) * BigInt(product(shape.slice(1)));
  let mb = (BigInt(expectedRows) * rowBytes) / MB;
  if (mb < 1n) mb = 1n;
  if (mb > MAX_MB) mb = MAX_MB;
  const zone = mb.toString().length - 1; // floor(log10(mb)), exact on the integer
  const chunkBytes = BASE_CHUNK_BYTES * 2 ** zone;
  const nItems = Math.max(1, Math.floor(chunkBytes / itemSize));
  const chunk = [...shape];
  chunk[0] = 1;
  if (product(chunk) <= nItems) {
    chunk[0] = Math.floor(nItems / product(chunk));
  } else {
    let trimmed = false;
    for (let j = 0; j < chunk.length && !trimmed; j++) {
      chunk[j] = 1;
      if (product(chunk) <= nItems) {
        chunk[j] = Math.floor(nItems / product(chunk));
        trimmed = true;
      }
    }
    if (!trimmed) chunk[chunk.length - 1] = nItems;
  }
  return chunk.map((c) => (Number.isFinite(c) && c >= 1 ? c : 1));
}

/**
 * Max dims PyTables gives a CARRAY: the elementwise max of shape and chunk shape
 * (so a 10-point float64 axis has max dims (8192,)).
 * @throws RangeError when the ranks differ
 */
export function pytablesMaxShape(shape: readonly number[], chunks: readonly number[]): number[] {
  if (shape.length !== chunks.length) {
    throw new RangeError(`shape rank ${shape.length} differs from chunk rank ${chunks.length}`);
  }
  return shape.map((s, i) => Math.max(s, chunks[i]!));
}
