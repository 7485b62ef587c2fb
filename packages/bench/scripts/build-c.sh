#!/usr/bin/env bash
# Compile the C reference implementation of the workloads into build/workloads.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p build
# shellcheck disable=SC2046
gcc -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -ffp-contract=off -Wall -Wextra -Werror \
  -o build/workloads c/*.c $(pkg-config --cflags --libs hdf5) -lm
