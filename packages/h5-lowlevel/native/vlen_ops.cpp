// Variable-length uint8 sequences of NativeNode (PyMoDAQ's Logger): append rows, read rows.
#include <vector>

#include "convert.hpp"
#include "errors.hpp"
#include "node.hpp"
#include "transfer.hpp"

namespace h5l {

bool NativeNode::CheckVlen(Napi::Env env) {
  if (state_->elem.kind == "vlen-uint8") return true;
  ThrowArgumentError(env, "dataset " + Where("") + " holds " + state_->elem.kind + " elements, not vlen-uint8 sequences");
  return false;
}

bool NativeNode::ToVlenRows(Napi::Env env, Napi::Value value, std::vector<hvl_t>* items, Napi::Array* kept) {
  if (!value.IsArray()) {
    ThrowArgumentError(env, "rows must be an array of Uint8Array");
    return false;
  }
  Napi::Array rows = value.As<Napi::Array>();
  items->resize(rows.Length());
  if (kept) *kept = Napi::Array::New(env, items->size());
  for (uint32_t i = 0; i < items->size(); i++) {
    ArrayView view;
    std::string arg = "rows[" + std::to_string(i) + "]";
    Napi::Value row = rows.Get(i);  // read once: a second read could yield another array
    if (!ToTypedArray(env, row, arg.c_str(), napi_uint8_array, "vlen-uint8", &view)) return false;
    (*items)[i].len = view.bytes;
    (*items)[i].p = view.data;
    if (kept) kept->Set(i, row);
  }
  return true;
}

// vlenAppend(rows: Uint8Array[]): the hvl_t descriptors point into the caller's arrays (no copy).
Napi::Value NativeNode::VlenAppend(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  std::vector<hvl_t> items;
  if (!CheckDataset(env, false) || !CheckVlen(env) || !ToVlenRows(env, info[0], &items)) return env.Undefined();
  Problem problem = AppendVlenRows(*state_, items.data(), items.size());
  if (!problem.ok()) ThrowProblem(env, problem, Where(""));
  return env.Undefined();
}

// vlenRead(start, count) -> Uint8Array[]: copies each row into a JS-owned array, then lets
// libhdf5 free its buffers (H5Dvlen_reclaim).
Napi::Value NativeNode::VlenRead(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckDataset(env, false) || !CheckVlen(env)) return env.Undefined();
  hsize_t start = 0, count = 0, dims[1] = {0};
  if (!ToCount(env, info[0], "start", &start) || !ToCount(env, info[1], "count", &count)) return env.Undefined();
  Hid fspace(H5Dget_space(state_->id));
  if (!fspace.ok() || H5Sget_simple_extent_dims(fspace.get(), dims, nullptr) != 1) {
    ThrowH5Error(env, "read dataset", Where(""));
    return env.Undefined();
  }
  if (start > dims[0] || count > dims[0] - start) {
    ThrowArgumentError(env, "rows " + std::to_string(start) + ".." + std::to_string(start + count) +
                                " are out of range for length " + std::to_string(dims[0]));
    return env.Undefined();
  }
  Napi::Array out = Napi::Array::New(env, count);
  if (count == 0) return out;
  std::vector<hvl_t> items(count);
  Hid mspace(H5Screate_simple(1, &count, nullptr));
  if (H5Sselect_hyperslab(fspace.get(), H5S_SELECT_SET, &start, nullptr, &count, nullptr) < 0 ||
      H5Dread(state_->id, state_->memType, mspace.get(), fspace.get(), H5P_DEFAULT, items.data()) < 0) {
    ThrowH5Error(env, "read dataset", Where(""));
    return env.Undefined();
  }
  for (hsize_t i = 0; i < count; i++) {
    Napi::Uint8Array row = Napi::Uint8Array::New(env, items[i].len);
    if (items[i].len > 0) memcpy(row.Data(), items[i].p, items[i].len);
    out.Set(static_cast<uint32_t>(i), row);
  }
  H5Dvlen_reclaim(state_->memType, mspace.get(), H5P_DEFAULT, items.data());
  return out;
}

}  // namespace h5l
