#!/usr/bin/env bash
# End-to-end: every export filter (--speaker, --topic, --since, --until,
# --kind, --min-claims) on every format (graphml, jsonld, csv, dot, svg)
# through the CLI, on the repo's examples/. For each filter: every kept claim
# passes it (GraphML), the kept set is smaller than the whole and not empty,
# GraphML, JSON-LD and CSV keep exactly the same claims, the diagram (DOT and
# SVG) draws only speakers of kept claims, and the SVG is well-formed XML.
# Skips (77) without /usr/bin/python3.
#
#   tests/e2e_export_filters.sh path/to/claimgraph
set -euo pipefail
bin=$1
root="$(cd "$(dirname "$0")/.." && pwd)"
py=/usr/bin/python3
[[ -x $py ]] || { echo "SKIP: /usr/bin/python3 is needed"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" ingest --quiet --db "$tmp/db" "$root/examples"

"$py" - "$bin" "$tmp" <<'PY'
import csv, glob, json, os, subprocess, sys
import xml.etree.ElementTree as ET

bin, tmp = sys.argv[1], sys.argv[2]
db = os.path.join(tmp, "db")
NS = {"g": "http://graphml.graphdrawing.org/xmlns"}

def export(fmt, out, args):
    r = subprocess.run([bin, "export", "--db", db, "--format", fmt, "-o", out] + args,
                       capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"FAIL export --format {fmt} {' '.join(args)}: exit {r.returncode}: {r.stderr.strip()}")

def graphml(path):
    g = ET.parse(path).getroot().find("g:graph", NS)
    def data(el):
        return {d.get("key"): d.text for d in el.findall("g:data", NS)}
    nodes = {n.get("id"): data(n) for n in g.findall("g:node", NS)}
    edges = [(e.get("source"), data(e)["label"], e.get("target"), data(e)) for e in g.findall("g:edge", NS)]
    return nodes, edges

def claims_jsonld(path):
    doc = json.load(open(path, encoding="utf-8"))
    base = "https://claimgraph.dev/id/"
    out = set()
    for el in doc["@graph"]:
        t = el.get("@type")
        if t == "Claim" or (isinstance(t, list) and "Claim" in t):
            out.add(el["@id"][len(base):].replace("/", ":", 1))
    return out

def claims_csv(d):
    path = os.path.join(d, "nodes_Claim.csv")
    if not os.path.exists(path):
        return set()
    with open(path, newline="", encoding="utf-8") as f:
        return {row["id:ID"] for row in csv.DictReader(f)}

# The diagram's nodes, and those drawn as speakers ("...\nN claims").
def diagram_nodes_dot(path):
    import pygraphviz
    g = pygraphviz.AGraph(path)
    nodes = set(g.nodes())
    speakers = {n for n in g.nodes() if " claim" in (n.attr.get("label") or "").split("\\n")[-1]}
    return nodes, speakers

all_nodes, all_edges = graphml_all = None, None
export("graphml", os.path.join(tmp, "all.graphml"), [])
all_nodes, all_edges = graphml(os.path.join(tmp, "all.graphml"))
all_claims = {i for i, d in all_nodes.items() if d.get("n_type") == "Claim"}

def said_by(nodes, edges):
    by = {}
    for s, label, t, _ in edges:
        if label == "SAID":
            by.setdefault(t, set()).add(s)
    return by

def topics_of(nodes, edges, claim):
    return [nodes[t].get("n_name", "") + " " + (nodes[t].get("n_prop_label") or "")
            for s, label, t, _ in edges if label == "ABOUT" and s == claim]

def speaker_texts(node):
    return " ".join(v for k, v in node.items() if k in ("n_name", "n_label", "n_aliases") and v).lower()

# (args, predicate over a claim id in the full graph)
said_all = said_by(all_nodes, all_edges)
filters = [
    (["--speaker", "lopes"], lambda c: "lopes" in (all_nodes[c].get("n_speaker") or "").lower() or
        any("lopes" in speaker_texts(all_nodes[s]) or "lopes" in s for s in said_all.get(c, ()))),
    (["--topic", "ceasefire"], lambda c: any("ceasefire" in t.lower() for t in topics_of(all_nodes, all_edges, c))),
    (["--since", "2024-11-01"], lambda c: (all_nodes[c].get("n_date") or "")[:10] >= "2024-11-01"),
    (["--until", "2024-06-30"], lambda c: "" < (all_nodes[c].get("n_date") or "")[:10] <= "2024-06-30"),
    (["--kind", "direct"], lambda c: all_nodes[c].get("n_kind") == "direct"),
    (["--min-claims", "5"], None),
]
problems = []
for args, passes in filters:
    tag = "_".join(a.strip("-") for a in args)
    d = os.path.join(tmp, tag)
    os.makedirs(d)
    for fmt in ("graphml", "jsonld", "dot", "svg"):
        export(fmt, os.path.join(d, "out." + fmt), args)
    export("csv", os.path.join(d, "csv"), args)
    nodes, edges = graphml(os.path.join(d, "out.graphml"))
    kept = {i for i, n in nodes.items() if n.get("n_type") == "Claim"}
    said = said_by(nodes, edges)
    name = " ".join(args)
    if not kept or kept == all_claims:
        problems.append(f"{name}: keeps {len(kept)} of {len(all_claims)} claims (the examples should make it bite)")
    if passes is not None:
        expected = {c for c in all_claims if passes(c)}
        if kept != expected:
            problems.append(f"{name}: GraphML keeps {len(kept)} claims, {len(expected)} pass the filter: "
                            f"extra {sorted(kept - expected)[:2]} missing {sorted(expected - kept)[:2]}")
    else:
        counts = {}
        for c, speakers in said.items():
            for s in speakers:
                counts[s] = counts.get(s, 0) + 1
        low = [s for s, n in counts.items() if n < 5]
        if low:
            problems.append(f"{name}: speakers with fewer than 5 claims kept: {low[:3]}")
    if claims_jsonld(os.path.join(d, "out.jsonld")) != kept:
        problems.append(f"{name}: JSON-LD keeps other claims than GraphML")
    if claims_csv(os.path.join(d, "csv")) != kept:
        problems.append(f"{name}: CSV keeps other claims than GraphML")
    speakers = set().union(*said.values()) if said else set()
    drawn, drawn_speakers = diagram_nodes_dot(os.path.join(d, "out.dot"))
    if not drawn_speakers:
        problems.append(f"{name}: the diagram draws no speaker")
    if not drawn_speakers <= speakers:
        problems.append(f"{name}: the diagram draws speakers without kept claims: {sorted(drawn_speakers - speakers)[:3]}")
    ET.parse(os.path.join(d, "out.svg"))  # well-formed, or this raises
    print(f"ok {name}: {len(kept)} of {len(all_claims)} claims in graphml/jsonld/csv, "
          f"{len(drawn)} diagram nodes")
if problems:
    print("FAIL:\n  " + "\n  ".join(problems))
    sys.exit(1)
PY
