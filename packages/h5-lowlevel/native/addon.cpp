// Entry point of the h5lowlevel addon: registers the classes and the free functions only.
#include <hdf5.h>
#include <napi.h>

#include "addon_data.hpp"
#include "async_file.hpp"
#include "errors.hpp"
#include "file.hpp"
#include "file_metadata.hpp"
#include "node.hpp"

namespace h5l {

namespace {

// setErrorClasses(H5Error, H5ArgumentError, H5ClosedError): native failures become real instances.
Napi::Value SetErrorClasses(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  for (size_t i = 0; i < 3; i++) {
    if (!info[i].IsFunction()) {
      Napi::TypeError::New(env, "setErrorClasses expects three constructors").ThrowAsJavaScriptException();
      return env.Undefined();
    }
  }
  AddonData* data = Data(env);
  data->h5Error = Napi::Persistent(info[0].As<Napi::Function>());
  data->argumentError = Napi::Persistent(info[1].As<Napi::Function>());
  data->closedError = Napi::Persistent(info[2].As<Napi::Function>());
  return env.Undefined();
}

Napi::Value LibraryVersion(const Napi::CallbackInfo& info) {
  unsigned major = 0, minor = 0, release = 0;
  H5get_libversion(&major, &minor, &release);
  Napi::Array out = Napi::Array::New(info.Env(), 3);
  out.Set(0u, major);
  out.Set(1u, minor);
  out.Set(2u, release);
  return out;
}

Napi::Value OpenFileCount(const Napi::CallbackInfo& info) {
  return Napi::Number::New(info.Env(), static_cast<double>(Data(info.Env())->registry->files.size()));
}

}  // namespace

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  // No library shutdown at process exit: a file whose close failed (disk full) stays registered
  // in libhdf5 1.10 with its memory already freed, and H5_term_library would crash closing it
  // again. Files left open are closed by the registry's cleanup paths instead (handles.hpp).
  H5dont_atexit();
  // Errors are reported through H5Error, never printed by libhdf5.
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  auto* data = new AddonData();
  env.SetInstanceData(data);
  // Files still open when the environment goes away (exit, worker end) are closed properly.
  std::shared_ptr<Registry> registry = data->registry;
  env.AddCleanupHook([registry]() { registry->closeAll(); });
  NativeFile::Init(env, exports);
  NativeNode::Init(env, exports);
  InitAsyncFile(env, exports);
  exports.Set("setErrorClasses", Napi::Function::New<SetErrorClasses>(env, "setErrorClasses"));
  exports.Set("libraryVersion", Napi::Function::New<LibraryVersion>(env, "libraryVersion"));
  exports.Set("holdMetadataUntilFlush", Napi::Function::New<HoldMetadataUntilFlush>(env, "holdMetadataUntilFlush"));
  exports.Set("openFileCount", Napi::Function::New<OpenFileCount>(env, "openFileCount"));
  return exports;
}

}  // namespace h5l

static Napi::Object InitModule(Napi::Env env, Napi::Object exports) { return h5l::Init(env, exports); }

NODE_API_MODULE(h5lowlevel, InitModule)
