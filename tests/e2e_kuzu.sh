#!/usr/bin/env bash
# End-to-end: `claimgraph export --format csv` loads into Kuzu (npm package
# kuzu 0.11.3, embedded, in-memory) through the exported kuzu_load.cypher,
# and what Kuzu holds equals what claimgraph says: node and relationship
# counts per type = `claimgraph stats --json`, claims per speaker (Cypher
# over SAID) = `claimgraph speakers --json`. Runs on examples/ and, when
# ../shared is there, on the seeds and PolNeAR dev; plus one filtered export.
#
# kuzu is installed on first use by scripts/install-kuzu.sh into
# ~/.cache/claimgraph-kuzu (or $CLAIMGRAPH_KUZU_DIR), outside the repo.
# Skips (77) when node/npm are missing or npm cannot reach the registry.
#
#   tests/e2e_kuzu.sh path/to/claimgraph
set -euo pipefail
bin=$1
root="$(cd "$(dirname "$0")/.." && pwd)"
source "$(dirname "$0")/e2e_lib.sh"  # shared, seeds, py, e2e_tmpdir, for_each_seed

set +e
kuzu_dir=$(bash "$root/scripts/install-kuzu.sh")
rc=$?
set -e
if [[ $rc -ne 0 ]]; then
  echo "SKIP: kuzu is not installable here (node/npm missing or registry unreachable)"
  exit 77
fi
export NODE_PATH="$kuzu_dir/node_modules"

e2e_tmpdir
status=0

# $1: name, $2: store; further args: export filters. Loads the CSV into Kuzu
# and compares with stats/speakers (unfiltered) or with the GraphML of the
# same filter (filtered: stats and speakers know no filters).
check() {
  local name=$1 db=$2
  shift 2
  local out="$tmp/$name"
  "$bin" export --db "$db" --format csv -o "$out/csv" "$@"
  if ! node "$root/tests/kuzu_load.js" "$out/csv" > "$out/kuzu.json"; then
    echo "FAIL $name: Kuzu did not load the CSV export"
    status=1
    return
  fi
  if [[ $# -eq 0 ]]; then
    "$bin" stats --db "$db" --json > "$out/stats.json"
    "$bin" speakers --db "$db" --json > "$out/speakers.jsonl"
  else
    "$bin" export --db "$db" --format graphml -o "$out/graph.graphml" "$@"
  fi
  if ! "$py" - "$name" "$out" <<'PY'
import json, os, sys
from collections import Counter
name, out = sys.argv[1], sys.argv[2]
kuzu = json.load(open(os.path.join(out, "kuzu.json")))
if os.path.exists(os.path.join(out, "stats.json")):
    stats = json.load(open(os.path.join(out, "stats.json")))
    want_nodes, want_rels = stats["nodes"], stats["edges"]
    want_claims = {}
    for line in open(os.path.join(out, "speakers.jsonl")):
        s = json.loads(line)
        if s.get("claims", 0) > 0:
            want_claims[s["id"]] = s["claims"]
    source = "stats --json / speakers --json"
else:
    import xml.etree.ElementTree as ET
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    g = ET.parse(os.path.join(out, "graph.graphml")).getroot().find("g:graph", ns)
    def data(el, key):
        d = el.find(f"g:data[@key='{key}']", ns)
        return d.text if d is not None else None
    types = {n.get("id"): data(n, "n_type") for n in g.findall("g:node", ns)}
    want_nodes = Counter(types.values())
    want_rels, want_claims = Counter(), Counter()
    for e in g.findall("g:edge", ns):
        want_rels[data(e, "label")] += 1
        if data(e, "label") == "SAID" and types.get(e.get("target")) == "Claim":
            want_claims[e.get("source")] += 1
    source = "GraphML of the same filter"
problems = []
for what, got, want in (("nodes", kuzu["nodes"], want_nodes), ("relationships", kuzu["rels"], want_rels),
                        ("claims per speaker", kuzu["claims_per_speaker"], want_claims)):
    if dict(got) != dict(want):
        keys = sorted(set(got) | set(want))
        diff = [f"{k}: kuzu {got.get(k, 0)} vs {want.get(k, 0)}" for k in keys if got.get(k, 0) != want.get(k, 0)]
        problems.append(f"{what} differ from {source}: " + "; ".join(diff[:8]))
if problems:
    print(f"FAIL {name}: " + "\n  ".join(problems))
    sys.exit(1)
print(f"ok {name}: Kuzu holds {sum(kuzu['nodes'].values())} nodes, {sum(kuzu['rels'].values())} "
      f"relationships, claims of {len(kuzu['claims_per_speaker'])} speakers = {source}")
PY
  then
    status=1
  fi
}

"$bin" ingest --quiet --db "$tmp/examples.db" "$root/examples"
check examples "$tmp/examples.db"
check examples-filtered "$tmp/examples.db" --since 2024-01-01 --kind direct

if [[ -d "$shared/corpus/seeds" ]]; then
  for_each_seed "$bin" ingest --quiet --db "$tmp/seeds.db"  # each with its date
  check seeds "$tmp/seeds.db"
  check seeds-min-claims "$tmp/seeds.db" --min-claims 2
else
  echo "note: $shared is absent; seeds and PolNeAR dev not checked"
fi
if [[ -d "$shared/corpus/polnear-dev/docs" ]]; then
  "$bin" ingest --quiet --db "$tmp/polnear.db" "$shared/corpus/polnear-dev/docs"
  check polnear-dev "$tmp/polnear.db"
fi
exit "$status"
