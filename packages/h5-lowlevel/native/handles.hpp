// Ownership of libhdf5 identifiers. A FileState owns every object opened through it: closing the
// file closes its objects first. The JS wrappers (NativeFile, NativeNode) hold shared pointers, so
// explicit close(), the GC finalizer and the environment cleanup hook all reach the same close path.
#pragma once

#include <hdf5.h>

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_set>
#include <vector>

#include "dtype.hpp"
#include "errors.hpp"

namespace h5l {

// Closes an identifier we own when it goes out of scope (never wrap predefined types).
class Hid {
 public:
  explicit Hid(hid_t id = -1) : id_(id) {}
  ~Hid() { reset(); }
  Hid(const Hid&) = delete;
  Hid& operator=(const Hid&) = delete;
  Hid(Hid&& other) noexcept : id_(other.release()) {}
  hid_t get() const { return id_; }
  bool ok() const { return id_ >= 0; }
  // For optional property lists: the list when one was created, else H5P_DEFAULT.
  hid_t orDefault() const { return id_ >= 0 ? id_ : H5P_DEFAULT; }
  hid_t release() {
    hid_t id = id_;
    id_ = -1;
    return id;
  }
  void reset(hid_t id = -1);

 private:
  hid_t id_;
};

struct FileState;

// Per-environment set of open files, closed by the environment cleanup hook (worker end) or,
// for the environments still alive when the process exits (process.exit(), uncaught exception,
// where Node runs no cleanup hook), by a process exit handler.
struct Registry {
  std::unordered_set<FileState*> files;
  Registry();
  ~Registry();
  Registry(const Registry&) = delete;
  Registry& operator=(const Registry&) = delete;
  void closeAll();
};

// A group or dataset opened through a file. For datasets, the element description and the
// memory type are resolved once at open so that the I/O calls do no type work.
struct ObjState {
  hid_t id = -1;
  H5I_type_t type = H5I_BADID;
  std::string path;
  TypeInfo elem;      // datasets only
  hid_t memType = -1; // datasets only: owned
  // Last memory dataspace used for I/O, reused while the selection shape repeats (appends of the
  // same batch size, scan points of one shape): saves two libhdf5 calls per transfer.
  hid_t memSpace = -1;
  int memSpaceRank = 0;
  hsize_t memSpaceDims[H5S_MAX_RANK] = {0};
  // Whole-chunk writes (chunk_direct.cpp): -1 until the first write asks, 0 when the dataset
  // cannot take them, else the rank of its chunks, whose dimensions are `chunkDims`.
  int directRank = -1;
  hsize_t chunkDims[H5S_MAX_RANK] = {0};
  // Reads (transfer.cpp): -1 until the first read asks, then 1 when libhdf5 may leave elements
  // of the buffer unwritten (no fill value to write), else 0. Asked once: the creation property
  // list of an open dataset does not change, and asking costs more than a small read.
  mutable int leavesUnwritten = -1;
  std::shared_ptr<FileState> file;

  ObjState(hid_t objectId, std::shared_ptr<FileState> owner);
  ~ObjState();
  bool isOpen() const { return id >= 0; }
  // A memory dataspace of shape `dims` (rank `rank` >= 1), owned by this object: do not close.
  // Giving the memory the selection's own shape (not 1-d) keeps libhdf5 1.10 on its fast path:
  // with a 1-d memory space it maps n-d chunks element by element (H5S_select_iterate).
  hid_t MemSpace(int rank, const hsize_t* dims);
  // Releases the libhdf5 handles; `detach` also removes this object from its file's set.
  herr_t close(bool detach);
};

// Which character set names are marked with (H5File option nameCset).
enum class NameCset {
  Auto,   // UTF-8 when a name has a byte above 0x7f, else ASCII
  Ascii,  // always ASCII, whatever the bytes (PyTables)
  H5py,   // h5py 3's calls: UTF-8 for non-ASCII group and soft/external link names only
};

struct FileState {
  hid_t id = -1;
  std::string filename;
  bool writable = false;
  NameCset nameCset = NameCset::Auto;
  std::unordered_set<ObjState*> objects;
  std::shared_ptr<Registry> registry;
  // Held by asynchronous work while it runs on the pool (async_work.hpp) and by every close of
  // the file or of one of its objects: closing waits for running work, and work that starts
  // later finds the handle closed. Identifiers change only under it (or with no work pending).
  std::mutex ioMutex;
  // Flush marks for readers in other processes (flush_marks.hpp): the descriptor holding the
  // mark's lock (-1: not marked), its session and its current length.
  int flushMarkFd = -1;
  uint32_t flushMarkSession = 0;
  int64_t flushMarkLength = 0;

  FileState(hid_t fileId, std::string name, bool rw, std::shared_ptr<Registry> reg);
  ~FileState();
  bool isOpen() const { return id >= 0; }
  // Closes every object opened through this file, then the file, even when one of them fails
  // (a dataset's last flush on a full disk): nothing stays registered in libhdf5 for its
  // library shutdown to close again. Returns the first failure; when `firstFrames` is given it
  // receives that failure's libhdf5 error stack. Idempotent. Unless `trimMemory` is false (the
  // caller then calls ReturnFreedMemory itself, elsewhere), the memory freed is given back.
  herr_t close(std::vector<ErrorFrame>* firstFrames = nullptr, bool trimMemory = true);
};

// Gives the memory a closed file's caches were freed in back to the system (glibc keeps freed
// large blocks in its heaps). Takes milliseconds after a large read: closeAsync runs it on the pool.
void ReturnFreedMemory();

}  // namespace h5l
