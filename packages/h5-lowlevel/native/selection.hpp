// Hyperslab selections from JS arrays, bounds-checked against the dataspace before libhdf5 sees them.
// Reading the arrays needs the main thread; checking and selecting does not, so asynchronous
// work reads them first and checks them on the pool against the extent it finds there.
#pragma once

#include <hdf5.h>
#include <napi.h>

#include "convert.hpp"
#include "errors.hpp"

namespace h5l {

// A validated selection of a dataspace: all of it, or one block per axis.
struct Selection {
  Dims extent;            // the dataspace's dimensions
  Dims start;             // hyperslabs only
  Dims shape;             // the count per axis; rank 0 when everything is selected
  bool strided = false;   // a stride other than 1 on some axis
  hsize_t n = 0;          // selected elements
};

// start/count/stride as given, not yet checked against a dataspace.
struct SelectionArgs {
  bool all = true;  // no start given: the whole dataspace
  bool hasStride = false;
  Dims start, count, stride;
};

// Reads start/count/stride (all of the dataspace when `start` is undefined or null), of any rank:
// ApplySelection checks it against the extent. Throws H5ArgumentError and returns false when invalid.
bool ToSelectionArgs(Napi::Env env, Napi::Value start, Napi::Value count, Napi::Value stride, SelectionArgs* out);

// Checks `args` against the extent of `space`, selects it there and describes it in `*sel`. Any thread.
Problem ApplySelection(hid_t space, const SelectionArgs& args, Selection* sel);

// Both, on the main thread: throws and returns false when invalid.
bool SelectHyperslab(Napi::Env env, hid_t space, Napi::Value start, Napi::Value count, Napi::Value stride,
                     Selection* sel);

}  // namespace h5l
