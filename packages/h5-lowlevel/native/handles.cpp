#include "handles.hpp"

#include <algorithm>
#include <vector>

namespace h5l {

void Hid::reset(hid_t id) {
  if (id_ >= 0) H5Idec_ref(id_);
  id_ = id;
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
    status = H5Oclose(id);
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

herr_t FileState::close() {
  if (id < 0) return 0;
  std::lock_guard<std::mutex> lock(ioMutex);
  for (ObjState* o : objects) o->close(false);
  objects.clear();
  herr_t status = H5Fclose(id);
  id = -1;
  registry->files.erase(this);
  return status;
}

}  // namespace h5l
