#!/usr/bin/env bash
# Builds claimgraph and runs its whole test suite (unit, contract and
# end-to-end tests; the end-to-end checks against ../shared skip when it is
# absent). Ends with ctest's summary line.
#
#   bash scripts/test.sh            build dir: build/ (override with BUILD_DIR=...)
#
# CMAKE_ARGS (words split on spaces) go to cmake after the defaults, e.g.
# the sanitizer job of .ci/run: CMAKE_ARGS="-DCLAIMGRAPH_SANITIZE=ON ...".
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh --test

build_dir=${BUILD_DIR:-build}
jobs=$(nproc 2>/dev/null || echo 2)
# shellcheck disable=SC2086  # CMAKE_ARGS is a list of words
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCLAIMGRAPH_TESTS=ON ${CMAKE_ARGS:-} >/dev/null
cmake --build "$build_dir" -j"$jobs"
log="$build_dir/ctest.log"
set +e
ctest --test-dir "$build_dir" --output-on-failure -j"$jobs" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# ctest lists skipped tests after its summary; repeat the summary as the last line.
grep -E '^[0-9]+% tests passed' "$log" | tail -n 1 || true
exit "$status"
