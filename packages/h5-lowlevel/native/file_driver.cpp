// The file driver of the binding. It does what libhdf5's default POSIX driver (sec2) does: one
// descriptor, pread/pwrite, flock for libhdf5's file lock, the file identified by device and
// inode. Two rules are added, because libhdf5 1.10 "keeps going" after a failed write: a flush
// whose raw-data write fails still writes the metadata that indexes it, and a superblock whose
// end of file lies past what reached the disk no longer opens ("truncated file"), which loses
// every row flushed before (measured under a file-size limit).
//
// 1. Reservation: once armed (ReserveOrClose, right after a writable file is opened), the
//    space libhdf5 allocates is reserved on disk (fallocate) when the end of the allocated space
//    moves past the end of the file. A full disk or the file-size limit then fails the
//    allocation, before any metadata refers to the space; later writes land in reserved space.
// 2. Refusal after a failure: after the first failed write or reservation the driver writes
//    nothing more (every later write and truncation fails with the first failure's system
//    error). libhdf5 flushes raw data before metadata and the superblock last, so the file on
//    disk stays the state of the last successful flush, plus raw data in chunks that state
//    already indexes (rewritten in place) or in space it does not reference. At the close of
//    such a file the writes are dropped instead (DiscardWritesAfterFailure), so that libhdf5
//    frees what it could not write.
#include "file_driver.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstddef>
#include <cstring>
#include <mutex>
#include <string>
#include <type_traits>

namespace h5l {

namespace {

struct DriverFile {
  H5FD_t pub;  // first: libhdf5 sees a DriverFile as an H5FD_t
  int fd = -1;
  haddr_t eoa = 0;  // end of the space libhdf5 allocated
  haddr_t eof = 0;  // end of the file on disk (written or reserved)
  dev_t device = 0;
  ino_t inode = 0;
  bool reserving = false;
  int failedErrno = 0;  // the first failure's errno; nothing is written once set
  bool discard = false;  // closing after a failure: writes are dropped and reported done
  std::string name;
};

// DriverFileOf finds a DriverFile from the address of its descriptor.
static_assert(std::is_standard_layout<DriverFile>::value, "DriverFile must be standard-layout");

#if H5_VERSION_GE(1, 13, 0)
constexpr H5FD_class_value_t kDriverValue = 473;
#endif

// The largest address a file offset can hold (sec2's MAXADDR).
constexpr haddr_t kMaxAddr = (static_cast<haddr_t>(1) << (8 * sizeof(off_t) - 1)) - 1;

DriverFile* Of(H5FD_t* file) { return reinterpret_cast<DriverFile*>(file); }
const DriverFile* Of(const H5FD_t* file) { return reinterpret_cast<const DriverFile*>(file); }

// Pushes an error in the form libhdf5's drivers use ("errno = N, error message = '...'"), which
// is what the binding reports as the system error of a failure.
void PushSystemError(const char* func, hid_t minor, const char* what, const DriverFile* f, int err) {
  H5Epush2(H5E_DEFAULT, __FILE__, func, __LINE__, H5E_ERR_CLS, H5E_IO, minor,
           "%s: filename = '%s', errno = %d, error message = '%s'", what, f->name.c_str(), err, std::strerror(err));
}

herr_t Refuse(const char* func, const DriverFile* f) {
  PushSystemError(func, H5E_WRITEERROR, "write refused after an earlier write to this file failed", f, f->failedErrno);
  return -1;
}

// Reserves [eof, end) on disk; a file system without fallocate gets the file extended instead
// (which still fails at the file-size limit, not on a full disk).
herr_t Reserve(DriverFile* f, haddr_t end) {
  if (end <= f->eof || f->discard) return 0;
  if (f->failedErrno != 0) return Refuse("Reserve", f);
  int r;
  do {
    r = fallocate(f->fd, 0, static_cast<off_t>(f->eof), static_cast<off_t>(end - f->eof));
  } while (r != 0 && errno == EINTR);
  if (r != 0 && (errno == EOPNOTSUPP || errno == ENOSYS)) r = ftruncate(f->fd, static_cast<off_t>(end));
  if (r != 0) {
    f->failedErrno = errno;
    PushSystemError("Reserve", H5E_WRITEERROR, "unable to reserve file space", f, errno);
    return -1;
  }
  f->eof = end;
  return 0;
}

H5FD_t* Open(const char* name, unsigned flags, hid_t, haddr_t maxaddr) {
  if (name == nullptr || *name == '\0' || maxaddr == 0 || maxaddr == HADDR_UNDEF || maxaddr > kMaxAddr) {
    H5Epush2(H5E_DEFAULT, __FILE__, "Open", __LINE__, H5E_ERR_CLS, H5E_ARGS, H5E_BADVALUE, "invalid file name or size");
    return nullptr;
  }
  int oflags = (flags & H5F_ACC_RDWR) ? O_RDWR : O_RDONLY;
  if (flags & H5F_ACC_TRUNC) oflags |= O_TRUNC;
  if (flags & H5F_ACC_CREAT) oflags |= O_CREAT;
  if (flags & H5F_ACC_EXCL) oflags |= O_EXCL;
  int fd = open(name, oflags | O_CLOEXEC, 0666);
  if (fd < 0) {
    int err = errno;
    H5Epush2(H5E_DEFAULT, __FILE__, "Open", __LINE__, H5E_ERR_CLS, H5E_FILE, H5E_CANTOPENFILE,
             "unable to open file: name = '%s', errno = %d, error message = '%s'", name, err, std::strerror(err));
    return nullptr;
  }
  struct stat sb;
  if (fstat(fd, &sb) != 0) {
    int err = errno;
    close(fd);
    H5Epush2(H5E_DEFAULT, __FILE__, "Open", __LINE__, H5E_ERR_CLS, H5E_FILE, H5E_BADFILE,
             "unable to fstat file: name = '%s', errno = %d, error message = '%s'", name, err, std::strerror(err));
    return nullptr;
  }
  auto* f = new DriverFile();
  f->fd = fd;
  f->eof = static_cast<haddr_t>(sb.st_size);
  f->device = sb.st_dev;
  f->inode = sb.st_ino;
  f->name = name;
  return &f->pub;
}

herr_t Close(H5FD_t* file) {
  DriverFile* f = Of(file);
  int r = close(f->fd);
  int err = errno;
  if (r != 0) PushSystemError("Close", H5E_CANTCLOSEFILE, "unable to close file", f, err);
  delete f;
  return r == 0 ? 0 : -1;
}

int Compare(const H5FD_t* a, const H5FD_t* b) {
  const DriverFile* f1 = Of(a);
  const DriverFile* f2 = Of(b);
  if (f1->device != f2->device) return f1->device < f2->device ? -1 : 1;
  if (f1->inode != f2->inode) return f1->inode < f2->inode ? -1 : 1;
  return 0;
}

herr_t Query(const H5FD_t*, unsigned long* flags) {
  if (flags != nullptr) {
    *flags = H5FD_FEAT_AGGREGATE_METADATA | H5FD_FEAT_ACCUMULATE_METADATA | H5FD_FEAT_DATA_SIEVE |
             H5FD_FEAT_AGGREGATE_SMALLDATA | H5FD_FEAT_POSIX_COMPAT_HANDLE | H5FD_FEAT_DEFAULT_VFD_COMPATIBLE;
  }
  return 0;
}

haddr_t GetEoa(const H5FD_t* file, H5FD_mem_t) { return Of(file)->eoa; }

herr_t SetEoa(H5FD_t* file, H5FD_mem_t, haddr_t addr) {
  DriverFile* f = Of(file);
  if (f->reserving && Reserve(f, addr) < 0) return -1;
  f->eoa = addr;
  return 0;
}

haddr_t GetEof(const H5FD_t* file, H5FD_mem_t) { return Of(file)->eof; }

// The handle is the descriptor, as sec2's (callers may fsync it); DriverFileOf finds the
// DriverFile from its address.
herr_t GetHandle(H5FD_t* file, hid_t, void** handle) {
  *handle = &Of(file)->fd;
  return 0;
}

herr_t Read(H5FD_t* file, H5FD_mem_t, hid_t, haddr_t addr, size_t size, void* buf) {
  DriverFile* f = Of(file);
  if (addr == HADDR_UNDEF || addr > kMaxAddr || size > kMaxAddr - addr) {
    H5Epush2(H5E_DEFAULT, __FILE__, "Read", __LINE__, H5E_ERR_CLS, H5E_ARGS, H5E_OVERFLOW, "addr overflow, addr = %llu",
             static_cast<unsigned long long>(addr));
    return -1;
  }
  auto* out = static_cast<char*>(buf);
  while (size > 0) {
    size_t chunk = size > static_cast<size_t>(SSIZE_MAX) ? static_cast<size_t>(SSIZE_MAX) : size;
    ssize_t n;
    do {
      n = pread(f->fd, out, chunk, static_cast<off_t>(addr));
    } while (n < 0 && errno == EINTR);
    if (n < 0) {
      PushSystemError("Read", H5E_READERROR, "file read failed", f, errno);
      return -1;
    }
    if (n == 0) {  // past the end of the file: zeros, as sec2
      std::memset(out, 0, size);
      break;
    }
    size -= static_cast<size_t>(n);
    addr += static_cast<haddr_t>(n);
    out += n;
  }
  return 0;
}

herr_t Write(H5FD_t* file, H5FD_mem_t, hid_t, haddr_t addr, size_t size, const void* buf) {
  DriverFile* f = Of(file);
  if (f->discard) return 0;
  if (f->failedErrno != 0) return Refuse("Write", f);
  if (addr == HADDR_UNDEF || addr > kMaxAddr || size > kMaxAddr - addr) {
    H5Epush2(H5E_DEFAULT, __FILE__, "Write", __LINE__, H5E_ERR_CLS, H5E_ARGS, H5E_OVERFLOW, "addr overflow, addr = %llu",
             static_cast<unsigned long long>(addr));
    return -1;
  }
  const auto* in = static_cast<const char*>(buf);
  while (size > 0) {
    size_t chunk = size > static_cast<size_t>(SSIZE_MAX) ? static_cast<size_t>(SSIZE_MAX) : size;
    ssize_t n;
    do {
      n = pwrite(f->fd, in, chunk, static_cast<off_t>(addr));
    } while (n < 0 && errno == EINTR);
    if (n < 0) {
      f->failedErrno = errno;
      PushSystemError("Write", H5E_WRITEERROR, "file write failed", f, errno);
      return -1;
    }
    size -= static_cast<size_t>(n);
    addr += static_cast<haddr_t>(n);
    in += n;
  }
  if (addr > f->eof) f->eof = addr;
  return 0;
}

// libhdf5 sets the file's length to the allocated end at every flush and at close.
herr_t Truncate(H5FD_t* file, hid_t, hbool_t) {
  DriverFile* f = Of(file);
  if (f->eoa == f->eof || f->discard) return 0;
  if (f->failedErrno != 0) return Refuse("Truncate", f);
  if (ftruncate(f->fd, static_cast<off_t>(f->eoa)) != 0) {
    f->failedErrno = errno;
    PushSystemError("Truncate", H5E_SEEKERROR, "unable to set the file's length", f, errno);
    return -1;
  }
  f->eof = f->eoa;
  return 0;
}

// libhdf5's file lock (shared for readers, exclusive for writers). A file system without flock
// (ENOSYS) is not locked, as libhdf5's "best effort" locking does.
herr_t Lock(H5FD_t* file, hbool_t rw) {
  DriverFile* f = Of(file);
  if (flock(f->fd, (rw ? LOCK_EX : LOCK_SH) | LOCK_NB) == 0 || errno == ENOSYS) return 0;
  PushSystemError("Lock", H5E_CANTLOCKFILE, "unable to lock file", f, errno);
  return -1;
}

herr_t Unlock(H5FD_t* file) {
  DriverFile* f = Of(file);
  if (flock(f->fd, LOCK_UN) == 0 || errno == ENOSYS) return 0;
  PushSystemError("Unlock", H5E_CANTUNLOCKFILE, "unable to unlock file", f, errno);
  return -1;
}

H5FD_class_t MakeClass() {
  H5FD_class_t c;
  std::memset(&c, 0, sizeof c);
#if H5_VERSION_GE(1, 13, 0)
  // libhdf5 1.13+ checks the layout version of the class and wants a driver number; 256-511 are
  // the values it leaves to drivers not registered with the HDF Group.
  c.version = H5FD_CLASS_VERSION;
  c.value = kDriverValue;
#endif
  c.name = "h5lowlevel";
  c.maxaddr = kMaxAddr;
  c.fc_degree = H5F_CLOSE_WEAK;
  c.open = Open;
  c.close = Close;
  c.cmp = Compare;
  c.query = Query;
  c.get_eoa = GetEoa;
  c.set_eoa = SetEoa;
  c.get_eof = GetEof;
  c.get_handle = GetHandle;
  c.read = Read;
  c.write = Write;
  c.truncate = Truncate;
  c.lock = Lock;
  c.unlock = Unlock;
  const H5FD_mem_t freeListMap[H5FD_MEM_NTYPES] = H5FD_FLMAP_DICHOTOMY;  // as sec2
  std::copy(freeListMap, freeListMap + H5FD_MEM_NTYPES, c.fl_map);
  return c;
}

hid_t DriverId() {
  static const H5FD_class_t cls = MakeClass();
  static hid_t id = -1;
  static std::once_flag once;
  std::call_once(once, [] { id = H5FDregister(&cls); });
  return id;
}

// The DriverFile of an open file, from the address of its descriptor (see GetHandle).
DriverFile* DriverFileOf(hid_t fid) {
  void* handle = nullptr;
  if (H5Fget_vfd_handle(fid, H5P_DEFAULT, &handle) < 0 || handle == nullptr) return nullptr;
  return reinterpret_cast<DriverFile*>(static_cast<char*>(handle) - offsetof(DriverFile, fd));
}

}  // namespace

herr_t SetFileDriver(hid_t fapl) {
  hid_t id = DriverId();
  return id < 0 ? -1 : H5Pset_driver(fapl, id, nullptr);
}

bool ReserveOrClose(hid_t fid) {
  DriverFile* f = DriverFileOf(fid);
  if (f != nullptr) {
    f->reserving = true;
    if (Reserve(f, f->eoa) >= 0) return true;
  }
  hid_t failure = H5Eget_current_stack();  // H5Fclose clears the stack
  H5Fclose(fid);
  if (failure >= 0) H5Eset_current_stack(failure);
  return false;
}

int DiscardWritesAfterFailure(hid_t fid, std::string* message) {
  DriverFile* f = DriverFileOf(fid);
  if (f == nullptr || f->failedErrno == 0) return 0;
  f->discard = true;
  *message = "a write to this file failed before; nothing was written since: filename = '" + f->name +
             "', errno = " + std::to_string(f->failedErrno) + ", error message = '" + std::strerror(f->failedErrno) + "'";
  return f->failedErrno;
}

}  // namespace h5l
