// Per-environment state of the addon (one per main thread or worker).
#pragma once

#include <napi.h>

#include <memory>

#include "attr_shapes.hpp"
#include "handles.hpp"

namespace h5l {

struct OpenGate;  // async_file.cpp

struct AddonData {
  Napi::FunctionReference nodeCtor;
  Napi::FunctionReference fileCtor;
  // JS error classes defined in TypeScript and handed over by setErrorClasses().
  Napi::FunctionReference h5Error;
  Napi::FunctionReference argumentError;
  Napi::FunctionReference closedError;
  std::shared_ptr<Registry> registry = std::make_shared<Registry>();
  // The state a wrapper under construction takes over (set just before ctor.New(), so no
  // napi External is needed and JS cannot construct wrappers itself).
  std::shared_ptr<FileState> pendingFile;
  std::shared_ptr<ObjState> pendingObj;
  AttrShapes attrShapes;
  // Files opened by asynchronous work and not handed to JS yet.
  std::shared_ptr<OpenGate> openGate;
};

inline AddonData* Data(Napi::Env env) { return env.GetInstanceData<AddonData>(); }

}  // namespace h5l
