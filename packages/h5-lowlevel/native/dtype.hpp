// Element types: the dtype names of the JS API, their libhdf5 file and memory types, and the
// classification of any stored type (what h5py and PyTables write included).
#pragma once

#include <hdf5.h>
#include <node_api.h>

#include <string>

namespace h5l {

enum class Dt {
  Int8, UInt8, Int16, UInt16, Int32, UInt32, Int64, UInt64,
  Float32, Float64, Complex64, Complex128, Bool, None
};

// What a stored type is: `dt` for numeric types, otherwise Dt::None and `kind` says what it is
// ("vlen-uint8", "string", "vlen-string", "compound", "other").
struct TypeInfo {
  Dt dt = Dt::None;
  std::string kind = "other";
  // Strings only.
  bool vlenString = false;
  bool utf8 = false;
  size_t strSize = 0;
  H5T_str_t strPad = H5T_STR_NULLTERM;
};

bool ParseDtype(const std::string& name, Dt* out);
const char* DtypeName(Dt dt);
// Bytes per element in memory (complex64 = 8).
size_t DtypeSize(Dt dt);
// The TypedArray kind that carries the dtype.
napi_typedarray_type DtypeArrayType(Dt dt);
const char* ArrayTypeName(napi_typedarray_type t);

// New file type for a dtype (little-endian; bool as bitfield or h5py's int8 enum). Caller closes.
hid_t CreateFileType(Dt dt, bool boolAsEnum);
// New memory type to read/write `fileType` as `dt` (complex member names follow the file). Caller closes.
hid_t CreateMemType(Dt dt, hid_t fileType);
TypeInfo ClassifyType(hid_t type);

}  // namespace h5l
