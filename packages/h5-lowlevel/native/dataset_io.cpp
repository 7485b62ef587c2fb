// Numeric dataset I/O of NativeNode: hyperslab read and write straight between libhdf5 and the
// caller's TypedArray (allocated on the JS side), resize, and append along the first axis. The
// libhdf5 side is in transfer.cpp, shared with the asynchronous forms (async_dataset.cpp).
#include "convert.hpp"
#include "errors.hpp"
#include "node.hpp"
#include "selection.hpp"
#include "transfer.hpp"

namespace h5l {

namespace {

// The context of a call on the main thread: the dataset's own caches.
struct SyncIo {
  explicit SyncIo(ObjState& s) : spaces(s), io{&s.directRank, s.chunkDims, &spaces, true} {}
  CachedMemSpaces spaces;
  IoContext io;
};

}  // namespace

// read(target, start?, count?, stride?) and write(data, start?, count?, stride?)
static Napi::Value ReadOrWrite(Napi::Env env, const NativeNode& node, ObjState& s,
                               const Napi::CallbackInfo& info, bool write) {
  ArrayView view;
  const char* arg = write ? "data" : "target";
  if (!ToTypedArray(env, info[0], arg, DtypeArrayType(s.elem.dt), DtypeName(s.elem.dt), &view)) return env.Undefined();
  SelectionArgs args;
  if (!ToSelectionArgs(env, info[1], info[2], info[3], &args)) return env.Undefined();
  SyncIo sync(s);
  Problem problem = TransferSelection(s, sync.io, write, view.data, view.bytes, args);
  if (!problem.ok()) ThrowProblem(env, problem, node.Where(""));
  return env.Undefined();
}

Napi::Value NativeNode::Read(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckDataset(env, true)) return env.Undefined();
  return ReadOrWrite(env, *this, *state_, info, false);
}

Napi::Value NativeNode::Write(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckDataset(env, true)) return env.Undefined();
  return ReadOrWrite(env, *this, *state_, info, true);
}

// resize(shape)
Napi::Value NativeNode::Resize(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckDataset(env, false)) return env.Undefined();
  Hid fspace(H5Dget_space(state_->id));
  Dims shape;
  if (!ToDims(env, info[0], "shape", H5Sget_simple_extent_ndims(fspace.get()), &shape)) return env.Undefined();
  if (H5Dset_extent(state_->id, shape.v) < 0) ThrowH5Error(env, "resize dataset", Where(""));
  return env.Undefined();
}

// append(data, rows): grows axis 0 by `rows` and writes `data` there. The logger hot path: no
// allocation besides two dataspaces, one extent change and one write.
Napi::Value NativeNode::Append(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckDataset(env, true)) return env.Undefined();
  ObjState& s = *state_;
  ArrayView view;
  hsize_t rows = 0;
  if (!ToTypedArray(env, info[0], "data", DtypeArrayType(s.elem.dt), DtypeName(s.elem.dt), &view) ||
      !ToCount(env, info[1], "rows", &rows))
    return env.Undefined();
  SyncIo sync(s);
  Problem problem = AppendRows(s, sync.io, view.data, view.bytes, rows);
  if (!problem.ok()) ThrowProblem(env, problem, Where(""));
  return env.Undefined();
}

}  // namespace h5l
