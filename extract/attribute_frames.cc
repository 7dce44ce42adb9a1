// Frames of the sieve mined from PolNeAR train's misses (scripts/miss_report.py),
// each kept for what it gains across train, not for one sentence:
//   - a speaker described by a relative clause ("The official, who spoke on
//     condition of anonymity, said");
//   - a reported clause ends before another speaker's frame ("C1, while
//     22 percent said C2");
//   - a headline's colon without quotes ("Clinton camp: Trump's rhetoric
//     threatens security");
//   - an object cue's phrase ends before a subordinate clause or the medium
//     ("praised the plan in an interview published Saturday");
//   - a common-noun speaker before a plain cue ("A spokeswoman for YouTube said");
//   - ", saying "Q"" takes the speaker of the clause's own cue;
//   - a share of those polled ("one in five say", "Nearly a third said",
//     "those surveyed say").
// Thread safety: as attribute.h (const, reentrant).
#include <algorithm>
#include <string_view>
#include <utility>

#include "extract/attribute.h"
#include "extract/attribute_state.h"
#include "extract/words.h"

namespace claimgraph {

bool AttributionSieve::QuantitySpeaker(const State& st, int sb, int j, Mention* m, int* np_begin) const {
  const auto& t = st.t();
  if (t[j].in_quote) return false;
  int start;
  if (IsCount(t[j]) && j - 2 >= sb && t[j - 1].Is("in") && IsCount(t[j - 2])) {
    start = j - 2;  // "one in five", "nine in 10"
  } else if (OneOf(t[j], {"half", "third", "thirds", "quarter", "quarters", "three-quarters", "two-thirds",
                          "majority", "plurality", "minority", "most", "many", "few"})) {
    start = j;  // "Nearly a third", "a majority", "most"
  } else if (OneOf(t[j], {"surveyed", "polled", "questioned", "interviewed"}) && j - 1 >= sb &&
             OneOf(t[j - 1], {"those", "people", "voters", "respondents", "adults", "americans"})) {
    start = j - 1;  // "those surveyed"
  } else {
    return false;
  }
  // A determiner and hedging adverbs before it: "Nearly a third", "About half".
  while (start > sb && j - start < 6 && t[start - 1].IsWord() && !t[start - 1].in_quote &&
         (OneOf(t[start - 1], {"a", "an", "the", "about", "nearly", "almost", "only", "just", "roughly", "some",
                               "another", "over", "under", "fully", "more", "than", "less"}))) {
    --start;
  }
  *m = Mention();
  m->surface = TokenText(st.text, st.para, start, j + 1);
  m->name = m->surface;
  m->type = EntityType::kGroup;
  m->plural = true;
  *np_begin = start;
  return true;
}

bool AttributionSieve::RestrictiveRelativeSpeaker(State* st, int sb, int j, Mention* m, int* np_begin) const {
  const auto& t = st->t();
  // Only a plain speech cue after the clause's own verb and object: not
  // "Iowans who are expected", "a Democrat who has been endorsed by".
  // ("... who was not authorized to speak publicly said": an adverb may stand between.)
  const int c = j + 2 < static_cast<int>(t.size()) && IsLy(t[j + 1]) ? j + 2 : j + 1;
  Cue cue;
  if (!MatchCue(*st, c, &cue) || (cue.cls != CueClass::kSpeech && cue.cls != CueClass::kTell)) return false;
  for (int w = j - 1; w > sb && w > j - 12; --w) {
    const Token& tok = t[w];
    if (tok.in_quote || tok.kind == TokenKind::kPunct) return false;
    if (!tok.Is("who") || tok.capitalized) continue;
    // The phrase before "who": up to six words back, not across a clause mark.
    int start = w;
    while (start > sb && w - start < 6 && t[start - 1].IsWord() && !t[start - 1].in_quote &&
           !(!t[start - 1].capitalized && (t[start - 1].HasClass(kConj) || t[start - 1].HasClass(kPrep) ||
                                           t[start - 1].HasClass(kRel)))) {
      --start;
    }
    if (start == w || !analyzer_.Analyze(st->text, st->para, start, w, m)) return false;
    if (m->pronoun || m->document) return false;
    *np_begin = start;
    return true;
  }
  return false;
}

bool AttributionSieve::RelativeClauseSpeaker(State* st, int sb, int j, Mention* m, int* np_begin) const {
  // t[j] is the comma that closes ", who/which ...,"; the relative clause
  // holds no quote and no sentence-level mark, and runs at most 40 tokens.
  const auto& t = st->t();
  for (int w = j - 2; w > sb + 1 && w > j - 40; --w) {
    const Token& tok = t[w];
    if (tok.in_quote || tok.kind == TokenKind::kQuoteOpen || tok.kind == TokenKind::kQuoteClose ||
        tok.Is(";") || tok.Is(":")) {
      return false;
    }
    if (tok.capitalized || (!tok.Is("who") && !tok.Is("which")) || !t[w - 1].Is(",")) continue;
    // The antecedent ends before ", who": the usual speaker walk reads it
    // ("Paul Porter, a driver from Ava, Mo., who ..."), two levels deep at most.
    if (st->relative_depth >= 2) return false;
    ++st->relative_depth;
    const bool found = SpeakerBefore(st, sb, w - 1, m, np_begin);
    --st->relative_depth;
    return found;
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
    // The comma may close a partial quote: `faced "an uphill battle," noting that D`.
    const bool closes_quote = t[i].in_quote && t[i + 1].kind == TokenKind::kQuoteClose;
    if (!t[i].Is(",") || (t[i].in_quote && !closes_quote)) continue;
    const int after = closes_quote ? i + 1 : i;  // the comma's last token
    // A speech or tell cue up to six words after the comma (its speaker), with
    // no mark between.
    for (int x = clause ? after + 1 : after + 2; x < ce && x <= after + 7; ++x) {
      if ((x > after + 1 && (t[x - 1].in_quote || t[x - 1].kind == TokenKind::kPunct)) || t[x].in_quote) break;
      Cue cue;
      // "its cost, estimated at $45 billion, would ...": a past participle
      // right after the comma and before a preposition is a reduced relative
      // clause, not a frame (", reported the Examiner" is one).
      const std::string& w = t[x].lower;
      if (x == after + 1 && x + 1 < ce && w.size() > 3 && EndsWith(w, "ed") &&
          t[x + 1].HasClass(kPrep)) {
        continue;
      }
      if (MatchCue(st, x, &cue) && (cue.cls == CueClass::kSpeech || cue.cls == CueClass::kTell)) return i;
    }
  }
  return ce;
}

}  // namespace claimgraph

namespace claimgraph {

void AttributionSieve::ColonClause(State* st, int sb, int se, int colon) const {
  // Headline style: a named speaker of at most four words, a colon, and a
  // clause of at least four words with no quote of its own.
  const auto& t = st->t();
  if (colon - sb > 4 || st->consumed[colon + 1]) return;
  int words = 0;
  for (int x = colon + 1; x < se; ++x) {
    if (t[x].kind == TokenKind::kQuoteOpen && x == colon + 1) return;
    words += t[x].IsWord();
  }
  if (words < 4) return;
  for (int x = sb; x < colon; ++x) {
    if (!t[x].IsWord() || !t[x].capitalized) return;  // "Update:", "Read more:"
  }
  Mention speaker;
  if (!analyzer_.Analyze(st->text, st->para, sb, colon, &speaker)) return;
  if (speaker.pronoun || speaker.document || (speaker.name_tokens == 0 && speaker.type != EntityType::kOrganization)) {
    return;
  }
  // Not a label of the page ("The Latest:", "Breaking:", "Q:", "Watch:").
  static constexpr std::string_view kLabels[] = {
      "latest", "breaking", "update", "updated", "contributing", "revealed", "wow", "q", "a", "watch",
      "video", "photos", "exclusive", "read", "more", "editor", "note", "related", "opinion", "analysis",
      "poll", "live", "listen", "question", "answer", "daily", "guide", "correction", "transcript"};
  for (int x = sb; x < colon; ++x) {
    for (std::string_view label : kLabels) {
      if (t[x].lower == label) return;
    }
  }
  Cue cue;
  cue.text = ":";
  cue.begin = colon;
  cue.end = colon + 1;
  EmitContent(st, colon + 1, se, cue, std::move(speaker), "", sb);
}

}  // namespace claimgraph

namespace claimgraph {

int AttributionSieve::ObjectEnd(const State& st, int cb, int ce) const {
  static constexpr std::string_view kClauseWords[] = {"after", "before", "while", "when", "because", "since",
                                                      "despite", "during", "amid", "following", "until",
                                                      "although", "though", "whereas"};
  static constexpr std::string_view kMedia[] = {"interview", "statement", "speech", "letter", "tweet", "post",
                                                "op-ed", "email", "appearance", "video", "ad"};
  const auto& t = st.t();
  for (int i = cb + 1; i < ce; ++i) {
    if (t[i].in_quote || t[i].capitalized) continue;
    const std::string& w = t[i].lower;
    // ", including ..." and ", such as ..." still name the object.
    if (w == "," && i + 1 < ce && (t[i + 1].Is("including") || t[i + 1].Is("such"))) continue;
    if (w == "," || w == "--" || w == ";" || w == "(") return i;
    for (std::string_view c : kClauseWords) {
      if (w == c) return i;
    }
    // "senators who opposed the bill said ...", "welcomed the vote but said
    // ...": the object ends before the next speech cue.
    Cue next;
    const int at = (w == "and" || w == "but") && i + 1 < ce ? i + 1 : i;
    if (MatchCue(st, at, &next) && (next.cls == CueClass::kSpeech || next.cls == CueClass::kTell)) return i;
    // "in an interview published Saturday", "on Twitter", "in a statement".
    if ((w == "in" || w == "on" || w == "during") && i + 2 < ce &&
        (t[i + 1].Is("a") || t[i + 1].Is("an") || t[i + 1].Is("his") || t[i + 1].Is("her") ||
         t[i + 1].Is("their") || t[i + 1].Is("its"))) {
      for (std::string_view m : kMedia) {
        if (t[i + 2].lower == m) return i;
      }
    }
  }
  return ce;
}

}  // namespace claimgraph

namespace claimgraph {

bool AttributionSieve::ParticipleSpeaker(State* st, int sb, int k, Mention* m) const {
  const auto& t = st->t();
  for (int c = std::max(sb + 1, k - 60); c < k - 1; ++c) {  // (a clause, not a run-on paragraph)
    if (t[c].in_quote) continue;
    Cue cue;
    if (!MatchCue(*st, c, &cue)) continue;
    int np_begin;
    return SpeakerBefore(st, sb, c, m, &np_begin);
  }
  return false;
}

}  // namespace claimgraph

namespace claimgraph {

bool AttributionSieve::CommonNounSpeaker(State* st, int sb, int j, int k, Mention* m, int* np_begin) const {
  static constexpr std::string_view kPlainCues[] = {"said", "says", "told", "tells", "wrote", "writes"};
  static constexpr std::string_view kOpeners[] = {"the", "a", "an", "his", "her", "their", "its", "our",
                                                  "one", "another", "this", "each"};
  static constexpr std::string_view kPreps[] = {"for", "of", "at", "with", "from", "in", "on"};
  const auto& t = st->t();
  // Inside a relative clause's antecedent ("a spokeswoman for the board,
  // who ..., said") t[k] is the comma before "who"; the cue was read already.
  const bool antecedent = st->relative_depth > 0 && t[k].Is(",");
  if ((!OneOf(t[k], kPlainCues) && !antecedent) || j < sb) return false;
  int start = j;
  int prep = -1;
  while (start > sb && j - start < 8) {
    const Token& prev = t[start - 1];
    if ((!prev.IsWord() && prev.kind != TokenKind::kNumber && !prev.Is("'s")) || prev.in_quote) break;
    if (!prev.capitalized && OneOf(t[start - 1], kPreps)) {
      if (prep >= 0) break;
      prep = start - 1;
    } else if (!prev.capitalized && prev.word_class && !OneOf(t[start - 1], kOpeners)) {
      break;
    }
    --start;
    // An opener starts the phrase unless a preposition comes before it
    // ("a spokeswoman for the board").
    if (OneOf(t[start], kOpeners) && (prep >= 0 || start == sb || !OneOf(t[start - 1], kPreps))) break;
  }
  if (!OneOf(t[start], kOpeners)) return false;
  // The phrase opens its clause: "Lopes said the businessman told ..." is
  // read from its first cue, not as a second speaker inside the content.
  if (start > sb && !(t[start - 1].kind == TokenKind::kPunct || t[start - 1].kind == TokenKind::kQuoteClose ||
                      (t[start - 1].HasClass(kConj) && !t[start - 1].capitalized))) {
    return false;
  }
  // The head: the last word before the preposition (or of the phrase), a
  // lower-case common noun ("businessman", "spokeswoman", "email").
  const int head = prep >= 0 ? prep - 1 : j;
  if (head <= start || !t[head].IsWord() || t[head].capitalized || t[head].word_class || IsLy(t[head])) {
    return false;
  }
  if (prep >= 0 && prep + 1 > j) return false;
  *m = Mention();
  m->surface = TokenText(st->text, st->para, start, j + 1);
  m->name = m->surface;
  m->type = EntityType::kGroup;
  m->plural = t[head].lower.size() > 3 && t[head].lower.back() == 's';
  *np_begin = start;
  return true;
}

}  // namespace claimgraph

namespace claimgraph {

int AttributionSieve::SkipLeadingAdverbial(const State& st, int cb, int se) const {
  static constexpr std::string_view kBareTimes[] = {"today", "yesterday", "tonight"};
  static constexpr std::string_view kModifiers[] = {"last", "this", "next", "earlier", "later", "late", "early"};
  static constexpr std::string_view kPreps[] = {"on", "in", "at", "during", "over"};
  static constexpr std::string_view kOccasions[] = {"interview", "statement", "speech", "letter", "tweet",
                                                    "post", "email", "appearance", "video", "call", "conference",
                                                    "briefing", "op-ed", "rally", "debate", "hearing", "radio",
                                                    "television", "podcast", "memo", "filing", "release"};
  const auto& t = st.t();
  auto is_time = [&](const Token& x) { return x.HasClass(kTime) && (x.capitalized || !x.Is("may")); };
  int i = cb;
  for (int round = 0; round < 3 && i < se; ++round) {
    const Token& w = t[i];
    if (w.in_quote || !w.IsWord()) break;
    int next = i;
    if (w.HasClass(kTime) && (w.capitalized || OneOf(w, kBareTimes))) {
      next = i + 1;  // "Monday", "yesterday"
    } else if (!w.capitalized && OneOf(w, kModifiers) && i + 1 < se && is_time(t[i + 1])) {
      next = i + 2;  // "last week"
    } else if (!w.capitalized && OneOf(w, kPreps)) {
      // "on Monday", "in an interview", "during a televised debate": a short
      // phrase ending in a time or an occasion.
      for (int j = i + 1; j < se && j <= i + 5 && t[j].IsWord() && !t[j].in_quote; ++j) {
        if (is_time(t[j]) || (!t[j].capitalized && OneOf(t[j], kOccasions))) {
          next = j + 1;
          break;
        }
      }
      // "... with The Daily Ledger", "... with CNN".
      if (next > i && next + 1 < se && (t[next].Is("with") || t[next].Is("to")) && !t[next].capitalized) {
        int k = next + 1;
        if (k < se && t[k].Is("the")) ++k;
        int names = 0;
        while (k < se && t[k].IsWord() && t[k].capitalized && !t[k].in_quote) ++k, ++names;
        if (names > 0) next = k;
      }
    }
    // "in last year's budget": a time that owns a noun is no adverbial.
    if (next == i || (next < se && t[next].Is("'s"))) break;
    i = next;
    while (i < se && t[i].Is(",")) ++i;
  }
  return i;
}

}  // namespace claimgraph
