#!/usr/bin/env bash
# `pnpm prebuild`: rebuilds the committed prebuilt addon (prebuilds/linux-x64/) with libhdf5 linked
# statically, so that a consumer needs no libhdf5, no compiler and no network.
#
# 1. libhdf5, built once from the Debian source package pinned in recipe.json (version and suite),
#    with its pinned flags, into
#    .prebuild-cache/hdf5-<version>-<flags hash>/ (gitignored; kept between runs, so a change to the
#    addon's C++ only re-links, about a minute).
# 2. The addon, compiled from a copy of binding.gyp and native/ against that static libhdf5
#    (build/Release, the system-linked build that the monorepo's tests use, is left alone).
# 3. Checks (the recipe's libhdf5 version loads, thread-safe, no libhdf5 in `ldd`), then the binary and its
#    manifest (hash of the native sources and this recipe) are written to prebuilds/linux-x64/.
# Idempotent: running it again rebuilds the addon and rewrites the same manifest.
# Needs Debian or Ubuntu (apt, for the source package), and root or sudo only to install build tools
# when they are missing.
set -euo pipefail

# npm and pnpm run a script named "prebuild" before "build" too (a pre-hook), with the same
# environment as when it is asked for by name: only the package manager's command line tells the
# two apart. `npm run build` / `pnpm build` at the root must not start a 10-minute libhdf5 build.
# (npm sets its process title, so its arguments read as one "npm run build" string: split on spaces.)
started_by_build() {
  local pid=$PPID arg
  local -a words
  while [ "$pid" -gt 1 ] && [ -r "/proc/$pid/cmdline" ]; do
    read -ra words < <(tr '\0' ' ' <"/proc/$pid/cmdline")
    for arg in "${words[@]}"; do
      case "$arg" in
        prebuild) return 1 ;;
        build) return 0 ;;
      esac
    done
    pid=$(awk '/^PPid:/ { print $2 }' "/proc/$pid/status")
  done
  return 1
}
if started_by_build; then
  echo "prebuild: not run as the pre-hook of build (\`pnpm prebuild\` rebuilds the prebuilt addon)" >&2
  exit 0
fi
pkg="$(cd "$(dirname "$0")/../.." && pwd)"
recipe="$pkg/scripts/prebuild/recipe.json"
field() { node -p "const r = require(process.argv[1]); $1" "$recipe"; }
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"

version=$(field 'r.hdf5.version')
source_pkg=$(field 'r.hdf5.debianSource')
suite=$(field 'r.hdf5.debianSuite')
hdf5_cppflags=$(field 'r.hdf5.cppflags')
mapfile -t configure_flags < <(field 'r.hdf5.configure.join("\n")')
hdf5_cflags=$(field 'r.hdf5.cflags')
flags_key=$(field 'require("node:crypto").createHash("sha256").update(JSON.stringify(r.hdf5)).digest("hex").slice(0, 12)')
cache="$pkg/.prebuild-cache/hdf5-$version-$flags_key"
prefix="$cache/install"

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
ensure_tools() {
  local missing=()
  for p in dpkg-dev build-essential zlib1g-dev debian-archive-keyring; do installed "$p" || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "prebuild: installing ${missing[*]}" >&2
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# The source package comes from the Debian suite pinned in the recipe, through an apt state of our own
# in the cache (its own sources list and package lists): the system's apt configuration is left
# alone, no root is needed, and the suite need not be the host's. apt checks the suite's signed
# Release file against Debian's keyring, and the .dsc's checksums against it.
apt_dir="$pkg/.prebuild-cache/apt-$suite"
apt_opts=(-o "Dir::Etc::SourceList=$apt_dir/sources.list" -o "Dir::Etc::SourceParts=$apt_dir/none"
  -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::Cache=$apt_dir/cache" -o "Debug::NoLocking=1")
fetch_source() {
  mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$apt_dir/none"
  echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian $suite main" \
    >"$apt_dir/sources.list"
  apt-get "${apt_opts[@]}" update -qq >/dev/null
  (cd "$1" && apt-get "${apt_opts[@]}" source -qq "$source_pkg" >/dev/null 2>&1)
}

build_hdf5() {
  echo "prebuild: building static libhdf5 $version into ${cache#"$pkg/"}" >&2
  rm -rf "$cache"
  mkdir -p "$cache/src" "$cache/build"
  fetch_source "$cache/src" || {
    echo "prebuild: could not fetch $source_pkg from Debian $suite" >&2
    exit 1
  }
  local src; src=$(find "$cache/src" -mindepth 1 -maxdepth 1 -type d -name 'hdf5-*' | head -n 1)
  # libhdf5's error stack names its source files: the prefix map makes a consumer's error say
  # hdf5-<version>/src/H5F.c rather than this machine's cache path.
  local cflags="$hdf5_cflags -ffile-prefix-map=$src=hdf5-$version"
  (cd "$cache/build" &&
    CFLAGS="$cflags" CPPFLAGS="$hdf5_cppflags" "$src/configure" --prefix="$prefix" "${configure_flags[@]}" \
      >configure.log 2>&1 &&
    make -j "$(nproc)" >make.log 2>&1 &&
    make install >install.log 2>&1) || {
    echo "prebuild: the libhdf5 build failed; see the logs in ${cache#"$pkg/"}/build" >&2
    exit 1
  }
  touch "$cache/complete"
}

ensure_tools
if [ ! -f "$cache/complete" ]; then
  build_hdf5
else
  echo "prebuild: static libhdf5 $version found in ${cache#"$pkg/"}" >&2
fi

work="$pkg/.prebuild-cache/addon"
rm -rf "$work"
mkdir -p "$work"
mkdir -p "$work/scripts/prebuild"
cp -r "$pkg/binding.gyp" "$pkg/native" "$work/"
cp "$recipe" "$work/scripts/prebuild/"
ln -s "$pkg/node_modules" "$work/node_modules"
# The running node's own headers when it ships them (Debian's nodejs, the official tarballs):
# node-gyp then needs no download.
node_prefix=$(node -p 'require("node:path").resolve(process.execPath, "../..")')
nodedir=()
[ -f "$node_prefix/include/node/node_api.h" ] && nodedir=(--nodedir="$node_prefix")
echo "prebuild: compiling the addon against the static libhdf5" >&2
(cd "$work" && "$pkg/node_modules/.bin/node-gyp" rebuild -j "$(nproc)" --loglevel=warn "${nodedir[@]}" \
  --hdf5_static_prefix="$prefix" >"$work/node-gyp.log" 2>&1) || {
  echo "prebuild: the addon build failed; see ${work#"$pkg/"}/node-gyp.log" >&2
  exit 1
}
binary="$work/build/Release/h5lowlevel.node"
strip --strip-unneeded "$binary"

node "$pkg/scripts/prebuild/write-manifest.mjs" "$binary" "$prefix/lib/libhdf5.settings"
