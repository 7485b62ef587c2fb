#include "flush_marks.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <random>

#include "convert.hpp"
#include "errors.hpp"
#include "handles.hpp"

namespace h5l {

namespace {

// 2^62: beyond the end of any file. Sessions take 2^20 slots of 2^40 offsets each (2^40 flush
// steps, far more than any writer makes), all inside a 64-bit off_t.
constexpr off_t kFlushMarkBase = off_t(1) << 62;
constexpr int kSessionShift = 40;
constexpr uint32_t kSessions = 1u << 20;

#ifdef F_OFD_SETLK
bool SetMark(int fd, uint32_t session, off_t length) {
  struct flock lock = {};
  lock.l_type = F_RDLCK;
  lock.l_whence = SEEK_SET;
  lock.l_start = kFlushMarkBase + (off_t(session) << kSessionShift);
  lock.l_len = length;
  return fcntl(fd, F_OFD_SETLK, &lock) == 0;
}
#endif

// The next length with the given parity (odd: changing, even: at rest), then set.
void Step(FileState& file, bool changing) {
#ifdef F_OFD_SETLK
  if (file.flushMarkFd < 0) return;
  if ((file.flushMarkLength % 2 == 1) == changing) return;
  file.flushMarkLength += 1;
  // A failure leaves the shorter range: readers then see no end of the flush and wait for the
  // next one, never a flush that did not happen.
  SetMark(file.flushMarkFd, file.flushMarkSession, file.flushMarkLength);
#endif
}

}  // namespace

bool StartFlushMarks(FileState& file) {
#ifdef F_OFD_SETLK
  if (file.flushMarkFd >= 0) return true;
  int fd = open(file.filename.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  uint32_t session = std::random_device{}() % kSessions;
  if (!SetMark(fd, session, 1)) {
    ::close(fd);
    return false;
  }
  file.flushMarkFd = fd;
  file.flushMarkSession = session;
  file.flushMarkLength = 1;  // changing until the first flush ends
  return true;
#else
  return false;
#endif
}

void MarkFlushBegin(FileState& file) { Step(file, true); }

void MarkFlushEnd(FileState& file) { Step(file, false); }

void StopFlushMarks(FileState& file) {
  if (file.flushMarkFd < 0) return;
  ::close(file.flushMarkFd);  // releases the lock
  file.flushMarkFd = -1;
  file.flushMarkLength = 0;
}

Napi::Value FlushMark(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  std::string path;
  if (!ToString(env, info[0], "path", &path)) return env.Undefined();
#ifdef F_OFD_GETLK
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return env.Null();
  struct flock query = {};
  query.l_type = F_WRLCK;  // conflicts with any lock on the range, so the writer's is reported
  query.l_whence = SEEK_SET;
  query.l_start = kFlushMarkBase;
  query.l_len = 0;  // to the end of the offsets
  bool ok = fcntl(fd, F_OFD_GETLK, &query) == 0;
  ::close(fd);
  off_t offset = query.l_start - kFlushMarkBase;
  if (!ok || query.l_type == F_UNLCK || offset < 0 || offset % (off_t(1) << kSessionShift) != 0 || query.l_len <= 0)
    return env.Null();  // no mark, or a lock that is not one
  Napi::Array mark = Napi::Array::New(env, 2);
  mark.Set(0u, Napi::Number::New(env, static_cast<double>(offset >> kSessionShift)));
  mark.Set(1u, Napi::Number::New(env, static_cast<double>(query.l_len)));
  return mark;
#else
  return env.Null();
#endif
}

}  // namespace h5l
