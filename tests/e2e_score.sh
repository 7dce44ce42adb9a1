#!/usr/bin/env bash
# End-to-end: extracts the claims of the seed articles in ../shared and scores
# them against the gold annotations. Fails when the attributed F1 (claim
# found and speaker right) is below 0.80. Skips (77) without ../shared.
#
#   tests/e2e_score.sh path/to/claimgraph
set -euo pipefail
bin=$1
# shellcheck source=e2e_lib.sh source-path=SCRIPTDIR
source "$(dirname "$0")/e2e_lib.sh"
scorer="$shared/tools/score-claims"
if [[ ! -f "$seeds/docs.jsonl" || ! -f "$seeds/gold.jsonl" || ! -x "$scorer" ]]; then
  echo "SKIP: $shared (seed articles and scorer) is absent"
  exit 77
fi
e2e_tmpdir
for_each_seed "$bin" extract >> "$tmp/pred.jsonl"

"$py" "$scorer" "$seeds/gold.jsonl" "$tmp/pred.jsonl"
f1=$("$py" "$scorer" "$seeds/gold.jsonl" "$tmp/pred.jsonl" --json |
     "$py" -c 'import json, sys; print(json.load(sys.stdin)["attributed_f1"])')
echo "attributed F1: $f1 (threshold 0.80)"
"$py" -c 'import sys; sys.exit(0 if float(sys.argv[1]) >= 0.80 else 1)' "$f1" || {
  echo "FAIL: attributed F1 $f1 < 0.80"
  "$py" "$scorer" "$seeds/gold.jsonl" "$tmp/pred.jsonl" --verbose | grep -E '^(MISSED|SPEAKER|EXTRA)' | head -40
  exit 1
}
