// NativeNode: the JS handle of a group or dataset opened through a file. Its methods are defined
// by operation family: group_ops.cpp, attr_read.cpp, attr_write.cpp, dataset_create.cpp,
// dataset_info.cpp, dataset_io.cpp, vlen_ops.cpp, async_dataset.cpp.
#pragma once

#include <napi.h>

#include <memory>
#include <vector>

#include "handles.hpp"

namespace h5l {

class NativeNode : public Napi::ObjectWrap<NativeNode> {
 public:
  static void Init(Napi::Env env, Napi::Object exports);
  // Wraps an identifier just opened through `file` (takes ownership).
  static Napi::Value Wrap(Napi::Env env, hid_t id, const std::shared_ptr<FileState>& file);
  explicit NativeNode(const Napi::CallbackInfo& info);
  // "'<path>' in <file>" for messages; `name` relative to this node or absolute ("" = the node).
  std::string Where(const std::string& name) const;

 private:
  friend class NativeFile;
  friend Napi::Value HoldMetadataUntilFlush(const Napi::CallbackInfo& info);  // file_metadata.cpp
  // Throws H5ClosedError and returns false when the node or its file is closed.
  bool CheckOpen(Napi::Env env);
  bool WriteStringAttr(Napi::Env env, const std::string& name, const std::string& value, bool vlen, H5T_cset_t cset,
                       bool emptyAsNull);
  // Throws unless the node is a dataset (numeric when `numeric`).
  bool CheckDataset(Napi::Env env, bool numeric);
  // Throws unless the dataset holds vlen-uint8 sequences (vlen_ops.cpp).
  bool CheckVlen(Napi::Env env);
  // Descriptors of vlen rows given as an array of Uint8Array, pointing into them (vlen_ops.cpp);
  // `kept`, when given, receives a new array of the same rows, to keep them alive.
  static bool ToVlenRows(Napi::Env env, Napi::Value rows, std::vector<hvl_t>* items, Napi::Array* kept = nullptr);

  Napi::Value Close(const Napi::CallbackInfo& info);
  Napi::Value IsOpen(const Napi::CallbackInfo& info);
  Napi::Value Path(const Napi::CallbackInfo& info);
  Napi::Value ObjectType(const Napi::CallbackInfo& info);
  Napi::Value ObjectId(const Napi::CallbackInfo& info);

  // group_ops.cpp
  Napi::Value CreateGroup(const Napi::CallbackInfo& info);
  Napi::Value OpenObject(const Napi::CallbackInfo& info);
  Napi::Value Exists(const Napi::CallbackInfo& info);
  Napi::Value KindOf(const Napi::CallbackInfo& info);
  Napi::Value Children(const Napi::CallbackInfo& info);
  Napi::Value ChildNames(const Napi::CallbackInfo& info);
  Napi::Value GroupInfo(const Napi::CallbackInfo& info);
  Napi::Value LinkInfo(const Napi::CallbackInfo& info);
  Napi::Value DeleteLink(const Napi::CallbackInfo& info);
  Napi::Value MoveLink(const Napi::CallbackInfo& info);

  // attr_read.cpp
  Napi::Value AttrNames(const Napi::CallbackInfo& info);
  Napi::Value AttrExists(const Napi::CallbackInfo& info);
  Napi::Value AttrRead(const Napi::CallbackInfo& info);
  // attr_write.cpp
  Napi::Value AttrWriteString(const Napi::CallbackInfo& info);
  Napi::Value AttrWriteStrings(const Napi::CallbackInfo& info);
  Napi::Value AttrWriteNumeric(const Napi::CallbackInfo& info);
  Napi::Value AttrDelete(const Napi::CallbackInfo& info);

  // dataset_create.cpp
  Napi::Value CreateDataset(const Napi::CallbackInfo& info);
  Napi::Value CreateVlen(const Napi::CallbackInfo& info);
  // dataset_info.cpp
  Napi::Value TypeInfoOf(const Napi::CallbackInfo& info);
  Napi::Value Shape(const Napi::CallbackInfo& info);
  Napi::Value MaxShape(const Napi::CallbackInfo& info);
  Napi::Value Storage(const Napi::CallbackInfo& info);
  // dataset_io.cpp
  Napi::Value Read(const Napi::CallbackInfo& info);
  Napi::Value Write(const Napi::CallbackInfo& info);
  Napi::Value Resize(const Napi::CallbackInfo& info);
  Napi::Value Append(const Napi::CallbackInfo& info);
  // vlen_ops.cpp
  Napi::Value VlenAppend(const Napi::CallbackInfo& info);
  Napi::Value VlenRead(const Napi::CallbackInfo& info);
  // async_dataset.cpp: promise forms of the dataset calls
  Napi::Value TransferAsync(const Napi::CallbackInfo& info, bool write);
  Napi::Value ReadAsync(const Napi::CallbackInfo& info);
  Napi::Value WriteAsync(const Napi::CallbackInfo& info);
  Napi::Value AppendAsync(const Napi::CallbackInfo& info);
  Napi::Value ShapeAsync(const Napi::CallbackInfo& info);
  Napi::Value VlenReadAsync(const Napi::CallbackInfo& info);
  Napi::Value VlenAppendAsync(const Napi::CallbackInfo& info);

  std::shared_ptr<ObjState> state_;
};

}  // namespace h5l
