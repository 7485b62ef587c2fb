// Building JS values from element buffers read by libhdf5 (attributes, datasets).
#pragma once

#include <napi.h>

#include <string>

#include "dtype.hpp"

namespace h5l {

// A new TypedArray of `count` elements of `dt` (JS-owned memory, never external).
Napi::Value NewTypedArray(Napi::Env env, Dt dt, size_t count, void** data);
// One element as a JS number, bigint (64-bit integers) or boolean.
Napi::Value ScalarValue(Napi::Env env, Dt dt, const void* data);
// The text of a fixed-length string element after the padding rule of its type.
std::string FixedStringText(const char* bytes, size_t size, H5T_str_t pad);

}  // namespace h5l
