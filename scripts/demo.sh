#!/usr/bin/env bash
# The demo: builds claimgraph, ingests the example articles into out/db and
# exports the graph in every format into out/.
#
#   bash scripts/demo.sh            build dir: build/ (override with BUILD_DIR=...)
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh

build_dir=${BUILD_DIR:-build}
jobs=$(nproc 2>/dev/null || echo 2)
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build_dir" -j"$jobs" --target claimgraph
cg="$build_dir/claimgraph"

rm -rf out
mkdir -p out
"$cg" ingest --db out/db examples/
for format in graphml dot jsonld svg png; do
  "$cg" export --db out/db --format "$format" -o "out/claims.$format"
done
"$cg" export --db out/db --format csv -o out/csv
"$cg" extract examples/ > out/claims.jsonl

echo
"$cg" stats --db out/db
echo
echo "Wrote:"
echo "  out/db              the RocksDB store (claimgraph stats --db out/db)"
echo "  out/claims.jsonl    claim lines (claimgraph extract examples/)"
for format in graphml dot jsonld svg png; do
  printf '  %-19s %s\n' "out/claims.$format" "$(du -h "out/claims.$format" | cut -f1)"
done
echo "  out/csv/            CSV for neo4j-admin import and a Kuzu script"
