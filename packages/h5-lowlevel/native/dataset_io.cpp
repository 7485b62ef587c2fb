// Numeric dataset I/O of NativeNode: hyperslab read and write straight between libhdf5 and the
// caller's TypedArray (allocated on the JS side), resize, and append along the first axis.
#include "chunk_direct.hpp"
#include "convert.hpp"
#include "errors.hpp"
#include "node.hpp"
#include "selection.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>

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
void Prefault(void* data, size_t bytes) {
#ifdef MADV_POPULATE_WRITE
  if (bytes < kPrefaultBytes) return;
  uintptr_t first = reinterpret_cast<uintptr_t>(data), last = first + bytes;
  uintptr_t hugeBegin = (first + kHugePage - 1) & ~(kHugePage - 1), hugeEnd = last & ~(kHugePage - 1);
  if (hugeEnd > hugeBegin) madvise(reinterpret_cast<void*>(hugeBegin), hugeEnd - hugeBegin, MADV_HUGEPAGE);
  static const uintptr_t page = static_cast<uintptr_t>(sysconf(_SC_PAGESIZE));
  uintptr_t begin = (first + page - 1) & ~(page - 1), end = last & ~(page - 1);
  if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_POPULATE_WRITE);
#else
  (void)data;
  (void)bytes;
#endif
}

// Moves the elements selected in `fspace` (described by `sel`) between the dataset and `view`,
// which holds them in C order as an array of the selection's shape. `node` names the dataset in
// error messages (built only on failure: this is the hot path).
bool Transfer(Napi::Env env, const NativeNode& node, ObjState& s, bool write, const ArrayView& view,
              hid_t fspace, const Selection& sel) {
  const size_t elemSize = DtypeSize(s.elem.dt);
  if (!HoldsExactly(view.bytes, elemSize, sel.n)) {
    ThrowArgumentError(env, std::string(write ? "data" : "target") + " holds " +
                                std::to_string(view.bytes / elemSize) + " " + DtypeName(s.elem.dt) +
                                " elements, the selection has " + std::to_string(sel.n));
    return false;
  }
  if (sel.n == 0) return true;
  herr_t status = 0;
  DirectWrite direct = write ? WriteWholeChunks(s, fspace, sel, view.data, elemSize) : DirectWrite::NotApplicable;
  if (direct == DirectWrite::Failed) {
    status = -1;
  } else if (direct == DirectWrite::NotApplicable) {
    // The memory space has the selection's shape, never a flattened 1-d one: libhdf5 1.10 maps
    // n-d chunks element by element otherwise (20 frames 1024x1024: 3.5 s instead of 0.5 s).
    hid_t mspace = sel.shape.n == 0 ? H5S_ALL : s.MemSpace(sel.shape.n, sel.shape.v);
    if (!write) Prefault(view.data, view.bytes);
    status = write ? H5Dwrite(s.id, s.memType, mspace, fspace, H5P_DEFAULT, view.data)
                   : H5Dread(s.id, s.memType, mspace, fspace, H5P_DEFAULT, view.data);
  }
  if (status < 0) {
    ThrowH5Error(env, write ? "write dataset" : "read dataset", node.Where(""));
    return false;
  }
  return true;
}

}  // namespace

// read(target, start?, count?, stride?) and write(data, start?, count?, stride?)
static Napi::Value ReadOrWrite(Napi::Env env, const NativeNode& node, ObjState& s,
                               const Napi::CallbackInfo& info, bool write) {
  ArrayView view;
  const char* arg = write ? "data" : "target";
  if (!ToTypedArray(env, info[0], arg, DtypeArrayType(s.elem.dt), DtypeName(s.elem.dt), &view)) return env.Undefined();
  Hid fspace(H5Dget_space(s.id));
  if (!fspace.ok()) {
    ThrowH5Error(env, write ? "write dataset" : "read dataset", node.Where(""));
    return env.Undefined();
  }
  Selection sel;
  if (!SelectHyperslab(env, fspace.get(), info[1], info[2], info[3], &sel)) return env.Undefined();
  Transfer(env, node, s, write, view, fspace.get(), sel);
  return env.Undefined();
}

Napi::Value NativeNode::Read(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckDataset(env, true)) return env.Undefined();
  return ReadOrWrite(env, *this, *state_, info, false);
}

Napi::Value NativeNode::Write(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckDataset(env, true)) return env.Undefined();
  return ReadOrWrite(env, *this, *state_, info, true);
}

// resize(shape)
Napi::Value NativeNode::Resize(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckDataset(env, false)) return env.Undefined();
  Hid fspace(H5Dget_space(state_->id));
  Dims shape;
  if (!ToDims(env, info[0], "shape", H5Sget_simple_extent_ndims(fspace.get()), &shape)) return env.Undefined();
  if (H5Dset_extent(state_->id, shape.v) < 0) ThrowH5Error(env, "resize dataset", Where(""));
  return env.Undefined();
}

// append(data, rows): grows axis 0 by `rows` and writes `data` there. The logger hot path: no
// allocation besides two dataspaces, one extent change and one write.
Napi::Value NativeNode::Append(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckDataset(env, true)) return env.Undefined();
  ObjState& s = *state_;
  ArrayView view;
  hsize_t rows = 0;
  if (!ToTypedArray(env, info[0], "data", DtypeArrayType(s.elem.dt), DtypeName(s.elem.dt), &view) ||
      !ToCount(env, info[1], "rows", &rows))
    return env.Undefined();
  hsize_t maxdims[H5S_MAX_RANK];
  Selection sel;
  hsize_t* dims = sel.extent.v;
  // The current extent is read every time (another handle may have resized the dataset); the
  // same dataspace object then takes the new extent and the selection.
  Hid fspace(H5Dget_space(s.id));
  int rank = fspace.ok() ? H5Sget_simple_extent_dims(fspace.get(), dims, maxdims) : -1;
  if (rank < 1) {
    if (rank < 0) {
      ThrowH5Error(env, "append to dataset", Where(""));
    } else {
      ThrowArgumentError(env, "cannot append to the scalar dataset " + Where(""));
    }
    return env.Undefined();
  }
  Dims inner;
  inner.n = rank - 1;
  for (int i = 1; i < rank; i++) inner.v[i - 1] = dims[i];
  hsize_t rowElems = 0;
  bool fits = inner.product(&rowElems) && (rowElems == 0 || rows <= UINT64_MAX / rowElems);
  if (fits) sel.n = rows * rowElems;
  if (!fits || !HoldsExactly(view.bytes, DtypeSize(s.elem.dt), sel.n)) {
    ThrowArgumentError(env, "data holds " + std::to_string(view.bytes / DtypeSize(s.elem.dt)) + " elements, " +
                                std::to_string(rows) + " rows of " + std::to_string(rowElems) + " do not match");
    return env.Undefined();
  }
  if (rows == 0) return env.Undefined();
  sel.extent.n = sel.start.n = sel.shape.n = rank;
  for (int i = 0; i < rank; i++) {
    sel.start.v[i] = i == 0 ? dims[0] : 0;
    sel.shape.v[i] = i == 0 ? rows : dims[i];
  }
  dims[0] += rows;
  if (H5Dset_extent(s.id, dims) < 0) {
    ThrowH5Error(env, "extend dataset", Where(""));
    return env.Undefined();
  }
  if (H5Sset_extent_simple(fspace.get(), rank, dims, maxdims) < 0 ||
      H5Sselect_hyperslab(fspace.get(), H5S_SELECT_SET, sel.start.v, nullptr, sel.shape.v, nullptr) < 0) {
    ThrowH5Error(env, "append to dataset", Where(""));
    return env.Undefined();
  }
  Transfer(env, *this, s, true, view, fspace.get(), sel);
  return env.Undefined();
}

}  // namespace h5l
