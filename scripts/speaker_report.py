#!/usr/bin/python3
"""Speaker errors on a gold corpus, with differences of form told apart from
real errors. On the claims score-claims matches (its own matching: token F1 >=
0.5, greedy, best pairs first), each speaker is

  right          score-claims counts it right;
  right-by-form  the scorer does not, but it names the gold source: all word
                 tokens of our name appear in the gold source or aliases
                 ("Ana Lopes" for "Harbour police Chief Ana Lopes"), or
                 the gold alias's name tokens minus titles and determiners
                 are all in ours ("Karl Berg" for "Mr. Berg"), or
                 the gold source is a pronoun and ours a resolved name;
  wrong          anything else, grouped by what went wrong, with examples.

  scripts/speaker_report.py GOLD.jsonl PRED.jsonl [--examples 8] [--group G] [--json]
  scripts/speaker_report.py GOLD.jsonl OLD.jsonl --diff NEW.jsonl

--diff compares two predictions of the same corpus claim by claim (gold id):
how many speakers a change fixed and how many it broke, with examples.
"""
import argparse, collections, json, os, re, signal

from claim_match import load_scorer, match_docs

# Words that are no part of a name: titles, honorifics, determiners.
TITLES = set("""
mr mrs ms miss dr sen senator rep representative gov governor pres president vice prime minister secretary
gen general col lt sgt chief judge justice attorney mayor chairman chairwoman chair spokesman spokeswoman
spokesperson director sheriff officer detective commissioner ambassador rev reverend professor prof former
the a an his her their its of for to and st u s house senate state democratic republican presidential
nominee candidate leader majority minority speaker deputy assistant executive ceo co founder police
""".split())
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us", "me", "his", "their"}
NON_NAMES = set("""
jan feb mar apr jun jul aug sep sept oct nov dec january february march april may june july august september
october november december monday tuesday wednesday thursday friday saturday sunday d r i democratic republican
democrat statement report story analysis poll police association federation immigration today
""".split())



def words(s):
    """Lower-case word tokens, a possessive 's dropped."""
    ws = re.findall(r"[a-z0-9]+(?:'[a-z]+)?", (s or "").lower().replace("\u2019", "'"))
    return [w[:-2] if w.endswith("'s") else w for w in ws]


def gold_heads(source):
    """The last capitalised word of each conjunct of the source's main phrase:
    "Lopes" for "Harbour police Chief Ana Lopes", ["brosch", "kral"] for
    "Ms. Brosch and Mr. Kral". The main phrase is the first part between
    commas or parentheses that names someone other than an owner ("Reyes"
    for "Berg's lawyer, Tom Reyes,")."""
    for main in re.split(r"[,(]", source or ""):
        heads = []
        for part in re.split(r"\s+(?:and|&)\s+", main):
            caps = [w for w in re.findall(r"[A-Za-z0-9][\w'\u2019.-]*", part) if w[0].isupper()]
            caps = [w for w in caps if words(w) and words(w)[-1] not in TITLES and words(w)[-1] not in NON_NAMES
                    and not re.search(r"['\u2019]s?$", w)]
            if caps: heads.extend(words(caps[-1])[-1:])
        if heads: return heads
    return []


def matched(sc, gold, pred):
    """(gold, prediction) pairs as score-claims matches them; optional gold left out."""
    return [(gs[gi], ps[pi]) for _, gs, ps, mg, _ in match_docs(sc, gold, pred)
            for gi, pi in mg.items() if not gs[gi].get("optional")]


def classify(sc, g, p):
    """'right', 'form' or a wrong-group name."""
    name = sc.speaker_name(p)
    if sc.speaker_ok(g, sc.norm(name)): return "right"
    ours = words(name)
    source = g.get("speaker") or ""
    gold_words = set(words(source))
    for al in g.get("aliases") or []: gold_words |= set(words(al))
    if not ours: return "empty"
    if all(w in PRONOUNS for w in ours): return "unresolved pronoun"
    # A pronoun or relative pronoun source ("he", "who") wants a resolved name.
    if source.strip().lower() in PRONOUNS | {"who", "which", "that"}: return "form"
    # Source and cue swapped in the annotation ("said" | "Robert McAtee, one of ..."): read the cue.
    cue_heads = gold_heads(g.get("cue") or "")
    if cue_heads and words(source) and all(w in ("said", "says", "say") for w in words(source)) and \
            all(h in ours for h in cue_heads):
        return "form"
    heads = gold_heads(source)
    # The main phrase's words that are no title: "berg" of "Mr. Berg".
    core = [w for w in words(re.split(r"[,(]", source)[0]) if w not in TITLES]
    content = [w for w in ours if w not in TITLES and w not in NON_NAMES]
    subset = all(w in gold_words for w in ours)
    if heads and all(h in ours for h in heads) and content and (subset or all(w in ours for w in core)):
        return "form"
    if not heads and core and content and all(w in ours for w in core):
        return "form"  # "Lena Voss's campaign" for "Ms. Voss's campaign"
    if subset:
        return "fragment of the source" if content else "non-name word from the source"
    if ours[-1:] != ["said"] and not re.search(r"[A-Z]", source) and len(ours) >= 2 and \
            any(w in TITLES for w in words(source)) and name[:1].isupper():
        return "role resolved to a name (unverified)"
    if set(content) & gold_words: return "overlaps the source (fragment or extra words)"
    if not content: return "non-name word"
    return "different entity"


def report(sc, gold, pred, examples, only_group, as_json):
    pairs = matched(sc, gold, pred)
    counts = collections.Counter()
    groups = collections.defaultdict(list)
    for g, p in pairs:
        c = classify(sc, g, p)
        counts[c] += 1
        if c not in ("right", "form"): groups[c].append((g, p))
    n = len(pairs) or 1
    wrong = n - counts["right"] - counts["form"] if pairs else 0
    res = {"matched": len(pairs), "right": counts["right"], "right_by_form": counts["form"], "wrong": wrong,
           "accuracy_scorer": round(counts["right"] / n, 4),
           "accuracy_by_form": round((counts["right"] + counts["form"]) / n, 4),
           "wrong_groups": {k: len(v) for k, v in groups.items()}}
    if as_json:
        print(json.dumps(res))
        return
    print(f"matched {len(pairs)}: right {counts['right']} ({res['accuracy_scorer']:.3f}), right-by-form "
          f"{counts['form']} (together {res['accuracy_by_form']:.3f}), truly wrong {wrong}")
    for k, v in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        if only_group and only_group not in k: continue
        print(f"\n== {k}: {len(v)}")
        for g, p in v[:examples]:
            print(f"   ours {sc.speaker_name(p)!r:32} mention {(p.get('speaker') or {}).get('mention', '')!r:40} "
                  f"gold {g['speaker']!r}  [{g.get('kind')}, {g.get('cue')}]")


def diff(sc, gold, old, new, examples):
    def state(pred):
        return {g["id"]: (classify(sc, g, p), g, p) for g, p in matched(sc, gold, pred)}
    a, b = state(old), state(new)
    ok = lambda c: c in ("right", "form")
    fixed = [k for k in a if k in b and not ok(a[k][0]) and ok(b[k][0])]
    broken = [k for k in a if k in b and ok(a[k][0]) and not ok(b[k][0])]
    scorer_fixed = sum(1 for k in a if k in b and a[k][0] != "right" and b[k][0] == "right")
    scorer_broken = sum(1 for k in a if k in b and a[k][0] == "right" and b[k][0] != "right")
    print(f"by form: fixed {len(fixed)}, broken {len(broken)}; scorer: fixed {scorer_fixed}, broken {scorer_broken}; "
          f"matched {len(a)} -> {len(b)}")
    for label, ids in (("FIXED", fixed), ("BROKEN", broken)):
        for k in ids[:examples]:
            print(f"  {label} gold {a[k][1]['speaker']!r}: {sc.speaker_name(a[k][2])!r} -> {sc.speaker_name(b[k][2])!r}")


def main():
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `| head` ends quietly
    ap = argparse.ArgumentParser()
    ap.add_argument("gold"); ap.add_argument("pred")
    ap.add_argument("--examples", type=int, default=8)
    ap.add_argument("--group")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--diff")
    a = ap.parse_args()
    sc = load_scorer()
    gold, pred = sc.load(a.gold), sc.load(a.pred)
    if a.diff:
        diff(sc, gold, pred, sc.load(a.diff), a.examples)
    else:
        report(sc, gold, pred, a.examples, a.group, a.json)


if __name__ == "__main__":
    main()
