"""score-claims' own matching, for the report scripts (miss_report.py,
speaker_report.py): the scorer in ../shared/tools is loaded as a module, and
gold and predicted claims of each document are paired as it pairs them (token
F1 >= 0.5, greedy, best pairs first)."""
import collections, importlib.machinery, importlib.util, os

HERE = os.path.dirname(os.path.realpath(__file__))
SCORER = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "tools", "score-claims"))


def load_scorer():
    loader = importlib.machinery.SourceFileLoader("score_claims", SCORER)
    spec = importlib.util.spec_from_loader("score_claims", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def match_docs(sc, gold, pred):
    """Per document: (doc, gold claims, predictions, gold index -> prediction
    index, prediction index -> gold index)."""
    G, P = collections.defaultdict(list), collections.defaultdict(list)
    for g in gold: G[sc.docid(g["doc"])].append(g)
    for p in pred:
        if sc.text_of(p) is not None: P[sc.docid(p.get("doc"))].append(p)
    for d in set(G) | set(P):
        gs, ps = G.get(d, []), P.get(d, [])
        pairs = sorted(((sc.f1(sc.toks(g["content"]), sc.toks(sc.text_of(p))), gi, pi)
                        for gi, g in enumerate(gs) for pi, p in enumerate(ps)), reverse=True)
        mg, mp = {}, {}
        for s, gi, pi in pairs:
            if s < 0.5: break
            if gi in mg or pi in mp: continue
            mg[gi], mp[pi] = pi, gi
        yield d, gs, ps, mg, mp
