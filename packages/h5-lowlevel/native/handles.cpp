#include "handles.hpp"

#include "flush_marks.hpp"

#include <malloc.h>

#include <algorithm>
#include <cstdlib>
#include <mutex>
#include <vector>

#include "file_driver.hpp"

namespace h5l {

namespace {

// Datasets are closed with H5Dclose, which releases the identifier even when its final flush
// fails (disk full, write error). H5Oclose leaves a failed dataset registered with its shared
// state already freed, and libhdf5 then crashes closing it again at exit (H5_term_library).
herr_t CloseObject(hid_t id, H5I_type_t type) {
  switch (type) {
    case H5I_DATASET:
      return H5Dclose(id);
    case H5I_GROUP:
      return H5Gclose(id);
    default:
      return H5Oclose(id);
  }
}

}  // namespace

void Hid::reset(hid_t id) {
  if (id_ >= 0) H5Idec_ref(id_);
  id_ = id;
}

namespace {

// Every live registry, for the exit handler. Allocated once and never freed, so that it outlives
// the static destructors that run after exit handlers.
struct LiveRegistries {
  std::mutex mutex;
  std::unordered_set<Registry*> all;
};

LiveRegistries* Live() {
  static LiveRegistries* live = [] {
    auto* created = new LiveRegistries();
    std::atexit([] {
      LiveRegistries* l = Live();
      std::lock_guard<std::mutex> lock(l->mutex);
      for (Registry* r : l->all) r->closeAll();
    });
    return created;
  }();
  return live;
}

}  // namespace

Registry::Registry() {
  LiveRegistries* live = Live();
  std::lock_guard<std::mutex> lock(live->mutex);
  live->all.insert(this);
}

Registry::~Registry() {
  LiveRegistries* live = Live();
  std::lock_guard<std::mutex> lock(live->mutex);
  live->all.erase(this);
}

void Registry::closeAll() {
  // close() erases from `files`, so iterate over a copy.
  std::vector<FileState*> open(files.begin(), files.end());
  for (FileState* f : open) f->close();
  files.clear();
}

ObjState::ObjState(hid_t objectId, std::shared_ptr<FileState> owner)
    : id(objectId), type(H5Iget_type(objectId)), file(std::move(owner)) {
  file->objects.insert(this);
}

ObjState::~ObjState() { close(true); }

hid_t ObjState::MemSpace(int rank, const hsize_t* dims) {
  if (memSpace >= 0 && memSpaceRank == rank && std::equal(dims, dims + rank, memSpaceDims)) return memSpace;
  if (memSpace >= 0) H5Sclose(memSpace);
  memSpace = H5Screate_simple(rank, dims, nullptr);
  memSpaceRank = memSpace >= 0 ? rank : 0;
  std::copy(dims, dims + memSpaceRank, memSpaceDims);
  return memSpace;
}

herr_t ObjState::close(bool detach) {
  herr_t status = 0;
  if (memSpace >= 0) {
    H5Sclose(memSpace);
    memSpace = -1;
  }
  if (memType >= 0) {
    H5Tclose(memType);
    memType = -1;
  }
  if (id >= 0) {
    status = CloseObject(id, type);
    id = -1;
  }
  if (detach && file) file->objects.erase(this);
  return status;
}

FileState::FileState(hid_t fileId, std::string name, bool rw, std::shared_ptr<Registry> reg)
    : id(fileId), filename(std::move(name)), writable(rw), registry(std::move(reg)) {
  registry->files.insert(this);
}

FileState::~FileState() { close(); }

herr_t FileState::close(std::vector<ErrorFrame>* firstFrames, bool trimMemory) {
  if (id < 0) return 0;
  std::lock_guard<std::mutex> lock(ioMutex);
  herr_t status = 0;
  auto keep = [&](herr_t result) {
    if (result >= 0 || status < 0) return;
    status = result;
    if (firstFrames) *firstFrames = CaptureH5Failure("", "").frames;
  };
  MarkFlushBegin(*this);  // closing writes the last metadata
  std::string failure;
  int failedErrno = writable ? DiscardWritesAfterFailure(id, &failure) : 0;
  for (ObjState* o : objects) keep(o->close(false));
  objects.clear();
  keep(H5Fclose(id));
  id = -1;
  StopFlushMarks(*this);
  // The earlier write failure is the cause, whatever else the close reported after it (libhdf5
  // 1.10 can leave its metadata cache unable to flush again after a failed flush).
  if (failedErrno != 0) {
    ErrorFrame frame;
    frame.major = "Low-level I/O";
    frame.minor = "Write failed";
    frame.func = "H5Fclose";
    frame.message = failure;
    if (firstFrames && status >= 0) *firstFrames = {frame};
    else if (firstFrames) firstFrames->insert(firstFrames->begin(), frame);
    status = -1;
  }
  registry->files.erase(this);
  if (trimMemory) ReturnFreedMemory();
  return status;
}

void ReturnFreedMemory() {
#ifdef __GLIBC__
  // A file's caches are freed in large blocks that glibc keeps in its heap after close (with
  // files closed by the garbage collector, in batches: 310 MB kept for 8 MB in use after 3,000
  // dropped files). Giving them back keeps the resident size at what is in use.
  malloc_trim(0);
#endif
}

}  // namespace h5l
