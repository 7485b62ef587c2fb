#include "async_file.hpp"

#include <hdf5.h>

#include <memory>
#include <mutex>
#include <unordered_set>

#include "addon_data.hpp"
#include "async_work.hpp"
#include "convert.hpp"
#include "file.hpp"
#include "file_driver.hpp"
#include "flush_marks.hpp"

namespace h5l {

// Files opened on the pool and not handed to JS yet. The environment cleanup hook closes them
// and turns later opens away (a worker thread's environment may end while an open runs).
struct OpenGate {
  std::mutex m;
  bool shutdown = false;
  std::unordered_set<hid_t> unclaimed;
};

namespace {

class OpenFileWork : public H5Work {
 public:
  OpenFileWork(Napi::Env env, bool create, std::string path, bool flag, bool hasCache, ChunkCache cache,
               NameCset nameCset, bool locking, std::shared_ptr<OpenGate> gate)
      : H5Work(env, create ? "h5lowlevel.createFile" : "h5lowlevel.openFile"),
        create_(create), path_(std::move(path)), flag_(flag), hasCache_(hasCache), cache_(cache),
        nameCset_(nameCset), locking_(locking), gate_(std::move(gate)) {}

 private:
  const char* operation() const { return create_ ? "create file" : "open file"; }

  void Run() override {
    std::lock_guard<std::mutex> lock(gate_->m);
    if (gate_->shutdown) return FailClosed("the environment of " + path_ + " has ended");
    Hid fapl(H5Pcreate(H5P_FILE_ACCESS));
    if (!fapl.ok() || SetFileDriver(fapl.get()) < 0) return Fail(Problem::H5(operation()), path_);
    if (hasCache_ && H5Pset_cache(fapl.get(), 0, cache_.slots, cache_.bytes, cache_.w0) < 0)
      return Fail(Problem::H5("set chunk cache"), "");
    if (!locking_ && H5Pset_file_locking(fapl.get(), false, true) < 0) return Fail(Problem::H5("disable file locking"), "");
    // The same creation and access as the synchronous createFile/openFile (file.cpp).
    fid_ = create_ ? H5Fcreate(path_.c_str(), flag_ ? H5F_ACC_TRUNC : H5F_ACC_EXCL, H5P_DEFAULT, fapl.get())
                   : H5Fopen(path_.c_str(), flag_ ? H5F_ACC_RDWR : H5F_ACC_RDONLY, fapl.get());
    if (fid_ < 0 || ((create_ || flag_) && !ReserveOrClose(fid_))) {
      fid_ = -1;
      return Fail(Problem::H5(operation()), path_);
    }
    gate_->unclaimed.insert(fid_);
  }

  void Finish() override {
    std::lock_guard<std::mutex> lock(gate_->m);
    gate_->unclaimed.erase(fid_);
  }

  Napi::Value Result(Napi::Env env) override {
    return NativeFile::Wrap(env, fid_, path_, create_ || flag_, nameCset_);
  }

  bool create_;
  std::string path_;
  bool flag_, hasCache_;
  ChunkCache cache_;
  NameCset nameCset_;
  bool locking_;
  std::shared_ptr<OpenGate> gate_;
  hid_t fid_ = -1;
};

// createFileAsync/openFileAsync(path, flag, cache | null, nameCset[, locking]): the arguments of
// createFile/openFile, a promise of the NativeFile.
Napi::Value OpenOrCreateAsync(const Napi::CallbackInfo& info, bool create) {
  Napi::Env env = info.Env();
  std::string path;
  NameCset nameCset;
  if (!ToString(env, info[0], "path", &path) || !ToNameCset(env, info[3], &nameCset)) return env.Undefined();
  ChunkCache cache;
  bool hasCache = !info[2].IsNull() && !info[2].IsUndefined();
  if (hasCache && !ToChunkCache(env, info[2], "access.chunkCache", &cache)) return env.Undefined();
  bool locking = create || info[4].IsUndefined() || info[4].ToBoolean().Value();
  auto* work = new OpenFileWork(env, create, path, info[1].ToBoolean().Value(), hasCache, cache,
                                nameCset, locking, Data(env)->openGate);
  return work->Start();
}

Napi::Value CreateFileAsync(const Napi::CallbackInfo& info) { return OpenOrCreateAsync(info, true); }
Napi::Value OpenFileAsync(const Napi::CallbackInfo& info) { return OpenOrCreateAsync(info, false); }

// flushAsync(), and the first half of closeAsync(): H5Fflush writes the chunk caches and the
// metadata out on the pool; closeAsync then releases the handles on the main thread, where only
// bookkeeping is left (FileState::close keeps the file's objects and the registry, which belong
// to the main thread). The freed memory is given back by a TrimWork the caller runs next. A close
// whose flush fails still releases the file, as close() does, and reports the flush's failure.
class FlushFileWork : public HandleWork {
 public:
  FlushFileWork(Napi::Env env, std::shared_ptr<FileState> file, bool close)
      : HandleWork(env, close ? "h5lowlevel.closeFile" : "h5lowlevel.flushFile", std::move(file), nullptr),
        close_(close) {
    closing_ = close;
  }

 private:
  void RunOpen() override {
    // A read-only file has nothing to write.
    if (!file_->writable) return;
    MarkFlushBegin(*file_);
    if (H5Fflush(file_->id, H5F_SCOPE_GLOBAL) < 0) {
      // The error stack is this pool thread's: taken now, reported once Finish has closed the file.
      if (close_) flushFailure_ = Problem::H5("close file");
      else Fail(Problem::H5("flush file"), file_->filename);
      return;
    }
    MarkFlushEnd(*file_);
  }

  void Finish() override {
    if (!close_) return;
    std::vector<ErrorFrame> frames;  // close() takes the first failure's stack itself
    herr_t status = file_->close(&frames, false);
    if (!flushFailure_.ok()) Fail(flushFailure_, file_->filename);
    else if (status < 0) Fail(Problem{Problem::Kind::H5, "close file", std::move(frames)}, file_->filename);
  }

  bool close_;
  Problem flushFailure_;
};

// trimMemoryAsync(): ReturnFreedMemory on the pool, the last step of closeAsync (file.ts).
class TrimWork : public H5Work {
 public:
  explicit TrimWork(Napi::Env env) : H5Work(env, "h5lowlevel.trimMemory") {}

 private:
  void Run() override { ReturnFreedMemory(); }
};

Napi::Value TrimMemoryAsync(const Napi::CallbackInfo& info) { return (new TrimWork(info.Env()))->Start(); }

}  // namespace

Napi::Value NativeFile::FlushAsync(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  return (new FlushFileWork(env, state_, false))->Start();
}

// closeAsync(): like close(), idempotent.
Napi::Value NativeFile::CloseAsync(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!state_ || !state_->isOpen()) {
    auto deferred = Napi::Promise::Deferred::New(env);
    deferred.Resolve(env.Undefined());
    return deferred.Promise();
  }
  return (new FlushFileWork(env, state_, true))->Start();
}

void InitAsyncFile(Napi::Env env, Napi::Object exports) {
  InstallExitGate();
  auto gate = std::make_shared<OpenGate>();
  Data(env)->openGate = gate;
  env.AddCleanupHook([gate]() {
    std::lock_guard<std::mutex> lock(gate->m);
    gate->shutdown = true;
    for (hid_t fid : gate->unclaimed) H5Fclose(fid);
    gate->unclaimed.clear();
  });
  exports.Set("createFileAsync", Napi::Function::New<CreateFileAsync>(env, "createFileAsync"));
  exports.Set("openFileAsync", Napi::Function::New<OpenFileAsync>(env, "openFileAsync"));
  exports.Set("trimMemoryAsync", Napi::Function::New<TrimMemoryAsync>(env, "trimMemoryAsync"));
}

}  // namespace h5l
