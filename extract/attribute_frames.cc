// Frames of the sieve mined from PolNeAR train's misses (scripts/miss_report.py):
// a speaker described by a relative clause ("The official, who spoke on the
// condition of anonymity, said"), ...
#include "extract/attribute.h"
#include "extract/attribute_state.h"

namespace claimgraph {

bool AttributionSieve::RelativeClauseSpeaker(State* st, int sb, int j, Mention* m, int* np_begin) const {
  // t[j] is the comma that closes ", who/which ...,"; the relative clause
  // holds no quote and no sentence-level mark, and runs at most 40 tokens.
  const auto& t = st->t();
  for (int w = j - 2; w > sb + 1 && w > j - 40; --w) {
    const Token& tok = t[w];
    if (tok.in_quote || tok.kind == TokenKind::kQuoteOpen || tok.kind == TokenKind::kQuoteClose ||
        tok.lower == ";" || tok.lower == ":") {
      return false;
    }
    if (tok.capitalized || (tok.lower != "who" && tok.lower != "which") || t[w - 1].lower != ",") continue;
    // The antecedent ends before ", who": the usual speaker walk reads it
    // ("Paul Porter, a driver from Ava, Mo., who ...").
    return SpeakerBefore(st, sb, w - 1, m, np_begin);
  }
  return false;
}

}  // namespace claimgraph

namespace claimgraph {

int AttributionSieve::ContentEndBeforeFrame(const State& st, int cb, int ce, CueClass cls) const {
  const auto& t = st.t();
  // After a reported clause ", adding/saying ..." is a claim of its own; after
  // an object ("called for C, emphasizing D") it is part of the same one.
  const bool clause = cls != CueClass::kObject && cls != CueClass::kObjQuote && cls != CueClass::kUrge;
  for (int i = cb + 2; i + 1 < ce; ++i) {
    if (t[i].lower != "," || t[i].in_quote) continue;
    // A speech or tell cue up to six words after the comma (its speaker), with
    // no mark between.
    for (int x = clause ? i + 1 : i + 2; x < ce && x <= i + 7; ++x) {
      if ((x > i + 1 && (t[x - 1].in_quote || t[x - 1].kind == TokenKind::kPunct)) || t[x].in_quote) break;
      Cue cue;
      if (MatchCue(st, x, &cue) && (cue.cls == CueClass::kSpeech || cue.cls == CueClass::kTell)) return i;
    }
  }
  return ce;
}

}  // namespace claimgraph
