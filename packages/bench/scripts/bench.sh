#!/usr/bin/env bash
# `pnpm bench`: the workload comparison (its flags pass through), then the event-loop benchmark.
set -euo pipefail
cd "$(dirname "$0")/.."
npx tsx src/runner.ts "$@"
npx tsx src/evloop.ts
