#!/usr/bin/env bash
# End-to-end robustness of the claimgraph command line (issue 7):
#   - hostile input: a 20 MB article on one line, 100,000 unbalanced quote
#     marks, a quote never closed over two million words (each must finish,
#     exit 0 and print valid claim lines); bad files mixed with good ones in
#     one ingest (the good ones are stored, the bad ones named with their
#     line or byte offset, exit 1, nothing stored before is lost); --strict;
#     an unreadable file (skipped as root, where chmod 000 does not block
#     reads); a directory with a symlink loop;
#   - a second writer on a store in use (exit 2, the first writer unharmed);
#   - concurrent readers: stats, export and stance during an ingest see a
#     consistent snapshot (whole articles only, no dangling edges);
#   - crash safety: ingest killed with SIGKILL at random moments (6 times);
#     each killed store exports whole articles only (or, killed while it was
#     being created, says so), and once completed its stats and GraphML
#     export equal a clean ingest's.
# The input for the last two is news-bench (../shared) when present, else
# articles generated here.
#
#   tests/e2e_robustness.sh path/to/claimgraph
set -uo pipefail
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
repo="$(cd "$(dirname "$0")/.." && pwd)"
source "$(dirname "$0")/e2e_lib.sh"  # shared, py, fail, run, err_has
bbc="$shared/corpus/news-bench/bbc.jsonl"

tmp=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null; done
  exec 3>&- 2>/dev/null
  chmod -R u+rwx "$tmp" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
t0=$(date +%s.%N)
section() { printf '[%5.1fs] %s\n' "$(echo "$(date +%s.%N) - $t0" | bc)" "$*"; }
now() { date +%s.%N; }
elapsed() { echo "$(now) - $1" | bc; }

# stat_of DB TYPE: the stored count of nodes (or edges) of TYPE.
stat_of() {
  "$bin" stats --db "$1" --json 2>/dev/null | "$py" -c '
import json, sys
s = json.load(sys.stdin)
print(s["nodes"].get(sys.argv[1], s["edges"].get(sys.argv[1], 0)))' "$2"
}

# graph.py: checks on GraphML exports.
#   snapshot SNAP FINAL  SNAP is consistent (every edge between present nodes,
#                        every claim said once and reported in one article)
#                        and holds whole articles of FINAL only: each article
#                        it has carries all its FINAL claims, no more.
#   stats SNAP STATS     the GraphML holds the counts of a stats --json.
#   subset OLD NEW       every node and edge of OLD is in NEW.
cat > "$tmp/graph.py" <<'EOF'
import collections, json, sys
import xml.etree.ElementTree as ET

NS = "{http://graphml.graphdrawing.org/xmlns}"

def load(path):
    nodes, edges = {}, []
    for _, el in ET.iterparse(path):
        if el.tag == NS + "node":
            t = [d.text for d in el if d.get("key") == "n_type"]
            nodes[el.get("id")] = t[0] if t else ""
            el.clear()
        elif el.tag == NS + "edge":
            t = [d.text for d in el if d.get("key") == "label"]
            edges.append((el.get("source"), t[0] if t else "", el.get("target")))
            el.clear()
    return nodes, edges

def claims_per_article(nodes, edges):
    per = collections.Counter()
    for s, t, d in edges:
        if t == "REPORTED_IN":
            per[d] += 1
    return {a: per[a] for a, ty in nodes.items() if ty == "Article"}

def snapshot(snap_path, final_path):
    nodes, edges = load(snap_path)
    said, reported = collections.Counter(), collections.Counter()
    for s, t, d in edges:
        assert s in nodes and d in nodes, "dangling edge %s %s %s" % (s, t, d)
        if t == "SAID":
            said[d] += 1
        if t == "REPORTED_IN":
            reported[s] += 1
    for n, ty in nodes.items():
        if ty == "Claim":
            assert said[n] == 1 and reported[n] == 1, "claim %s: %d SAID, %d REPORTED_IN" % (n, said[n], reported[n])
    fnodes, fedges = load(final_path)
    assert set(nodes) <= set(fnodes), "nodes not in the clean graph: %s" % list(set(nodes) - set(fnodes))[:3]
    final = claims_per_article(fnodes, fedges)
    for a, n in claims_per_article(nodes, edges).items():
        assert final.get(a) == n, "article %s has %d claims, %s when whole" % (a, n, final.get(a))
    print(sum(1 for ty in nodes.values() if ty == "Article"))

def stats(snap_path, stats_path):
    nodes, edges = load(snap_path)
    s = json.load(open(stats_path))
    got_n = collections.Counter(nodes.values())
    got_e = collections.Counter(t for _, t, _ in edges)
    assert dict(got_n) == s["nodes"], (dict(got_n), s["nodes"])
    assert dict(got_e) == s["edges"], (dict(got_e), s["edges"])

def subset(before_path, after_path):
    bn, be = load(before_path)
    an, ae = load(after_path)
    assert set(bn) <= set(an), "lost nodes: %s" % list(set(bn) - set(an))[:3]
    assert set(be) <= set(ae), "lost edges: %s" % list(set(be) - set(ae))[:3]

{"snapshot": snapshot, "stats": stats, "subset": subset}[sys.argv[1]](*sys.argv[2:])
EOF

# ============================================================================
# 1. Hostile input sizes and shapes: finish, exit 0, valid claim lines.
# ============================================================================
section "hostile input"
"$py" - "$tmp" <<'EOF'
import random, sys
random.seed(7)
d = sys.argv[1]
words = "officials minister harbour budget council vote river tariff port union".split()
# 20 MB on one line: sentences, quotes and cues, no line break.
parts, n, i = [], 0, 0
while n < 20_000_000:
    s = '"We will review the %s %d," Minister Ana Lopes said. Officials said that the %s would %s. ' % (
        random.choice(words), i, random.choice(words), random.choice(words))
    parts.append(s); n += len(s); i += 1
open(d + "/oneline-20mb.txt", "w").write("".join(parts))
# 100,000 quote marks that never pair up into sentences.
open(d + "/quotes-100k.txt", "w").write("".join('"%s said %d ' % (random.choice(words), i) for i in range(100_000)))
# A quote opened and never closed, over two million words.
body = " ".join(random.choice(words) + (" said" if i % 7 == 0 else "") for i in range(2_000_000))
open(d + "/unclosed-quote.txt", "w").write('The mayor said: "' + body + "\n")
EOF
for f in oneline-20mb.txt quotes-100k.txt unclosed-quote.txt; do
  start=$(now)
  timeout 600 "$bin" extract "$tmp/$f" > "$tmp/claims" 2> "$tmp/err"
  rc=$?
  secs=$(elapsed "$start")
  if [[ $rc -ne 0 ]]; then
    fail "extract $f exited $rc after ${secs}s: $(head -c 300 "$tmp/err")"
    continue
  fi
  n=$("$py" -c '
import json, sys
n = 0
for line in open(sys.argv[1], encoding="utf-8"):
    c = json.loads(line); b, e = c["span"]; assert 0 <= b <= e and c["speaker"]["name"]; n += 1
print(n)' "$tmp/claims") || fail "extract $f: invalid claim lines"
  printf 'extract %-20s %5.1f MB  %6.1f s  %s claims\n' "$f" "$(echo "$(stat -c %s "$tmp/$f") / 1000000" | bc -l)" "$secs" "$n"
done
rm -f "$tmp/oneline-20mb.txt" "$tmp/unclosed-quote.txt" "$tmp/claims"

# ============================================================================
# 2. Bad files among good ones: good ones stored, bad ones named, exit 1.
# ============================================================================
section "bad files among good ones"
db="$tmp/db-bad"
mkdir -p "$tmp/in"
run 0 ingest --quiet --db "$db" "$repo/examples" || true
articles0=$(stat_of "$db" Article)
"$bin" export --db "$db" --format graphml -o "$tmp/before.graphml" 2>/dev/null

printf '' > "$tmp/in/empty.txt"
printf 'The port said \x00 it would close.\n' > "$tmp/in/binary.txt"
printf 'The harbour master said the \xc3\x28 pier was safe.\n' > "$tmp/in/latin1.txt"
printf '\xff\xfeT\x00h\x00e\x00\n\x00' > "$tmp/in/utf16.txt"
printf 'Title: Ferry strike\r\n\r\n"We will not sail," union leader Mia Berg said on Monday.\r\n' > "$tmp/in/crlf.txt"
printf '\xef\xbb\xbf"The river is rising," the water board said on Sunday.\n' > "$tmp/in/bom.txt"
{
  echo '{"id": "feed-1", "text": "\"Tolls will rise,\" Transport Minister Karl Ost said on Tuesday."}'
  echo '["not", "an", "object"]'
  echo '{"id": "feed-3"}'
  echo '{"id": "feed-4", "text": 42}'
  echo '{"id": "feed-1", "text": "A different article under a repeated id, officials said."}'
  echo '{"id": "feed-6", "text": "\"Rents must fall,\" Housing Minister Eva Lund said."}'
  printf '{"id": "feed-7", "text": "cut off in the mid'
} > "$tmp/in/feed.jsonl"
run 1 ingest --db "$db" "$tmp/in" "$tmp/in/missing.txt"
for want in "binary.txt: byte 14" "latin1.txt: byte 28" "utf16.txt" "feed.jsonl:2" "feed.jsonl:3" \
            "feed.jsonl:4" "feed.jsonl:5" "feed.jsonl:7" "missing.txt"; do
  err_has "$want"
done
# crlf.txt, bom.txt, feed-1 and feed-6 are stored; empty.txt is no article.
articles1=$(stat_of "$db" Article)
[[ $articles1 -eq $((articles0 + 4)) ]] || fail "mixed ingest stored $((articles1 - articles0)) articles, want 4"
"$bin" export --db "$db" --format graphml -o "$tmp/after.graphml" 2>/dev/null
"$py" "$tmp/graph.py" subset "$tmp/before.graphml" "$tmp/after.graphml" ||
  fail "the mixed ingest lost stored nodes or edges"
# --strict stops at the first bad article; what came before stays stored.
db="$tmp/db-strict"
printf '"The bridge opens in May," Mayor Ana Lopes said.\n' > "$tmp/s1.txt"
printf 'Officials said \xff the tunnel would wait.\n' > "$tmp/s2.txt"
printf '"Fares stay the same," the transit authority said.\n' > "$tmp/s3.txt"
run 1 ingest --strict --db "$db" "$tmp/s1.txt" "$tmp/s2.txt" "$tmp/s3.txt" && err_has "s2.txt: byte 15"
[[ $(stat_of "$db" Article) -eq 1 ]] || fail "--strict: want only s1.txt stored, have $(stat_of "$db" Article) articles"
# An unreadable file (root reads it anyway).
printf '"Unread," the clerk said.\n' > "$tmp/locked.txt"
chmod 000 "$tmp/locked.txt"
if [[ $(id -u) -eq 0 ]]; then
  echo "SKIP unreadable file: running as root, chmod 000 does not block reads"
else
  run 1 extract "$tmp/locked.txt" "$tmp/s1.txt" && err_has "locked.txt"
  grep -q '"doc":"s1.txt"' "$tmp/out" || fail "an unreadable file stopped the run"
fi
chmod 644 "$tmp/locked.txt"
# A directory with a symlink loop: reported, the rest read.
mkdir -p "$tmp/loop/a"
cp "$tmp/s1.txt" "$tmp/loop/a/one.txt"
ln -s "$tmp/loop/a" "$tmp/loop/a/again"
run 1 extract "$tmp/loop" && err_has "symbolic link loop"
grep -q '"doc":"one.txt"' "$tmp/out" || fail "a symlink loop stopped the run"

# ============================================================================
# 3 and 4 need a real input: news-bench (first 600 articles) or generated.
# ============================================================================
section "clean ingest"
input="$tmp/input.jsonl"
if [[ -r $bbc ]]; then
  head -n 600 "$bbc" > "$input"
  echo "input: first 600 articles of news-bench bbc.jsonl"
else
  "$py" - "$input" <<'EOF'
import json, random, sys
random.seed(11)
first = "Ana Karl Mia Eva Tom Ines Lara Jo Henrik Omar".split()
last = "Lopes Ost Berg Lund Reyes Varga Okafor Marsh Dahl Haddad".split()
roles = ["Trade Minister", "Mayor", "union leader", "Finance Minister", "spokesperson"]
things = "tariff harbour budget pension tunnel ferry strike rents tolls subsidy".split()
with open(sys.argv[1], "w") as out:
    for a in range(600):
        paras = []
        for p in range(8):
            who = "%s %s %s" % (random.choice(roles), random.choice(first), random.choice(last))
            t = random.choice(things)
            paras.append(random.choice([
                '"We will not accept the %s plan %d," %s said on Monday.' % (t, a, who),
                '%s said that the %s would cost %d million.' % (who, t, random.randint(2, 900)),
                'According to %s, the %s talks stalled in round %d.' % (who, t, p),
                '%s told reporters the %s was "a mistake" and urged voters to wait.' % (who, t)]))
        out.write(json.dumps({"id": "gen-%03d" % a, "date": "2024-%02d-%02d" % (a % 12 + 1, a % 28 + 1),
                              "publisher": "Example Wire", "title": "Report %d" % a,
                              "text": "\n\n".join(paras)}) + "\n")
EOF
  echo "input: 600 generated articles (no ../shared)"
fi
clean="$tmp/db-clean"
start=$(now)
run 0 ingest --quiet --db "$clean" "$input" || true
clean_secs=$(elapsed "$start")
"$bin" stats --db "$clean" --json > "$tmp/clean.stats" 2>/dev/null
"$bin" export --db "$clean" --format graphml -o "$tmp/clean.graphml" 2>/dev/null
total=$(stat_of "$clean" Article)
echo "clean ingest: $total articles in ${clean_secs}s"
"$py" "$tmp/graph.py" stats "$tmp/clean.graphml" "$tmp/clean.stats" || fail "clean export disagrees with its stats"

# ============================================================================
# 3. A second writer, and concurrent readers.
# ============================================================================
# A writer that reads its articles from a pipe held open here holds the store
# until the pipe closes: a second writer is refused, the first unharmed.
section "second writer"
db="$tmp/db-locked"
mkfifo "$tmp/feed"
"$bin" ingest --quiet --db "$db" - < "$tmp/feed" > /dev/null 2> "$tmp/writer.err" &
writer=$!
pids+=("$writer")
exec 3> "$tmp/feed"
for _ in $(seq 1 300); do [[ -e $db/CURRENT ]] && break; sleep 0.1; done
sleep 0.5
run 2 ingest --db "$db" "$tmp/s1.txt" && err_has "in use by another writer"
cat "$input" >&3
exec 3>&-
wait "$writer" || fail "the first writer failed beside a refused second: $(head -c 300 "$tmp/writer.err")"
[[ $(stat_of "$db" Article) -eq $total ]] || fail "the first writer stored $(stat_of "$db" Article) of $total articles"

# Readers run in a loop while an ingest writes; every export is kept and,
# once the ingest is done, checked against the final graph: whole articles
# only, no dangling edges. The input is repeated under new ids until some
# snapshot falls mid-ingest (a fast machine may finish first).
section "concurrent readers"
has_stance=0
"$bin" stance --help > /dev/null 2>&1 && has_stance=1
copies=2
for attempt in 1 2 3; do
  db="$tmp/db-live-$attempt"
  "$py" - "$input" "$tmp/live.jsonl" "$copies" <<'EOF'
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for c in range(int(sys.argv[3])):
        for line in lines:
            a = json.loads(line)
            a["id"] = "%s~%d" % (a["id"], c)
            a["text"] += "\n\n(copy %d)" % c
            out.write(json.dumps(a) + "\n")
EOF
  rm -f "$tmp"/snap-*
  "$bin" ingest --quiet --db "$db" "$tmp/live.jsonl" > /dev/null 2> "$tmp/writer.err" &
  writer=$!
  pids+=("$writer")
  snapshots=0
  opened=0  # until a reader first succeeds the writer may still be creating the store
  while kill -0 "$writer" 2>/dev/null; do
    [[ -e $db/CURRENT ]] || { sleep 0.05; continue; }
    if ! "$bin" export --db "$db" --format graphml -o "$tmp/snap.graphml" 2> "$tmp/err"; then
      [[ $opened -eq 1 ]] && fail "export during ingest: $(head -c 300 "$tmp/err")"
      continue
    fi
    opened=1
    snapshots=$((snapshots + 1))
    mv "$tmp/snap.graphml" "$tmp/snap-$snapshots.graphml"
    "$bin" stats --db "$db" --json > "$tmp/snap-$snapshots.stats" 2> "$tmp/err" ||
      fail "stats during ingest: $(head -c 300 "$tmp/err")"
    if [[ $has_stance -eq 1 ]]; then
      "$bin" stance --db "$db" --topic tax > /dev/null 2> "$tmp/err" ||
        fail "stance during ingest: $(head -c 300 "$tmp/err")"
    fi
  done
  wait "$writer" || fail "the writer exited $? beside readers: $(head -c 300 "$tmp/writer.err")"
  "$bin" export --db "$db" --format graphml -o "$tmp/live.graphml" 2>/dev/null
  partial=0
  checked=0
  live_total=$(stat_of "$db" Article)
  for f in "$tmp"/snap-*.graphml; do
    [[ -s $f ]] || continue
    checked=$((checked + 1))
    n=$("$py" "$tmp/graph.py" snapshot "$f" "$tmp/live.graphml") || { fail "inconsistent snapshot $f"; continue; }
    [[ $n -gt 0 && $n -lt $live_total ]] && partial=$((partial + 1))
  done
  for f in "$tmp"/snap-*.stats; do
    [[ -s $f ]] || continue
    "$py" -c '
import json, sys
s = json.load(open(sys.argv[1]))
n, e = s["nodes"], s["edges"]
assert n.get("Claim", 0) == e.get("SAID", 0) == e.get("REPORTED_IN", 0), s
' "$f" || fail "stats during ingest: claims, SAID and REPORTED_IN differ in $f"
  done
  echo "concurrent readers: $live_total articles, $checked consistent snapshots, $partial mid-ingest"
  [[ $partial -gt 0 ]] && break
  copies=$((copies * 3))
done
[[ $partial -gt 0 ]] || fail "no snapshot was taken mid-ingest"

# ============================================================================
# 4. Crash safety: SIGKILL at random moments, then complete the ingest.
# ============================================================================
section "crash safety"
db="$tmp/db-crash"
kills=0
for attempt in $(seq 1 20); do
  [[ $kills -ge 6 ]] && break
  delay=$("$py" -c "import random; print('%.2f' % random.uniform(0.05, max(0.1, 0.8 * float('$clean_secs'))))")
  "$bin" ingest --quiet --db "$db" "$input" > /dev/null 2>&1 &
  victim=$!
  sleep "$delay"
  if ! kill -0 "$victim" 2>/dev/null || ! kill -9 "$victim" 2>/dev/null; then
    wait "$victim" 2>/dev/null
    rm -rf "$db"  # it finished: start over so that the kills land mid-ingest
    continue
  fi
  wait "$victim" 2>/dev/null
  kills=$((kills + 1))
  # What a killed ingest leaves is a consistent store of whole articles.
  if [[ -e $db/CURRENT ]]; then
    if "$bin" export --db "$db" --format graphml -o "$tmp/killed.graphml" 2> "$tmp/err"; then
      n=$("$py" "$tmp/graph.py" snapshot "$tmp/killed.graphml" "$tmp/clean.graphml") ||
        fail "after kill $kills (at ${delay}s): inconsistent store"
      echo "kill $kills at ${delay}s: ${n:-?} whole articles stored"
    elif grep -q "creation was interrupted" "$tmp/err"; then
      # Killed between RocksDB's CURRENT and our column families: readers
      # say so, and the next ingest finishes the creation (checked below).
      echo "kill $kills at ${delay}s: while the store was being created"
    else
      fail "after kill $kills (at ${delay}s): export failed: $(head -c 300 "$tmp/err")"
    fi
  else
    echo "kill $kills at ${delay}s: before the store existed"
  fi
done
[[ $kills -ge 5 ]] || fail "only $kills ingests were killed mid-run (want 5)"
run 0 ingest --quiet --db "$db" "$input" || true
"$bin" stats --db "$db" --json > "$tmp/crash.stats" 2>/dev/null
"$bin" export --db "$db" --format graphml -o "$tmp/crash.graphml" 2>/dev/null
cmp -s "$tmp/clean.stats" "$tmp/crash.stats" ||
  fail "stats after kills differ from a clean ingest: $(diff "$tmp/clean.stats" "$tmp/crash.stats" | head -c 400)"
cmp -s "$tmp/clean.graphml" "$tmp/crash.graphml" ||
  fail "GraphML after kills differs from a clean ingest: $(diff "$tmp/clean.graphml" "$tmp/crash.graphml" | head -n 6)"
echo "crash safety: $kills kills, then stats and GraphML equal the clean ingest's"

if [[ $failures -gt 0 ]]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "all robustness checks passed"
