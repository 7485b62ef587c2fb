/**
 * The `squeeze` helper of the loaders (data-model.md §9): drops length-1 dimensions and keeps
 * the result at least 1-D, because a data array is never 0-d (data-model.md §0.1).
 */
import type { Dtype } from "./dtype.js";
import { ModelTypeError } from "./errors.js";
import { NDArray } from "./ndarray.js";

/**
 * Removes the length-1 dimensions listed in `squeezeIndexes` (all of them when null; an
 * empty list removes none), then reshapes a 0-d result to `[1]`. With `doSqueeze`
 * false, only the "at least 1-D" step runs. Returns a view of `array`.
 * @param array the array to squeeze.
 * @param doSqueeze whether to remove dimensions at all (default true).
 * @param squeezeIndexes the dimensions to remove, or null for every length-1 dimension.
 * @throws ModelValueError when a listed dimension does not have length 1;
 *   ModelIndexError when it does not exist; ModelTypeError when `array` is not an NDArray.
 */
export function squeeze<D extends Dtype>(
  array: NDArray<D>,
  doSqueeze = true,
  squeezeIndexes: readonly number[] | null = null,
): NDArray<D> {
  if (!(array instanceof NDArray)) throw new ModelTypeError("squeeze expects an NDArray");
  const out = doSqueeze ? array.squeeze(squeezeIndexes) : array;
  return out.ndim === 0 ? out.reshape([1]) : out;
}
