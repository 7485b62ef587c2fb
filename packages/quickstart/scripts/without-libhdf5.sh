#!/usr/bin/env bash
# Runs a command as on a lab machine with neither libhdf5 nor a compiler: every libhdf5 shared
# library is covered by an empty file (a bind mount of /dev/null), and PATH is only BIN_DIR.
# Must run in a private mount namespace, as root: unshare -m bash without-libhdf5.sh BIN_DIR CMD...
set -euo pipefail
bin_dir="$1"; shift
find /usr/lib /usr/local/lib -name 'libhdf5*.so*' -print0 2>/dev/null | xargs -0 -r readlink -f | sort -u |
  while read -r lib; do mount --bind /dev/null "$lib"; done
exec env PATH="$bin_dir" "$@"
