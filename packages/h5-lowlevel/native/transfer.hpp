// The libhdf5 side of dataset I/O (numeric, and vlen rows), without JS: the synchronous methods
// (dataset_io.cpp, vlen_ops.cpp) run it on the main thread, the asynchronous ones (async_dataset.cpp)
// on the libuv pool. It reads the
// dataset's state (identifier, memory type) but keeps what it caches in an IoContext, since the
// ObjState's own caches belong to the main thread.
#pragma once

#include "errors.hpp"
#include "handles.hpp"
#include "selection.hpp"

namespace h5l {

// Memory dataspaces of a given shape.
class MemSpaces {
 public:
  virtual ~MemSpaces() = default;
  // A dataspace of shape `dims` (rank >= 1), owned by this object: do not close. < 0 on failure.
  virtual hid_t Get(int rank, const hsize_t* dims) = 0;
};

// The dataset's cached memory space (ObjState::MemSpace): main thread only.
class CachedMemSpaces : public MemSpaces {
 public:
  explicit CachedMemSpaces(ObjState& s) : s_(s) {}
  hid_t Get(int rank, const hsize_t* dims) override { return s_.MemSpace(rank, dims); }

 private:
  ObjState& s_;
};

// A memory space of its own, closed with this object: for work on the pool.
class OwnMemSpaces : public MemSpaces {
 public:
  OwnMemSpaces() = default;
  OwnMemSpaces(const OwnMemSpaces&) = delete;
  OwnMemSpaces& operator=(const OwnMemSpaces&) = delete;
  ~OwnMemSpaces() override;
  hid_t Get(int rank, const hsize_t* dims) override;

 private:
  hid_t space_ = -1;
};

// What a transfer may cache: the whole-chunk write geometry of the dataset (chunk_direct.hpp;
// `*directRank` -1 until resolved) and the memory spaces to use; and whether a read populates its
// target's pages up front (on the calling thread only: see transfer.cpp, Prefault).
struct IoContext {
  int* directRank;
  hsize_t* chunkDims;
  MemSpaces* spaces;
  bool populate;
};

// Moves the elements selected in `fspace` (described by `sel`) between dataset `s` and `data`
// (`bytes` long), which holds them in C order as an array of the selection's shape.
Problem TransferElements(const ObjState& s, IoContext& io, bool write, void* data, size_t bytes, hid_t fspace,
                         const Selection& sel);

// Reads the dataset's extent, checks and selects `args` in it, then transfers as above.
Problem TransferSelection(const ObjState& s, IoContext& io, bool write, void* data, size_t bytes,
                          const SelectionArgs& args);

// Grows axis 0 of dataset `s` by `rows` and writes `data` (`bytes` long: rows x the other axes) there.
// The extent is read every time (another handle may have resized the dataset).
Problem AppendRows(const ObjState& s, IoContext& io, const void* data, size_t bytes, hsize_t rows);

// Appends `n` rows to the 1-d vlen dataset `s`: `items` point into the callers' arrays (no copy).
Problem AppendVlenRows(const ObjState& s, const hvl_t* items, hsize_t n);

// "'<path>' in <file>": how messages name a dataset.
std::string DatasetWhere(const ObjState& s);

}  // namespace h5l
