// The dataspaces and string types of attribute writes, made once per environment and shared by
// every write: making and closing them for each attribute took ~1 us of a ~6 us write (measured
// in C on libhdf5 1.10). Sharing is safe because H5Acreate2 copies the type and the dataspace
// it is given, and H5Awrite only reads the memory type.
#pragma once

#include <hdf5.h>

#include <array>
#include <cstddef>

#include "handles.hpp"

namespace h5l {

class AttrShapes {
 public:
  // Longest fixed-length string type kept; longer values get a type of their own per write.
  static constexpr size_t kMaxCachedSize = 256;

  // H5S_SCALAR, or H5S_NULL when `null`; -1 when libhdf5 fails.
  hid_t space(bool null);

  // A C string type of `cset`: variable-length when `vlen`, else fixed-length of `size` bytes
  // with NULLTERM padding (PyTables' layout). Owned by the cache, or by `*uncached` for sizes
  // above kMaxCachedSize; -1 when libhdf5 fails.
  hid_t stringType(H5T_cset_t cset, bool vlen, size_t size, Hid* uncached);

 private:
  std::array<Hid, 2> spaces_;                                    // scalar, null
  std::array<Hid, 2> vlen_;                                      // by cset: ASCII, UTF-8
  std::array<std::array<Hid, kMaxCachedSize + 1>, 2> fixed_;     // by cset, then size
};

}  // namespace h5l
