#include "selection.hpp"

#include <string>

#include "convert.hpp"
#include "errors.hpp"

namespace h5l {

namespace {

std::string RankMismatch(const char* arg, int given, int rank) {
  return std::string(arg) + " has " + std::to_string(given) + " dimensions, expected " + std::to_string(rank);
}

}  // namespace

bool ToSelectionArgs(Napi::Env env, Napi::Value startV, Napi::Value countV, Napi::Value strideV,
                     SelectionArgs* out) {
  out->all = startV.IsUndefined() || startV.IsNull();
  if (out->all) return true;
  if (!ToDims(env, startV, "selection.start", -1, &out->start) ||
      !ToDims(env, countV, "selection.count", -1, &out->count))
    return false;
  out->hasStride = !strideV.IsUndefined() && !strideV.IsNull();
  return !out->hasStride || ToDims(env, strideV, "selection.stride", -1, &out->stride);
}

Problem ApplySelection(hid_t space, const SelectionArgs& args, Selection* sel) {
  int rank = H5Sget_simple_extent_dims(space, sel->extent.v, nullptr);
  if (rank < 0) return Problem::H5("get the extent of the dataset");
  sel->extent.n = rank;
  const hsize_t* dims = sel->extent.v;
  if (args.all) {
    hssize_t points = H5Sget_simple_extent_npoints(space);
    sel->n = points < 0 ? 0 : static_cast<hsize_t>(points);
    sel->shape.n = 0;
    return {};
  }
  if (rank == 0) return Problem::Argument("selection: a scalar dataset has no hyperslabs");
  if (args.start.n != rank) return Problem::Argument(RankMismatch("selection.start", args.start.n, rank));
  if (args.count.n != rank) return Problem::Argument(RankMismatch("selection.count", args.count.n, rank));
  if (args.hasStride && args.stride.n != rank)
    return Problem::Argument(RankMismatch("selection.stride", args.stride.n, rank));
  const Dims &start = args.start, &count = args.count;
  sel->start = start;
  sel->shape = count;
  for (int i = 0; i < rank; i++) {
    hsize_t step = args.hasStride ? args.stride.v[i] : 1;
    if (step != 1 && count.v[i] > 1) sel->strided = true;
    // Messages are built only on failure: this runs for every block write.
    auto axis = [i] { return "[" + std::to_string(i) + "]"; };
    if (step == 0) return Problem::Argument("selection.stride" + axis() + " must be at least 1");
    // Last selected index start + (count - 1) * stride must lie inside the extent.
    bool inside = count.v[i] == 0 ? start.v[i] <= dims[i]
                                  : start.v[i] < dims[i] && (count.v[i] - 1) <= (dims[i] - 1 - start.v[i]) / step;
    if (!inside) {
      return Problem::Argument("selection" + axis() + " (start " + std::to_string(start.v[i]) + ", count " +
                               std::to_string(count.v[i]) + ", stride " + std::to_string(step) +
                               ") is out of range for extent " + std::to_string(dims[i]));
    }
  }
  if (!count.product(&sel->n)) return Problem::Argument("selection.count selects more than 2^64 elements");
  if (sel->n == 0) {
    H5Sselect_none(space);
    return {};
  }
  if (H5Sselect_hyperslab(space, H5S_SELECT_SET, start.v, args.hasStride ? args.stride.v : nullptr, count.v,
                          nullptr) < 0)
    return Problem::H5("select hyperslab");
  return {};
}

bool SelectHyperslab(Napi::Env env, hid_t space, Napi::Value startV, Napi::Value countV, Napi::Value strideV,
                     Selection* sel) {
  SelectionArgs args;
  if (!ToSelectionArgs(env, startV, countV, strideV, &args)) return false;
  Problem problem = ApplySelection(space, args, sel);
  if (problem.ok()) return true;
  ThrowProblem(env, problem, "");
  return false;
}

}  // namespace h5l
