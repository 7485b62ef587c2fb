// holdMetadataUntilFlush(node): metadata written to the file only by flush and close.
#pragma once

#include <napi.h>

namespace h5l {

Napi::Value HoldMetadataUntilFlush(const Napi::CallbackInfo& info);

}  // namespace h5l
