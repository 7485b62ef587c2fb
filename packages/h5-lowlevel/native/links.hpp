// Link helpers shared by the group and dataset operations.
#pragma once

#include <hdf5.h>

#include <string>

namespace h5l {

// Link creation properties: UTF-8 link names (as h5py), optionally intermediate groups. Caller closes.
hid_t LinkCreateList(bool intermediate);
// True when every component of `name` resolves (intermediate ones to groups); never throws.
bool PathExists(hid_t loc, const std::string& name);
// "group", "dataset", "softlink", "externallink", "other", or "" when nothing is there.
std::string KindAt(hid_t loc, const std::string& name);

}  // namespace h5l
