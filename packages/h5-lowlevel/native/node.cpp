#include "node.hpp"

#include "addon_data.hpp"
#include "errors.hpp"

namespace h5l {

namespace {

std::string ObjectPath(hid_t id) {
  ssize_t len = H5Iget_name(id, nullptr, 0);
  if (len <= 0) return "?";
  std::string name(static_cast<size_t>(len) + 1, '\0');
  H5Iget_name(id, name.data(), name.size());
  name.resize(static_cast<size_t>(len));
  return name;
}

// Resolves the element type of a dataset once, at open.
void DescribeDataset(ObjState* s) {
  Hid ftype(H5Dget_type(s->id));
  if (!ftype.ok()) return;
  s->elem = ClassifyType(ftype.get());
  if (s->elem.dt != Dt::None) {
    s->memType = CreateMemType(s->elem.dt, ftype.get());
  } else if (s->elem.kind == "vlen-uint8") {
    s->memType = H5Tvlen_create(H5T_NATIVE_UINT8);
  }
}

}  // namespace

void NativeNode::Init(Napi::Env env, Napi::Object exports) {
  Napi::Function ctor = DefineClass(
      env, "NativeNode",
      {
          InstanceMethod<&NativeNode::Close>("close"),
          InstanceMethod<&NativeNode::IsOpen>("isOpen"),
          InstanceMethod<&NativeNode::Path>("path"),
          InstanceMethod<&NativeNode::ObjectType>("objectType"),
          InstanceMethod<&NativeNode::ObjectId>("objectId"),
          InstanceMethod<&NativeNode::CreateGroup>("createGroup"),
          InstanceMethod<&NativeNode::OpenObject>("openObject"),
          InstanceMethod<&NativeNode::Exists>("exists"),
          InstanceMethod<&NativeNode::KindOf>("kindOf"),
          InstanceMethod<&NativeNode::Children>("children"),
          InstanceMethod<&NativeNode::ChildNames>("childNames"),
          InstanceMethod<&NativeNode::GroupInfo>("groupInfo"),
          InstanceMethod<&NativeNode::LinkInfo>("linkInfo"),
          InstanceMethod<&NativeNode::DeleteLink>("deleteLink"),
          InstanceMethod<&NativeNode::MoveLink>("moveLink"),
          InstanceMethod<&NativeNode::AttrNames>("attrNames"),
          InstanceMethod<&NativeNode::AttrExists>("attrExists"),
          InstanceMethod<&NativeNode::AttrRead>("attrRead"),
          InstanceMethod<&NativeNode::AttrWriteString>("attrWriteString"),
          InstanceMethod<&NativeNode::AttrWriteStrings>("attrWriteStrings"),
          InstanceMethod<&NativeNode::AttrWriteNumeric>("attrWriteNumeric"),
          InstanceMethod<&NativeNode::AttrDelete>("attrDelete"),
          InstanceMethod<&NativeNode::CreateDataset>("createDataset"),
          InstanceMethod<&NativeNode::CreateVlen>("createVlen"),
          InstanceMethod<&NativeNode::TypeInfoOf>("typeInfo"),
          InstanceMethod<&NativeNode::Shape>("shape"),
          InstanceMethod<&NativeNode::MaxShape>("maxshape"),
          InstanceMethod<&NativeNode::Storage>("storage"),
          InstanceMethod<&NativeNode::Read>("read"),
          InstanceMethod<&NativeNode::Write>("write"),
          InstanceMethod<&NativeNode::Resize>("resize"),
          InstanceMethod<&NativeNode::Append>("append"),
          InstanceMethod<&NativeNode::VlenAppend>("vlenAppend"),
          InstanceMethod<&NativeNode::VlenRead>("vlenRead"),
          InstanceMethod<&NativeNode::ReadAsync>("readAsync"),
          InstanceMethod<&NativeNode::WriteAsync>("writeAsync"),
          InstanceMethod<&NativeNode::AppendAsync>("appendAsync"),
          InstanceMethod<&NativeNode::ShapeAsync>("shapeAsync"),
          InstanceMethod<&NativeNode::VlenReadAsync>("vlenReadAsync"),
          InstanceMethod<&NativeNode::VlenAppendAsync>("vlenAppendAsync"),
      });
  Data(env)->nodeCtor = Napi::Persistent(ctor);
}

NativeNode::NativeNode(const Napi::CallbackInfo& info) : Napi::ObjectWrap<NativeNode>(info) {
  state_ = std::move(Data(info.Env())->pendingObj);
  if (!state_) ThrowArgumentError(info.Env(), "NativeNode is created by opening a group or dataset");
}

Napi::Value NativeNode::Wrap(Napi::Env env, hid_t id, const std::shared_ptr<FileState>& file) {
  auto state = std::make_shared<ObjState>(id, file);
  state->path = ObjectPath(id);
  if (state->type == H5I_DATASET) DescribeDataset(state.get());
  AddonData* data = Data(env);
  data->pendingObj = std::move(state);
  Napi::Value wrapper = data->nodeCtor.New({});
  data->pendingObj.reset();  // closes the object if construction failed
  return wrapper;
}

bool NativeNode::CheckOpen(Napi::Env env) {
  if (state_ && state_->isOpen()) return true;
  if (!state_) {
    ThrowClosedError(env, "node is closed");
  } else if (!state_->file->isOpen()) {
    ThrowClosedError(env, "file " + state_->file->filename + " is closed");
  } else {
    ThrowClosedError(env, state_->path + " in file " + state_->file->filename + " is closed");
  }
  return false;
}

bool NativeNode::CheckDataset(Napi::Env env, bool numeric) {
  if (!CheckOpen(env)) return false;
  if (state_->type != H5I_DATASET) {
    ThrowArgumentError(env, state_->path + " is not a dataset");
    return false;
  }
  if (numeric && state_->elem.dt == Dt::None) {
    ThrowArgumentError(env, "dataset " + state_->path + " holds " + state_->elem.kind +
                                " elements, not numbers: it cannot be read or written as a TypedArray");
    return false;
  }
  return true;
}

std::string NativeNode::Where(const std::string& name) const {
  std::string base = state_->path == "/" ? "" : state_->path;
  std::string full = name.empty() ? state_->path : name[0] == '/' ? name : base + "/" + name;
  return "'" + full + "' in " + state_->file->filename;
}

Napi::Value NativeNode::Close(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!state_ || !state_->isOpen()) return env.Undefined();
  // Waits for asynchronous work running on the file (see FileState::ioMutex).
  std::lock_guard<std::mutex> lock(state_->file->ioMutex);
  if (state_->close(true) < 0) ThrowH5Error(env, "close", Where(""));
  return env.Undefined();
}

Napi::Value NativeNode::IsOpen(const Napi::CallbackInfo& info) {
  return Napi::Boolean::New(info.Env(), state_ && state_->isOpen());
}

Napi::Value NativeNode::Path(const Napi::CallbackInfo& info) {
  return Napi::String::New(info.Env(), state_ ? state_->path : "");
}

// objectType(): "group", "dataset" or "other" (what an opened link resolved to).
Napi::Value NativeNode::ObjectType(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  const char* type = state_->type == H5I_GROUP ? "group" : state_->type == H5I_DATASET ? "dataset" : "other";
  return Napi::String::New(env, type);
}

// objectId(): "<fileno>:<address>", the same for every path (hard link) to one object of a file.
Napi::Value NativeNode::ObjectId(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  H5O_info_t oinfo;
  if (H5Oget_info2(state_->id, &oinfo, H5O_INFO_BASIC) < 0) {
    ThrowH5Error(env, "get the object info of", Where(""));
    return env.Undefined();
  }
  return Napi::String::New(env, std::to_string(oinfo.fileno) + ":" + std::to_string(oinfo.addr));
}

}  // namespace h5l
