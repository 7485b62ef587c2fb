// Hyperslab selections from JS arrays, bounds-checked against the dataspace before libhdf5 sees them.
#pragma once

#include <hdf5.h>
#include <napi.h>

#include "convert.hpp"

namespace h5l {

// Selects start/count/stride in `space` (all of it when `start` is undefined or null) and sets
// `*n` to the number of selected elements and `*shape` to the selection's own shape (the count per
// axis; rank 0 when everything is selected). Throws H5ArgumentError and returns false when invalid.
bool SelectHyperslab(Napi::Env env, hid_t space, Napi::Value start, Napi::Value count, Napi::Value stride,
                     hsize_t* n, Dims* shape);

}  // namespace h5l
