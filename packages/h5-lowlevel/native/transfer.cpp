#include "transfer.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstring>

#include "chunk_direct.hpp"

namespace h5l {

namespace {

// Reads of at least this many bytes prefault their target first (see Prefault).
constexpr size_t kPrefaultBytes = size_t{1} << 20;
// Transparent huge pages are 2 MiB on x86-64 and arm64 (with 4 KiB base pages).
constexpr uintptr_t kHugePage = uintptr_t{1} << 21;

// A new TypedArray's pages are mapped on first touch, one fault at a time inside libhdf5's
// copies: 4096 faults for a 16 MB read. Asking the kernel for all of them in one call is
// cheaper, and cheaper still when the 2 MiB-aligned part of the target may take huge pages
// (one fault per 2 MiB). In C, 16 MB into new memory: touched page by page 10.0 ms, populated
// 8.1 ms, populated with huge pages 3.0 ms. Best effort: kernels before 5.14 refuse the
// populate and the reads fault as before; with huge pages off (THP "never") the hint does
// nothing. Only whole huge pages inside the target are advised, so no memory is added.
//
// Only a transfer on the calling thread populates (`populate`). The populate holds the
// process's mmap lock while it zeroes the pages, and every mmap, munmap and brk of another
// thread waits for it: on the pool, the JS thread's (V8 growing its heap, malloc its arena)
// stood still as long, 1 to 3 s for a 512 MiB target on a machine whose cores were taken (and
// up to 40 ms per 2 MiB piece when populated piece by piece). The page faults of the copy
// itself take only the lock of the target's own mapping (kernels since 6.4), so the pool's
// reads fault in the copy, one fault per huge page: 512 MiB in C, 200-230 ms against 155-180
// ms populated.
void Prefault(void* data, size_t bytes, bool populate) {
#ifdef MADV_POPULATE_WRITE
  if (bytes < kPrefaultBytes) return;
  uintptr_t first = reinterpret_cast<uintptr_t>(data), last = first + bytes;
  uintptr_t hugeBegin = (first + kHugePage - 1) & ~(kHugePage - 1), hugeEnd = last & ~(kHugePage - 1);
  if (hugeEnd > hugeBegin) madvise(reinterpret_cast<void*>(hugeBegin), hugeEnd - hugeBegin, MADV_HUGEPAGE);
  if (!populate) return;
  static const uintptr_t page = static_cast<uintptr_t>(sysconf(_SC_PAGESIZE));
  uintptr_t begin = (first + page - 1) & ~(page - 1), end = last & ~(page - 1);
  if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_POPULATE_WRITE);
#else
  (void)data;
  (void)bytes;
  (void)populate;
#endif
}

// Whether libhdf5 may leave part of a read's buffer as it was. Where a dataset has no data
// (storage never allocated, a chunk never written) libhdf5 writes its fill value into the
// buffer, unless the fill time is "never" or no fill value is defined: then it skips those
// elements (h5py reads them as whatever its new buffer held). Such elements are zeroed here,
// as a new TypedArray would be: a buffer allocated without zeroing would otherwise hand out
// memory the process freed, and a reused one its previous content. Unknown counts as may.
bool AskLeavesUnwritten(hid_t dataset) {
  Hid dcpl(H5Dget_create_plist(dataset));
  H5D_fill_time_t time = H5D_FILL_TIME_NEVER;
  H5D_fill_value_t defined = H5D_FILL_VALUE_UNDEFINED;
  if (!dcpl.ok() || H5Pget_fill_time(dcpl.get(), &time) < 0 || H5Pfill_value_defined(dcpl.get(), &defined) < 0) {
    H5Eclear2(H5E_DEFAULT);
    return true;
  }
  return time == H5D_FILL_TIME_NEVER || defined == H5D_FILL_VALUE_UNDEFINED;
}

bool MayLeaveUnwritten(const ObjState& s) {
  if (s.leavesUnwritten < 0) s.leavesUnwritten = AskLeavesUnwritten(s.id) ? 1 : 0;
  return s.leavesUnwritten == 1;
}

}  // namespace

OwnMemSpaces::~OwnMemSpaces() {
  if (space_ >= 0) H5Sclose(space_);
}

// A transfer asks once (for the selection, or for the rows a whole-chunk write leaves over), so
// nothing is worth caching here.
hid_t OwnMemSpaces::Get(int rank, const hsize_t* dims) {
  if (space_ >= 0) H5Sclose(space_);
  space_ = H5Screate_simple(rank, dims, nullptr);
  return space_;
}

std::string DatasetWhere(const ObjState& s) { return "'" + s.path + "' in " + s.file->filename; }

Problem TransferElements(const ObjState& s, IoContext& io, bool write, void* data, size_t bytes, hid_t fspace,
                         const Selection& sel) {
  const size_t elemSize = DtypeSize(s.elem.dt);
  if (!HoldsExactly(bytes, elemSize, sel.n)) {
    return Problem::Argument(std::string(write ? "data" : "target") + " holds " + std::to_string(bytes / elemSize) +
                             " " + DtypeName(s.elem.dt) + " elements, the selection has " + std::to_string(sel.n));
  }
  if (sel.n == 0) return {};
  if (write && *io.directRank < 0) *io.directRank = DirectRank(s, io.chunkDims);
  DirectWrite direct = write ? WriteWholeChunks(s, *io.directRank, io.chunkDims, fspace, sel, data, elemSize, *io.spaces)
                             : DirectWrite::NotApplicable;
  herr_t status = 0;
  if (direct == DirectWrite::Failed) {
    status = -1;
  } else if (direct == DirectWrite::NotApplicable) {
    // The memory space has the selection's shape, never a flattened 1-d one: libhdf5 1.10 maps
    // n-d chunks element by element otherwise (20 frames 1024x1024: 3.5 s instead of 0.5 s).
    hid_t mspace = sel.shape.n == 0 ? H5S_ALL : io.spaces->Get(sel.shape.n, sel.shape.v);
    if (!write) {
      Prefault(data, bytes, io.populate);
      if (MayLeaveUnwritten(s)) std::memset(data, 0, bytes);
    }
    status = mspace < 0 ? -1
             : write    ? H5Dwrite(s.id, s.memType, mspace, fspace, H5P_DEFAULT, data)
                        : H5Dread(s.id, s.memType, mspace, fspace, H5P_DEFAULT, data);
  }
  if (status < 0) return Problem::H5(write ? "write dataset" : "read dataset");
  return {};
}

Problem TransferSelection(const ObjState& s, IoContext& io, bool write, void* data, size_t bytes,
                          const SelectionArgs& args) {
  Hid fspace(H5Dget_space(s.id));
  if (!fspace.ok()) return Problem::H5(write ? "write dataset" : "read dataset");
  Selection sel;
  Problem problem = ApplySelection(fspace.get(), args, &sel);
  return problem.ok() ? TransferElements(s, io, write, data, bytes, fspace.get(), sel) : problem;
}

Problem AppendRows(const ObjState& s, IoContext& io, const void* data, size_t bytes, hsize_t rows) {
  hsize_t maxdims[H5S_MAX_RANK];
  Selection sel;
  hsize_t* dims = sel.extent.v;
  // The same dataspace object then takes the new extent and the selection.
  Hid fspace(H5Dget_space(s.id));
  int rank = fspace.ok() ? H5Sget_simple_extent_dims(fspace.get(), dims, maxdims) : -1;
  if (rank < 0) return Problem::H5("append to dataset");
  if (rank == 0) return Problem::Argument("cannot append to the scalar dataset " + DatasetWhere(s));
  Dims inner;
  inner.n = rank - 1;
  for (int i = 1; i < rank; i++) inner.v[i - 1] = dims[i];
  hsize_t rowElems = 0;
  const size_t elemSize = DtypeSize(s.elem.dt);
  bool fits = inner.product(&rowElems) && (rowElems == 0 || rows <= UINT64_MAX / rowElems);
  if (fits) sel.n = rows * rowElems;
  if (!fits || !HoldsExactly(bytes, elemSize, sel.n)) {
    return Problem::Argument("data holds " + std::to_string(bytes / elemSize) + " elements, " + std::to_string(rows) +
                             " rows of " + std::to_string(rowElems) + " do not match");
  }
  if (rows == 0) return {};
  sel.extent.n = sel.start.n = sel.shape.n = rank;
  for (int i = 0; i < rank; i++) {
    sel.start.v[i] = i == 0 ? dims[0] : 0;
    sel.shape.v[i] = i == 0 ? rows : dims[i];
  }
  dims[0] += rows;
  if (H5Dset_extent(s.id, dims) < 0) return Problem::H5("extend dataset");
  if (H5Sset_extent_simple(fspace.get(), rank, dims, maxdims) < 0 ||
      H5Sselect_hyperslab(fspace.get(), H5S_SELECT_SET, sel.start.v, nullptr, sel.shape.v, nullptr) < 0)
    return Problem::H5("append to dataset");
  // Writes leave the data untouched; the core takes one non-const pointer for both directions.
  return TransferElements(s, io, true, const_cast<void*>(data), bytes, fspace.get(), sel);
}

Problem AppendVlenRows(const ObjState& s, const hvl_t* items, hsize_t n) {
  if (n == 0) return {};
  hsize_t dims[1], start[1];
  {
    Hid space(H5Dget_space(s.id));
    if (!space.ok() || H5Sget_simple_extent_dims(space.get(), dims, nullptr) != 1) return Problem::H5("append to dataset");
  }
  start[0] = dims[0];
  dims[0] += n;
  if (H5Dset_extent(s.id, dims) < 0) return Problem::H5("extend dataset");
  Hid fspace(H5Dget_space(s.id));
  Hid mspace(H5Screate_simple(1, &n, nullptr));
  if (H5Sselect_hyperslab(fspace.get(), H5S_SELECT_SET, start, nullptr, &n, nullptr) < 0 ||
      H5Dwrite(s.id, s.memType, mspace.get(), fspace.get(), H5P_DEFAULT, items) < 0)
    return Problem::H5("append to dataset");
  return {};
}

}  // namespace h5l
