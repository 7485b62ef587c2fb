#!/usr/bin/env bash
# The README's test command: set up what is missing, then run every package's tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
pnpm -s turbo run test --concurrency=1 "$@"
