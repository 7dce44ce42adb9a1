#!/usr/bin/env bash
# Throughput benchmark (issue #6) and quality check on ../shared/corpus; run
# by hand, not part of the test suite.
#
#   bash bench/run.sh [options] [BUILD_DIR]       default BUILD_DIR: build
#     --quick           news-bench once only (skip the 10x input)
#     --no-10x-exports  on the 10x input run extract and ingest only
#     --svg-top N       edges kept for the svg/png exports (default 300; a
#                       layout of the whole graph takes hours)
#
# Every measured command runs in its own process under /usr/bin/time -v and
# the table gives, per input (news-bench, and news-bench repeated 10 times
# with ids rewritten so every copy is a new article; generated in a temp
# dir, never committed): wall and CPU (user+sys) seconds, MB/s of input
# file bytes, articles/s, claims/s, peak RSS, and the ratio of wall and CPU
# time to the screening floor's (bench/floor.cc, built beside claimgraph as
# claimgraph_floor). Rows: floor, extract --threads 1, ingest into a fresh
# store (default threads), a re-ingest of the same input (idempotent, must add
# nothing), and every export of that store. Two rows give the store's own
# floor (bench/store_floor.cc): the keys and values of that ingest written
# into a fresh store with no extraction, building or merging, as sorted
# WriteBatches of ingest's group size ("write only") and as SST files
# ingested with IngestExternalFile ("SST ingest").
#
# The machine is shared; when others load it the wall times stretch and the
# CPU column is the steadier figure.
set -euo pipefail
quick=0 exports10=1 svg_top=300 build=""
while (($#)); do
  case "$1" in
    --quick) quick=1 ;;
    --no-10x-exports) exports10=0 ;;
    --svg-top) svg_top="$2"; shift ;;
    -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
    *) build="$1" ;;
  esac
  shift
done
repo="$(cd "$(dirname "$0")/.." && pwd)"
build=${build:-$repo/build}
bin="$build/claimgraph"
floor="$build/claimgraph_floor"
store_floor="$build/claimgraph_store_floor"
for b in "$bin" "$floor" "$store_floor"; do
  [[ -x "$b" ]] || { echo "bench: $b is missing (cmake --build $build)" >&2; exit 1; }
done
shared="$(cd "$repo/.." && pwd)/shared"
corpus="$shared/corpus"
scorer="$shared/tools/score-claims"
[[ -d "$corpus/news-bench" ]] || { echo "bench: $corpus/news-bench is absent" >&2; exit 1; }
py=/usr/bin/python3
tmp=$(mktemp -d "${TMPDIR:-/tmp}/claimgraph-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

inputs1=("$corpus/news-bench/bbc.jsonl" "$corpus/news-bench/reuters21578.jsonl")

# news-bench x10: copy k gets ids "xK-<id>" (a new id is a new article).
make_10x() {
  local out="$tmp/news-bench-10x.jsonl" k
  : > "$out"
  for k in 0 1 2 3 4 5 6 7 8 9; do
    sed "s/^{\"id\": \"/{\"id\": \"x$k-/" "${inputs1[@]}" >> "$out"
  done
  local n_ids
  n_ids=$(grep -c "^{\"id\": \"x[0-9]-" "$out")
  [[ "$n_ids" == "$(wc -l < "$out")" ]] || { echo "bench: id rewrite missed lines" >&2; exit 1; }
  echo "$out"
}

# run NAME ARTICLES_FROM CMD...: times CMD (stdout to $tmp/NAME.out, stderr to
# $tmp/NAME.err) and appends "name wall cpu rss_kb" to $tmp/times.
run() {
  local name="$1"; shift
  /usr/bin/time -v -o "$tmp/$name.time" "$@" > "$tmp/$name.out" 2> "$tmp/$name.err" || {
    echo "bench: $name failed:" >&2; tail -5 "$tmp/$name.err" >&2; exit 1; }
  "$py" - "$tmp/$name.time" "$name" >> "$tmp/times" <<'EOF'
import re, sys
t = open(sys.argv[1]).read()
def f(label):
    return re.search(re.escape(label) + r": (.*)", t).group(1).strip()
wall = f("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":")
secs = sum(float(x) * 60 ** i for i, x in enumerate(reversed(wall)))
cpu = float(f("User time (seconds)")) + float(f("System time (seconds)"))
print(sys.argv[2], f"{secs:.3f}", f"{cpu:.3f}", f("Maximum resident set size (kbytes)"))
EOF
}

# row LABEL NAME MB ARTICLES CLAIMS FLOOR_NAME: one table line.
row() {
  "$py" - "$tmp/times" "$@" <<'EOF'
import sys
times = {l.split()[0]: l.split()[1:] for l in open(sys.argv[1])}
label, name, mb, arts, claims, floor = sys.argv[2:8]
wall, cpu, rss = (float(x) for x in times[name])
fw, fc, _ = (float(x) for x in times[floor])
mb, arts, claims = float(mb), int(arts), int(claims)
rate = lambda n: f"{n / wall:,.0f}" if n else "-"
print(f"| {label:<24} | {wall:7.2f} | {cpu:7.2f} | {mb / wall:6.1f} | {rate(arts):>9} | {rate(claims):>9} |"
      f" {rss / 1024:6.0f} | {wall / fw:6.2f}x | {cpu / fc:6.2f}x |")
EOF
}

header() {
  echo
  echo "### $1: $2 MB of input, $3 articles"
  echo
  echo "| step                     |  wall s |   cpu s |   MB/s | articles/s |  claims/s | RSS MB | wall/floor | cpu/floor |"
  echo "|--------------------------|--------:|--------:|-------:|----------:|----------:|-------:|--------:|--------:|"
}

bench_input() {
  local tag="$1" exports="$2"; shift 2
  local files=("$@")
  local mb articles claims
  mb=$(du -cb "${files[@]}" | tail -1 | awk '{printf "%.1f", $1 / 1e6}')

  run "$tag-floor" "$floor" "${files[@]}"
  articles=$(awk '{print $2}' "$tmp/$tag-floor.out")
  header "$tag" "$mb" "$articles"
  row "floor (RE2::Set scan)" "$tag-floor" "$mb" "$articles" 0 "$tag-floor"

  run "$tag-extract" "$bin" extract --threads 1 "${files[@]}"
  claims=$(wc -l < "$tmp/$tag-extract.out")
  rm -f "$tmp/$tag-extract.out"
  row "extract --threads 1" "$tag-extract" "$mb" "$articles" "$claims" "$tag-floor"

  local db="$tmp/$tag-db"
  run "$tag-ingest" "$bin" ingest --db "$db" "${files[@]}"
  row "ingest (fresh store)" "$tag-ingest" "$mb" "$articles" "$claims" "$tag-floor"
  # The store's own floor: the keys/values of that store written into fresh
  # stores with no extraction or building (bench/store_floor.cc); its times
  # are the tool's own, without its untimed read of $db; RSS includes it.
  run "$tag-store-floor" "$store_floor" "$db" "$tmp/$tag-store-floor"
  local method
  for method in write_batch sst; do
    awk -v m="$method" -v n="$tag-store-floor-$method" -v rss="$(awk '{print $4}' "$tmp/times" | tail -1)" \
      '$1 == m {print n, $3, $5, rss}' "$tmp/$tag-store-floor.out" >> "$tmp/times"
  done
  row "store floor: write only" "$tag-store-floor-write_batch" "$mb" "$articles" "$claims" "$tag-floor"
  row "store floor: SST ingest" "$tag-store-floor-sst" "$mb" "$articles" "$claims" "$tag-floor"
  "$bin" stats --db "$db" > "$tmp/$tag-stats-1"
  run "$tag-reingest" "$bin" ingest --db "$db" "${files[@]}"
  row "re-ingest (adds nothing)" "$tag-reingest" "$mb" "$articles" "$claims" "$tag-floor"
  "$bin" stats --db "$db" > "$tmp/$tag-stats-2"
  cmp -s "$tmp/$tag-stats-1" "$tmp/$tag-stats-2" || echo "bench: re-ingest changed the stats!" >&2

  if ((exports)); then
    local format
    for format in graphml jsonld dot csv; do
      run "$tag-export-$format" "$bin" export --db "$db" --format "$format" -o "$tmp/$tag-out.$format"
      row "export $format ($(du -sh "$tmp/$tag-out.$format" | cut -f1))" "$tag-export-$format" \
        "$mb" "$articles" "$claims" "$tag-floor"
      rm -rf "$tmp/$tag-out.$format"
    done
    for format in svg png; do
      run "$tag-export-$format" "$bin" export --db "$db" --format "$format" --top "$svg_top" \
        -o "$tmp/$tag-out.$format"
      row "export $format --top $svg_top" "$tag-export-$format" "$mb" "$articles" "$claims" "$tag-floor"
    done
  fi
  echo
  echo "store: $(du -sh "$db" | cut -f1); $claims claims; $(grep -m1 '^nodes' "$tmp/$tag-stats-1"), $(grep -m1 '^edges' "$tmp/$tag-stats-1")"
  rm -rf "$db"
}

echo "claimgraph bench: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $bin"
bench_input news-bench 1 "${inputs1[@]}"
if ((!quick)); then
  bench_input news-bench-10x "$exports10" "$(make_10x)"
fi

# Quality: PolNeAR dev and the seed articles, so a speed-up that costs
# quality shows here.
echo
dev="$corpus/polnear-dev"
if [[ -d "$dev/docs" ]]; then
  "$bin" extract "$dev/docs" > "$tmp/dev.jsonl" || true
  echo -n "polnear-dev  "
  "$py" "$scorer" "$dev/gold.jsonl" "$tmp/dev.jsonl" | tail -1
fi
if [[ -d "$corpus/seeds" ]]; then
  for f in "$corpus/seeds"/*.txt; do "$bin" extract --date 2025-06-11 "$f"; done > "$tmp/seeds.jsonl"
  echo -n "seeds        "
  "$py" "$scorer" "$corpus/seeds/gold.jsonl" "$tmp/seeds.jsonl" | tail -1
fi
