// Writes that cover whole chunks go from the caller's buffer straight into the file.
#pragma once

#include "handles.hpp"
#include "selection.hpp"

namespace h5l {

enum class DirectWrite { NotApplicable, Done, Failed };

// Writes the selection `sel` of `fspace` from `data` (C order, the selection's shape) chunk by
// chunk with H5Dwrite_chunk when the dataset is chunked without filters, its file type is the
// memory type, and the selection covers whole chunks whose elements are contiguous in `data`.
// Rows left over at the end go through H5Dwrite. May leave `fspace` with another selection.
// Failed leaves libhdf5's error stack to report.
DirectWrite WriteWholeChunks(ObjState& s, hid_t fspace, const Selection& sel, const void* data, size_t elemSize);

}  // namespace h5l
