#!/usr/bin/env bash
# Builds the libFuzzer target over the reader and the extractor with clang
# (AddressSanitizer + UndefinedBehaviorSanitizer) and runs it on a copy of
# the seed corpus tests/fuzz/corpus/.
#
#   bash scripts/fuzz.sh [SECONDS] [-- LIBFUZZER_FLAGS...]
#
# SECONDS: how long to fuzz (default 600; 0 = until stopped). Build dir:
# build-fuzz/ (override with BUILD_DIR=...). New corpus entries go to
# build-fuzz/corpus/; a crash is written to build-fuzz/crash-* and the run
# stops with libFuzzer's report. Keep a fixed crash as a regression input by
# copying it into tests/fuzz/corpus/ (ctest's fuzz_corpus_replay runs them).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=600
if [[ $# -gt 0 && "$1" != "--" ]]; then seconds=$1; shift; fi
[[ "${1:-}" == "--" ]] && shift

bash scripts/install-deps.sh --fuzz

build_dir=${BUILD_DIR:-build-fuzz}
CC=clang CXX=clang++ cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCLAIMGRAPH_TESTS=OFF -DCLAIMGRAPH_SANITIZE=ON -DCLAIMGRAPH_FUZZ=ON \
  -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link" >/dev/null
cmake --build "$build_dir" -j2 --target claimgraph_fuzz

mkdir -p "$build_dir/corpus"
cp -n tests/fuzz/corpus/* "$build_dir/corpus/" 2>/dev/null || true
# Articles can be long; 64 KB inputs exercise multi-paragraph quotes and
# repeated paragraphs while keeping executions fast.
exec "$build_dir/claimgraph_fuzz" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
  -rss_limit_mb=4096 -artifact_prefix="$build_dir/" -print_final_stats=1 "$@" \
  "$build_dir/corpus"
