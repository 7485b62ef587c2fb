#!/usr/bin/env bash
# Leak check of the native addon (sharp's habit): runs scripts/leak-workload.mjs, then
# scripts/write-failure-workload.mjs under a 512 KiB file-size limit, under valgrind, and fails
# when valgrind finds invalid accesses, or definite or indirect leaks with a frame in
# h5lowlevel.node or libhdf5. Node and V8 allocations that live until exit are not ours and are
# ignored.
set -euo pipefail
cd "$(dirname "$0")/.."
check() {
  local log
  log=$(mktemp)
  valgrind --leak-check=full --show-leak-kinds=definite,indirect --num-callers=30 "$@" 2> "$log" || { cat "$log"; rm -f "$log"; exit 1; }
  local ours
  ours=$(awk '/are (definitely|indirectly) lost/{block=1} block{print} /^==[0-9]+== $/{block=0}' "$log" \
    | grep -cE "h5lowlevel.node|libhdf5" || true)
  echo "$*:"
  grep -E "definitely lost|indirectly lost|possibly lost|ERROR SUMMARY" "$log" | tail -4
  if grep -qE "Invalid (read|write|free)|uninitialised|Mismatched free" "$log"; then
    echo "valgrind: invalid memory accesses:" >&2
    cat "$log" >&2
    rm -f "$log"
    exit 1
  fi
  if [ "$ours" != "0" ]; then
    echo "valgrind: leaks involving the addon or libhdf5:" >&2
    awk '/are (definitely|indirectly) lost/{block=1} block{print} /^==[0-9]+== $/{block=0}' "$log" >&2
    rm -f "$log"
    exit 1
  fi
  rm -f "$log"
}
check node scripts/leak-workload.mjs
(ulimit -f 512 && check node scripts/write-failure-workload.mjs)
echo "valgrind: no invalid access, no leaks from h5lowlevel.node or libhdf5"
