#!/usr/bin/python3
"""Per-cue precision of claimgraph's extraction against a gold corpus, and the
gold cues claimgraph misses most: how cue lexicon entries earn their place.

  scripts/cue_report.py GOLD.jsonl PRED.jsonl [--top 40]

Matching is score-claims' own (token F1 >= 0.5, greedy, best pairs first), run
through its --verbose output, so the figures agree with the scorer.
"""
import argparse, collections, json, os, subprocess, sys

HERE = os.path.dirname(os.path.realpath(__file__))
SCORER = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "tools", "score-claims"))

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold"); ap.add_argument("pred")
    ap.add_argument("--top", type=int, default=40)
    a = ap.parse_args()
    out = subprocess.run([SCORER, a.gold, a.pred, "--verbose"], capture_output=True, text=True).stdout
    extra = collections.Counter()
    missed = set()
    for line in out.splitlines():
        parts = [p.strip() for p in line.split("|")]
        if parts[0] == "EXTRA":
            extra[(os.path.basename(parts[1]), parts[3][:80])] += 1
        elif parts[0] == "MISSED":
            missed.add(parts[2])
    per_cue = collections.defaultdict(lambda: [0, 0])  # cue -> [predicted, unmatched]
    for line in open(a.pred, encoding="utf-8"):
        p = json.loads(line)
        key = (os.path.basename(p["doc"]), p["text"][:80])
        cue = p.get("cue", "?")
        per_cue[cue][0] += 1
        if extra[key] > 0:
            extra[key] -= 1
            per_cue[cue][1] += 1
    print("cue precision on this corpus (predicted, precision):")
    for cue, (n, bad) in sorted(per_cue.items(), key=lambda kv: -kv[1][0])[: a.top]:
        print(f"  {cue:24s} {n:6d}  {1 - bad / n:.2f}")
    gold = [json.loads(l) for l in open(a.gold, encoding="utf-8") if l.strip()]
    missed_cues = collections.Counter(g["cue"].lower() for g in gold if g["id"] in missed)
    print("gold cues missed most:")
    for cue, n in missed_cues.most_common(a.top):
        print(f"  {cue:24s} {n:6d}")
    print(out.splitlines()[-1])

if __name__ == "__main__":
    main()
