#!/usr/bin/env bash
# Idempotent set-up for a fresh Debian 12 machine with Node 20: installs what is missing
# (libhdf5 headers, the Python readers used by interop tests, pnpm), then the dependencies,
# then builds every package (turbo caches what has not changed).
set -euo pipefail
export TURBO_TELEMETRY_DISABLED=1
cd "$(dirname "$0")/.."

# Debian packages, checked with dpkg (the python3 first on PATH may not be Debian's).
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
wanted=(libhdf5-dev pkg-config hdf5-tools)
[ "${SETUP_PYTHON_READERS:-1}" = 1 ] && wanted+=(python3-h5py python3-tables)
need_apt=()
for p in "${wanted[@]}"; do installed "$p" || need_apt+=("$p"); done
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "setup: installing ${need_apt[*]} with apt" >&2
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

want_pnpm=$(node -p 'require("./package.json").packageManager.split("@")[1]')
if [ "$(pnpm -v 2>/dev/null || true)" != "$want_pnpm" ]; then
  echo "setup: installing pnpm@$want_pnpm" >&2
  npm install -g "pnpm@$want_pnpm" --silent >/dev/null
fi

pnpm install --frozen-lockfile --reporter=silent
pnpm -s turbo run build --output-logs=errors-only
