#include "convert.hpp"

#include <cmath>

#include "dtype.hpp"
#include "errors.hpp"

namespace h5l {

namespace {
constexpr double kMaxSafe = 9007199254740991.0;  // 2^53 - 1

size_t ElementBytes(napi_typedarray_type t) {
  switch (t) {
    case napi_int16_array: case napi_uint16_array: return 2;
    case napi_int32_array: case napi_uint32_array: case napi_float32_array: return 4;
    case napi_float64_array: case napi_bigint64_array: case napi_biguint64_array: return 8;
    default: return 1;
  }
}

// `arg`, or `arg[index]` when index >= 0: built only on failure (selections are on the hot path).
std::string ArgName(const char* arg, int index) {
  return index < 0 ? std::string(arg) : std::string(arg) + "[" + std::to_string(index) + "]";
}

// A size held in a double: a non-negative safe integer (or -1 for unlimited, when allowed).
bool SizeOf(Napi::Env env, double d, const char* arg, int index, hsize_t* out, bool minusOneAsUnlimited) {
  if (minusOneAsUnlimited && d == -1) {
    *out = H5S_UNLIMITED;
    return true;
  }
  if (!(d >= 0) || d > kMaxSafe || std::floor(d) != d) {
    ThrowArgumentError(env, ArgName(arg, index) + " must be a non-negative safe integer");
    return false;
  }
  *out = static_cast<hsize_t>(d);
  return true;
}

bool ToSize(Napi::Env env, Napi::Value item, const char* arg, int index, hsize_t* out, bool minusOneAsUnlimited) {
  if (!item.IsNumber()) {
    ThrowArgumentError(env, ArgName(arg, index) + " must be a number");
    return false;
  }
  return SizeOf(env, item.As<Napi::Number>().DoubleValue(), arg, index, out, minusOneAsUnlimited);
}

// The elements of a Float64Array and their count in `*len`, or null when `value` is not one.
const double* Float64Elements(Napi::Env env, Napi::Value value, size_t* len) {
  if (!value.IsTypedArray()) return nullptr;
  napi_typedarray_type type;
  void* data = nullptr;
  if (napi_get_typedarray_info(env, value, &type, len, &data, nullptr, nullptr) != napi_ok) return nullptr;
  return type == napi_float64_array ? static_cast<const double*>(data) : nullptr;
}
}  // namespace

bool ToDims(Napi::Env env, Napi::Value value, const char* arg, int rank, Dims* out,
            bool minusOneAsUnlimited) {
  // A Float64Array is read in one call (the block writer's hot path); an array element by element.
  size_t len = 0;
  const double* elements = Float64Elements(env, value, &len);
  if (elements == nullptr && !value.IsArray()) {
    ThrowArgumentError(env, std::string(arg) + " must be an array of integers");
    return false;
  }
  if (elements == nullptr) len = value.As<Napi::Array>().Length();
  if (len > H5S_MAX_RANK || (rank >= 0 && len != static_cast<size_t>(rank))) {
    ThrowArgumentError(env, std::string(arg) + " has " + std::to_string(len) +
                                " dimensions, expected " + std::to_string(rank < 0 ? H5S_MAX_RANK : rank));
    return false;
  }
  out->n = static_cast<int>(len);
  for (uint32_t i = 0; i < len; i++) {
    bool ok = elements != nullptr
                  ? SizeOf(env, elements[i], arg, static_cast<int>(i), &out->v[i], minusOneAsUnlimited)
                  : ToSize(env, value.As<Napi::Array>().Get(i), arg, static_cast<int>(i), &out->v[i],
                           minusOneAsUnlimited);
    if (!ok) return false;
  }
  return true;
}

bool ToCount(Napi::Env env, Napi::Value value, const char* arg, hsize_t* out) {
  return ToSize(env, value, arg, -1, out, false);
}

bool ToChunkCache(Napi::Env env, Napi::Value value, const char* arg, ChunkCache* out) {
  std::string name(arg);
  if (!value.IsArray() || value.As<Napi::Array>().Length() != 3) {
    ThrowArgumentError(env, name + " must be [slots, bytes, w0]");
    return false;
  }
  Napi::Array c = value.As<Napi::Array>();
  if (!ToCount(env, c.Get(0u), (name + ".slots").c_str(), &out->slots) ||
      !ToCount(env, c.Get(1u), (name + ".bytes").c_str(), &out->bytes))
    return false;
  if (!c.Get(2u).IsNumber()) {
    ThrowArgumentError(env, name + ".w0 must be a number");
    return false;
  }
  out->w0 = c.Get(2u).As<Napi::Number>().DoubleValue();
  return true;
}

Napi::Array ToStringArray(Napi::Env env, const std::vector<std::string>& items) {
  Napi::Array out = Napi::Array::New(env, items.size());
  for (size_t i = 0; i < items.size(); i++) out.Set(static_cast<uint32_t>(i), items[i]);
  return out;
}

bool ToString(Napi::Env env, Napi::Value value, const char* arg, std::string* out) {
  if (!value.IsString()) {
    ThrowArgumentError(env, std::string(arg) + " must be a string");
    return false;
  }
  *out = value.As<Napi::String>().Utf8Value();
  if (out->find('\0') != std::string::npos) {
    ThrowArgumentError(env, std::string(arg) + " must not contain NUL characters");
    return false;
  }
  return true;
}

bool ToTypedArray(Napi::Env env, Napi::Value value, const char* arg, napi_typedarray_type expected,
                  const char* dtypeName, ArrayView* out) {
  if (!value.IsTypedArray()) {
    ThrowArgumentError(env, std::string(arg) + " must be a " + ArrayTypeName(expected) + " for dtype " +
                                dtypeName);
    return false;
  }
  napi_typedarray_type type;
  size_t length = 0;
  void* data = nullptr;
  // napi_get_typedarray_info gives the data pointer already offset; no handle for the buffer.
  if (napi_get_typedarray_info(env, value, &type, &length, &data, nullptr, nullptr) != napi_ok) {
    ThrowArgumentError(env, std::string(arg) + " could not be read as a TypedArray");
    return false;
  }
  if (type != expected) {
    ThrowArgumentError(env, std::string(arg) + " must be a " + ArrayTypeName(expected) + " for dtype " +
                                dtypeName + ", got " + ArrayTypeName(type));
    return false;
  }
  out->type = type;
  out->bytes = length * ElementBytes(type);
  out->data = data;
  return true;
}

}  // namespace h5l
