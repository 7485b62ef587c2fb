// Link helpers shared by the group and dataset operations.
#pragma once

#include <hdf5.h>

#include <string>

#include "handles.hpp"

namespace h5l {

// True when `name` has no byte above 0x7f.
bool IsAscii(const std::string& name);
// Link creation properties for `name`, as h5py chooses them: the UTF-8 character set only for a
// non-ASCII name (an ASCII-only link keeps old-style symbol-table groups, as PyTables and h5py
// write them; a UTF-8 link converts its group to the newer link-message storage), and
// intermediate groups when asked. Empty (use orDefault()) when the defaults do.
Hid LinkCreateList(const std::string& name, bool intermediate);
// True when every component of `name` resolves (intermediate ones to groups); never throws.
bool PathExists(hid_t loc, const std::string& name);
// "group", "dataset", "softlink", "externallink", "other", or "" when nothing is there.
std::string KindAt(hid_t loc, const std::string& name);

}  // namespace h5l
