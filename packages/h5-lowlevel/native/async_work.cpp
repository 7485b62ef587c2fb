#include "async_work.hpp"

#include <hdf5.h>

#include <pthread.h>

#include <cstdlib>
#include <mutex>

namespace h5l {

namespace {

// Work running on the pool, process-wide. Never destroyed: pool threads may still reach it while
// static objects are destroyed at exit. A POSIX mutex and condition rather than <mutex> and
// <condition_variable>: std::condition_variable::wait is versioned GLIBCXX_3.4.30 by GCC 12, and
// the prebuilt binary must load with the libstdc++ of older distributions (README).
struct ExitGate {
  pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
  pthread_cond_t idle = PTHREAD_COND_INITIALIZER;
  int running = 0;
  bool exiting = false;
};

// Holds the gate's mutex for a scope.
class GateLock {
 public:
  explicit GateLock(ExitGate& g) : g_(g) { pthread_mutex_lock(&g_.m); }
  ~GateLock() { pthread_mutex_unlock(&g_.m); }
  GateLock(const GateLock&) = delete;
  GateLock& operator=(const GateLock&) = delete;

 private:
  ExitGate& g_;
};

ExitGate& Gate() {
  static ExitGate* gate = new ExitGate();
  return *gate;
}

// False while the environment ends (process.exit() in a worker thread, worker.terminate()): work
// completing then cannot run JS, and node-addon-api ends the process on any call that needs it
// (without C++ exceptions it cannot report the failure otherwise). Reading a property of a new
// object needs JS and has no effect.
bool CanRunJs(napi_env env) {
  napi_value object, value;
  return napi_create_object(env, &object) == napi_ok && napi_get_named_property(env, object, "x", &value) == napi_ok;
}

void WaitAtExit() {
  ExitGate& g = Gate();
  GateLock lock(g);
  g.exiting = true;
  while (g.running != 0) pthread_cond_wait(&g.idle, &g.m);
}

}  // namespace

void InstallExitGate() {
  static std::once_flag once;
  std::call_once(once, [] { std::atexit(WaitAtExit); });
}

H5Work::H5Work(Napi::Env env, const char* name)
    : Napi::AsyncWorker(env, name), deferred_(Napi::Promise::Deferred::New(env)) {}

Napi::Promise H5Work::Start() {
  Napi::Promise promise = deferred_.Promise();
  Queue();
  return promise;
}

void H5Work::Execute() {
  ExitGate& g = Gate();
  {
    GateLock lock(g);
    if (g.exiting) {
      kind_ = Kind::Exiting;
      return;
    }
    g.running++;
  }
  // libhdf5 keeps its automatic error printing per thread: off here too, as on the main thread.
  static thread_local bool quiet = false;
  if (!quiet) quiet = H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr) >= 0;
  Run();
  GateLock lock(g);
  if (--g.running == 0) pthread_cond_broadcast(&g.idle);
}

void H5Work::Fail(const Problem& problem, const std::string& target) {
  if (problem.kind == Problem::Kind::H5) {
    kind_ = Kind::H5;
    h5_ = H5Failure{problem.text, target, problem.frames};
  } else if (problem.kind == Problem::Kind::Argument) {
    kind_ = Kind::Argument;
    message_ = problem.text;
  }
}

void H5Work::FailClosed(std::string message) {
  kind_ = Kind::Closed;
  message_ = std::move(message);
}

void H5Work::OnOK() {
  Napi::Env env = Env();
  // The promise goes with the environment. What the work opened is closed by the environment's
  // cleanup (the registry, the open gate).
  if (!CanRunJs(env)) return;
  if (kind_ == Kind::Ok) Finish();
  Napi::Value value;
  switch (kind_) {
    case Kind::Ok: value = Result(env); break;
    case Kind::H5: value = NewH5Error(env, h5_); break;
    case Kind::Argument: value = NewArgumentError(env, message_); break;
    case Kind::Closed: value = NewClosedError(env, message_); break;
    case Kind::Exiting: value = NewClosedError(env, "the process is exiting"); break;
  }
  if (env.IsExceptionPending()) {
    deferred_.Reject(env.GetAndClearPendingException().Value());
  } else if (kind_ == Kind::Ok) {
    deferred_.Resolve(value);
  } else {
    deferred_.Reject(value);
  }
}

HandleWork::HandleWork(Napi::Env env, const char* name, std::shared_ptr<FileState> file,
                       std::shared_ptr<ObjState> node)
    : H5Work(env, name), file_(std::move(file)), node_(std::move(node)) {}

void HandleWork::Run() {
  std::lock_guard<std::mutex> lock(file_->ioMutex);
  // The messages of the synchronous methods' checks (NativeFile/NativeNode::CheckOpen).
  if (!file_->isOpen()) {
    if (closing_) return;
    FailClosed("file " + file_->filename + " is closed");
  } else if (node_ && !node_->isOpen()) {
    FailClosed(node_->path + " in file " + file_->filename + " is closed");
  } else {
    RunOpen();
  }
}

}  // namespace h5l
