// Turning failures into JS exceptions: libhdf5's error stack into H5Error frames, invalid
// arguments into H5ArgumentError, use after close into H5ClosedError. Every function throws a
// pending JS exception; callers return right after.
#pragma once

#include <hdf5.h>
#include <napi.h>

#include <string>

namespace h5l {

// Walks and clears libhdf5's error stack, then throws H5Error("<operation> <target>: <detail>").
void ThrowH5Error(Napi::Env env, const std::string& operation, const std::string& target);
// The same from an error stack saved earlier (H5Eget_current_stack), which it closes.
void ThrowH5Error(Napi::Env env, const std::string& operation, const std::string& target, hid_t savedStack);
void ThrowArgumentError(Napi::Env env, const std::string& message);
void ThrowClosedError(Napi::Env env, const std::string& message);

}  // namespace h5l
