#!/usr/bin/env bash
# End-to-end: the claimgraph command line. Exit codes (0 ok, 1 bad input or
# usage, 2 internal or storage error), error messages that name the file and
# line or byte offset, valid claim lines, stdin, --help and --version.
#
#   tests/e2e_cli.sh path/to/claimgraph
set -uo pipefail
bin=$1
repo="$(cd "$(dirname "$0")/.." && pwd)"
source "$(dirname "$0")/e2e_lib.sh"  # py, fail, run, err_has, out_has

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# claim_lines FILE: every line is a JSON object with the required claim fields; prints the count.
claim_lines() {
  "$py" -c '
import json, sys
n = 0
for i, line in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
    c = json.loads(line)
    for k in ("id", "doc", "kind", "text", "span", "cue", "speaker"):
        assert k in c, "line %d lacks %s" % (i, k)
    assert c["kind"] in ("direct", "indirect", "partial", "according_to"), c["kind"]
    assert c["speaker"]["name"], "line %d: empty speaker name" % i
    b, e = c["span"]
    assert 0 <= b <= e, "line %d: bad span" % i
    n += 1
print(n)
' "$1"
}

# --- help, version, usage --------------------------------------------------
run 0 --version && { grep -qE '^claimgraph [0-9]+\.[0-9]+\.[0-9]+' "$tmp/out" || fail "--version: $(cat "$tmp/out")"; }
run 0 --help && { out_has extract; out_has ingest; out_has export; out_has stats; }
for cmd in extract ingest export stats; do
  run 0 "$cmd" --help && out_has "Usage"
done
run 1 && err_has "subcommand"
run 1 frobnicate && err_has "unknown command"
run 1 extract && err_has "PATH"
run 1 ingest "$repo/examples" && err_has "--db"
run 1 extract --date 2024-02-30 "$repo/examples" && err_has "--date"
run 1 extract --date yesterday "$repo/examples" && err_has "YYYY-MM-DD"
run 1 export --db "$tmp/nodb" --format graphml && err_has "$tmp/nodb"
run 1 extract --lexicons "$tmp/no-such-dir" "$repo/examples" && err_has "no-such-dir"

# --- bad input ----------------------------------------------------------------
run 1 extract "$tmp/missing.txt" && err_has "missing.txt"
printf 'The mayor said the vote \xff\xfe was final.\n' > "$tmp/bad-utf8.txt"
run 1 extract "$tmp/bad-utf8.txt" && { err_has "bad-utf8.txt"; err_has "24"; }
{
  echo '{"id": "ok-1", "text": "\"We will vote,\" Mayor Ana Lopes said."}'
  echo '{"id": "broken", "text": '
  echo '{"id": "no-text"}'
} > "$tmp/bad.jsonl"
run 1 extract "$tmp/bad.jsonl" && { err_has "bad.jsonl:2"; err_has "bad.jsonl:3"; }
# The good line was still extracted.
grep -q '"doc":"ok-1"' "$tmp/out" || fail "the good JSONL line yielded no claim: $(cat "$tmp/out")"
run 1 extract --strict "$tmp/bad.jsonl" && err_has "bad.jsonl:2"
grep -qF "bad.jsonl:3" "$tmp/err" && fail "--strict went on after the first bad line"
touch "$tmp/a-file"
run 1 ingest --db "$tmp/a-file" "$repo/examples" && err_has "a-file"
run 1 stats --db "$tmp/a-file" && err_has "a-file"

# --- extract ------------------------------------------------------------------
if run 0 extract "$repo/examples"; then
  n=$(claim_lines "$tmp/out") || fail "extract examples/: invalid claim lines"
  [[ ${n:-0} -ge 10 ]] || fail "extract examples/: only ${n:-0} claims"
  echo "extract examples/: $n valid claim lines"
fi
echo '"We will not back down," Mayor Ana Lopes said on Tuesday.' > "$tmp/stdin.txt"
if STDIN="$tmp/stdin.txt" run 0 extract -; then
  out_has '"doc":"stdin"'
  out_has 'Ana Lopes'
fi
echo '{"id": "piped", "date": "2024-05-02", "text": "\"We will not back down,\" Mayor Ana Lopes said."}' > "$tmp/stdin.jsonl"
if STDIN="$tmp/stdin.jsonl" run 0 extract -; then
  out_has '"doc":"piped"'
  out_has '"date":"2024-05-02"'
fi

# --- ingest, stats, export ----------------------------------------------------
db="$tmp/db"
run 0 ingest --db "$db" "$repo/examples" && err_has "ingested"
run 0 ingest --db "$db" "$repo/examples" && err_has "(0 new)"
run 0 ingest --quiet --db "$db" "$repo/examples" && { [[ -s "$tmp/err" ]] && fail "--quiet printed: $(cat "$tmp/err")"; }
if run 0 stats --db "$db" --json; then
  "$py" -c '
import json, sys
s = json.load(open(sys.argv[1]))
assert s["nodes"].get("Claim", 0) > 0 and s["edges"].get("SAID", 0) > 0, s
' "$tmp/out" || fail "stats --json: $(cat "$tmp/out")"
fi
run 0 stats --db "$db" && out_has "Claim"
run 0 export --db "$db" --format dot && out_has "digraph"
if run 0 export --db "$db" --format graphml -o "$tmp/g.graphml"; then
  [[ -s "$tmp/g.graphml" ]] || fail "export -o g.graphml: empty file"
fi
run 1 export --db "$db" --format svg && err_has "-o"
run 1 export --db "$db" --format csv && err_has "-o"
run 1 export --db "$db" --format gml && err_has "gml"
run 1 export --db "$db" --format dot --kind rumour && err_has "rumour"
run 1 export --db "$db" --format dot --since 2024-1-1 && err_has "--since"

if [[ $failures -gt 0 ]]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "all CLI checks passed"
