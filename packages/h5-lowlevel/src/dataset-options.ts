/**
 * Validation of dataset creation options (DatasetCreateOptions, VlenCreateOptions) into the
 * spec the addon takes. Chunking is implied by a growable shape or a filter.
 */
import { autoChunks } from "./chunks.js";
import { assertDtype } from "./dtypes.js";
import { argumentError } from "./errors.js";
import type { NativeDatasetSpec } from "./native.js";
import { scalarArray } from "./scalars.js";
import type { DatasetCreateOptions, VlenCreateOptions } from "./types.js";
import { checkDims, checkEnum, checkIntegerIn, checkOptions, checkSize } from "./validate.js";

const DATASET_KEYS = ["dtype", "shape", "maxshape", "chunks", "fillValue", "fillTime", "allocTime", "deflate", "shuffle", "boolEncoding"];

function checkMaxshape(value: unknown, shape: number[]): (number | null)[] {
  if (value === undefined) return shape;
  if (!Array.isArray(value) || value.length !== shape.length) {
    throw argumentError("options.maxshape", `must be an array of ${shape.length} integers or nulls`);
  }
  return value.map((m: unknown, i) => {
    if (m === null) return null;
    const max = checkSize(m, `options.maxshape[${i}]`);
    if (max < (shape[i] as number)) throw argumentError(`options.maxshape[${i}]`, `${max} is smaller than shape[${i}] = ${shape[i]}`);
    return max;
  });
}

function checkBoolean(value: unknown, argument: string): boolean {
  if (value === undefined) return false;
  if (typeof value !== "boolean") throw argumentError(argument, "must be a boolean");
  return value;
}

/**
 * @returns the addon's dataset spec
 * @throws H5ArgumentError naming the offending option
 */
export function checkDatasetOptions(options: DatasetCreateOptions): NativeDatasetSpec {
  if (options === undefined) throw argumentError("options", "is required (at least dtype and shape)");
  const opts = checkOptions(options, DATASET_KEYS);
  assertDtype(opts.dtype, "options.dtype");
  const dtype = opts.dtype;
  const shape = checkDims(opts.shape, "options.shape");
  const maxshape = checkMaxshape(opts.maxshape, shape);
  const deflate = opts.deflate === undefined ? null : checkIntegerIn(opts.deflate, "options.deflate", 0, 9);
  const shuffle = checkBoolean(opts.shuffle, "options.shuffle");
  const growable = maxshape.some((m, i) => m !== shape[i]);

  let chunks: number[] | null = null;
  if (opts.chunks === "auto" || (opts.chunks === undefined && (growable || deflate !== null || shuffle))) {
    if (shape.length === 0) throw argumentError("options.chunks", "a scalar dataset cannot be chunked or filtered");
    chunks = autoChunks(dtype, shape, { maxshape });
  } else if (opts.chunks !== undefined) {
    if (shape.length === 0) throw argumentError("options.chunks", "a scalar dataset cannot be chunked");
    chunks = checkDims(opts.chunks, "options.chunks", shape.length, 1);
    chunks.forEach((c, i) => {
      const max = maxshape[i];
      if (max !== null && max !== undefined && c > max) {
        throw argumentError(`options.chunks[${i}]`, `${c} exceeds the fixed maximum size ${max} of that dimension`);
      }
    });
  }
  if (chunks === null && growable) throw argumentError("options.chunks", "a resizable dataset must be chunked");

  const fillValue = opts.fillValue;
  if (fillValue !== undefined && typeof fillValue !== "number" && typeof fillValue !== "bigint") {
    throw argumentError("options.fillValue", "must be a number or a bigint");
  }
  const boolEncoding = checkEnum(opts.boolEncoding ?? "bitfield", "options.boolEncoding", ["bitfield", "enum"] as const);
  return {
    dtype,
    shape,
    maxshape: maxshape.map((m) => (m === null ? -1 : m)),
    chunks,
    fill: fillValue === undefined ? null : scalarArray(dtype, fillValue, "options.fillValue"),
    fillTime: opts.fillTime === undefined ? null : checkEnum(opts.fillTime, "options.fillTime", ["alloc", "ifset", "never"] as const),
    allocTime: opts.allocTime === undefined ? null : checkEnum(opts.allocTime, "options.allocTime", ["early", "incr", "late"] as const),
    deflate,
    shuffle,
    boolEnum: boolEncoding === "enum",
  };
}

/** @throws H5ArgumentError naming the offending option */
export function checkVlenOptions(options: VlenCreateOptions): { chunks: number[]; deflate: number | null; shuffle: boolean } {
  if (options === undefined) throw argumentError("options", "is required (at least chunks)");
  const opts = checkOptions(options, ["chunks", "deflate", "shuffle"]);
  return {
    chunks: checkDims(opts.chunks, "options.chunks", 1, 1),
    deflate: opts.deflate === undefined ? null : checkIntegerIn(opts.deflate, "options.deflate", 0, 9),
    shuffle: checkBoolean(opts.shuffle, "options.shuffle"),
  };
}
