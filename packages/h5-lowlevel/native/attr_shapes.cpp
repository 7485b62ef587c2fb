#include "attr_shapes.hpp"

namespace h5l {

namespace {

hid_t MakeStringType(H5T_cset_t cset, bool vlen, size_t size) {
  hid_t type = H5Tcopy(H5T_C_S1);
  if (type < 0) return -1;
  bool ok = H5Tset_cset(type, cset) >= 0 &&
            (vlen ? H5Tset_size(type, H5T_VARIABLE) >= 0
                  : H5Tset_size(type, size) >= 0 && H5Tset_strpad(type, H5T_STR_NULLTERM) >= 0);
  if (ok) return type;
  H5Tclose(type);
  return -1;
}

}  // namespace

hid_t AttrShapes::space(bool null) {
  Hid& slot = spaces_[null ? 1 : 0];
  if (!slot.ok()) slot.reset(H5Screate(null ? H5S_NULL : H5S_SCALAR));
  return slot.get();
}

hid_t AttrShapes::stringType(H5T_cset_t cset, bool vlen, size_t size, Hid* uncached) {
  size_t c = cset == H5T_CSET_UTF8 ? 1 : 0;
  if (vlen) {
    if (!vlen_[c].ok()) vlen_[c].reset(MakeStringType(cset, true, 0));
    return vlen_[c].get();
  }
  if (size > kMaxCachedSize) {
    uncached->reset(MakeStringType(cset, false, size));
    return uncached->get();
  }
  Hid& slot = fixed_[c][size];
  if (!slot.ok()) slot.reset(MakeStringType(cset, false, size));
  return slot.get();
}

}  // namespace h5l
