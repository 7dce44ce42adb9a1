#!/usr/bin/python3
"""Trains the learned frame pass of the attribution sieve
(extract/attribute_model.h) and writes its model file.

  scripts/train_frames.py --tool build/claimgraph_frames \\
      --corpus ../shared/corpus/polnear-train --out extract/lexicons/frame_model.txt

CORPUS holds docs/ (the articles) and gold.jsonl (score-claims' gold format).
Steps, all deterministic (fixed seed, sorted inputs):
  1. Candidate cues: the head word of each gold cue (auxiliaries, adverbs,
     negations and other function words skipped: "has long argued" ->
     "argued"), kept when it heads at least --min-cue gold cues.
  2. claimgraph_frames runs the sieve with those cues and dumps the rules'
     claims and every candidate frame (its content and features).
  3. Labels: the rules' claims are matched to gold as score-claims matches
     them (token F1 >= 0.5, greedy, best pairs first); a candidate is
     positive when its content matches a gold claim the rules missed.
  4. L2-regularised logistic regression (AdaGrad, --epochs passes, shuffled
     with --seed), features seen in at least --min-count candidates.
  5. The threshold maximises claim F1 (rules plus accepted candidates) over
     out-of-fold scores (--folds models trained on the other articles), so
     it is not fitted to the training scores themselves.
Standard library only (no numpy).
"""
import argparse, collections, json, math, os, random, re, subprocess, sys, tempfile

# score-claims' tokenisation and token F1 (../shared/tools/score-claims).
TOK = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def toks(s):
    return TOK.findall((s or "").lower().replace("\u2019", "'"))


def f1(a, b):
    ca, cb = collections.Counter(a), collections.Counter(b)
    common = sum((ca & cb).values())
    if not common:
        return 0.0
    p, r = common / sum(cb.values()), common / sum(ca.values())
    return 2 * p * r / (p + r)


# Words skipped before a gold cue's head, beside function_words.txt.
AUX = set("""is are was were be been being am has have had will would can could may might should must shall
does do did 's to also still just now then later even first again already often never not n't no
don't didn't doesn't isn't wasn't won't can't couldn't wouldn't haven't hasn't it that this there
""".split())
# Heads the rules own entirely or that start no clause of their own, and
# refusals: PolNeAR counts "declined to say whether ..." and "refused to
# consider ..." as attributions, but a refusal says nothing (and "declined to
# comment" is no candidate either: attribute_model.cc).
NOT_CUES = {"according", "of", "far", "long", "more", "one", "only", "well", "always", "last", "quick", "back",
            "declined", "declines", "declining", "decline", "refused", "refuses", "refusing", "refuse"}


def function_words(path):
    words = set()
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            line = line.strip()
            if line and not line.startswith("#"):
                words.add(line.split("|")[0].strip().lower())
    return words


def cue_head(cue, skip):
    for w in cue.lower().replace("\u2019", "'").split():
        w = w.strip(".,;:!?\"'()[]")
        if len(w) < 3 or w in AUX or w in skip or not re.fullmatch(r"[a-z][a-z-]*", w):
            continue
        if w.endswith("ly") and len(w) > 4:
            continue
        return w
    return None


def mine_cues(gold, skip, min_count):
    heads = collections.Counter()
    for g in gold:
        h = cue_head(g.get("cue", ""), skip)
        if h and h not in NOT_CUES:
            heads[h] += 1
    return sorted(h for h, n in heads.items() if n >= min_count)


def greedy(gold_toks, pred_toks):
    """score-claims' matching: {gold index: pred index}."""
    pairs = sorted(((f1(g, p), gi, pi) for gi, g in enumerate(gold_toks) for pi, p in enumerate(pred_toks)),
                   reverse=True)
    mg, mp = {}, set()
    for s, gi, pi in pairs:
        if s < 0.5:
            break
        if gi in mg or pi in mp:
            continue
        mg[gi] = pi
        mp.add(pi)
    return mg


def sigmoid(z):
    if z < -30:
        return 0.0
    if z > 30:
        return 1.0
    return 1.0 / (1.0 + math.exp(-z))


def train(examples, epochs, l2, rate, seed):
    """examples: [(feature list, label)] -> (bias, {feature: weight})."""
    w = collections.defaultdict(float)
    g2 = collections.defaultdict(float)
    bias, bias_g2 = 0.0, 0.0
    order = list(range(len(examples)))
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(order)
        for i in order:
            feats, y = examples[i]
            z = bias + sum(w[f] for f in feats)
            err = sigmoid(z) - y
            bias_g2 += err * err
            bias -= rate * err / math.sqrt(bias_g2 + 1e-8)
            for f in feats:
                g = err + l2 * w[f]
                g2[f] += g * g
                w[f] -= rate * g / math.sqrt(g2[f] + 1e-8)
    return bias, dict(w)


def score(model, feats):
    bias, w = model
    return bias + sum(w.get(f, 0.0) for f in feats)


def best_threshold(scored, tp_rules, pred_rules, gold_total, min_precision, tolerance):
    """scored: [(score, positive, gold key)]. The threshold that maximises
    claim F1 of rules plus accepted candidates while the accepted candidates'
    precision stays at least min_precision, and that F1; of thresholds whose
    F1 is within tolerance of the best, the highest (the F1 curve is flat
    near its top, and a small change of the rules would move a plain argmax
    far)."""
    scored = sorted(scored, key=lambda x: -x[0])
    taken = set()
    tp, pred = tp_rules, pred_rules
    best = (2 * tp / (pred + gold_total), float("inf"))
    curve = [best]
    for i, (s, pos, key) in enumerate(scored):
        pred += 1
        if pos and key not in taken:
            taken.add(key)
            tp += 1
        nxt = scored[i + 1][0] if i + 1 < len(scored) else s - 1
        if nxt < s and len(taken) >= min_precision * (i + 1):
            f = 2 * tp / (pred + gold_total)
            curve.append((f, (s + nxt) / 2))
            if f > best[0]:
                best = (f, (s + nxt) / 2)
    top = max(t for f, t in curve if f >= best[0] - tolerance)
    return top, next(f for f, t in curve if t == top)


def write_model(path, cues, threshold, model, header):
    bias, w = model
    with open(path, "w", encoding="utf-8") as out:
        for line in header:
            out.write("# " + line + "\n")
        out.write("threshold %.4f\n" % threshold)
        out.write("bias %.4f\n" % bias)
        for c in cues:
            out.write("cue %s\n" % c)
        for f in sorted(w):
            if abs(w[f]) >= 0.005 and " " not in f and "\t" not in f:
                out.write("%s %.4f\n" % (f, w[f]))


def main():
    here = os.path.dirname(os.path.realpath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tool", required=True, help="the claimgraph_frames binary")
    ap.add_argument("--corpus", required=True, help="directory with docs/ and gold.jsonl")
    ap.add_argument("--out", required=True, help="the model file to write")
    ap.add_argument("--min-cue", type=int, default=5, help="gold cues a candidate cue head needs")
    ap.add_argument("--min-count", type=int, default=3, help="candidates a feature needs")
    ap.add_argument("--min-accepted", type=int, default=3, help="accepted train candidates a kept cue needs")
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--l2", type=float, default=1e-3)
    ap.add_argument("--rate", type=float, default=0.1)
    ap.add_argument("--folds", type=int, default=3)
    ap.add_argument("--min-precision", type=float, default=0.5,
                    help="the least precision of the accepted candidates (out of fold)")
    ap.add_argument("--f1-tolerance", type=float, default=0.001,
                    help="take the highest threshold whose F1 is this close to the best")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()

    gold = [json.loads(l) for l in open(os.path.join(a.corpus, "gold.jsonl"), encoding="utf-8") if l.strip()]
    skip = function_words(os.path.join(here, "..", "extract", "lexicons", "function_words.txt"))
    cues = mine_cues(gold, skip, a.min_cue)
    print("candidate cues: %d" % len(cues), file=sys.stderr)

    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as tmp:
        tmp.write("threshold 0\n")
        for c in cues:
            tmp.write("cue %s\n" % c)
    try:
        dump = subprocess.run([a.tool, tmp.name, os.path.join(a.corpus, "docs")], check=True,
                              stdout=subprocess.PIPE).stdout.decode("utf-8")
    finally:
        os.unlink(tmp.name)

    claims, cands = collections.defaultdict(list), []
    for line in dump.splitlines():
        r = json.loads(line)
        if r["t"] == "claim":
            claims[os.path.basename(r["doc"])].append(toks(r["text"]))
        else:
            cands.append(r)
    gold_by_doc = collections.defaultdict(list)
    for g in gold:
        if not g.get("optional"):
            gold_by_doc[os.path.basename(g["doc"])].append(toks(g["content"]))
    gold_total = sum(len(v) for v in gold_by_doc.values())
    pred_rules = sum(len(v) for v in claims.values())
    tp_rules, missed = 0, {}
    for d, G in gold_by_doc.items():
        matched = greedy(G, claims.get(d, []))
        tp_rules += len(matched)
        missed[d] = [(gi, g) for gi, g in enumerate(G) if gi not in matched]

    examples, keys, docs, cue_of = [], [], [], []
    for c in cands:
        if not c["text"]:
            continue
        d = os.path.basename(c["doc"])
        ct = toks(c["text"])
        best, key = 0.0, None
        for gi, g in missed.get(d, []):
            s = f1(g, ct)
            if s > best:
                best, key = s, (d, gi)
        pos = best >= 0.5
        examples.append((c["f"], 1 if pos else 0))
        keys.append(key if pos else None)
        docs.append(d)
        cue_of.append(c["f"][0][2:])
    counts = collections.Counter(f for feats, _ in examples for f in feats)
    examples = [([f for f in feats if counts[f] >= a.min_count], y) for feats, y in examples]
    npos = sum(y for _, y in examples)
    print("rules: %d claims, %d of %d gold matched; candidates: %d with content, %d positive"
          % (pred_rules, tp_rules, gold_total, len(examples), npos), file=sys.stderr)

    # Out-of-fold scores for the threshold: folds by article.
    doc_fold = {d: i % a.folds for i, d in enumerate(sorted(set(docs)))}
    oof = [0.0] * len(examples)
    for fold in range(a.folds):
        train_idx = [i for i in range(len(examples)) if doc_fold[docs[i]] != fold]
        m = train([examples[i] for i in train_idx], a.epochs, a.l2, a.rate, a.seed)
        for i in range(len(examples)):
            if doc_fold[docs[i]] == fold:
                oof[i] = score(m, examples[i][0])
    threshold, f = best_threshold([(oof[i], examples[i][1] == 1, keys[i]) for i in range(len(examples))],
                                  tp_rules, pred_rules, gold_total, a.min_precision, a.f1_tolerance)
    rules_f = 2 * tp_rules / (pred_rules + gold_total)
    print("claim F1 (out of fold, estimated): rules %.4f, with the model %.4f at threshold %.3f"
          % (rules_f, f, threshold), file=sys.stderr)
    model = train(examples, a.epochs, a.l2, a.rate, a.seed)
    # Cues the model never accepts cost a lookup each and gain nothing.
    accepted = collections.Counter(cue_of[i] for i in range(len(examples))
                                   if score(model, examples[i][0]) >= threshold)
    kept = [c for c in cues if accepted[c] >= a.min_accepted]
    print("cues kept (accepted at least %d times on train): %d of %d" % (a.min_accepted, len(kept), len(cues)),
          file=sys.stderr)
    cues = kept
    # The options that differ from their defaults, so the header's command
    # reproduces this model exactly.
    options = " ".join("--%s %s" % (k.replace("_", "-"), v) for k, v in sorted(vars(a).items())
                       if k not in ("tool", "corpus", "out") and v != ap.get_default(k))
    write_model(a.out, cues, threshold, model, [
        "The learned frame pass of the attribution sieve (extract/attribute_model.h).",
        "Written by scripts/train_frames.py; do not edit. Retrain with:",
        "  scripts/train_frames.py --tool build/claimgraph_frames --corpus ../shared/corpus/polnear-train \\",
        "      --out extract/lexicons/frame_model.txt" + (" " + options if options else ""),
        "Trained on %d candidates (%d positive), %d features, min-cue %d, min-count %d, min-accepted %d,"
        % (len(examples), npos, len(model[1]), a.min_cue, a.min_count, a.min_accepted),
        "epochs %d, l2 %g, rate %g, folds %d, min-precision %g, f1-tolerance %g, seed %d."
        % (a.epochs, a.l2, a.rate, a.folds, a.min_precision, a.f1_tolerance, a.seed),
        "Estimated train claim F1 (out of fold): rules %.4f, with the model %.4f." % (rules_f, f),
    ])


if __name__ == "__main__":
    main()
