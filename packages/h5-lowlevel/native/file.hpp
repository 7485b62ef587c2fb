// NativeFile: the JS handle of an open libhdf5 file (created by createFile/openFile).
#pragma once

#include <napi.h>

#include <memory>

#include "handles.hpp"

namespace h5l {

// The nameCset argument of createFile/openFile and their async forms: "auto", "ascii" or "h5py";
// false with a pending H5ArgumentError otherwise.
bool ToNameCset(Napi::Env env, Napi::Value value, NameCset* out);

class NativeFile : public Napi::ObjectWrap<NativeFile> {
 public:
  static void Init(Napi::Env env, Napi::Object exports);
  explicit NativeFile(const Napi::CallbackInfo& info);
  // Wraps a file identifier just opened or created (takes ownership).
  static Napi::Value Wrap(Napi::Env env, hid_t fid, const std::string& path, bool writable, NameCset nameCset);
  // Garbage-collected file: nothing in JS can reach its objects any more, so close them all.
  ~NativeFile() override {
    if (state_) state_->close();
    ReleaseMemoryHint(Env());
  }

 private:
  static Napi::Value Create(const Napi::CallbackInfo& info);
  static Napi::Value Open(const Napi::CallbackInfo& info);
  static Napi::Value OpenOrCreate(const Napi::CallbackInfo& info, bool create);

  Napi::Value Close(const Napi::CallbackInfo& info);
  Napi::Value Flush(const Napi::CallbackInfo& info);
  Napi::Value IsOpen(const Napi::CallbackInfo& info);
  Napi::Value OpenRoot(const Napi::CallbackInfo& info);
  // async_file.cpp
  Napi::Value FlushAsync(const Napi::CallbackInfo& info);
  Napi::Value CloseAsync(const Napi::CallbackInfo& info);
  bool CheckOpen(Napi::Env env);
  void ReleaseMemoryHint(Napi::Env env);

  std::shared_ptr<FileState> state_;
  // Whether V8 was told of the native memory of this open file (see kOpenFileMemory).
  bool memoryHint_ = false;
};

}  // namespace h5l
