#!/bin/sh
# Acceptance check for stance over time: ingest the three seed articles with
# their dates and answer every row of ../shared/corpus/seeds/stance.jsonl with
# `claimgraph stance --topic QUERY --json` (that speaker, by name or alias,
# with that polarity). Also checks that "Palestinian state" grouped by
# affiliation shows the United States moving from support to oppose.
# Skips (exit 77) when ../shared is absent.
set -eu
BIN=${1:?usage: e2e_stance.sh path/to/claimgraph}
HERE=$(cd "$(dirname "$0")" && pwd)
SEEDS="$HERE/../../shared/corpus/seeds"
[ -f "$SEEDS/stance.jsonl" ] || { echo "skip: $SEEDS absent"; exit 77; }
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
DB="$TMP/db"
"$BIN" ingest -q --db "$DB" --date 2025-06-11 "$SEEDS"/000_*.txt
"$BIN" ingest -q --db "$DB" --date 2024-03-23 "$SEEDS"/001_*.txt
"$BIN" ingest -q --db "$DB" --date 2023-11-09 "$SEEDS"/002_*.txt

# One stance query per distinct QUERY, saved as QUERY.jsonl.
"$PY" -c 'import json,sys
for q in sorted({json.loads(l)["query"] for l in open(sys.argv[1]) if l.strip()}): print(q)' \
  "$SEEDS/stance.jsonl" > "$TMP/queries"
while IFS= read -r q; do
  "$BIN" stance --db "$DB" --topic "$q" --json > "$TMP/q_$(echo "$q" | tr -c 'A-Za-z0-9\n' '_').jsonl"
done < "$TMP/queries"
"$BIN" stance --db "$DB" --topic "Palestinian state" --by affiliation --json > "$TMP/by_affiliation.jsonl"

"$PY" - "$SEEDS/stance.jsonl" "$TMP" <<'PYEOF'
import json, re, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
tmp = sys.argv[2]
def answers(q):
    name = re.sub(r"[^A-Za-z0-9\n]", "_", q)
    return [json.loads(l) for l in open(f"{tmp}/q_{name}.jsonl") if l.strip()]
def same(name, row):
    n = name.lower()
    for a in [row["speaker"]] + row.get("aliases", []):
        a = a.lower()
        if n == a or a in n:
            return True
    return False
ok = 0
for row in rows:
    hit = [a for a in answers(row["query"]) if same(a["speaker"]["name"], row) and a["polarity"] == row["polarity"]]
    status = "ok  " if hit else "MISS"
    ok += bool(hit)
    print(f"{status} {row['query']!r}: {row['speaker']} {row['polarity']} ({row['date']})")
print(f"stance rows answered: {ok}/{len(rows)}")
by = [json.loads(l) for l in open(f"{tmp}/by_affiliation.jsonl") if l.strip()]
us = [a for a in by if a["group"] == "United States" and a["polarity"] != "neutral"]
trend = us and us[0]["polarity"] == "support" and us[0]["date"] < "2025" and \
    any(a["polarity"] == "oppose" and a["date"] >= "2025" and a.get("changed_from") == "support" for a in us)
print("United States on 'Palestinian state':", " -> ".join(f"{a['date']} {a['speaker']['name']} {a['polarity']}" for a in us))
sys.exit(0 if ok == len(rows) and trend else 1)
PYEOF
