/**
 * The automatic chunk-shape rule (`chunks: "auto"`), tuned for append-heavy use. It follows
 * PyTables' computation (file-format.md, Appendix A), capped at 1 MiB:
 *
 * 1. expected rows = `expectedRows`, else max(shape[0], 1000) when axis 0 can grow, else shape[0];
 * 2. dataset MiB = expected rows x row bytes / 2^20, clamped to [1, 10^7];
 *    chunk bytes = 64 KiB x 2^floor(log10(MiB)), at most 1 MiB (so 64 KiB up to 10 MiB of data);
 * 3. keep the trailing dimensions whole while they fit, and give axis 0 the rest of the budget;
 *    when one row is larger than the budget, cut the leading dimensions to 1 and split the first
 *    dimension that still overflows;
 * 4. a fixed dimension is never chunked beyond its maximum size.
 *
 * Examples: float64 (0, 256) growing -> (32, 256); float64 (0,) growing -> (8192,);
 * uint8 (0,) growing -> (65536,); float64 (1000, 1000) fixed -> (8, 1000).
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

const MIB = 1024 * 1024;
const BASE_CHUNK = 64 * 1024;
const MAX_CHUNK = MIB;

/**
 * Chooses a chunk shape for a dataset of `dtype` and `shape`.
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
  const itemSize = dtypeItemSize(dtype);
  const growable = maxshape[0] === null || (maxshape[0] as number) > (dims[0] as number);
  const rows = opts.expectedRows !== undefined
    ? checkSize(opts.expectedRows, "options.expectedRows", 1)
    : growable ? Math.max(dims[0] as number, 1000) : Math.max(dims[0] as number, 1);

  const rowBytes = itemSize * product(dims.slice(1));
  const mib = Math.min(Math.max(Math.floor((rows * rowBytes) / MIB), 1), 1e7);
  const chunkBytes = Math.min(BASE_CHUNK * 2 ** Math.floor(Math.log10(mib)), MAX_CHUNK);
  const budget = Math.max(1, Math.floor(chunkBytes / itemSize));

  const chunks = dims.map((d) => Math.max(d, 1));
  for (let j = 0; j < chunks.length; j++) {
    chunks[j] = 1;
    const rest = product(chunks);
    if (rest <= budget) {
      chunks[j] = Math.max(1, Math.floor(budget / rest));
      break;
    }
  }
  return chunks.map((c, i) => {
    const max = maxshape[i];
    return max === null || max === undefined ? c : Math.min(c, Math.max(1, max));
  });
}
