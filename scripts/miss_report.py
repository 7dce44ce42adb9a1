#!/usr/bin/python3
"""Where extraction loses recall on a gold corpus: the gold attributions
claimgraph misses, grouped by kind and cue, with whether the cue is in
extract/lexicons/cues.txt, and how many misses are content-boundary errors
(an unmatched prediction of the same article overlaps the gold content with
token F1 >= 0.2, so the claim was found but cut wrongly: a miss and a false
positive at once).

  scripts/miss_report.py GOLD.jsonl PRED.jsonl [--top 60] [--cue CUE] [--boundary N]

--cue CUE lists the misses of one gold cue with their context; --boundary N
prints N boundary errors (gold content next to the prediction). Matching is
score-claims' own (token F1 >= 0.5, greedy, best pairs first).
"""
import argparse, collections, json, os, random

from claim_match import load_scorer, match_docs

HERE = os.path.dirname(os.path.realpath(__file__))
CUES = os.path.join(HERE, "..", "extract", "lexicons", "cues.txt")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold"); ap.add_argument("pred")
    ap.add_argument("--top", type=int, default=60)
    ap.add_argument("--cue")
    ap.add_argument("--boundary", type=int, default=0)
    a = ap.parse_args()
    sc = load_scorer()
    cues = set()
    for line in open(CUES, encoding="utf-8"):
        line = line.strip()
        if line and not line.startswith("#"):
            cues.add(line.split("|")[0])
    gold, pred = sc.load(a.gold), sc.load(a.pred)
    missed, extras = [], 0
    for d, gs, ps, mg, mp in match_docs(sc, gold, pred):
        extras += len(ps) - len(mp)
        for gi, g in enumerate(gs):
            if gi in mg or g.get("optional"): continue
            best = max([(sc.f1(sc.toks(g["content"]), sc.toks(sc.text_of(p))), pi)
                        for pi, p in enumerate(ps) if pi not in mp] or [(0.0, -1)])
            missed.append((d, g, best[0], ps[best[1]] if best[1] >= 0 else None))
    norm = lambda c: c.lower().replace("\u2019", "'")
    if a.cue:
        docs = os.path.join(os.path.dirname(os.path.realpath(a.gold)), "docs")
        for d, g, _, _ in missed:
            if norm(g["cue"]) != norm(a.cue): continue
            try:
                text = open(os.path.join(docs, d), encoding="utf-8").read()
            except OSError:
                text = ""
            i = text.find(g["content"][:40])
            context = text[max(0, i - 160):i + len(g["content"]) + 40] if i >= 0 else g["content"]
            print(f"[{g['kind']} | {g['speaker'][:30]}] {context!r}")
        return
    if a.boundary:
        errors = [m for m in missed if m[2] >= 0.2]
        random.seed(0)
        for d, g, s, p in random.sample(errors, min(a.boundary, len(errors))):
            print(f"GOLD {g['kind']} {g['cue']} | {g['content'][:250]}")
            print(f"PRED {s:.2f} {p.get('cue')} | {sc.text_of(p)[:250]}\n")
        return
    boundary = sum(1 for m in missed if m[2] >= 0.2)
    in_lex = sum(1 for m in missed if norm(m[1]["cue"]) in cues)
    print(f"missed {len(missed)}: cue in cues.txt {in_lex}, boundary errors {boundary}; unmatched predictions {extras}")
    by = collections.Counter((m[1].get("kind", "?"), norm(m[1]["cue"])) for m in missed)
    for (kind, cue), n in by.most_common(a.top):
        print(f"{n:6d}  {kind:12s} {cue:32s} {'in cues.txt' if cue in cues else ''}")


if __name__ == "__main__":
    main()
