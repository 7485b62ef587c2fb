#!/usr/bin/env bash
# `pnpm prebuild`: rebuilds the committed prebuilt addon (prebuilds/linux-x64/) with libhdf5 linked
# statically, so that a consumer needs no libhdf5, no compiler and no network.
#
# 1. libhdf5, built once from Debian's source package with the pinned flags of recipe.json into
#    .prebuild-cache/hdf5-<version>-<flags hash>/ (gitignored; kept between runs, so a change to the
#    addon's C++ only re-links, about a minute).
# 2. The addon, compiled from a copy of binding.gyp and native/ against that static libhdf5
#    (build/Release, the system-linked build that the monorepo's tests use, is left alone).
# 3. Checks (libhdf5 1.10.8 loads, thread-safe, no libhdf5 in `ldd`), then the binary and its
#    manifest (hash of the native sources and this recipe) are written to prebuilds/linux-x64/.
# Idempotent: running it again rebuilds the addon and rewrites the same manifest.
# Needs Debian or Ubuntu, root (or sudo) to add a deb-src line and build tools when they are missing.
set -euo pipefail
pkg="$(cd "$(dirname "$0")/../.." && pwd)"
recipe="$pkg/scripts/prebuild/recipe.json"
field() { node -p "const r = require(process.argv[1]); $1" "$recipe"; }
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"

version=$(field 'r.hdf5.version')
source_pkg=$(field 'r.hdf5.debianSource')
mapfile -t configure_flags < <(field 'r.hdf5.configure.join("\n")')
hdf5_cflags=$(field 'r.hdf5.cflags')
flags_key=$(field 'require("node:crypto").createHash("sha256").update(JSON.stringify(r.hdf5)).digest("hex").slice(0, 12)')
cache="$pkg/.prebuild-cache/hdf5-$version-$flags_key"
prefix="$cache/install"

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
ensure_tools() {
  local missing=()
  for p in dpkg-dev build-essential zlib1g-dev; do installed "$p" || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "prebuild: installing ${missing[*]}" >&2
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# `apt-get source` needs a deb-src entry; Debian images ship only binary ones.
ensure_deb_src() {
  if apt-get source --print-uris "$source_pkg" >/dev/null 2>&1; then return; fi
  local suite; suite=$(. /etc/os-release && echo "$VERSION_CODENAME")
  echo "prebuild: adding a deb-src entry for $suite" >&2
  $SUDO tee /etc/apt/sources.list.d/prebuild-deb-src.sources >/dev/null <<EOF
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: $suite
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  $SUDO apt-get update -qq
}

build_hdf5() {
  echo "prebuild: building static libhdf5 $version into ${cache#"$pkg/"}" >&2
  rm -rf "$cache"
  mkdir -p "$cache/src" "$cache/build"
  (cd "$cache/src" && apt-get source -qq "$source_pkg" >/dev/null 2>&1)
  local src; src=$(find "$cache/src" -mindepth 1 -maxdepth 1 -type d -name 'hdf5-*' | head -n 1)
  (cd "$cache/build" &&
    CFLAGS="$hdf5_cflags" "$src/configure" --prefix="$prefix" "${configure_flags[@]}" >configure.log 2>&1 &&
    make -j "$(nproc)" >make.log 2>&1 &&
    make install >install.log 2>&1) || {
    echo "prebuild: the libhdf5 build failed; see the logs in ${cache#"$pkg/"}/build" >&2
    exit 1
  }
  touch "$cache/complete"
}

ensure_tools
if [ ! -f "$cache/complete" ]; then
  ensure_deb_src
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
