// holdMetadataUntilFlush(rootNode): configures the metadata cache of a file opened for writing so
// that libhdf5 writes metadata only when the file is flushed or closed. By default the cache
// evicts dirty entries whenever it needs room (and resizes itself adaptively), so a file killed
// between two flushes holds a mix of old and new metadata that libhdf5 cannot open. With
// evictions disabled (which libhdf5 allows only with every adaptive resize mode off) the file on
// disk keeps the metadata of the last flush; raw data written since goes either to space that
// metadata does not reference yet or into chunks it already references (in place). A writable
// file's flushes are then marked for readers in other processes (flush_marks.hpp).
#include "file_metadata.hpp"

#include "addon_data.hpp"
#include "errors.hpp"
#include "flush_marks.hpp"
#include "node.hpp"

namespace h5l {

Napi::Value HoldMetadataUntilFlush(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!info[0].IsObject()) {
    ThrowArgumentError(env, "holdMetadataUntilFlush: expects a node of the file");
    return env.Undefined();
  }
  NativeNode* node = NativeNode::Unwrap(info[0].As<Napi::Object>());
  if (!node->CheckOpen(env)) return env.Undefined();
  hid_t fid = node->state_->file->id;
  const std::string& filename = node->state_->file->filename;
  H5AC_cache_config_t config;
  config.version = H5AC__CURR_CACHE_CONFIG_VERSION;
  if (H5Fget_mdc_config(fid, &config) < 0) {
    ThrowH5Error(env, "read metadata cache configuration", filename);
    return env.Undefined();
  }
  config.evictions_enabled = false;
  config.incr_mode = H5C_incr__off;
  config.flash_incr_mode = H5C_flash_incr__off;
  config.decr_mode = H5C_decr__off;
  if (H5Fset_mdc_config(fid, &config) < 0) {
    ThrowH5Error(env, "hold metadata until flush", filename);
    return env.Undefined();
  }
  // The file on disk now changes only in flushes: mark them for readers (flush_marks.hpp).
  if (node->state_->file->writable) StartFlushMarks(*node->state_->file);
  return env.Undefined();
}

}  // namespace h5l
