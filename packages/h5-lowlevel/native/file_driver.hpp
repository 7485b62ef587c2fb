// The file driver every file is opened with: libhdf5's POSIX ("sec2") behaviour, plus two rules
// that keep a file written through the binding at its last flushed state when the file system
// refuses a write (disk full, file-size limit, I/O error). See file_driver.cpp.
#pragma once

#include <hdf5.h>

#include <string>

namespace h5l {

// Sets the driver on a file access property list (registered with libhdf5 on first use).
// Returns < 0 with a libhdf5 error pushed when it cannot.
herr_t SetFileDriver(hid_t fapl);

// Arms the reservation of a file just created or opened for writing: from now on every extension
// of the space libhdf5 allocates is reserved on disk before anything can refer to it, starting
// with what was allocated while the file was opened. When that cannot be reserved, closes the
// file and returns false with the failure (naming the file and the system error) as libhdf5's
// current error stack.
bool ReserveOrClose(hid_t fid);

// For the close of a file: when a write to it failed before, lets libhdf5's close write nothing
// while reporting success, so that it frees every cache (libhdf5 1.10 leaks the dirty chunks and
// metadata it fails to write: 135 KB per file measured), and returns that failure's errno (0 when
// no write failed). The file must be closed next; the caller reports the failure.
int DiscardWritesAfterFailure(hid_t fid, std::string* message);

}  // namespace h5l
