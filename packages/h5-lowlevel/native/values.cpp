#include "values.hpp"

#include <cstring>

namespace h5l {

Napi::Value NewTypedArray(Napi::Env env, Dt dt, size_t count, void** data) {
  size_t bytes = count * DtypeSize(dt);
  Napi::ArrayBuffer buffer = Napi::ArrayBuffer::New(env, bytes);
  size_t length = (dt == Dt::Complex64 || dt == Dt::Complex128) ? 2 * count : count;
  napi_value result;
  if (napi_create_typedarray(env, DtypeArrayType(dt), length, buffer, 0, &result) != napi_ok) return env.Undefined();
  *data = buffer.Data();
  return Napi::Value(env, result);
}

Napi::Value ScalarValue(Napi::Env env, Dt dt, const void* p) {
  switch (dt) {
    case Dt::Int8: return Napi::Number::New(env, *static_cast<const int8_t*>(p));
    case Dt::UInt8: return Napi::Number::New(env, *static_cast<const uint8_t*>(p));
    case Dt::Int16: return Napi::Number::New(env, *static_cast<const int16_t*>(p));
    case Dt::UInt16: return Napi::Number::New(env, *static_cast<const uint16_t*>(p));
    case Dt::Int32: return Napi::Number::New(env, *static_cast<const int32_t*>(p));
    case Dt::UInt32: return Napi::Number::New(env, *static_cast<const uint32_t*>(p));
    case Dt::Int64: return Napi::BigInt::New(env, *static_cast<const int64_t*>(p));
    case Dt::UInt64: return Napi::BigInt::New(env, *static_cast<const uint64_t*>(p));
    case Dt::Float32: return Napi::Number::New(env, *static_cast<const float*>(p));
    case Dt::Float64: return Napi::Number::New(env, *static_cast<const double*>(p));
    case Dt::Bool: return Napi::Boolean::New(env, *static_cast<const uint8_t*>(p) != 0);
    default: return env.Null();
  }
}

std::string FixedStringText(const char* bytes, size_t size, H5T_str_t pad) {
  size_t len = size;
  if (pad == H5T_STR_NULLTERM) {
    // PyTables stores no terminator when the size equals the text length: stop at the first NUL.
    const void* nul = std::memchr(bytes, 0, size);
    if (nul) len = static_cast<size_t>(static_cast<const char*>(nul) - bytes);
  } else {
    while (len > 0 && (bytes[len - 1] == '\0' || (pad == H5T_STR_SPACEPAD && bytes[len - 1] == ' '))) len--;
  }
  return std::string(bytes, len);
}

}  // namespace h5l
