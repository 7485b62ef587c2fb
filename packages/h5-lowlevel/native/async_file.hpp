// Promise forms of the file calls: createFileAsync/openFileAsync (exports) and NativeFile's
// flushAsync/closeAsync.
#pragma once

#include <napi.h>

namespace h5l {

// Exports createFileAsync and openFileAsync, and closes at environment teardown the files opened
// on the pool whose promise had not settled yet.
void InitAsyncFile(Napi::Env env, Napi::Object exports);

}  // namespace h5l
