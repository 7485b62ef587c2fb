#include "file.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>

#include "addon_data.hpp"
#include "convert.hpp"
#include "errors.hpp"
#include "node.hpp"

namespace h5l {

namespace {

// File access properties: the optional raw-data chunk cache [slots, bytes, w0].
hid_t AccessList(Napi::Env env, Napi::Value cache) {
  hid_t fapl = H5Pcreate(H5P_FILE_ACCESS);
  if (fapl < 0 || cache.IsNull() || cache.IsUndefined()) return fapl;
  ChunkCache c;
  if (!ToChunkCache(env, cache, "access.chunkCache", &c)) {
    H5Pclose(fapl);
    return -2;
  }
  if (H5Pset_cache(fapl, 0, c.slots, c.bytes, c.w0) < 0) {
    ThrowH5Error(env, "set chunk cache", "");
    H5Pclose(fapl);
    return -2;
  }
  return fapl;
}

// fileInUse(path): whether another open file description holds a flock on `path`, the lock
// libhdf5 takes on every file it opens (shared for readers, exclusive for writers). libhdf5
// 1.10 opens with O_TRUNC before it locks, so a truncating create must test the lock first or it
// empties a file another process is writing. The test opens without truncation and only tries
// the lock. A missing file, or a file system without flock, counts as not in use.
Napi::Value FileInUse(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  std::string path;
  if (!ToString(env, info[0], "path", &path)) return env.Undefined();
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Napi::Boolean::New(env, false);
  bool inUse = flock(fd, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK;
  ::close(fd);  // also releases the lock when it was taken
  return Napi::Boolean::New(env, inUse);
}

}  // namespace

void NativeFile::Init(Napi::Env env, Napi::Object exports) {
  Napi::Function ctor = DefineClass(env, "NativeFile",
                                    {
                                        InstanceMethod<&NativeFile::Close>("close"),
                                        InstanceMethod<&NativeFile::Flush>("flush"),
                                        InstanceMethod<&NativeFile::IsOpen>("isOpen"),
                                        InstanceMethod<&NativeFile::OpenRoot>("openRoot"),
                                        InstanceMethod<&NativeFile::FlushAsync>("flushAsync"),
                                        InstanceMethod<&NativeFile::CloseAsync>("closeAsync"),
                                    });
  Data(env)->fileCtor = Napi::Persistent(ctor);
  exports.Set("createFile", Napi::Function::New<&NativeFile::Create>(env, "createFile"));
  exports.Set("openFile", Napi::Function::New<&NativeFile::Open>(env, "openFile"));
  exports.Set("fileInUse", Napi::Function::New<FileInUse>(env, "fileInUse"));
}

// Native memory an open file holds in libhdf5 (metadata cache, raw-data chunk caches of its
// datasets): measured at about 2.5 MB per file with one chunked dataset. V8 sees only the small
// wrapper, so without this hint it collects files dropped without close() far too late (170
// open files, 440 MB, before the first collection in 3,000 dropped files).
constexpr int64_t kOpenFileMemory = 3 << 20;

NativeFile::NativeFile(const Napi::CallbackInfo& info) : Napi::ObjectWrap<NativeFile>(info) {
  state_ = std::move(Data(info.Env())->pendingFile);
  if (!state_) {
    ThrowArgumentError(info.Env(), "NativeFile is created by createFile() or openFile()");
    return;
  }
  Napi::MemoryManagement::AdjustExternalMemory(info.Env(), kOpenFileMemory);
  memoryHint_ = true;
}

void NativeFile::ReleaseMemoryHint(Napi::Env env) {
  if (!memoryHint_) return;
  memoryHint_ = false;
  Napi::MemoryManagement::AdjustExternalMemory(env, -kOpenFileMemory);
}

bool ToNameCset(Napi::Env env, Napi::Value value, NameCset* out) {
  std::string name;
  if (!ToString(env, value, "nameCset", &name)) return false;
  if (name == "auto") *out = NameCset::Auto;
  else if (name == "ascii") *out = NameCset::Ascii;
  else if (name == "h5py") *out = NameCset::H5py;
  else {
    ThrowArgumentError(env, "options.nameCset: must be \"auto\", \"ascii\" or \"h5py\"");
    return false;
  }
  return true;
}

Napi::Value NativeFile::Wrap(Napi::Env env, hid_t fid, const std::string& path, bool writable, NameCset nameCset) {
  AddonData* data = Data(env);
  data->pendingFile = std::make_shared<FileState>(fid, path, writable, data->registry);
  data->pendingFile->nameCset = nameCset;
  Napi::Value wrapper = data->fileCtor.New({});
  data->pendingFile.reset();  // closes the file if construction failed
  return wrapper;
}

// createFile(path, truncate, cache | null, nameCset) and openFile(path, readWrite, cache | null,
// nameCset): the flag selects truncate/exclusive creation or read-write/read-only opening.
Napi::Value NativeFile::OpenOrCreate(const Napi::CallbackInfo& info, bool create) {
  Napi::Env env = info.Env();
  const char* op = create ? "create file" : "open file";
  std::string path;
  NameCset nameCset;
  if (!ToString(env, info[0], "path", &path) || !ToNameCset(env, info[3], &nameCset)) return env.Undefined();
  Hid fapl(AccessList(env, info[2]));
  if (!fapl.ok()) {
    if (!env.IsExceptionPending()) ThrowH5Error(env, op, path);
    return env.Undefined();
  }
  bool flag = info[1].ToBoolean().Value();
  // Default creation properties: superblock v0 and symbol-table groups, as PyTables writes.
  hid_t fid = create ? H5Fcreate(path.c_str(), flag ? H5F_ACC_TRUNC : H5F_ACC_EXCL, H5P_DEFAULT, fapl.get())
                     : H5Fopen(path.c_str(), flag ? H5F_ACC_RDWR : H5F_ACC_RDONLY, fapl.get());
  if (fid < 0) {
    ThrowH5Error(env, op, path);
    return env.Undefined();
  }
  return Wrap(env, fid, path, create || flag, nameCset);
}

Napi::Value NativeFile::Create(const Napi::CallbackInfo& info) { return OpenOrCreate(info, true); }

Napi::Value NativeFile::Open(const Napi::CallbackInfo& info) { return OpenOrCreate(info, false); }

bool NativeFile::CheckOpen(Napi::Env env) {
  if (state_ && state_->isOpen()) return true;
  ThrowClosedError(env, "file " + (state_ ? state_->filename : std::string("?")) + " is closed");
  return false;
}

Napi::Value NativeFile::Close(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!state_ || !state_->isOpen()) return env.Undefined();
  std::vector<ErrorFrame> firstFrames;
  herr_t status = state_->close(&firstFrames);
  ReleaseMemoryHint(env);
  if (status < 0) ThrowProblem(env, Problem{Problem::Kind::H5, "close file", std::move(firstFrames)}, state_->filename);
  return env.Undefined();
}

Napi::Value NativeFile::Flush(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  if (H5Fflush(state_->id, H5F_SCOPE_GLOBAL) < 0) ThrowH5Error(env, "flush file", state_->filename);
  return env.Undefined();
}

Napi::Value NativeFile::IsOpen(const Napi::CallbackInfo& info) {
  return Napi::Boolean::New(info.Env(), state_ && state_->isOpen());
}

Napi::Value NativeFile::OpenRoot(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  hid_t gid = H5Gopen2(state_->id, "/", H5P_DEFAULT);
  if (gid < 0) {
    ThrowH5Error(env, "open group /", "in " + state_->filename);
    return env.Undefined();
  }
  return NativeNode::Wrap(env, gid, state_);
}

}  // namespace h5l
