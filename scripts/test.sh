#!/usr/bin/env bash
# The README's test command: set up what is missing, run every package's tests (one package at a
# time: the machines have 2 cores and the native tests spawn processes), then print one closing
# line with the totals over all packages.
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1
bash scripts/setup.sh
rm -f packages/*/.vitest-report.json
status=0
# The API reference must build without a warning (typedoc treats warnings as errors).
pnpm -s docs >/dev/null || { echo "test: pnpm docs failed (run it to see the typedoc warnings)" >&2; status=1; }
pnpm -s turbo run test --concurrency=1 --continue -- --reporter=default --reporter=json \
  --outputFile.json=.vitest-report.json "$@" || status=$?
# The shipped prebuilt binary (static libhdf5, another version than the system's) through
# h5-lowlevel's own suite: what only it does (worker ends, its libhdf5's messages) fails here.
PREBUILDS_ONLY=1 pnpm -s --filter @pymodaq-ts/h5-lowlevel exec vitest run --reporter=dot ||
  { echo "test: h5-lowlevel's tests failed on the prebuilt binary (PREBUILDS_ONLY=1)" >&2; status=1; }
node scripts/test-totals.mjs packages/*/.vitest-report.json
exit $status
