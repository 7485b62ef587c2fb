// Re-checks of the arguments the TypeScript layer already validated, and conversions from JS
// values. Each helper throws an H5ArgumentError naming the argument and returns false on failure.
#pragma once

#include <hdf5.h>
#include <napi.h>

#include <cstdint>
#include <string>
#include <vector>

namespace h5l {

// Dimensions, offsets or counts: safe non-negative integers (up to 2^53) as hsize_t.
struct Dims {
  hsize_t v[H5S_MAX_RANK];
  int n = 0;
  // Product of the dimensions; false when it does not fit in 64 bits.
  bool product(hsize_t* out) const {
    hsize_t p = 1;
    for (int i = 0; i < n; i++) {
      if (v[i] != 0 && p > UINT64_MAX / v[i]) return false;
      p *= v[i];
    }
    *out = p;
    return true;
  }
};

// An array of integers, or a Float64Array of them. `rank` < 0 accepts any length.
// `minusOneAsUnlimited` maps -1 to H5S_UNLIMITED (maxshape).
bool ToDims(Napi::Env env, Napi::Value value, const char* arg, int rank, Dims* out,
            bool minusOneAsUnlimited = false);
bool ToString(Napi::Env env, Napi::Value value, const char* arg, std::string* out);
bool ToCount(Napi::Env env, Napi::Value value, const char* arg, hsize_t* out);

// The other way: a list of names or texts as a JS array of strings.
Napi::Array ToStringArray(Napi::Env env, const std::vector<std::string>& items);

// A raw-data chunk cache given as [slots, bytes, w0].
struct ChunkCache {
  hsize_t slots = 0, bytes = 0;
  double w0 = 0;
};
bool ToChunkCache(Napi::Env env, Napi::Value value, const char* arg, ChunkCache* out);

struct ArrayView {
  void* data = nullptr;
  size_t bytes = 0;
  napi_typedarray_type type = napi_uint8_array;
};
// A TypedArray of exactly the `expected` kind.
// True when `bytes` holds exactly `n` elements of `size` bytes (no overflow on huge `n`).
inline bool HoldsExactly(size_t bytes, size_t size, hsize_t n) { return bytes % size == 0 && bytes / size == n; }

bool ToTypedArray(Napi::Env env, Napi::Value value, const char* arg, napi_typedarray_type expected,
                  const char* dtypeName, ArrayView* out);

}  // namespace h5l
