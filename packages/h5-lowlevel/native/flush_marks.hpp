// Flush marks: how a writer that holds its metadata until flush (file_metadata.cpp) tells readers
// in other processes which flush the file on disk is at, without writing anything into the file.
//
// The writer holds an open-file-description read lock (fcntl F_OFD_SETLK) on the byte range
// [start, start + length), far past any file's end (a lock range needs no bytes there), where
// start = 2^62 + session * 2^40 and `session` is drawn at random when the writer opens the file
// (so that a reader can tell a writer that reopened the file from one that did not close it).
// `length` counts the flush steps: odd while the file on disk is changing (before the
// first flush, and from the start to the end of each flush), even between flushes, when it is
// twice the number of completed flushes. Growing the range is one fcntl call on one lock, so a
// reader's F_OFD_GETLK sees either the old length or the new one. The lock ends with the writer's
// close, or with its process (the kernel releases it): no lock means no announcing writer.
// Locks of this kind are independent of libhdf5's own flock on the file, and of every other
// descriptor of the file (a POSIX process lock would vanish when libhdf5 closes any of its
// descriptors of the same file).
#pragma once

#include <napi.h>

#include <cstdint>

namespace h5l {

struct FileState;

// Starts marking `file`'s flushes (a file opened for writing). False when the platform or the
// file system has no such locks: nothing is marked then.
bool StartFlushMarks(FileState& file);
// Around every H5Fflush of a marked file (no-ops on an unmarked one).
void MarkFlushBegin(FileState& file);
void MarkFlushEnd(FileState& file);
// Before H5Fclose: the file is changing; after it, the lock goes (StopFlushMarks).
void StopFlushMarks(FileState& file);

// flushMark(path): [session, length] of the flush-mark lock another descriptor holds on `path`,
// or null when none does (no writer, or one that does not mark its flushes).
Napi::Value FlushMark(const Napi::CallbackInfo& info);

}  // namespace h5l
