// The quote patterns of the sieve: a quote followed by its attribution,
// "X: "Q"", and a quote that stands alone after a quote of the same speaker.
#include <algorithm>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/attribute.h"
#include "extract/attribute_state.h"
#include "extract/words.h"

namespace claimgraph {
namespace {

// A verb in the past tense that may report the quote before it when no cue
// of cues.txt does: ""Q," Trump tweeted", ""Q," some protesters chanted",
// ""Q," it read". A quote, a comma, a speaker and a past tense closing the
// sentence leave no other reading.
bool IsQuoteVerb(const Token& t) {
  static constexpr std::string_view kIrregular[] = {"wrote", "read", "spoke", "sang", "went", "began", "shot",
                                                    "swore", "bit", "thought", "put", "quipped", "cried"};
  if (!t.IsWord() || t.capitalized || t.in_quote || t.word_class) return false;
  const std::string& w = t.lower;
  if (w.size() > 4 && EndsWith(w, "ed")) return true;
  for (std::string_view v : kIrregular) {
    if (w == v) return true;
  }
  return false;
}

// What may follow such a verb: the sentence's end or a comma, "on" ("went
// on"), a preposition, adverb or time ("tweeted on Tuesday", "wrote later").
bool EndsQuoteFrame(const std::vector<Token>& t, int c, int se) {
  if (c + 1 >= se) return true;
  const Token& n = t[c + 1];
  if (n.in_quote || n.kind == TokenKind::kQuoteOpen) return false;
  if (n.kind == TokenKind::kPunct) return n.Is(".") || n.Is(",") || n.Is("!") || n.Is("?") || n.Is(";");
  return !n.capitalized && (n.HasClass(kPrep) || n.HasClass(kAdv) || n.HasClass(kTime) || n.Is("on"));
}

}  // namespace

bool AttributionSieve::QuotedDeterminerSpeaker(const State& st, int b, int se, Mention* m, int* end) const {
  // Right after a quote and its cue the attribution is certain, so any short
  // determiner phrase speaks: "said the woman", "said a former official who
  // asked not to be named", "said the 46-year-old".
  static constexpr std::string_view kOpeners[] = {"a", "an", "the", "his", "her", "their", "one", "another"};
  const auto& t = st.t();
  if (b >= se || t[b].capitalized || t[b].in_quote) return false;
  if (!OneOf(t[b], kOpeners)) return false;
  int e = b + 1;
  while (e < se && e < b + 7 && !t[e].in_quote &&
         (t[e].IsWord() || t[e].kind == TokenKind::kNumber || t[e].Is("-")) &&
         !(!t[e].capitalized && (t[e].HasClass(kPrep) || t[e].HasClass(kRel) || t[e].HasClass(kConj)))) {
    ++e;
  }
  if (e == b + 1 || !t[e - 1].IsWord() || (e < se && !t[e].Is(",") && !t[e].Is(".") && !t[e].HasClass(kRel) &&
                                           !t[e].HasClass(kPrep))) {
    return false;
  }
  *m = Mention();
  m->surface = TokenText(st.text, st.para, b, e);
  m->name = m->surface;
  m->type = EntityType::kGroup;
  m->plural = t[e - 1].lower.back() == 's';
  *end = e;
  return true;
}

void AttributionSieve::QuoteFirst(State* st, int sb, int se) const {
  const auto& t = st->t();
  if (const QuoteSpan* found = QuoteOpeningAt(st->para, sb)) {
    const QuoteSpan& q = *found;
    if (q.close < 0 || st->consumed[q.open]) return;
    // ""Why?" Biden asked.": the sentence ended at the quote's "?" or "!",
    // and its attribution is the next sentence.
    if (q.close + 1 == se && q.close > q.open + 1 && (t[q.close - 1].Is("?") || t[q.close - 1].Is("!"))) {
      const auto& sentences = st->para.sentences;
      auto next = std::lower_bound(sentences.begin(), sentences.end(), se,
                                   [](const Sentence& x, int b) { return x.begin < b; });
      if (next != sentences.end() && next->begin == se && next->end - se <= 12) se = next->end;
    }
    int k = q.close + 1;
    if (k < se && t[k].Is(",")) ++k;
    if (k >= se) return;
    Cue cue;
    Mention speaker;
    int after = -1;
    bool verb_first = MatchCue(*st, k, &cue) && (cue.cls == CueClass::kSpeech || cue.cls == CueClass::kTell);
    if (!verb_first && IsQuoteVerb(t[k]) && k + 1 < se && t[k + 1].capitalized) {
      cue = Cue{k, k + 1, CueClass::kSpeech, t[k].lower};  // "Q," exhorted Jamie Lee Curtis.
      verb_first = true;
    }
    if (verb_first) {
      // "Q," said Rubio. / "Q," said a Democratic strategist who ...
      int e = cue.end;
      while (e < se && t[e].IsWord() && !(!t[e].capitalized && (t[e].HasClass(kPrep) || t[e].HasClass(kRel)))) ++e;
      if (!analyzer_.Analyze(st->text, st->para, cue.end, e, &speaker) &&
          !QuotedDeterminerSpeaker(*st, cue.end, se, &speaker, &e)) {
        return;
      }
      after = e;
    } else {
      for (int c = k; c < se && c < k + 14; ++c) {
        if (!MatchCue(*st, c, &cue)) {
          if (c == k || !IsQuoteVerb(t[c]) || !EndsQuoteFrame(t, c, se)) continue;
          cue = Cue{c, c + 1, CueClass::kSpeech, t[c].lower};
        }
        if (cue.cls != CueClass::kSpeech && cue.cls != CueClass::kTell && cue.cls != CueClass::kBelief) return;
        int np_begin;
        st->quote_frame = true;
        const bool found = SpeakerBefore(st, k, c, &speaker, &np_begin);
        st->quote_frame = false;
        if (!found || np_begin != k) return;
        after = cue.end;
        break;
      }
    }
    if (after < 0) return;
    TextRange span = q.inner;
    std::string text(st->text.substr(span.begin, span.end - span.begin));
    while (!text.empty() && text.back() == ',') {
      text.pop_back();
      --span.end;
    }
    int consume_end = after;
    // The frame's trailing phrase: "told a news conference Tuesday", "wrote on X".
    int frame_end = after;
    while (frame_end < se && frame_end < after + 8 && !t[frame_end].in_quote &&
           (t[frame_end].IsWord() || t[frame_end].kind == TokenKind::kNumber)) {
      ++frame_end;
    }
    const QuoteSpan* q2p = frame_end + 1 < se && t[frame_end + 1].kind == TokenKind::kQuoteOpen
                               ? QuoteOpeningAt(st->para, frame_end + 1)
                               : nullptr;
    // ""Q1," she wrote on X. "Q2."": a sentence end the segmenter took for
    // an initial's period; Q2 is a quote of its own, by the same speaker.
    const QuoteSpan* next_quote = nullptr;
    // "Q1," he said, "Q2." / "Q1," she told a news conference Tuesday, "and
    // Q2." - one quote interrupted by its attribution.
    if (q2p != nullptr && t[frame_end].Is(",")) {
      const QuoteSpan& q2 = *q2p;
      text += " ";
      text.append(st->text.substr(q2.inner.begin, q2.inner.end - q2.inner.begin));
      span.end = q2.inner.end;
      consume_end = q2.close < 0 ? se : q2.close + 1;
    } else if (q2p != nullptr && t[frame_end].Is(".") && q2p->close >= 0 && q2p->close + 2 >= se) {
      next_quote = q2p;
    }
    if (text.empty()) return;
    Resolve(st, &speaker);
    Emit(st, ClaimKind::kDirect, span, std::move(text), cue, speaker, "", sb, consume_end);
    if (next_quote != nullptr && next_quote->inner.end > next_quote->inner.begin) {
      const QuoteSpan& q2 = *next_quote;
      Emit(st, ClaimKind::kDirect, q2.inner,
           std::string(st->text.substr(q2.inner.begin, q2.inner.end - q2.inner.begin)), cue, speaker, "",
           frame_end, se);
    }
    return;
  }
}

void AttributionSieve::ColonQuote(State* st, int sb, int se) const {
  const auto& t = st->t();
  // "Ana Lopes: "We are ready."" - a name, a colon, and a quote to the end.
  for (int c = sb + 1; c + 1 < se && c < sb + 10; ++c) {
    if (!t[c].Is(":") || t[c].in_quote) continue;
    if (t[c + 1].kind != TokenKind::kQuoteOpen) {
      ColonClause(st, sb, se, c);
      return;
    }
    if (st->consumed[c + 1]) return;
    Mention speaker;
    if (!analyzer_.Analyze(st->text, st->para, sb, c, &speaker)) return;
    if (speaker.name_tokens == 0 && !speaker.pronoun && speaker.type != EntityType::kOrganization) return;
    Cue cue;
    cue.text = ":";
    cue.begin = c;
    cue.end = c + 1;
    EmitContent(st, c + 1, se, cue, std::move(speaker), "", sb);
    return;
  }
}

void AttributionSieve::Continuation(State* st, int sb, int se) const {
  const auto& t = st->t();
  if (!st->has_last || st->paragraph_index - st->last_paragraph > 1) return;
  if (const QuoteSpan* found = QuoteOpeningAt(st->para, sb)) {
    const QuoteSpan& q = *found;
    if (st->consumed[sb]) return;
    int end = q.close < 0 ? static_cast<int>(t.size()) : q.close + 1;
    while (end < se && t[end].kind == TokenKind::kPunct) ++end;
    if (end < se) return;  // more than the quote: not a continuation
    std::string_view inner = st->text.substr(q.inner.begin, q.inner.end - q.inner.begin);
    // A quote that runs on over paragraphs: the paragraph before ended
    // inside the quote ("Those days are over.¶"Every manufacturer ...").
    if (sb == 0 && st->open_quote_claim >= 0 && st->open_quote_claim + 1 == static_cast<int>(st->claims->size()) &&
        st->last_paragraph + 1 == st->paragraph_index && !inner.empty()) {
      Claim& c = st->claims->back();
      c.text.push_back(' ');
      c.text.append(inner);
      c.span.end = q.inner.end;
      c.id.resize(c.id.size() - (c.id.size() - c.id.rfind('-') - 1));
      c.id.append(std::to_string(c.span.end));
      for (int i = sb; i < se; ++i) st->consumed[i] = true;
      st->last_paragraph = st->paragraph_index;
      return;
    }
    if (inner.find(' ') == std::string_view::npos) return;
    Emit(st, ClaimKind::kDirect, q.inner, std::string(inner), st->last_cue, st->last_speaker, "", sb, se);
    return;
  }
}

}  // namespace claimgraph
