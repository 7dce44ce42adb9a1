#!/usr/bin/env bash
# Export benchmark (issue #5): builds a store of at least 1,000,000 edges by
# ingesting ../shared/corpus/news-bench repeated COPIES times with distinct
# ids (copies generated into a temp dir at bench time, never committed), then
# times every export of it, each in its own process under /usr/bin/time:
# wall seconds, CPU seconds (user + sys: steadier than wall on a shared
# machine), peak RSS and output size per format. Targets (issue #5):
# GraphML and JSON-LD <= 10 s and <= 256 MB. Run by hand, not by ctest.
#
#   bash bench/export_bench.sh [--copies N] [--keep DIR] [BUILD_DIR]   (default: build, 2 copies)
#     --keep DIR  build the store in DIR and keep it; reuse it when it exists
set -euo pipefail
copies=2 keep="" build=""
while (($#)); do
  case "$1" in
    --copies) copies="$2"; shift ;;
    --keep) keep="$2"; shift ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) build="$1" ;;
  esac
  shift
done
repo="$(cd "$(dirname "$0")/.." && pwd)"
bin="${build:-$repo/build}/claimgraph"
bench="$repo/../shared/corpus/news-bench"
[[ -x "$bin" ]] || { echo "export_bench: $bin is missing (cmake --build ${build:-build})" >&2; exit 1; }
[[ -d "$bench" ]] || { echo "export_bench: $bench is missing" >&2; exit 1; }
py=/usr/bin/python3
[[ -x $py ]] || py=python3

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db=${keep:-$tmp/db}

if [[ ! -d "$db" ]]; then
  # Copy k of every article gets id "<id>~k": a new article, same text.
  for ((k = 1; k <= copies; k++)); do
    "$py" -c '
import json, sys
k = sys.argv[1]
for path in sys.argv[2:]:
    for line in open(path, encoding="utf-8"):
        if line.strip():
            d = json.loads(line)
            d["id"] = d["id"] + "~" + k
            print(json.dumps(d, ensure_ascii=False))
' "$k" "$bench"/*.jsonl > "$tmp/copy$k.jsonl"
  done
  /usr/bin/time -f "%e %M" -o "$tmp/ingest.time" "$bin" ingest --quiet --db "$db" "$tmp"/copy*.jsonl
  read -r secs kb < "$tmp/ingest.time"
  echo "ingest: $copies x news-bench in $secs s, peak RSS $((kb / 1024)) MB"
  rm -f "$tmp"/copy*.jsonl
fi
edges=$("$bin" stats --db "$db" --json | "$py" -c 'import json,sys; d=json.load(sys.stdin); print(d["node_count"], d["edge_count"])')
read -r n_nodes n_edges <<< "$edges"
echo "store: $n_nodes nodes, $n_edges edges ($(du -sh "$db" | cut -f1) on disk)"
(( n_edges >= 1000000 )) || echo "note: fewer than 1,000,000 edges; use --copies $((copies + 1))"

printf '%-8s %9s %9s %9s %10s  %s\n' format seconds "CPU s" "RSS MB" "output MB" target
run() {
  local fmt=$1 out=$2
  shift 2
  /usr/bin/time -f "%e %M %U %S" -o "$tmp/t" "$bin" export --db "$db" --format "$fmt" -o "$out" "$@" \
    > /dev/null 2> "$tmp/err" || { echo "$fmt: failed: $(cat "$tmp/err")"; return; }
  read -r secs kb user sys < "$tmp/t"
  local mb=$((kb / 1024)) size target="" cpu
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  size=$(du -sm "$out" | cut -f1)
  if [[ $fmt == graphml || $fmt == jsonld ]]; then
    target=$(awk -v s="$secs" -v m="$mb" 'BEGIN { print (s <= 10 && m <= 256) ? "met (<= 10 s, <= 256 MB)" : "MISSED (<= 10 s, <= 256 MB)" }')
  fi
  printf '%-8s %9s %9s %9s %10s  %s\n' "$fmt${*:+*}" "$secs" "$cpu" "$mb" "$size" "$target"
  rm -rf "$out"
}
run graphml "$tmp/out.graphml"
run jsonld "$tmp/out.jsonld"
run csv "$tmp/csv"
run dot "$tmp/out.dot"
run svg "$tmp/out.svg" --top 300
echo "* svg with --top 300 (the whole graph is refused as unreadable)"
