#include "selection.hpp"

#include <string>

#include "convert.hpp"
#include "errors.hpp"

namespace h5l {

bool SelectHyperslab(Napi::Env env, hid_t space, Napi::Value startV, Napi::Value countV, Napi::Value strideV,
                     Selection* sel) {
  int rank = H5Sget_simple_extent_dims(space, sel->extent.v, nullptr);
  sel->extent.n = rank < 0 ? 0 : rank;
  const hsize_t* dims = sel->extent.v;
  if (startV.IsUndefined() || startV.IsNull()) {
    hssize_t points = H5Sget_simple_extent_npoints(space);
    sel->n = points < 0 ? 0 : static_cast<hsize_t>(points);
    sel->shape.n = 0;
    return true;
  }
  if (rank == 0) {
    ThrowArgumentError(env, "selection: a scalar dataset has no hyperslabs");
    return false;
  }
  Dims &start = sel->start, &count = sel->shape, stride;
  if (!ToDims(env, startV, "selection.start", rank, &start) || !ToDims(env, countV, "selection.count", rank, &count))
    return false;
  bool hasStride = !strideV.IsUndefined() && !strideV.IsNull();
  if (hasStride && !ToDims(env, strideV, "selection.stride", rank, &stride)) return false;
  for (int i = 0; i < rank; i++) {
    hsize_t step = hasStride ? stride.v[i] : 1;
    if (step != 1 && count.v[i] > 1) sel->strided = true;
    // Messages are built only on failure: this runs for every block write.
    auto axis = [i] { return "[" + std::to_string(i) + "]"; };
    if (step == 0) {
      ThrowArgumentError(env, "selection.stride" + axis() + " must be at least 1");
      return false;
    }
    // Last selected index start + (count - 1) * stride must lie inside the extent.
    bool inside = count.v[i] == 0 ? start.v[i] <= dims[i]
                                  : start.v[i] < dims[i] && (count.v[i] - 1) <= (dims[i] - 1 - start.v[i]) / step;
    if (!inside) {
      ThrowArgumentError(env, "selection" + axis() + " (start " + std::to_string(start.v[i]) + ", count " +
                                  std::to_string(count.v[i]) + ", stride " + std::to_string(step) +
                                  ") is out of range for extent " + std::to_string(dims[i]));
      return false;
    }
  }
  if (!count.product(&sel->n)) {
    ThrowArgumentError(env, "selection.count selects more than 2^64 elements");
    return false;
  }
  if (sel->n == 0) {
    H5Sselect_none(space);
    return true;
  }
  if (H5Sselect_hyperslab(space, H5S_SELECT_SET, start.v, hasStride ? stride.v : nullptr, count.v, nullptr) < 0) {
    ThrowH5Error(env, "select hyperslab", "");
    return false;
  }
  return true;
}

}  // namespace h5l
