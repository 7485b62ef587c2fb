// Group operations of NativeNode: create, open, exists, kindOf, children, delete, move.
#include <vector>

#include "convert.hpp"
#include "errors.hpp"
#include "links.hpp"
#include "node.hpp"

namespace h5l {

namespace {

bool IsSelf(const std::string& name) { return name == "." || name == "/"; }

// Kind of a hard-linked object, following the link from `loc`.
std::string ObjectKind(hid_t loc, const char* name) {
  H5O_info_t oinfo;
  if (H5Oget_info_by_name2(loc, name, &oinfo, H5O_INFO_BASIC, H5P_DEFAULT) < 0) return "other";
  switch (oinfo.type) {
    case H5O_TYPE_GROUP: return "group";
    case H5O_TYPE_DATASET: return "dataset";
    default: return "other";
  }
}

std::string LinkKind(hid_t loc, const char* name, H5L_type_t type) {
  switch (type) {
    case H5L_TYPE_HARD: return ObjectKind(loc, name);
    case H5L_TYPE_SOFT: return "softlink";
    case H5L_TYPE_EXTERNAL: return "externallink";
    default: return "other";
  }
}

struct Child {
  std::string name, kind;
};

herr_t CollectChild(hid_t group, const char* name, const H5L_info_t* info, void* data) {
  auto* out = static_cast<std::vector<Child>*>(data);
  out->push_back({name, LinkKind(group, name, info->type)});
  return 0;
}

// Names only: no object header is read, unlike CollectChild's kind lookup.
herr_t CollectName(hid_t, const char* name, const H5L_info_t*, void* data) {
  static_cast<std::vector<std::string>*>(data)->push_back(name);
  return 0;
}

}  // namespace

bool Utf8Name(const FileState& file, const std::string& name, NameUse use) {
  if (file.nameCset == NameCset::Ascii) return false;
  if (file.nameCset == NameCset::H5py && use != NameUse::GroupLink) return false;
  for (unsigned char c : name)
    if (c > 0x7f) return true;
  return false;
}

Hid LinkCreateList(const FileState& file, const std::string& name, NameUse use, bool intermediate) {
  bool utf8 = Utf8Name(file, name, use);
  if (!utf8 && !intermediate) return Hid();
  Hid lcpl(H5Pcreate(H5P_LINK_CREATE));
  if (utf8) H5Pset_char_encoding(lcpl.get(), H5T_CSET_UTF8);
  if (intermediate) H5Pset_create_intermediate_group(lcpl.get(), 1);
  return lcpl;
}

bool PathExists(hid_t loc, const std::string& name) {
  if (name.empty()) return false;
  if (IsSelf(name)) return true;
  std::string prefix = name[0] == '/' ? "/" : "";
  size_t pos = 0;
  bool found = true;
  while (pos <= name.size()) {
    size_t slash = name.find('/', pos);
    if (slash == std::string::npos) slash = name.size();
    std::string part = name.substr(pos, slash - pos);
    pos = slash + 1;
    if (part.empty() || part == ".") continue;
    // A component must be a group before the next one is looked up (H5Lexists requires it).
    if (!prefix.empty() && prefix != "/" && ObjectKind(loc, prefix.c_str()) != "group") {
      found = false;
      break;
    }
    prefix += (prefix.empty() || prefix == "/") ? part : "/" + part;
    if (H5Lexists(loc, prefix.c_str(), H5P_DEFAULT) <= 0) {
      found = false;
      break;
    }
  }
  H5Eclear2(H5E_DEFAULT);
  return found;
}

std::string KindAt(hid_t loc, const std::string& name) {
  if (!PathExists(loc, name)) return "";
  if (IsSelf(name)) {
    H5O_info_t oinfo;
    if (H5Oget_info2(loc, &oinfo, H5O_INFO_BASIC) < 0) return "other";
    return oinfo.type == H5O_TYPE_GROUP ? "group" : oinfo.type == H5O_TYPE_DATASET ? "dataset" : "other";
  }
  H5L_info_t linfo;
  if (H5Lget_info(loc, name.c_str(), &linfo, H5P_DEFAULT) < 0) {
    H5Eclear2(H5E_DEFAULT);
    return "other";
  }
  std::string kind = LinkKind(loc, name.c_str(), linfo.type);
  H5Eclear2(H5E_DEFAULT);
  return kind;
}

// createGroup(name, intermediate): null when something is at `name` already.
Napi::Value NativeNode::CreateGroup(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  std::string name;
  if (!CheckOpen(env) || !ToString(env, info[0], "name", &name)) return env.Undefined();
  if (PathExists(state_->id, name)) return env.Null();
  Hid lcpl = LinkCreateList(*state_->file, name, NameUse::GroupLink, info[1].ToBoolean().Value());
  hid_t gid = H5Gcreate2(state_->id, name.c_str(), lcpl.orDefault(), H5P_DEFAULT, H5P_DEFAULT);
  if (gid < 0) {
    ThrowH5Error(env, "create group", Where(name));
    return env.Undefined();
  }
  return Wrap(env, gid, state_->file);
}

// openObject(name, cache | null): a group or dataset; with a chunk cache [slots, bytes, w0], a
// dataset opened with that cache (libhdf5 ignores it when the dataset is already open).
Napi::Value NativeNode::OpenObject(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  std::string name;
  if (!CheckOpen(env) || !ToString(env, info[0], "name", &name)) return env.Undefined();
  ChunkCache cache;
  bool withCache = !info[1].IsNull() && !info[1].IsUndefined();
  if (withCache && !ToChunkCache(env, info[1], "options.chunkCache", &cache)) return env.Undefined();
  if (!PathExists(state_->id, name)) {
    ThrowArgumentError(env, "name: nothing at " + Where(name));
    return env.Undefined();
  }
  // The link exists; H5Oexists_by_name also resolves soft and external links to their target.
  htri_t resolves = H5Oexists_by_name(state_->id, name.c_str(), H5P_DEFAULT);
  H5Eclear2(H5E_DEFAULT);
  if (resolves <= 0) {
    ThrowArgumentError(env, "name: the link " + Where(name) + " is dangling");
    return env.Undefined();
  }
  hid_t id;
  if (withCache) {
    Hid dapl(H5Pcreate(H5P_DATASET_ACCESS));
    id = H5Pset_chunk_cache(dapl.get(), cache.slots, cache.bytes, cache.w0) < 0 ? -1
         : H5Dopen2(state_->id, name.c_str(), dapl.get());
  } else {
    id = H5Oopen(state_->id, name.c_str(), H5P_DEFAULT);
  }
  if (id < 0) {
    ThrowH5Error(env, "open", Where(name));
    return env.Undefined();
  }
  return Wrap(env, id, state_->file);
}

Napi::Value NativeNode::Exists(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  std::string name;
  if (!CheckOpen(env) || !ToString(env, info[0], "name", &name)) return env.Undefined();
  return Napi::Boolean::New(env, PathExists(state_->id, name));
}

Napi::Value NativeNode::KindOf(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  std::string name;
  if (!CheckOpen(env) || !ToString(env, info[0], "name", &name)) return env.Undefined();
  std::string kind = KindAt(state_->id, name);
  if (kind.empty()) return env.Null();
  return Napi::String::New(env, kind);
}

// groupInfo(): {links, storage}; storage is how libhdf5 keeps the group's links.
Napi::Value NativeNode::GroupInfo(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  H5G_info_t gi;
  if (H5Gget_info(state_->id, &gi) < 0) {
    ThrowH5Error(env, "get group info of", Where(""));
    return env.Undefined();
  }
  const char* storage = gi.storage_type == H5G_STORAGE_TYPE_SYMBOL_TABLE ? "symbol-table"
                        : gi.storage_type == H5G_STORAGE_TYPE_COMPACT    ? "compact"
                        : gi.storage_type == H5G_STORAGE_TYPE_DENSE      ? "dense"
                                                                         : "unknown";
  Napi::Object o = Napi::Object::New(env);
  o.Set("links", Napi::Number::New(env, static_cast<double>(gi.nlinks)));
  o.Set("storage", storage);
  return o;
}

// The order of H5Literate over the name index: `native` (argument true) is the order libhdf5
// stores the links in, which PyTables' _v_children follows: name order in a symbol table, the
// link messages' order in a compact group, the name-hash B-tree's order in a dense one. Otherwise
// increasing byte-wise name order whatever the storage.
static H5_iter_order_t IterOrder(const Napi::CallbackInfo& info) {
  return info.Length() > 0 && info[0].ToBoolean().Value() ? H5_ITER_NATIVE : H5_ITER_INC;
}

// children(native): [{name, kind}] (see IterOrder; link creation order is not tracked).
Napi::Value NativeNode::Children(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  std::vector<Child> children;
  hsize_t idx = 0;
  if (H5Literate(state_->id, H5_INDEX_NAME, IterOrder(info), &idx, CollectChild, &children) < 0) {
    ThrowH5Error(env, "list children of", Where(""));
    return env.Undefined();
  }
  H5Eclear2(H5E_DEFAULT);
  Napi::Array out = Napi::Array::New(env, children.size());
  for (size_t i = 0; i < children.size(); i++) {
    Napi::Object o = Napi::Object::New(env);
    o.Set("name", children[i].name);
    o.Set("kind", children[i].kind);
    out.Set(static_cast<uint32_t>(i), o);
  }
  return out;
}

// childNames(native): the names of children(native), in the same order.
Napi::Value NativeNode::ChildNames(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  std::vector<std::string> names;
  hsize_t idx = 0;
  if (H5Literate(state_->id, H5_INDEX_NAME, IterOrder(info), &idx, CollectName, &names) < 0) {
    ThrowH5Error(env, "list children of", Where(""));
    return env.Undefined();
  }
  return ToStringArray(env, names);
}

// linkInfo(name): null when no link is at `name`; {type: "hard"}, {type: "soft", target},
// {type: "external", file, target} or {type: "other"} (a user-defined link) otherwise.
Napi::Value NativeNode::LinkInfo(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  std::string name;
  if (!CheckOpen(env) || !ToString(env, info[0], "name", &name)) return env.Undefined();
  if (IsSelf(name) || !PathExists(state_->id, name)) return env.Null();
  H5L_info_t linfo;
  if (H5Lget_info(state_->id, name.c_str(), &linfo, H5P_DEFAULT) < 0) {
    ThrowH5Error(env, "get the link info of", Where(name));
    return env.Undefined();
  }
  Napi::Object o = Napi::Object::New(env);
  if (linfo.type == H5L_TYPE_HARD) {
    o.Set("type", "hard");
    return o;
  }
  if (linfo.type != H5L_TYPE_SOFT && linfo.type != H5L_TYPE_EXTERNAL) {
    o.Set("type", "other");
    return o;
  }
  std::vector<char> value(linfo.u.val_size + 1, '\0');
  if (H5Lget_val(state_->id, name.c_str(), value.data(), linfo.u.val_size, H5P_DEFAULT) < 0) {
    ThrowH5Error(env, "read the link value of", Where(name));
    return env.Undefined();
  }
  if (linfo.type == H5L_TYPE_SOFT) {
    o.Set("type", "soft");
    o.Set("target", std::string(value.data()));
    return o;
  }
  const char* file = nullptr;
  const char* target = nullptr;
  if (H5Lunpack_elink_val(value.data(), linfo.u.val_size, nullptr, &file, &target) < 0) {
    ThrowH5Error(env, "unpack the external link", Where(name));
    return env.Undefined();
  }
  o.Set("type", "external");
  o.Set("file", std::string(file));
  o.Set("target", std::string(target));
  return o;
}

Napi::Value NativeNode::DeleteLink(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  std::string name;
  if (!CheckOpen(env) || !ToString(env, info[0], "name", &name)) return env.Undefined();
  if (H5Ldelete(state_->id, name.c_str(), H5P_DEFAULT) < 0) ThrowH5Error(env, "delete", Where(name));
  return env.Undefined();
}

Napi::Value NativeNode::MoveLink(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  std::string from, to;
  if (!CheckOpen(env) || !ToString(env, info[0], "from", &from) || !ToString(env, info[1], "to", &to))
    return env.Undefined();
  Hid lcpl = LinkCreateList(*state_->file, to, NameUse::MovedLink, false);
  if (H5Lmove(state_->id, from.c_str(), state_->id, to.c_str(), lcpl.orDefault(), H5P_DEFAULT) < 0)
    ThrowH5Error(env, "move", Where(from) + " to '" + to + "'");
  return env.Undefined();
}

}  // namespace h5l
