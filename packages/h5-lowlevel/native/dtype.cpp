#include "dtype.hpp"

#include <cstring>

namespace h5l {

namespace {

struct DtEntry {
  Dt dt;
  const char* name;
  size_t size;
  napi_typedarray_type array;
};

const DtEntry kDtypes[] = {
    {Dt::Int8, "int8", 1, napi_int8_array},
    {Dt::UInt8, "uint8", 1, napi_uint8_array},
    {Dt::Int16, "int16", 2, napi_int16_array},
    {Dt::UInt16, "uint16", 2, napi_uint16_array},
    {Dt::Int32, "int32", 4, napi_int32_array},
    {Dt::UInt32, "uint32", 4, napi_uint32_array},
    {Dt::Int64, "int64", 8, napi_bigint64_array},
    {Dt::UInt64, "uint64", 8, napi_biguint64_array},
    {Dt::Float32, "float32", 4, napi_float32_array},
    {Dt::Float64, "float64", 8, napi_float64_array},
    {Dt::Complex64, "complex64", 8, napi_float32_array},
    {Dt::Complex128, "complex128", 16, napi_float64_array},
    {Dt::Bool, "bool", 1, napi_uint8_array},
};

const DtEntry* Find(Dt dt) {
  for (const DtEntry& e : kDtypes)
    if (e.dt == dt) return &e;
  return nullptr;
}

hid_t NativeScalar(Dt dt) {
  switch (dt) {
    case Dt::Int8: return H5T_NATIVE_INT8;
    case Dt::UInt8: return H5T_NATIVE_UINT8;
    case Dt::Int16: return H5T_NATIVE_INT16;
    case Dt::UInt16: return H5T_NATIVE_UINT16;
    case Dt::Int32: return H5T_NATIVE_INT32;
    case Dt::UInt32: return H5T_NATIVE_UINT32;
    case Dt::Int64: return H5T_NATIVE_INT64;
    case Dt::UInt64: return H5T_NATIVE_UINT64;
    case Dt::Float32: case Dt::Complex64: return H5T_NATIVE_FLOAT;
    case Dt::Float64: case Dt::Complex128: return H5T_NATIVE_DOUBLE;
    default: return -1;
  }
}

hid_t FileScalar(Dt dt) {
  switch (dt) {
    case Dt::Int8: return H5T_STD_I8LE;
    case Dt::UInt8: return H5T_STD_U8LE;
    case Dt::Int16: return H5T_STD_I16LE;
    case Dt::UInt16: return H5T_STD_U16LE;
    case Dt::Int32: return H5T_STD_I32LE;
    case Dt::UInt32: return H5T_STD_U32LE;
    case Dt::Int64: return H5T_STD_I64LE;
    case Dt::UInt64: return H5T_STD_U64LE;
    case Dt::Float32: case Dt::Complex64: return H5T_IEEE_F32LE;
    case Dt::Float64: case Dt::Complex128: return H5T_IEEE_F64LE;
    default: return -1;
  }
}

hid_t Complex(hid_t part, const char* re, const char* im) {
  size_t size = H5Tget_size(part);
  hid_t t = H5Tcreate(H5T_COMPOUND, 2 * size);
  H5Tinsert(t, re, 0, part);
  H5Tinsert(t, im, size, part);
  return t;
}

hid_t BoolEnum(hid_t base) {
  hid_t t = H5Tenum_create(base);
  int8_t no = 0, yes = 1;
  H5Tenum_insert(t, "FALSE", &no);
  H5Tenum_insert(t, "TRUE", &yes);
  return t;
}

bool MemberName(hid_t compound, unsigned idx, std::string* out) {
  char* name = H5Tget_member_name(compound, idx);
  if (name == nullptr) return false;
  *out = name;
  H5free_memory(name);
  return true;
}

Dt IntegerDt(size_t size, bool isSigned) {
  switch (size) {
    case 1: return isSigned ? Dt::Int8 : Dt::UInt8;
    case 2: return isSigned ? Dt::Int16 : Dt::UInt16;
    case 4: return isSigned ? Dt::Int32 : Dt::UInt32;
    case 8: return isSigned ? Dt::Int64 : Dt::UInt64;
    default: return Dt::None;
  }
}

// The value of an enum's member `idx` as a long long (enum bases are integers of 1 to 8 bytes).
bool MemberValue(hid_t enumType, unsigned idx, long long* out) {
  // H5Tconvert converts in place: the buffer holds the base's value, then the long long.
  alignas(long long) unsigned char raw[16] = {0};
  if (H5Tget_member_value(enumType, idx, raw) < 0) return false;
  hid_t base = H5Tget_super(enumType);
  if (base < 0) return false;
  bool ok = H5Tconvert(base, H5T_NATIVE_LLONG, 1, raw, nullptr, H5P_DEFAULT) >= 0;
  H5Tclose(base);
  if (ok) std::memcpy(out, raw, sizeof *out);
  return ok;
}

// h5py's bool: an enum with exactly the members FALSE=0 and TRUE=1, over any integer (h5py
// reads every such enum as bool; it writes int8).
bool IsBoolEnum(hid_t type) {
  if (H5Tget_nmembers(type) != 2) return false;
  for (unsigned i = 0; i < 2; i++) {
    std::string name;
    if (!MemberName(type, i, &name)) return false;
    long long value = -1;
    if (!MemberValue(type, i, &value)) return false;
    bool ok = (name == "FALSE" && value == 0) || (name == "TRUE" && value == 1);
    if (!ok) return false;
  }
  return true;
}

// Complex: a compound of two floats of the same size named r/i or real/imag (h5py, PyTables).
Dt ComplexDt(hid_t type) {
  if (H5Tget_nmembers(type) != 2) return Dt::None;
  std::string re, im;
  if (!MemberName(type, 0, &re) || !MemberName(type, 1, &im)) return Dt::None;
  bool named = (re == "r" && im == "i") || (re == "real" && im == "imag");
  if (!named) return Dt::None;
  size_t sizes[2];
  for (unsigned i = 0; i < 2; i++) {
    hid_t m = H5Tget_member_type(type, i);
    if (m < 0) return Dt::None;
    bool isFloat = H5Tget_class(m) == H5T_FLOAT;
    sizes[i] = H5Tget_size(m);
    H5Tclose(m);
    if (!isFloat) return Dt::None;
  }
  if (sizes[0] != sizes[1]) return Dt::None;
  if (sizes[0] == 4) return Dt::Complex64;
  if (sizes[0] == 8) return Dt::Complex128;
  return Dt::None;
}

void ClassifyString(hid_t type, TypeInfo* info) {
  htri_t vlen = H5Tis_variable_str(type);
  info->vlenString = vlen > 0;
  info->kind = info->vlenString ? "vlen-string" : "string";
  info->utf8 = H5Tget_cset(type) == H5T_CSET_UTF8;
  info->strSize = info->vlenString ? 0 : H5Tget_size(type);
  info->strPad = H5Tget_strpad(type);
}

}  // namespace

bool ParseDtype(const std::string& name, Dt* out) {
  for (const DtEntry& e : kDtypes) {
    if (name == e.name) {
      *out = e.dt;
      return true;
    }
  }
  return false;
}

const char* DtypeName(Dt dt) {
  const DtEntry* e = Find(dt);
  return e ? e->name : "none";
}

size_t DtypeSize(Dt dt) {
  const DtEntry* e = Find(dt);
  return e ? e->size : 0;
}

napi_typedarray_type DtypeArrayType(Dt dt) {
  const DtEntry* e = Find(dt);
  return e ? e->array : napi_uint8_array;
}

const char* ArrayTypeName(napi_typedarray_type t) {
  switch (t) {
    case napi_int8_array: return "Int8Array";
    case napi_uint8_array: return "Uint8Array";
    case napi_uint8_clamped_array: return "Uint8ClampedArray";
    case napi_int16_array: return "Int16Array";
    case napi_uint16_array: return "Uint16Array";
    case napi_int32_array: return "Int32Array";
    case napi_uint32_array: return "Uint32Array";
    case napi_float32_array: return "Float32Array";
    case napi_float64_array: return "Float64Array";
    case napi_bigint64_array: return "BigInt64Array";
    case napi_biguint64_array: return "BigUint64Array";
    default: return "TypedArray";
  }
}

hid_t CreateFileType(Dt dt, bool boolAsEnum) {
  switch (dt) {
    case Dt::Bool: return boolAsEnum ? BoolEnum(H5T_STD_I8LE) : H5Tcopy(H5T_STD_B8LE);
    case Dt::Complex64: case Dt::Complex128: return Complex(FileScalar(dt), "r", "i");
    case Dt::None: return -1;
    default: return H5Tcopy(FileScalar(dt));
  }
}

hid_t CreateMemType(Dt dt, hid_t fileType) {
  switch (dt) {
    case Dt::Bool:
      // One byte per element in memory. A 1-byte file type (bitfield or int8 enum) is read and
      // written as its own native type, so libhdf5 converts nothing; a wider enum converts
      // member by member to the int8 enum.
      if (H5Tget_class(fileType) == H5T_ENUM && H5Tget_size(fileType) != 1) return BoolEnum(H5T_NATIVE_INT8);
      return H5Tget_native_type(fileType, H5T_DIR_ASCEND);
    case Dt::Complex64: case Dt::Complex128: {
      std::string re = "r", im = "i";
      if (fileType >= 0 && H5Tget_class(fileType) == H5T_COMPOUND) {
        MemberName(fileType, 0, &re);
        MemberName(fileType, 1, &im);
      }
      return Complex(NativeScalar(dt), re.c_str(), im.c_str());
    }
    case Dt::None: return -1;
    default: return H5Tcopy(NativeScalar(dt));
  }
}

TypeInfo ClassifyType(hid_t type) {
  TypeInfo info;
  switch (H5Tget_class(type)) {
    case H5T_INTEGER:
      info.dt = IntegerDt(H5Tget_size(type), H5Tget_sign(type) == H5T_SGN_2);
      break;
    case H5T_FLOAT: {
      size_t size = H5Tget_size(type);
      info.dt = size == 4 ? Dt::Float32 : size == 8 ? Dt::Float64 : Dt::None;
      break;
    }
    case H5T_BITFIELD:
      if (H5Tget_size(type) == 1) info.dt = Dt::Bool;
      break;
    case H5T_ENUM:
      if (IsBoolEnum(type)) info.dt = Dt::Bool;
      break;
    case H5T_COMPOUND:
      info.dt = ComplexDt(type);
      if (info.dt == Dt::None) info.kind = "compound";
      break;
    case H5T_STRING:
      ClassifyString(type, &info);
      break;
    case H5T_VLEN: {
      hid_t base = H5Tget_super(type);
      if (base >= 0) {
        bool u8 = H5Tget_class(base) == H5T_INTEGER && H5Tget_size(base) == 1 &&
                  H5Tget_sign(base) == H5T_SGN_NONE;
        H5Tclose(base);
        if (u8) info.kind = "vlen-uint8";
      }
      break;
    }
    default:
      break;
  }
  if (info.dt != Dt::None) info.kind = DtypeName(info.dt);
  return info;
}

}  // namespace h5l
