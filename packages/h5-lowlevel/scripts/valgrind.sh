#!/usr/bin/env bash
# Leak check of the native addon (sharp's habit): runs scripts/leak-workload.mjs under valgrind and
# fails when valgrind finds definite or indirect leaks with a frame in h5lowlevel.node or libhdf5.
# Node and V8 allocations that live until exit are not ours and are ignored.
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
valgrind --leak-check=full --show-leak-kinds=definite,indirect --num-callers=30 \
  node scripts/leak-workload.mjs 2> "$log" || { cat "$log"; exit 1; }
ours=$(awk '/are (definitely|indirectly) lost/{block=1} block{print} /^==[0-9]+== $/{block=0}' "$log" \
  | grep -cE "h5lowlevel.node|libhdf5" || true)
grep -E "definitely lost|indirectly lost|ERROR SUMMARY" "$log" | tail -3
if [ "$ours" != "0" ]; then
  echo "valgrind: leaks involving the addon or libhdf5:" >&2
  awk '/are (definitely|indirectly) lost/{block=1} block{print} /^==[0-9]+== $/{block=0}' "$log" >&2
  exit 1
fi
echo "valgrind: no leaks from h5lowlevel.node or libhdf5"
