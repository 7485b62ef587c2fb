// Attribute listing and reading of NativeNode. attrRead returns the raw storage description
// {h5type, space, value} of any attribute that h5py or PyTables write.
#include <vector>

#include "convert.hpp"
#include "errors.hpp"
#include "node.hpp"
#include "values.hpp"

namespace h5l {

namespace {

herr_t CollectName(hid_t, const char* name, const H5A_info_t*, void* data) {
  static_cast<std::vector<std::string>*>(data)->push_back(name);
  return 0;
}

std::string TypeText(const TypeInfo& t) {
  const char* cset = t.utf8 ? "utf8" : "ascii";
  if (t.kind == "string") return "string(fixed," + std::to_string(t.strSize) + "," + cset + ")";
  if (t.kind == "vlen-string") return "string(vlen," + std::string(cset) + ")";
  if (t.dt == Dt::None || t.dt == Dt::Complex64 || t.dt == Dt::Complex128) return "other";
  return DtypeName(t.dt);
}

Napi::Value SpaceValue(Napi::Env env, hid_t space, H5S_class_t cls) {
  if (cls == H5S_SCALAR) return Napi::String::New(env, "scalar");
  if (cls == H5S_NULL) return Napi::String::New(env, "null");
  int rank = H5Sget_simple_extent_ndims(space);
  hsize_t dims[H5S_MAX_RANK];
  H5Sget_simple_extent_dims(space, dims, nullptr);
  Napi::Array out = Napi::Array::New(env, rank);
  for (int i = 0; i < rank; i++) out.Set(static_cast<uint32_t>(i), static_cast<double>(dims[i]));
  return out;
}

// Strings: one per element; returned as a string (scalar space) or an array of strings.
bool ReadStrings(hid_t attr, hid_t space, const TypeInfo& t, size_t n, std::vector<std::string>* out) {
  if (t.vlenString) {
    Hid mem(H5Tcopy(H5T_C_S1));
    H5Tset_size(mem.get(), H5T_VARIABLE);
    H5Tset_cset(mem.get(), t.utf8 ? H5T_CSET_UTF8 : H5T_CSET_ASCII);
    std::vector<char*> ptrs(n, nullptr);
    if (H5Aread(attr, mem.get(), ptrs.data()) < 0) return false;
    for (char* p : ptrs) out->push_back(p ? p : "");
    H5Dvlen_reclaim(mem.get(), space, H5P_DEFAULT, ptrs.data());
    return true;
  }
  Hid ftype(H5Aget_type(attr));
  std::vector<char> buf(n * t.strSize + 1, '\0');
  if (H5Aread(attr, ftype.get(), buf.data()) < 0) return false;
  for (size_t i = 0; i < n; i++) out->push_back(FixedStringText(buf.data() + i * t.strSize, t.strSize, t.strPad));
  return true;
}

}  // namespace

Napi::Value NativeNode::AttrNames(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  std::vector<std::string> names;
  hsize_t idx = 0;
  if (H5Aiterate2(state_->id, H5_INDEX_NAME, H5_ITER_INC, &idx, CollectName, &names) < 0) {
    ThrowH5Error(env, "list attributes of", Where(""));
    return env.Undefined();
  }
  return ToStringArray(env, names);
}

Napi::Value NativeNode::AttrExists(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  std::string name;
  if (!CheckOpen(env) || !ToString(env, info[0], "name", &name)) return env.Undefined();
  htri_t found = H5Aexists(state_->id, name.c_str());
  if (found < 0) {
    ThrowH5Error(env, "look up attribute " + name + " of", Where(""));
    return env.Undefined();
  }
  return Napi::Boolean::New(env, found > 0);
}

// attrRead(name) -> {h5type, space: "scalar" | "null" | dims, value}
Napi::Value NativeNode::AttrRead(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  std::string name;
  if (!CheckOpen(env) || !ToString(env, info[0], "name", &name)) return env.Undefined();
  std::string op = "read attribute " + name + " of";
  if (H5Aexists(state_->id, name.c_str()) <= 0) {
    H5Eclear2(H5E_DEFAULT);
    ThrowArgumentError(env, "name: no attribute '" + name + "' on " + Where(""));
    return env.Undefined();
  }
  Hid attr(H5Aopen(state_->id, name.c_str(), H5P_DEFAULT));
  if (!attr.ok()) {
    ThrowH5Error(env, op, Where(""));
    return env.Undefined();
  }
  Hid ftype(H5Aget_type(attr.get()));
  Hid space(H5Aget_space(attr.get()));
  if (!ftype.ok() || !space.ok()) {
    ThrowH5Error(env, op, Where(""));
    return env.Undefined();
  }
  TypeInfo t = ClassifyType(ftype.get());
  H5S_class_t cls = H5Sget_simple_extent_type(space.get());
  Napi::Object out = Napi::Object::New(env);
  out.Set("h5type", TypeText(t));
  out.Set("space", SpaceValue(env, space.get(), cls));
  out.Set("value", env.Null());
  hssize_t points = H5Sget_simple_extent_npoints(space.get());
  size_t n = cls == H5S_NULL || points < 0 ? 0 : static_cast<size_t>(points);
  bool isString = t.kind == "string" || t.kind == "vlen-string";
  if (cls == H5S_NULL || (!isString && TypeText(t) == "other")) return out;

  if (isString) {
    std::vector<std::string> texts;
    if (!ReadStrings(attr.get(), space.get(), t, n, &texts)) {
      ThrowH5Error(env, op, Where(""));
      return env.Undefined();
    }
    if (cls == H5S_SCALAR) {
      out.Set("value", texts.empty() ? std::string() : texts[0]);
    } else {
      out.Set("value", ToStringArray(env, texts));
    }
    return out;
  }

  Hid mem(CreateMemType(t.dt, ftype.get()));
  void* data = nullptr;
  Napi::Value array = env.Undefined();
  uint8_t scalar[16] = {0};
  if (cls == H5S_SCALAR) {
    data = scalar;
  } else {
    array = NewTypedArray(env, t.dt, n, &data);
    if (env.IsExceptionPending()) return env.Undefined();
  }
  if (n > 0 && H5Aread(attr.get(), mem.get(), data) < 0) {
    ThrowH5Error(env, op, Where(""));
    return env.Undefined();
  }
  out.Set("value", cls == H5S_SCALAR ? ScalarValue(env, t.dt, scalar) : array);
  return out;
}

}  // namespace h5l
