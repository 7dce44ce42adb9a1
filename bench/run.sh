#!/usr/bin/env bash
# Throughput and quality benchmarks on ../shared/corpus (not part of the test
# suite; run by hand):
#   - extract and ingest throughput on news-bench (BBC + Reuters-21578, 21.7 MB)
#   - claim scores on the PolNeAR dev set and the seed articles
#
#   bash bench/run.sh [path/to/claimgraph]     default: build/claimgraph
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
bin=${1:-$repo/build/claimgraph}
corpus="$(cd "$repo/.." && pwd)/shared/corpus"
scorer="$(cd "$repo/.." && pwd)/shared/tools/score-claims"
[[ -d "$corpus" ]] || { echo "bench: $corpus is absent" >&2; exit 1; }
py=/usr/bin/python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

seconds() { "$py" -c 'import time; print(time.monotonic())'; }
mb() { du -cb "$@" | tail -1 | awk '{printf "%.1f", $1 / 1e6}'; }

bench_inputs=("$corpus/news-bench/bbc.jsonl" "$corpus/news-bench/reuters21578.jsonl")
size=$(mb "${bench_inputs[@]}")

t0=$(seconds)
"$bin" extract "${bench_inputs[@]}" > "$tmp/bench.jsonl"
t1=$(seconds)
claims=$(wc -l < "$tmp/bench.jsonl")
"$py" -c 'import sys; s, mbs, c = float(sys.argv[2]) - float(sys.argv[1]), float(sys.argv[3]), sys.argv[4]
print(f"extract  news-bench: {mbs} MB of input, {c} claims in {s:.1f} s = {mbs / s:.2f} MB/s")' "$t0" "$t1" "$size" "$claims"

t0=$(seconds)
"$bin" ingest --db "$tmp/db" "${bench_inputs[@]}"
t1=$(seconds)
"$py" -c 'import sys; s, mbs = float(sys.argv[2]) - float(sys.argv[1]), float(sys.argv[3])
print(f"ingest   news-bench: {mbs} MB of input in {s:.1f} s = {mbs / s:.2f} MB/s")' "$t0" "$t1" "$size"
echo "store    $(du -sh "$tmp/db" | cut -f1)"
for format in graphml jsonld; do
  t0=$(seconds)
  "$bin" export --db "$tmp/db" --format "$format" -o "$tmp/out.$format"
  t1=$(seconds)
  "$py" -c 'import sys; print(f"export   {sys.argv[3]}: {float(sys.argv[2]) - float(sys.argv[1]):.1f} s, " + sys.argv[4])' \
    "$t0" "$t1" "$format" "$(du -h "$tmp/out.$format" | cut -f1)"
done

# Quality: PolNeAR dev (dates from its docs.jsonl are not needed for scoring).
dev="$corpus/polnear-dev"
if [[ -d "$dev/docs" ]]; then
  "$bin" extract "$dev/docs" > "$tmp/dev.jsonl" || true
  echo -n "polnear-dev  "
  "$py" "$scorer" "$dev/gold.jsonl" "$tmp/dev.jsonl"
fi
