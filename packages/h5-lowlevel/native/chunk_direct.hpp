// Writes that cover whole chunks go from the caller's buffer straight into the file.
#pragma once

#include "handles.hpp"
#include "selection.hpp"
#include "transfer.hpp"

namespace h5l {

enum class DirectWrite { NotApplicable, Done, Failed };

// The rank of the dataset's chunks when whole chunks may be written as bytes (their dimensions in
// `chunkDims`), else 0: chunked layout, no filter, and a file type equal to the memory type.
int DirectRank(const ObjState& s, hsize_t* chunkDims);

// Writes the selection `sel` of `fspace` from `data` (C order, the selection's shape) chunk by
// chunk with H5Dwrite_chunk when `directRank` (from DirectRank) allows it and the selection
// covers whole chunks whose elements are contiguous in `data`. Rows left over at the end go
// through H5Dwrite with a memory space from `spaces`. May leave `fspace` with another selection.
// Failed leaves libhdf5's error stack to report.
DirectWrite WriteWholeChunks(const ObjState& s, int directRank, const hsize_t* chunkDims, hid_t fspace,
                             const Selection& sel, const void* data, size_t elemSize, MemSpaces& spaces);

}  // namespace h5l
