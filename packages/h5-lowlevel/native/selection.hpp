// Hyperslab selections from JS arrays, bounds-checked against the dataspace before libhdf5 sees them.
#pragma once

#include <hdf5.h>
#include <napi.h>

#include "convert.hpp"

namespace h5l {

// A validated selection of a dataspace: all of it, or one block per axis.
struct Selection {
  Dims extent;            // the dataspace's dimensions
  Dims start;             // hyperslabs only
  Dims shape;             // the count per axis; rank 0 when everything is selected
  bool strided = false;   // a stride other than 1 on some axis
  hsize_t n = 0;          // selected elements
};

// Selects start/count/stride in `space` (all of it when `start` is undefined or null) and
// describes the selection in `*sel`. Throws H5ArgumentError and returns false when invalid.
bool SelectHyperslab(Napi::Env env, hid_t space, Napi::Value start, Napi::Value count, Napi::Value stride,
                     Selection* sel);

}  // namespace h5l
