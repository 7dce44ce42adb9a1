#!/usr/bin/env bash
# End-to-end: ingests the seed articles of ../shared into a fresh store,
# exports GraphML, DOT and JSON-LD and has ../shared/tools/check-exports judge
# them with third-party consumers; then ingests the same articles again and
# checks that stats and every export are byte-identical (idempotent ingest,
# deterministic exports). Skips (77) without ../shared.
#
#   tests/e2e_exports.sh path/to/claimgraph
#   tests/e2e_exports.sh path/to/claimgraph polnear-dev
#
# The second form ingests ../shared/corpus/polnear-dev/docs (84 articles,
# ~15,000 edges) once and has check-exports judge the three formats (about
# a minute, mostly rdflib reading the JSON-LD).
set -euo pipefail
bin=$1
# shellcheck source=e2e_lib.sh source-path=SCRIPTDIR
source "$(dirname "$0")/e2e_lib.sh"
if [[ "${2:-seeds}" == polnear-dev ]]; then
  docs="$shared/corpus/polnear-dev/docs"
  checker="$shared/tools/check-exports"
  if [[ ! -d "$docs" || ! -x "$checker" ]]; then
    echo "SKIP: $shared (PolNeAR dev and check-exports) is absent"
    exit 77
  fi
  e2e_tmpdir
  "$bin" ingest --quiet --db "$tmp/db" "$docs"
  mkdir -p "$tmp/out"
  for format in graphml dot jsonld; do
    "$bin" export --db "$tmp/db" --format "$format" -o "$tmp/out/out.$format"
  done
  "$bin" stats --db "$tmp/db" | head -2
  status=0
  "$checker" --quiet "$tmp/out" || status=$?
  exit "$status"
fi
checker="$shared/tools/check-exports"
if [[ ! -f "$seeds/docs.jsonl" || ! -x "$checker" ]]; then
  echo "SKIP: $shared (seed articles and check-exports) is absent"
  exit 77
fi
e2e_tmpdir

ingest() {
  for_each_seed "$bin" ingest --quiet --db "$tmp/db"
}

# $1: directory to write out.graphml, out.dot, out.jsonld and stats.txt into.
export_all() {
  mkdir -p "$1"
  for format in graphml dot jsonld; do
    "$bin" export --db "$tmp/db" --format "$format" -o "$1/out.$format"
  done
  "$bin" stats --db "$tmp/db" > "$1/stats.txt"
}

ingest
export_all "$tmp/first"
cat "$tmp/first/stats.txt"
status=0
"$checker" --quiet "$tmp/first" || status=$?

ingest
export_all "$tmp/second"
for f in out.graphml out.dot out.jsonld stats.txt; do
  if ! cmp -s "$tmp/first/$f" "$tmp/second/$f"; then
    echo "FAIL: $f changed after ingesting the same articles again:"
    diff "$tmp/first/$f" "$tmp/second/$f" | head -20 || true
    status=1
  fi
done
[[ $status -eq 0 ]] && echo "re-ingest: stats and exports byte-identical"
exit "$status"
