// The base of the asynchronous operations (async_file.cpp, async_dataset.cpp): a
// Napi::AsyncWorker whose libhdf5 calls run on the libuv pool and whose promise settles on the
// main thread with the same typed errors as the synchronous methods.
//
// Threading rules (see also FileState::ioMutex):
// - Arguments are read on the main thread when the call is made (no libhdf5 call there, so the
//   call never waits for libhdf5's global lock); everything else runs in Run() on the pool.
// - Run() reads only what stays fixed while a handle is open (identifiers, memory type, names)
//   and caches nothing in the handles: their caches belong to the main thread.
// - Work on a file holds the file's ioMutex while it runs, and finds the file or node closed if
//   close() came first; close() takes the same mutex, so it waits for running work.
// - At process exit, the exit gate waits for running work before libhdf5 shuts down.
#pragma once

#include <napi.h>

#include <memory>
#include <string>

#include "errors.hpp"
#include "handles.hpp"

namespace h5l {

class H5Work : public Napi::AsyncWorker {
 public:
  // Queues the work on the libuv pool and returns its promise.
  Napi::Promise Start();

 protected:
  H5Work(Napi::Env env, const char* name);

  // The libhdf5 part, on a pool thread. Records failures with Fail*.
  virtual void Run() = 0;
  // Main thread, after Run() succeeded: a last step there (may record a failure)...
  virtual void Finish() {}
  // ...and the value the promise resolves to.
  virtual Napi::Value Result(Napi::Env env) { return env.Undefined(); }

  // Records a problem (an argument message, or a libhdf5 failure with its error stack, reported
  // about `target`).
  void Fail(const Problem& problem, const std::string& target);
  void FailClosed(std::string message);
  bool failed() const { return kind_ != Kind::Ok; }

 private:
  void Execute() final;
  void OnOK() final;

  enum class Kind { Ok, H5, Argument, Closed, Exiting };
  Napi::Promise::Deferred deferred_;
  Kind kind_ = Kind::Ok;
  H5Failure h5_;
  std::string message_;
};

// Work on an open file, or on a group or dataset of it (`node` set): Run() is RunOpen() under
// the file's ioMutex, after checking that neither was closed.
class HandleWork : public H5Work {
 protected:
  HandleWork(Napi::Env env, const char* name, std::shared_ptr<FileState> file, std::shared_ptr<ObjState> node);
  virtual void RunOpen() = 0;
  // Set by work that closes the file: finding it closed already is then success, as close() is idempotent.
  bool closing_ = false;
  std::shared_ptr<FileState> file_;
  std::shared_ptr<ObjState> node_;

 private:
  void Run() final;
};

// Registers, once per process, the exit gate: an atexit handler (run before libhdf5's own, which
// was registered earlier) that waits for work running on the pool and keeps later work from
// starting, so that libhdf5 never shuts down under a pool thread.
void InstallExitGate();

}  // namespace h5l
