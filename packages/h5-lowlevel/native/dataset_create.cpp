// Dataset creation of NativeNode: numeric datasets (createDataset) and 1-d unlimited VLEN uint8
// sequences (createVlen).
#include <cstring>

#include "convert.hpp"
#include "errors.hpp"
#include "links.hpp"
#include "node.hpp"

namespace h5l {

namespace {

struct Named {
  const char* name;
  int value;
};
const Named kFillTimes[] = {{"alloc", H5D_FILL_TIME_ALLOC}, {"ifset", H5D_FILL_TIME_IFSET}, {"never", H5D_FILL_TIME_NEVER}};
const Named kAllocTimes[] = {{"early", H5D_ALLOC_TIME_EARLY}, {"incr", H5D_ALLOC_TIME_INCR}, {"late", H5D_ALLOC_TIME_LATE}};

// Looks `value` up in `table`; undefined/null leaves `out` unset. False with an exception if unknown.
template <size_t N>
bool Lookup(Napi::Env env, Napi::Value value, const char* arg, const Named (&table)[N], int* out, bool* set) {
  *set = false;
  if (value.IsUndefined() || value.IsNull()) return true;
  std::string text = value.IsString() ? value.As<Napi::String>().Utf8Value() : "";
  for (const Named& n : table) {
    if (text == n.name) {
      *out = n.value;
      *set = true;
      return true;
    }
  }
  ThrowArgumentError(env, std::string(arg) + ": unknown value '" + text + "'");
  return false;
}

// Chunk shape, then shuffle before deflate (the order PyTables and h5py use).
bool SetChunking(Napi::Env env, hid_t dcpl, const Dims& chunks, Napi::Value deflate, bool shuffle) {
  if (H5Pset_chunk(dcpl, chunks.n, chunks.v) < 0) return false;
  if (shuffle && H5Pset_shuffle(dcpl) < 0) return false;
  if (deflate.IsNumber()) {
    int level = deflate.As<Napi::Number>().Int32Value();
    if (level < 0 || level > 9) {
      ThrowArgumentError(env, "options.deflate must be an integer from 0 to 9");
      return false;
    }
    if (H5Pset_deflate(dcpl, static_cast<unsigned>(level)) < 0) return false;
  }
  return true;
}

}  // namespace

// createDataset(name, {dtype, shape, maxshape, chunks, fill, fillTime, allocTime, deflate, shuffle, boolEnum}):
// null when something is at `name` already.
Napi::Value NativeNode::CreateDataset(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  std::string name, dtype;
  if (!CheckOpen(env) || !ToString(env, info[0], "name", &name)) return env.Undefined();
  if (PathExists(state_->id, name)) return env.Null();
  if (!info[1].IsObject()) {
    ThrowArgumentError(env, "options must be an object");
    return env.Undefined();
  }
  Napi::Object spec = info[1].As<Napi::Object>();
  Dt dt;
  if (!ToString(env, spec.Get("dtype"), "options.dtype", &dtype)) return env.Undefined();
  if (!ParseDtype(dtype, &dt)) {
    ThrowArgumentError(env, "options.dtype: unknown dtype '" + dtype + "'");
    return env.Undefined();
  }
  Dims shape, maxshape, chunks;
  if (!ToDims(env, spec.Get("shape"), "options.shape", -1, &shape) ||
      !ToDims(env, spec.Get("maxshape"), "options.maxshape", shape.n, &maxshape, true))
    return env.Undefined();
  bool chunked = spec.Get("chunks").IsArray();
  if (chunked && !ToDims(env, spec.Get("chunks"), "options.chunks", shape.n, &chunks)) return env.Undefined();

  Hid dcpl(H5Pcreate(H5P_DATASET_CREATE));
  Hid ftype(CreateFileType(dt, spec.Get("boolEnum").ToBoolean().Value()));
  if (!dcpl.ok() || !ftype.ok()) {
    ThrowH5Error(env, "create dataset", Where(name));
    return env.Undefined();
  }
  if (chunked && !SetChunking(env, dcpl.get(), chunks, spec.Get("deflate"), spec.Get("shuffle").ToBoolean().Value())) {
    if (!env.IsExceptionPending()) ThrowH5Error(env, "create dataset", Where(name));
    return env.Undefined();
  }
  int fillTime = 0, allocTime = 0;
  bool hasFillTime = false, hasAllocTime = false;
  if (!Lookup(env, spec.Get("fillTime"), "options.fillTime", kFillTimes, &fillTime, &hasFillTime) ||
      !Lookup(env, spec.Get("allocTime"), "options.allocTime", kAllocTimes, &allocTime, &hasAllocTime))
    return env.Undefined();
  if (hasFillTime) H5Pset_fill_time(dcpl.get(), static_cast<H5D_fill_time_t>(fillTime));
  if (hasAllocTime) H5Pset_alloc_time(dcpl.get(), static_cast<H5D_alloc_time_t>(allocTime));
  Napi::Value fill = spec.Get("fill");
  if (!fill.IsUndefined() && !fill.IsNull()) {
    ArrayView view;
    if (!ToTypedArray(env, fill, "options.fillValue", DtypeArrayType(dt), dtype.c_str(), &view)) return env.Undefined();
    if (view.bytes != DtypeSize(dt)) {
      ThrowArgumentError(env, "options.fillValue must hold exactly one element");
      return env.Undefined();
    }
    Hid mtype(CreateMemType(dt, ftype.get()));
    if (H5Pset_fill_value(dcpl.get(), mtype.get(), view.data) < 0) {
      ThrowH5Error(env, "set fill value of", Where(name));
      return env.Undefined();
    }
  }
  Hid space(shape.n == 0 ? H5Screate(H5S_SCALAR) : H5Screate_simple(shape.n, shape.v, maxshape.v));
  Hid lcpl = LinkCreateList(*state_->file, name, NameUse::DatasetLink, false);
  hid_t id = H5Dcreate2(state_->id, name.c_str(), ftype.get(), space.get(), lcpl.orDefault(), dcpl.get(), H5P_DEFAULT);
  if (id < 0) {
    ThrowH5Error(env, "create dataset", Where(name));
    return env.Undefined();
  }
  return Wrap(env, id, state_->file);
}

// createVlen(name, chunk, deflate | null, shuffle): 1-d, unlimited, VLEN of uint8; null when
// something is at `name` already.
Napi::Value NativeNode::CreateVlen(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  std::string name;
  Dims chunks;
  if (!CheckOpen(env) || !ToString(env, info[0], "name", &name) ||
      !ToDims(env, info[1], "options.chunks", 1, &chunks))
    return env.Undefined();
  if (PathExists(state_->id, name)) return env.Null();
  if (chunks.v[0] == 0) {
    ThrowArgumentError(env, "options.chunks[0] must be at least 1");
    return env.Undefined();
  }
  Hid dcpl(H5Pcreate(H5P_DATASET_CREATE));
  if (!SetChunking(env, dcpl.get(), chunks, info[2], info[3].ToBoolean().Value())) {
    if (!env.IsExceptionPending()) ThrowH5Error(env, "create dataset", Where(name));
    return env.Undefined();
  }
  Hid type(H5Tvlen_create(H5T_STD_U8LE));
  hsize_t dims[1] = {0}, maxdims[1] = {H5S_UNLIMITED};
  Hid space(H5Screate_simple(1, dims, maxdims));
  Hid lcpl = LinkCreateList(*state_->file, name, NameUse::DatasetLink, false);
  hid_t id = H5Dcreate2(state_->id, name.c_str(), type.get(), space.get(), lcpl.orDefault(), dcpl.get(), H5P_DEFAULT);
  if (id < 0) {
    ThrowH5Error(env, "create dataset", Where(name));
    return env.Undefined();
  }
  return Wrap(env, id, state_->file);
}

}  // namespace h5l
