// Link helpers shared by the group and dataset operations.
#pragma once

#include <hdf5.h>

#include <string>

#include "handles.hpp"

namespace h5l {

// What a name is written for. h5py 3 marks a non-ASCII name UTF-8 only where it passes a link
// creation list with the name's encoding (create_group, soft and external links); its datasets'
// links (create_dataset), attribute names and moved links keep libhdf5's default, ASCII.
enum class NameUse { GroupLink, DatasetLink, Attribute, MovedLink };

// True when `name` is stored with the UTF-8 character set in `file` (FileState::nameCset): a name
// with a byte above 0x7f, unless the file's rule keeps it ASCII for this use.
bool Utf8Name(const FileState& file, const std::string& name, NameUse use);
// Link creation properties for `name`: its character set (a UTF-8 link converts its group from
// the old-style symbol table, which PyTables and h5py write, to link-message storage) and
// intermediate groups when asked. Empty (use orDefault()) when the defaults do.
Hid LinkCreateList(const FileState& file, const std::string& name, NameUse use, bool intermediate);
// True when every component of `name` resolves (intermediate ones to groups); never throws.
bool PathExists(hid_t loc, const std::string& name);
// "group", "dataset", "softlink", "externallink", "other", or "" when nothing is there.
std::string KindAt(hid_t loc, const std::string& name);

}  // namespace h5l
