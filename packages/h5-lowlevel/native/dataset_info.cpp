// Dataset introspection of NativeNode: element kind, shape, maxshape, layout, chunks, filters,
// storage size.
#include "errors.hpp"
#include "node.hpp"

namespace h5l {

namespace {

std::string FilterName(H5Z_filter_t id) {
  switch (id) {
    case H5Z_FILTER_DEFLATE: return "deflate";
    case H5Z_FILTER_SHUFFLE: return "shuffle";
    case H5Z_FILTER_FLETCHER32: return "fletcher32";
    case H5Z_FILTER_SZIP: return "szip";
    case H5Z_FILTER_NBIT: return "nbit";
    case H5Z_FILTER_SCALEOFFSET: return "scaleoffset";
    default: return "filter-" + std::to_string(id);
  }
}

const char* LayoutName(H5D_layout_t layout) {
  switch (layout) {
    case H5D_COMPACT: return "compact";
    case H5D_CONTIGUOUS: return "contiguous";
    case H5D_CHUNKED: return "chunked";
    case H5D_VIRTUAL: return "virtual";
    default: return "other";
  }
}

Napi::Array DimsArray(Napi::Env env, const hsize_t* dims, int rank, bool unlimitedAsNull) {
  Napi::Array out = Napi::Array::New(env, rank);
  for (int i = 0; i < rank; i++) {
    if (unlimitedAsNull && dims[i] == H5S_UNLIMITED) {
      out.Set(static_cast<uint32_t>(i), env.Null());
    } else {
      out.Set(static_cast<uint32_t>(i), static_cast<double>(dims[i]));
    }
  }
  return out;
}

}  // namespace

Napi::Value NativeNode::TypeInfoOf(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckDataset(env, false)) return env.Undefined();
  Napi::Object out = Napi::Object::New(env);
  out.Set("kind", state_->elem.kind);
  if (state_->elem.dt == Dt::None) {
    out.Set("dtype", env.Null());
  } else {
    out.Set("dtype", DtypeName(state_->elem.dt));
  }
  // The memory type of a bool dataset has the file type's class (dtype.cpp CreateMemType).
  if (state_->elem.dt == Dt::Bool) out.Set("boolEncoding", H5Tget_class(state_->memType) == H5T_ENUM ? "enum" : "bitfield");
  return out;
}

// Both shape() and maxshape() read the current dataspace.
static Napi::Value Extent(Napi::Env env, const NativeNode& node, hid_t dset, bool max) {
  Hid space(H5Dget_space(dset));
  hsize_t dims[H5S_MAX_RANK], maxdims[H5S_MAX_RANK];
  int rank = space.ok() ? H5Sget_simple_extent_dims(space.get(), dims, maxdims) : -1;
  if (rank < 0) {
    ThrowH5Error(env, "get shape of", node.Where(""));
    return env.Undefined();
  }
  return max ? DimsArray(env, maxdims, rank, true) : DimsArray(env, dims, rank, false);
}

Napi::Value NativeNode::Shape(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckDataset(env, false)) return env.Undefined();
  return Extent(env, *this, state_->id, false);
}

Napi::Value NativeNode::MaxShape(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckDataset(env, false)) return env.Undefined();
  return Extent(env, *this, state_->id, true);
}

// storage() -> {layout, chunks | null, filters: [{name, id, params}], storageSize}
Napi::Value NativeNode::Storage(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckDataset(env, false)) return env.Undefined();
  Hid dcpl(H5Dget_create_plist(state_->id));
  if (!dcpl.ok()) {
    ThrowH5Error(env, "get storage of", Where(""));
    return env.Undefined();
  }
  H5D_layout_t layout = H5Pget_layout(dcpl.get());
  Napi::Object out = Napi::Object::New(env);
  out.Set("layout", LayoutName(layout));
  out.Set("chunks", env.Null());
  if (layout == H5D_CHUNKED) {
    hsize_t chunks[H5S_MAX_RANK];
    int rank = H5Pget_chunk(dcpl.get(), H5S_MAX_RANK, chunks);
    if (rank >= 0) out.Set("chunks", DimsArray(env, chunks, rank, false));
  }
  int nfilters = H5Pget_nfilters(dcpl.get());
  Napi::Array filters = Napi::Array::New(env);
  for (int i = 0; i < nfilters; i++) {
    unsigned flags = 0, config = 0;
    size_t nparams = 16;
    unsigned params[16];
    char name[64];
    H5Z_filter_t id = H5Pget_filter2(dcpl.get(), static_cast<unsigned>(i), &flags, &nparams, params,
                                     sizeof name, name, &config);
    if (id < 0) continue;
    Napi::Object f = Napi::Object::New(env);
    f.Set("name", FilterName(id));
    f.Set("id", static_cast<double>(id));
    Napi::Array p = Napi::Array::New(env, nparams > 16 ? 16 : nparams);
    for (size_t k = 0; k < nparams && k < 16; k++) p.Set(static_cast<uint32_t>(k), static_cast<double>(params[k]));
    f.Set("params", p);
    filters.Set(filters.Length(), f);
  }
  H5Eclear2(H5E_DEFAULT);
  out.Set("filters", filters);
  out.Set("storageSize", static_cast<double>(H5Dget_storage_size(state_->id)));
  return out;
}

}  // namespace h5l
