#!/usr/bin/env bash
# End-to-end: the SPARQL queries the README shows (schemas/sparql/*.rq) run
# over `claimgraph export --format jsonld` and answer what claimgraph says:
#   claims-per-speaker.rq  = `claimgraph speakers --json` claim counts
#   quotes-per-speaker.rq  = direct + partial claims per speaker (GraphML)
#   stance-over-time.rq    = the STANCE edges (speaker, topic, date, polarity)
#                            of the GraphML export, in date order per topic
# with rdflib (/usr/bin/python3) and, when check-exports has installed them
# (~/.cache/claimgraph-check-exports), jsonld.js + Oxigraph, which must give
# the same rows. Runs on examples/ and, when ../shared is there, the seeds.
# Skips (77) without rdflib.
#
#   tests/e2e_sparql.sh path/to/claimgraph
set -euo pipefail
bin=$1
root="$(cd "$(dirname "$0")/.." && pwd)"
source "$(dirname "$0")/e2e_lib.sh"  # shared, seeds, py, e2e_tmpdir, for_each_seed
if ! [[ -x $py ]] || ! "$py" -c 'import rdflib' 2>/dev/null; then
  echo "SKIP: /usr/bin/python3 with rdflib is needed (apt-get install python3-rdflib)"
  exit 77
fi
node_dir=${CHECK_EXPORTS_NODE_DIR:-$HOME/.cache/claimgraph-check-exports}
oxigraph=no
if command -v node >/dev/null 2>&1 && [[ -d "$node_dir/node_modules/oxigraph" && -d "$node_dir/node_modules/jsonld" ]]; then
  oxigraph=yes
else
  echo "note: jsonld.js/oxigraph not in $node_dir (../shared/tools/check-exports installs them): rdflib only"
fi

e2e_tmpdir
status=0

check() {
  local name=$1 db=$2 out="$tmp/$1"
  mkdir -p "$out"
  "$bin" export --db "$db" --format jsonld -o "$out/out.jsonld"
  "$bin" export --db "$db" --format graphml -o "$out/out.graphml"
  "$bin" speakers --db "$db" --json > "$out/speakers.jsonl"
  if [[ $oxigraph == yes ]]; then
    NODE_PATH="$node_dir/node_modules" node "$root/tests/sparql_oxigraph.js" "$out/out.jsonld" \
      "$root"/schemas/sparql/*.rq > "$out/oxigraph.json" || { echo "FAIL $name: oxigraph"; status=1; return; }
  fi
  if ! "$py" - "$name" "$out" "$root/schemas/sparql" <<'PY'
import json, os, sys
import xml.etree.ElementTree as ET
from collections import Counter
import rdflib

name, out, qdir = sys.argv[1:4]
rdflib.NORMALIZE_LITERALS = False  # keep "2024-03-04T00:00:00Z" as written (rdflib says +00:00)
g = rdflib.Graph()
g.parse(os.path.join(out, "out.jsonld"), format="json-ld")
queries = sorted(f for f in os.listdir(qdir) if f.endswith(".rq"))
rows = {}
for q in queries:
    res = g.query(open(os.path.join(qdir, q), encoding="utf-8").read())
    rows[q] = [["" if v is None else str(v) for v in r] for r in res]
problems = []

# Oxigraph (through jsonld.js) must answer exactly as rdflib.
ox_path = os.path.join(out, "oxigraph.json")
engines = "rdflib"
if os.path.exists(ox_path):
    engines = "rdflib and oxigraph"
    ox = json.load(open(ox_path))
    for q in queries:
        if ox[q] != rows[q]:
            problems.append(f"{q}: oxigraph and rdflib differ ({len(ox[q])} vs {len(rows[q])} rows)")

# What claimgraph itself says, from `speakers --json` and the GraphML export.
base = "https://claimgraph.dev/id/"
iri = lambda node_id: base + node_id.replace(":", "/", 1)
want_claims = {}
for line in open(os.path.join(out, "speakers.jsonl")):
    s = json.loads(line)
    if s.get("claims", 0):
        want_claims[iri(s["id"])] = s["claims"]
ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
graph = ET.parse(os.path.join(out, "out.graphml")).getroot().find("g:graph", ns)
def data(el, key):
    d = el.find(f"g:data[@key='{key}']", ns)
    return d.text if d is not None else None
nodes = {n.get("id"): n for n in graph.findall("g:node", ns)}
want_quotes, want_stances = Counter(), Counter()
for e in graph.findall("g:edge", ns):
    label, src, dst = data(e, "label"), e.get("source"), e.get("target")
    if label == "SAID" and data(nodes[dst], "n_kind") in ("direct", "partial"):
        want_quotes[iri(src)] += 1
    if label == "STANCE" and data(e, "e_polarity") in ("support", "oppose", "neutral"):
        date = data(e, "e_date")
        want_stances[(data(nodes[src], "n_name"), data(nodes[dst], "n_name"),
                      f"{date}T00:00:00Z" if date else "", data(e, "e_polarity"))] += 1

got_claims = {r[0]: int(r[2]) for r in rows["claims-per-speaker.rq"]}
if got_claims != want_claims:
    diff = sorted(k for k in set(got_claims) | set(want_claims) if got_claims.get(k) != want_claims.get(k))
    problems.append("claims-per-speaker.rq differs from `claimgraph speakers`: " +
                    "; ".join(f"{k}: {got_claims.get(k)} vs {want_claims.get(k)}" for k in diff[:6]))
got_quotes = {r[0]: int(r[2]) for r in rows["quotes-per-speaker.rq"]}
if got_quotes != dict(want_quotes):
    problems.append(f"quotes-per-speaker.rq differs from the GraphML's direct/partial claims")
stance_rows = rows["stance-over-time.rq"]
got_stances = Counter((r[0], r[1], r[2], r[3]) for r in stance_rows)
if got_stances != want_stances:
    problems.append(f"stance-over-time.rq: {sum(got_stances.values())} rows, GraphML has "
                    f"{sum(want_stances.values())} STANCE edges; first differences: "
                    f"{list((got_stances - want_stances).items())[:2]} / {list((want_stances - got_stances).items())[:2]}")
keys = [(r[0], r[1], r[2]) for r in stance_rows]
if keys != sorted(keys):
    problems.append("stance-over-time.rq rows are not in speaker, topic, date order")
if not got_claims or not stance_rows:
    problems.append("no claims or no stances: nothing was tested")
if problems:
    print(f"FAIL {name}:\n  " + "\n  ".join(problems))
    sys.exit(1)
changes = sum(1 for (a, b) in zip(stance_rows, stance_rows[1:]) if a[:2] == b[:2] and a[3] != b[3])
print(f"ok {name} ({engines}): {len(got_claims)} speakers' claims = claimgraph speakers, "
      f"{sum(got_quotes.values())} quotations, {len(stance_rows)} stance rows = STANCE edges "
      f"({changes} changes of stance over time)")
PY
  then
    status=1
  fi
}

"$bin" ingest --quiet --db "$tmp/examples.db" "$root/examples"
check examples "$tmp/examples.db"
if [[ -f "$shared/corpus/seeds/docs.jsonl" ]]; then
  for_each_seed "$bin" ingest --quiet --db "$tmp/seeds.db"  # each with its date
  check seeds "$tmp/seeds.db"
fi
exit "$status"
