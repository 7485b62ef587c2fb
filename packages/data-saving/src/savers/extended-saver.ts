/**
 * `DataExtendedSaver` (seed, file-format.md §6.7): scan data. On the first call each array of the
 * DataWithAxes gets a CARRAY of shape `extendedShape + data shape` (0-D data: `extendedShape`)
 * left at the fill value 0 (no explicit write of zeros; same file content); every call writes
 * the arrays at `indexes`.
 *
 * @example
 * const saver = new DataExtendedSaver(h5, [5, 10]);
 * saver.addData("/RawData/Scan000/Det", dwa2D, [4, 3]);   // Data00[4, 3] = dwa2D.data[0]
 */
import { DataDistribution, DataType, enumChecker, type DataWithAxes, type NDArray } from "@pymodaq-ts/data-model";
import { IndexOutOfRangeError, InvalidTypeError } from "../errors.js";
import type { Where } from "../conventions/h5-backend.js";
import { checkOptions } from "../options.js";
import { CARRAY } from "../conventions/nodes/arrays.js";
import type { H5SaverInput } from "./on-file.js";
import { DataNodeSaver } from "./data-saver.js";
import { NodeListCache } from "./node-cache.js";
import { nodeMetadata } from "./node-metadata.js";
import { checkDataWithAxes } from "../arguments.js";

export interface ExtendedAddOptions {
  /** `distribution` written on the data nodes (default `uniform`). */
  distribution?: DataDistribution | string;
}

const ADD_KEYS: readonly (keyof ExtendedAddOptions)[] = ["distribution"];

/**
 * Checks `indexes` against `extendedShape` and returns them with negative values counted from
 * the end, as Python does. The original checks `index > size` and then fails in the storage
 * for `index == size` (Q3): the error is the same, an IndexError, for `index >= size`.
 * @throws IndexOutOfRangeError (Python IndexError) for a wrong count or an index out of range.
 */
export function normalizeExtendedIndexes(indexes: readonly number[], extendedShape: readonly number[]): number[] {
  if (indexes.length !== extendedShape.length) {
    throw new IndexOutOfRangeError(
      `Cannot put data into the h5array with extended indexes (${indexes.join(", ")}): expected ${extendedShape.length} indexes`,
    );
  }
  const out = new Array<number>(indexes.length);
  for (let k = 0; k < indexes.length; k++) {
    const index = indexes[k] as number;
    const size = extendedShape[k] as number;
    if (!Number.isInteger(index)) throw new IndexOutOfRangeError(`extended index ${k} must be an integer, got ${index}`);
    const i = index < 0 ? index + size : index;
    if (i < 0 || i >= size) {
      throw new IndexOutOfRangeError(`extended index ${index} is out of range for dimension ${k} of size ${size}`);
    }
    out[k] = i;
  }
  return out;
}

/** A DataDistribution member from a member or a name (names go through `enumChecker`). */
export function distributionOf(d: DataDistribution | string | undefined): DataDistribution {
  if (d === undefined) return DataDistribution.uniform;
  return d instanceof DataDistribution ? d : enumChecker(DataDistribution, d);
}

function checkShape(shape: readonly number[]): number[] {
  if (!Array.isArray(shape) || shape.some((d) => !Number.isInteger(d) || d < 0)) {
    throw new InvalidTypeError(`extendedShape must be a list of non-negative integers, got ${String(shape)}`);
  }
  return [...shape];
}

export class DataExtendedSaver extends DataNodeSaver {
  readonly dataType: DataType = DataType.data;
  /** The scan shape prepended to each array. */
  readonly extendedShape: readonly number[];
  /** The data CARRAYs of each `where`, resolved once: scan points never look them up again. */
  private readonly dataNodes = new NodeListCache((w, i) => this.getNodeFromIndex(w, i), CARRAY, "a CARRAY holding extended data");

  /**
   * @param h5saver an open saver or a file path
   * @param extendedShape the scan dimensions, e.g. `[5, 10]`
   * @throws InvalidTypeError when `extendedShape` is not a list of non-negative integers
   */
  constructor(h5saver: H5SaverInput, extendedShape: readonly number[]) {
    super(h5saver);
    this.extendedShape = Object.freeze(checkShape(extendedShape));
  }

  /**
   * Writes each array of `data` at `indexes` in the `Data{i}` nodes of `where`, creating them
   * (and the signal axes, index + number of scan dimensions, on copies: Q8 fixed) on the first
   * call.
   * @param where the group (or its path)
   * @param indexes one index per scan dimension (negatives count from the end)
   * @throws IndexOutOfRangeError for a wrong number of indexes or an index outside the scan
   *   shape; NodeError when the nodes of a previous call are missing or not CARRAYs.
   */
  addData(where: Where, data: DataWithAxes, indexes: readonly number[], options: ExtendedAddOptions = {}): void {
    checkDataWithAxes("DataExtendedSaver.addData", data);
    return this.h5saver.savePoint(() => { // one point for the flush policy
      const o = checkOptions(options, ADD_KEYS, "DataExtendedSaver.addData");
      this.writePoint(where, data, normalizeExtendedIndexes(indexes, this.extendedShape), distributionOf(o.distribution));
    });
  }

  /**
   * `addData` for callers that checked their options and normalized `at` already (the
   * DataToExport saver, once per point for all its DataWithAxes).
   * @internal
   */
  writePoint(where: Where, data: DataWithAxes, at: readonly number[], distribution: DataDistribution): void {
    const nodes = this.dataArrays(where, data, distribution);
    for (let i = 0; i < data.length; i++) (nodes[i] as CARRAY).writeAt(at, data.data[i] as NDArray);
  }

  /** The data arrays of `where`: cached, found, or created on the first call. */
  private dataArrays(where: Where, data: DataWithAxes, distribution: DataDistribution): CARRAY[] {
    const cached = this.dataNodes.cached(where, data.length);
    if (cached !== null) return cached;
    if (this.getLastNodeName(where) === null) this.createArrays(where, data, distribution);
    return this.dataNodes.get(where, data.length);
  }

  private createArrays(where: Where, data: DataWithAxes, distribution: DataDistribution): void {
    const nExt = this.extendedShape.length;
    const navIndexes = [...this.extendedShape.keys(), ...data.navIndexes.map((i) => i + nExt)];
    const dim = data.dim.name;
    for (let i = 0; i < data.length; i++) {
      const array = data.data[i] as NDArray;
      this.h5saver.addArray(where, this.nextNodeName(where), this.dataType, {
        title: data.name,
        dataShape: array.shape,
        arrayType: array.dtype,
        scanShape: this.extendedShape,
        addScanDim: true,
        dataDimension: dim,
        metadata: nodeMetadata(data, i, { full: false, distribution: distribution.name, navIndexes }),
      });
    }
    for (const axis of data.axes) {
      const shifted = axis.copy();
      shifted.index = axis.index + nExt;
      this.axisSaver.addAxis(where, shifted);
    }
  }
}
