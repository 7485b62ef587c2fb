#!/usr/bin/env bash
# `pnpm bench`: the workload comparison (its flags pass through), the event-loop benchmark, then
# the HSDS comparison.
set -euo pipefail
cd "$(dirname "$0")/.."
npx tsx src/runner.ts "$@"
npx tsx src/evloop.ts
# W1, W2 and W4 on HSDS beside the local file (says why not when the service kit is absent).
npx tsx src/hsds.ts
