#!/usr/bin/env bash
# Extraction quality, as acceptance scores it: runs `claimgraph extract` on the
# seeds (with their dates) and on PolNeAR dev (and train with --train), scores
# each with ../shared/tools/score-claims, and prints the figures per corpus and
# per kind. Fails (exit 1) when a corpus drops below its regression floor.
#
#   scripts/eval.sh [path/to/claimgraph] [--train]
#
# Floors (FLOOR_* below) sit just below what has been reached; the issue's
# targets are higher for PolNeAR (claim F1 0.75, attributed F1 0.65) and not
# met yet. "written" is two articles written for this check
# (tests/testdata/heldout), scored with speakers by full canonical name, as the
# issue's unseen articles are; "unseen" is thirty more, written later in
# ten rounds, each round scored once before any rule was changed for it
# (tests/testdata/unseen/README.md).
#
# "speaker (name or mention)": PolNeAR's gold aliases are the source as written
# ("Mr. Clarke", "the IMF"), while claimgraph's speaker name is canonical
# ("Tom Clarke", "International Monetary Fund"). The scorer reads only the
# name, so a second line scores the name and the mention together, to show
# how many speaker misses are only a difference of form.
set -euo pipefail
bin=build/claimgraph
[[ $# -gt 0 && $1 != --train ]] && bin=$1
[[ -e $bin ]] && bin=$(realpath "$bin")
cd "$(dirname "$0")/.."
train=0
for a in "$@"; do [[ $a == --train ]] && train=1; done
shared="$(cd .. && pwd)/shared"
scorer="$shared/tools/score-claims"
py=/usr/bin/python3
[[ -x $py ]] || py=python3
if [[ ! -x $scorer ]]; then
  echo "SKIP: $shared is absent (the corpora and the scorer live there)"
  exit 77
fi
[[ -x $bin ]] || { echo "no claimgraph binary at $bin (build first)"; exit 1; }

FLOOR_SEEDS_ATTRIBUTED=0.95
FLOOR_DEV_CLAIM=0.67
FLOOR_DEV_ATTRIBUTED=0.43
FLOOR_WRITTEN_CLAIM=0.90
FLOOR_WRITTEN_SPEAKER=0.90
FLOOR_UNSEEN_CLAIM=0.93
FLOOR_UNSEEN_SPEAKER=0.91

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$py" tests/seed_dates.py "$shared/corpus/seeds/docs.jsonl" | while read -r doc date; do
  "$bin" extract ${date:+--date "$date"} "$shared/corpus/seeds/$doc"
done > "$tmp/seeds.jsonl"
"$bin" extract "$shared/corpus/polnear-dev/docs" > "$tmp/dev.jsonl"
written=tests/testdata/heldout
for f in "$written"/*.txt; do "$bin" extract "$f"; done > "$tmp/written.jsonl"
unseen=tests/testdata/unseen
for f in "$unseen"/*.txt; do "$bin" extract "$f"; done > "$tmp/unseen.jsonl"
corpora=(seeds:"$shared/corpus/seeds/gold.jsonl":"$tmp/seeds.jsonl"
         polnear-dev:"$shared/corpus/polnear-dev/gold.jsonl":"$tmp/dev.jsonl"
         written:"$written/gold.jsonl":"$tmp/written.jsonl"
         unseen:"$unseen/gold.jsonl":"$tmp/unseen.jsonl")
if (( train )); then
  "$bin" extract "$shared/corpus/polnear-train/docs" > "$tmp/train.jsonl"
  corpora+=(polnear-train:"$shared/corpus/polnear-train/gold.jsonl":"$tmp/train.jsonl")
fi

status=0
for entry in "${corpora[@]}"; do
  IFS=: read -r name gold pred <<< "$entry"
  echo "== $name"
  "$py" "$scorer" "$gold" "$pred"
  # Name and mention together: the lenient speaker figure described above.
  "$py" -c '
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    c = json.loads(line)
    s = c.get("speaker") or {}
    s["name"] = (s.get("name") or "") + " / " + (s.get("mention") or "")
    print(json.dumps(c))
' "$pred" > "$pred.lenient"
  "$py" "$scorer" "$gold" "$pred.lenient" --json | "$py" -c '
import json, sys
r = json.load(sys.stdin)
print("   speaker (name or mention): accuracy %.3f, attributed F1 %.3f" % (r["speaker_accuracy"], r["attributed_f1"]))'
  json=$("$py" "$scorer" "$gold" "$pred" --json)
  check() {  # field floor
    "$py" -c 'import json,sys; r=json.loads(sys.argv[1]); sys.exit(0 if r[sys.argv[2]] >= float(sys.argv[3]) else 1)' "$json" "$1" "$2" ||
      { echo "   FAIL: $1 below the floor $2"; status=1; }
  }
  case $name in
    seeds) check attributed_f1 $FLOOR_SEEDS_ATTRIBUTED ;;
    polnear-dev) check claim_f1 $FLOOR_DEV_CLAIM; check attributed_f1 $FLOOR_DEV_ATTRIBUTED ;;
    written) check claim_f1 $FLOOR_WRITTEN_CLAIM; check speaker_accuracy $FLOOR_WRITTEN_SPEAKER ;;
    unseen) check claim_f1 $FLOOR_UNSEEN_CLAIM; check speaker_accuracy $FLOOR_UNSEEN_SPEAKER ;;
  esac
done
exit $status
