// Attribute writing and deletion of NativeNode. Overwriting deletes the old attribute first, as
// PyTables does, so that type and size always follow the new value.
#include "addon_data.hpp"
#include "convert.hpp"
#include "errors.hpp"
#include "links.hpp"
#include "node.hpp"

namespace h5l {

namespace {

// Deletes `name` if present; false (with a pending exception) on failure. The node's location
// text is built only for the message: these run once per attribute written.
bool RemoveIfPresent(Napi::Env env, const NativeNode& node, hid_t loc, const std::string& name) {
  htri_t found = H5Aexists(loc, name.c_str());
  if (found > 0 && H5Adelete(loc, name.c_str()) >= 0) return true;
  if (found == 0) return true;
  ThrowH5Error(env, "replace attribute " + name + " of", node.Where(""));
  return false;
}

// Creates the attribute and writes `buf`, unless it is null (an attribute with a NULL dataspace
// holds nothing); the name's character set follows Utf8Name.
void CreateAndWrite(Napi::Env env, const NativeNode& node, const ObjState& obj, const std::string& name,
                    hid_t ftype, hid_t mtype, hid_t space, const void* buf) {
  hid_t loc = obj.id;
  Hid acpl;
  if (Utf8Name(*obj.file, name, NameUse::Attribute)) {
    acpl.reset(H5Pcreate(H5P_ATTRIBUTE_CREATE));
    H5Pset_char_encoding(acpl.get(), H5T_CSET_UTF8);
  }
  Hid attr(H5Acreate2(loc, name.c_str(), ftype, space, acpl.orDefault(), H5P_DEFAULT));
  if (!attr.ok()) {
    ThrowH5Error(env, "create attribute " + name + " of", node.Where(""));
    return;
  }
  if (buf == nullptr) return;
  if (H5Awrite(attr.get(), mtype, buf) < 0) ThrowH5Error(env, "write attribute " + name + " of", node.Where(""));
}

}  // namespace

// Writes one string attribute (deleting an existing one first); false with a pending exception.
bool NativeNode::WriteStringAttr(Napi::Env env, const std::string& name, const std::string& value, bool vlen,
                                 H5T_cset_t cset, bool emptyAsNull) {
  bool asNull = value.empty() && emptyAsNull;
  if (!RemoveIfPresent(env, *this, state_->id, name)) return false;

  AttrShapes& shapes = Data(env)->attrShapes;
  // PyTables' layout: size = byte length (min 1), NULLTERM, no terminator stored.
  Hid uncached;
  hid_t type = shapes.stringType(cset, vlen, value.empty() ? 1 : value.size(), &uncached);
  const char* text = value.c_str();
  const void* buf = asNull ? nullptr : vlen ? static_cast<const void*>(&text) : static_cast<const void*>(text);
  CreateAndWrite(env, *this, *state_, name, type, type, shapes.space(asNull), buf);
  return !env.IsExceptionPending();
}

// attrWriteString(name, value, vlen, utf8, emptyAsNull)
Napi::Value NativeNode::AttrWriteString(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  std::string name, value;
  if (!CheckOpen(env) || !ToString(env, info[0], "name", &name) || !ToString(env, info[1], "value", &value))
    return env.Undefined();
  H5T_cset_t cset = info[3].ToBoolean().Value() ? H5T_CSET_UTF8 : H5T_CSET_ASCII;
  WriteStringAttr(env, name, value, info[2].ToBoolean().Value(), cset, info[4].ToBoolean().Value());
  return env.Undefined();
}

// attrWriteStrings(names[], values[], vlen, utf8, emptyAsNull): the same for several attributes in
// order, one crossing for a node's whole set; stops at the first failure.
Napi::Value NativeNode::AttrWriteStrings(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  if (!info[0].IsArray() || !info[1].IsArray() ||
      info[0].As<Napi::Array>().Length() != info[1].As<Napi::Array>().Length()) {
    ThrowArgumentError(env, "names and values must be arrays of the same length");
    return env.Undefined();
  }
  Napi::Array names = info[0].As<Napi::Array>(), values = info[1].As<Napi::Array>();
  bool vlen = info[2].ToBoolean().Value(), emptyAsNull = info[4].ToBoolean().Value();
  H5T_cset_t cset = info[3].ToBoolean().Value() ? H5T_CSET_UTF8 : H5T_CSET_ASCII;
  std::string name, value;
  for (uint32_t i = 0; i < names.Length(); i++) {
    if (!ToString(env, names.Get(i), "name", &name) || !ToString(env, values.Get(i), "value", &value) ||
        !WriteStringAttr(env, name, value, vlen, cset, emptyAsNull))
      break;
  }
  return env.Undefined();
}

// attrWriteNumeric(name, dtype, typedArray, scalar, boolAsEnum)
Napi::Value NativeNode::AttrWriteNumeric(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  std::string name, dtype;
  if (!CheckOpen(env) || !ToString(env, info[0], "name", &name) || !ToString(env, info[1], "dtype", &dtype))
    return env.Undefined();
  Dt dt;
  if (!ParseDtype(dtype, &dt) || dt == Dt::Complex64 || dt == Dt::Complex128) {
    ThrowArgumentError(env, "options.dtype: unsupported attribute dtype '" + dtype + "'");
    return env.Undefined();
  }
  ArrayView view;
  if (!ToTypedArray(env, info[2], "value", DtypeArrayType(dt), dtype.c_str(), &view)) return env.Undefined();
  size_t n = view.bytes / DtypeSize(dt);
  bool scalar = info[3].ToBoolean().Value();
  if (scalar ? n != 1 : n == 0) {
    ThrowArgumentError(env, scalar ? "value: a scalar needs exactly one element"
                                   : "value: an attribute array needs at least one element");
    return env.Undefined();
  }
  if (!RemoveIfPresent(env, *this, state_->id, name)) return env.Undefined();
  Hid ftype(CreateFileType(dt, info[4].ToBoolean().Value()));
  Hid mtype(CreateMemType(dt, ftype.get()));
  hsize_t dims[1] = {n};
  Hid array(scalar ? -1 : H5Screate_simple(1, dims, nullptr));
  hid_t space = scalar ? Data(env)->attrShapes.space(false) : array.get();
  CreateAndWrite(env, *this, *state_, name, ftype.get(), mtype.get(), space, view.data);
  return env.Undefined();
}

Napi::Value NativeNode::AttrDelete(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  std::string name;
  if (!CheckOpen(env) || !ToString(env, info[0], "name", &name)) return env.Undefined();
  if (H5Adelete(state_->id, name.c_str()) < 0) ThrowH5Error(env, "delete attribute " + name + " of", Where(""));
  return env.Undefined();
}

}  // namespace h5l
