// Re-checks of the arguments the TypeScript layer already validated, and conversions from JS
// values. Each helper throws an H5ArgumentError naming the argument and returns false on failure.
#pragma once

#include <hdf5.h>
#include <napi.h>

#include <string>

namespace h5l {

// Dimensions, offsets or counts: safe non-negative integers (up to 2^53) as hsize_t.
struct Dims {
  hsize_t v[H5S_MAX_RANK];
  int n = 0;
  hsize_t product() const {
    hsize_t p = 1;
    for (int i = 0; i < n; i++) p *= v[i];
    return p;
  }
};

// `rank` < 0 accepts any length. `minusOneAsUnlimited` maps -1 to H5S_UNLIMITED (maxshape).
bool ToDims(Napi::Env env, Napi::Value value, const char* arg, int rank, Dims* out,
            bool minusOneAsUnlimited = false);
bool ToString(Napi::Env env, Napi::Value value, const char* arg, std::string* out);
bool ToCount(Napi::Env env, Napi::Value value, const char* arg, hsize_t* out);

struct ArrayView {
  void* data = nullptr;
  size_t bytes = 0;
  napi_typedarray_type type = napi_uint8_array;
};
// A TypedArray of exactly the `expected` kind.
bool ToTypedArray(Napi::Env env, Napi::Value value, const char* arg, napi_typedarray_type expected,
                  const char* dtypeName, ArrayView* out);

}  // namespace h5l
