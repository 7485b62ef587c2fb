// Promise forms of the dataset calls of NativeNode: readAsync, writeAsync and appendAsync
// (numeric datasets, straight between libhdf5 and the caller's TypedArray), shapeAsync (to size
// a whole read without a libhdf5 call on the main thread), vlenReadAsync and vlenAppendAsync.
#include <cstdlib>
#include <cstring>
#include <vector>

#include "async_work.hpp"
#include "convert.hpp"
#include "node.hpp"
#include "selection.hpp"
#include "transfer.hpp"

namespace h5l {

namespace {

// Work on a dataset through the caller's TypedArray, which stays referenced (so alive) until the
// promise settles; libhdf5 reads into or writes from its memory in place.
class BufferWork : public HandleWork {
 protected:
  BufferWork(Napi::Env env, const char* name, const std::shared_ptr<ObjState>& node, Napi::Value array,
             const ArrayView& view)
      : HandleWork(env, name, node->file, node),
        array_(Napi::Persistent(array.As<Napi::Object>())),
        view_(view),
        directRank_(node->directRank),
        io_{&directRank_, chunkDims_, &spaces_, false} {
    std::copy(node->chunkDims, node->chunkDims + H5S_MAX_RANK, chunkDims_);
  }

  // Hands the whole-chunk geometry found on the pool to the dataset's cache (main thread).
  void Finish() override {
    if (node_->directRank < 0 && directRank_ >= 0) {
      std::copy(chunkDims_, chunkDims_ + H5S_MAX_RANK, node_->chunkDims);
      node_->directRank = directRank_;
    }
  }

  void Report(const Problem& problem) {
    if (!problem.ok()) Fail(problem, DatasetWhere(*node_));
  }

  Napi::ObjectReference array_;
  ArrayView view_;
  int directRank_;
  hsize_t chunkDims_[H5S_MAX_RANK];
  OwnMemSpaces spaces_;
  IoContext io_;
};

class TransferWork : public BufferWork {
 public:
  TransferWork(Napi::Env env, const std::shared_ptr<ObjState>& node, bool write, Napi::Value array,
               const ArrayView& view, const SelectionArgs& args)
      : BufferWork(env, write ? "h5lowlevel.writeDataset" : "h5lowlevel.readDataset", node, array, view),
        write_(write), args_(args) {}

 private:
  void RunOpen() override { Report(TransferSelection(*node_, io_, write_, view_.data, view_.bytes, args_)); }

  bool write_;
  SelectionArgs args_;
};

class AppendWork : public BufferWork {
 public:
  AppendWork(Napi::Env env, const std::shared_ptr<ObjState>& node, Napi::Value array, const ArrayView& view,
             hsize_t rows)
      : BufferWork(env, "h5lowlevel.appendDataset", node, array, view), rows_(rows) {}

 private:
  void RunOpen() override { Report(AppendRows(*node_, io_, view_.data, view_.bytes, rows_)); }

  hsize_t rows_;
};

class ShapeWork : public HandleWork {
 public:
  ShapeWork(Napi::Env env, const std::shared_ptr<ObjState>& node)
      : HandleWork(env, "h5lowlevel.datasetShape", node->file, node) {}

 private:
  void RunOpen() override {
    Hid space(H5Dget_space(node_->id));
    int rank = space.ok() ? H5Sget_simple_extent_dims(space.get(), dims_, nullptr) : -1;
    if (rank < 0) return Fail(Problem::H5("get shape of"), DatasetWhere(*node_));
    rank_ = rank;
  }

  Napi::Value Result(Napi::Env env) override {
    Napi::Array out = Napi::Array::New(env, rank_);
    for (int i = 0; i < rank_; i++) out.Set(static_cast<uint32_t>(i), static_cast<double>(dims_[i]));
    return out;
  }

  hsize_t dims_[H5S_MAX_RANK] = {0};
  int rank_ = 0;
};

// libhdf5 allocates the rows of a vlen read; with malloc/free as its allocator (H5Pset_vlen_mem_manager),
// the main thread frees them without a libhdf5 call.
void* VlenAlloc(size_t size, void*) { return std::malloc(size); }
void VlenFree(void* p, void*) { std::free(p); }

class VlenReadWork : public HandleWork {
 public:
  VlenReadWork(Napi::Env env, const std::shared_ptr<ObjState>& node, hsize_t start, hsize_t count)
      : HandleWork(env, "h5lowlevel.readVlen", node->file, node), start_(start), count_(count) {}
  ~VlenReadWork() override {
    for (hvl_t& item : items_) std::free(item.p);
  }

 private:
  void RunOpen() override {
    hsize_t dims[1] = {0};
    Hid fspace(H5Dget_space(node_->id));
    if (!fspace.ok() || H5Sget_simple_extent_dims(fspace.get(), dims, nullptr) != 1)
      return Fail(Problem::H5("read dataset"), DatasetWhere(*node_));
    if (start_ > dims[0] || count_ > dims[0] - start_) {
      return Fail(Problem::Argument("rows " + std::to_string(start_) + ".." + std::to_string(start_ + count_) +
                                    " are out of range for length " + std::to_string(dims[0])),
                  "");
    }
    if (count_ == 0) return;
    std::vector<hvl_t> items(count_, hvl_t{0, nullptr});
    Hid mspace(H5Screate_simple(1, &count_, nullptr));
    Hid dxpl(H5Pcreate(H5P_DATASET_XFER));
    if (!mspace.ok() || !dxpl.ok() ||
        H5Pset_vlen_mem_manager(dxpl.get(), VlenAlloc, nullptr, VlenFree, nullptr) < 0 ||
        H5Sselect_hyperslab(fspace.get(), H5S_SELECT_SET, &start_, nullptr, &count_, nullptr) < 0 ||
        H5Dread(node_->id, node_->memType, mspace.get(), fspace.get(), dxpl.get(), items.data()) < 0)
      return Fail(Problem::H5("read dataset"), DatasetWhere(*node_));
    items_ = std::move(items);
  }

  // One copy into JS-owned arrays, as the synchronous vlenRead makes.
  Napi::Value Result(Napi::Env env) override {
    Napi::Array out = Napi::Array::New(env, items_.size());
    for (size_t i = 0; i < items_.size(); i++) {
      Napi::Uint8Array row = Napi::Uint8Array::New(env, items_[i].len);
      if (items_[i].len > 0) std::memcpy(row.Data(), items_[i].p, items_[i].len);
      out.Set(static_cast<uint32_t>(i), row);
    }
    return out;
  }

  hsize_t start_, count_;
  std::vector<hvl_t> items_;
};

// Appends vlen rows from the callers' arrays, kept alive by a private array referencing them
// (the caller's own array of rows may change meanwhile).
class VlenAppendWork : public HandleWork {
 public:
  VlenAppendWork(Napi::Env env, const std::shared_ptr<ObjState>& node, Napi::Array rows, std::vector<hvl_t> items)
      : HandleWork(env, "h5lowlevel.appendVlen", node->file, node),
        rows_(Napi::Persistent(rows)),
        items_(std::move(items)) {}

 private:
  void RunOpen() override {
    Problem problem = AppendVlenRows(*node_, items_.data(), items_.size());
    if (!problem.ok()) Fail(problem, DatasetWhere(*node_));
  }

  Napi::Reference<Napi::Array> rows_;
  std::vector<hvl_t> items_;
};

}  // namespace

// readAsync(target, start?, count?, stride?) and writeAsync(data, start?, count?, stride?):
// the arguments of read/write; the selection is checked against the extent on the pool.
Napi::Value NativeNode::TransferAsync(const Napi::CallbackInfo& info, bool write) {
  Napi::Env env = info.Env();
  if (!CheckDataset(env, true)) return env.Undefined();
  const ObjState& s = *state_;
  ArrayView view;
  SelectionArgs args;
  if (!ToTypedArray(env, info[0], write ? "data" : "target", DtypeArrayType(s.elem.dt), DtypeName(s.elem.dt),
                    &view) ||
      !ToSelectionArgs(env, info[1], info[2], info[3], &args))
    return env.Undefined();
  return (new TransferWork(env, state_, write, info[0], view, args))->Start();
}

Napi::Value NativeNode::ReadAsync(const Napi::CallbackInfo& info) { return TransferAsync(info, false); }

Napi::Value NativeNode::WriteAsync(const Napi::CallbackInfo& info) { return TransferAsync(info, true); }

// appendAsync(data, rows): the arguments of append.
Napi::Value NativeNode::AppendAsync(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckDataset(env, true)) return env.Undefined();
  const ObjState& s = *state_;
  ArrayView view;
  hsize_t rows = 0;
  if (!ToTypedArray(env, info[0], "data", DtypeArrayType(s.elem.dt), DtypeName(s.elem.dt), &view) ||
      !ToCount(env, info[1], "rows", &rows))
    return env.Undefined();
  return (new AppendWork(env, state_, info[0], view, rows))->Start();
}

// shapeAsync(): a promise of the dataset's current extent.
Napi::Value NativeNode::ShapeAsync(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckDataset(env, false)) return env.Undefined();
  return (new ShapeWork(env, state_))->Start();
}

// vlenReadAsync(start, count): a promise of the rows, as vlenRead returns them.
Napi::Value NativeNode::VlenReadAsync(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckDataset(env, false) || !CheckVlen(env)) return env.Undefined();
  hsize_t start = 0, count = 0;
  if (!ToCount(env, info[0], "start", &start) || !ToCount(env, info[1], "count", &count)) return env.Undefined();
  return (new VlenReadWork(env, state_, start, count))->Start();
}

// vlenAppendAsync(rows: Uint8Array[]): the arguments of vlenAppend.
Napi::Value NativeNode::VlenAppendAsync(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  std::vector<hvl_t> items;
  Napi::Array kept;
  if (!CheckDataset(env, false) || !CheckVlen(env) || !ToVlenRows(env, info[0], &items, &kept)) return env.Undefined();
  return (new VlenAppendWork(env, state_, kept, std::move(items)))->Start();
}

}  // namespace h5l
