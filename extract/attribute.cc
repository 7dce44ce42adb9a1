// The sieve reads one sentence at a time and keeps, per article, what
// coreference needs: the people named so far, the subject of the sentence
// before, and the last speaker (for a quote that stands alone).
#include "extract/attribute.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "extract/attribute_model.h"
#include "extract/attribute_state.h"
#include "extract/segment.h"
#include "extract/words.h"

namespace claimgraph {
namespace {

// A reported clause runs to the sentence end. Text without sentence ends
// (hostile or scraped input) makes that unbounded, and every cue of the
// sentence would copy and scan it: quadratic time and memory. The longest
// on PolNeAR train and news-bench is 110 words.
constexpr int kMaxContentTokens = 400;

// A headline: the first of several paragraphs, one short line that does
// not end as a sentence does ("VA chief promises to clear backlog"). The
// issue keeps headlines out: their frames are clipped ("Driver charged in
// death of ...") and their words no antecedents for the lead's pronouns.
bool IsHeadline(const Document& doc, TextRange range) {
  if (doc.paragraphs.size() < 2) return false;
  const std::string_view line = doc.Slice(range);
  if (line.empty() || line.size() > 160 || line.find('\n') != std::string_view::npos) return false;
  const char last = line.back();
  if (last == '.' || last == '!' || last == '?' || last == '"' || last == '\'' || last == ':' || last == ')') {
    return false;
  }
  // A closing curly quote or ellipsis ends a sentence too (UTF-8 "\u201d", "\u2019", "\u2026").
  if (line.size() >= 3 && static_cast<unsigned char>(line[line.size() - 3]) == 0xE2 &&
      static_cast<unsigned char>(line[line.size() - 2]) == 0x80) {
    const unsigned char c = static_cast<unsigned char>(last);
    if (c == 0x9D || c == 0x99 || c == 0xA6) return false;
  }
  return std::count(line.begin(), line.end(), ' ') < 20;
}

}  // namespace

int AttributionSieve::ContentCommaBefore(const State& st, int sb, int k) const {
  // "C, X said" and "C," X said (the comma inside the closing quote): the
  // index where the content ends, or -1.
  const auto& t = st.t();
  if (k - 1 <= sb) return -1;
  if (t[k - 1].Is(",")) return k - 1;
  if (t[k - 1].kind == TokenKind::kQuoteClose && k - 2 > sb && t[k - 2].Is(",")) return k - 1;
  return -1;
}

bool AttributionSieve::MatchCue(const State& st, int k, Cue* cue) const {
  const auto& t = st.t();
  if (!t[k].IsWord() || t[k].in_quote || t[k].capitalized) return false;
  auto it = vocab_.cues.find(t[k].lower);
  if (it == vocab_.cues.end()) return false;
  const int n = static_cast<int>(t.size());
  // A noun cue needs its frame: "X's (recent) statement that ...".
  const bool possessive = (k >= 1 && t[k - 1].Is("'s")) || (k >= 2 && t[k - 2].Is("'s") && t[k - 1].IsWord());
  for (int pass = possessive ? 0 : 1; pass < 2; ++pass) {
    for (const CueForm& form : it->second) {
      if (form.noun != (pass == 0)) continue;
      // "the department's claims software", "Trump's repeated calls": after a
      // possessive a one-word cue is a noun or an adjective ("Obama's call
      // for" stays a cue).
      if (!form.noun && form.words.size() == 1 && k >= 1 && t[k - 1].Is("'s")) continue;
      const int len = static_cast<int>(form.words.size());
      if (k + len > n) continue;
      bool match = true;
      for (int i = 1; i < len && match; ++i) match = t[k + i].lower == form.words[i] && !t[k + i].in_quote;
      if (!match) continue;
      if (form.noun && (k + len >= n || !t[k + len].Is("that"))) continue;
      cue->begin = k;
      cue->end = k + len;
      cue->cls = form.cls;
      cue->text.clear();
      for (int i = 0; i < len; ++i) {
        if (i) cue->text.push_back(' ');
        cue->text += form.words[i];
      }
      return true;
    }
  }
  return false;
}

void AttributionSieve::Emit(State* st, ClaimKind kind, TextRange span, std::string text, const Cue& cue,
                            Mention speaker, const std::string& addressee, int consume_begin,
                            int consume_end) const {
  for (int i = consume_begin; i < consume_end; ++i) st->consumed[i] = true;
  Claim c;
  c.doc = st->doc->id;
  c.kind = kind;
  c.span = span;
  c.text = std::move(text);
  c.id.reserve(st->doc->id.size() + 24);
  c.id.append(st->doc->id).append("#").append(std::to_string(span.begin)).append("-").append(std::to_string(span.end));
  c.cue = cue.text;
  c.speaker.name = speaker.name;
  c.speaker.mention = speaker.surface;
  c.speaker.type = speaker.type;
  c.speaker.role = speaker.role;
  c.speaker.affiliation = speaker.affiliation;
  c.addressee = addressee;
  c.date = st->doc->date;
  // Only a definite role ("the city auditor", "its chair"): "a judge", "a
  // State Department spokesman" are unnamed sources.
  if (speaker.role_reference && !speaker.indefinite && speaker.name_tokens == 0 && !speaker.pronoun) {
    st->unresolved_roles.push_back({st->claims->size(), span, speaker});
  }
  st->claims->push_back(std::move(c));
  st->entities.NoteSpeaker(speaker);
  st->entities.NoteSentence(st->sentence_index, nullptr, &speaker);
  st->has_last = true;
  st->last_speaker = std::move(speaker);
  st->last_cue = cue;
  st->last_paragraph = st->paragraph_index;
}

void AttributionSieve::EmitContent(State* st, int cb, int ce, const Cue& cue, Mention speaker,
                                   const std::string& addressee, int consume_begin) const {
  const auto& t = st->t();
  while (cb < ce && (t[cb].Is(",") || t[cb].Is(":") || t[cb].Is("--"))) ++cb;
  while (ce > cb && t[ce - 1].kind == TokenKind::kPunct && !t[ce - 1].in_quote) --ce;
  if (ce <= cb) return;
  // One quote covering the whole content: direct speech.
  if (const QuoteSpan* found = QuoteOpeningAt(st->para, cb)) {
    const QuoteSpan& q = *found;
    const int close = q.close < 0 ? static_cast<int>(t.size()) - 1 : q.close;
    if (close == ce - 1 || (q.close < 0 && ce == static_cast<int>(t.size()))) {
      std::string_view inner = st->text.substr(q.inner.begin, q.inner.end - q.inner.begin);
      TextRange span = q.inner;
      while (!inner.empty() && (inner.back() == ',' || inner.back() == ' ')) {
        inner.remove_suffix(1);
        --span.end;
      }
      if (inner.empty()) return;
      Resolve(st, &speaker);
      Emit(st, ClaimKind::kDirect, span, std::string(inner), cue, std::move(speaker), addressee, consume_begin, ce);
      return;
    }
  }
  ce = std::min(ce, cb + kMaxContentTokens);  // see kMaxContentTokens
  // The reported clause ends before a second verb phrase of the frame:
  // "said he makes $41,000 a year and questioned how ...".
  for (int i = cb + 1; i < ce; ++i) {
    if (t[i].in_quote) continue;
    bool and_verb = false;
    if ((t[i].Is("and") || t[i].Is("but")) && i + 1 < ce && t[i + 1].IsWord() && !t[i + 1].capitalized &&
        !t[i + 1].in_quote) {
      const std::string& w = t[i + 1].lower;
      Cue other;
      // "said the company had been preparing for it and expected little
      // effect": a belief with a noun phrase, not a clause, goes on the
      // reported clause's own subject.
      const bool cue_next = MatchCue(*st, i + 1, &other);
      and_verb = cue_next ||
                 (t[i].Is("and") && w.size() > 4 && EndsWith(w, "ed") && !t[i + 1].word_class);
      // "said the agency had tabled an offer and remained ready": past a
      // perfect "had" a plain "-ed" verb goes on the reported clause.
      if (!cue_next && and_verb) {
        for (int j = cb; j < i && and_verb; ++j) and_verb = !t[j].Is("had") || t[j].in_quote;
      }
      if (cue_next && other.cls == CueClass::kBelief && other.end < ce && !t[other.end].Is("that") &&
          !t[other.end].HasClass(kPron) && !t[other.end].capitalized) {
        and_verb = false;
      }
    }
    if (and_verb) {
      // "said the heat and unsettled weather could last": an "-ed" word after
      // a subject too short to be a clause is an adjective, not a verb.
      int before = 0;
      for (int j = cb; j < i; ++j) before += t[j].IsWord() || t[j].kind == TokenKind::kNumber;
      if (before < 3) break;
      ce = i;
      while (ce > cb && t[ce - 1].kind == TokenKind::kPunct && !t[ce - 1].in_quote) --ce;
      break;
    }
  }
  ce = ContentEndBeforeFrame(*st, cb, ce, cue.cls);
  if (cue.cls == CueClass::kObject) ce = ObjectEnd(*st, cb, ce);
  int words = 0;
  bool quoted = false;
  for (int i = cb; i < ce; ++i) {
    words += t[i].IsWord() || t[i].kind == TokenKind::kNumber;
    quoted = quoted || t[i].in_quote;
  }
  // A clause needs three words; an object ("endorsed Clinton", "opposed it") one.
  if (words < (cue.cls == CueClass::kObject ? 1 : 3)) return;
  // "criticized this, saying ...": a pronoun alone says nothing; the
  // participle's claim carries it.
  if (words == 1 && ce - cb == 1 && (t[cb].HasClass(kPron) || t[cb].HasClass(kDet))) return;
  if (cue.cls == CueClass::kObjQuote && !quoted) return;
  std::string text;
  text.reserve(t[ce - 1].end - t[cb].begin);
  for (int i = cb; i < ce; ++i) {
    if (t[i].kind == TokenKind::kQuoteOpen || t[i].kind == TokenKind::kQuoteClose) continue;
    // A space wherever the text has one between this token and the previous one kept.
    if (!text.empty()) {
      int prev = i - 1;
      bool gap = t[prev].end < t[i].begin;
      while (!gap && prev > cb && (t[prev].kind == TokenKind::kQuoteOpen || t[prev].kind == TokenKind::kQuoteClose)) {
        gap = t[prev - 1].end < t[prev].begin;
        --prev;
      }
      if (gap) text.push_back(' ');
    }
    text.append(st->text.substr(t[i].begin, t[i].end - t[i].begin));
  }
  Resolve(st, &speaker);
  // Only the frame is consumed: the content may hold an attribution of its own
  // ("Axios reported that Biden urged Netanyahu to ...").
  Emit(st, quoted ? ClaimKind::kPartial : ClaimKind::kIndirect, TextRange{t[cb].begin, t[ce - 1].end},
       std::move(text), cue, std::move(speaker), addressee, consume_begin, cb);
  st->outer_begin = cb;
  st->outer_end = ce;
  st->outer_speaker = st->claims->back().speaker.name;
}

void AttributionSieve::EmitAroundFrame(State* st, int b1, int e1, int b2, int e2, const Cue& cue,
                                       Mention speaker) const {
  const auto& t = st->t();
  while (e2 > b2 && t[e2 - 1].kind == TokenKind::kPunct && !t[e2 - 1].in_quote) --e2;
  for (int i = b1; i < e2; ++i) {
    if (st->consumed[i]) return;
  }
  std::string text;
  bool quoted = false;
  for (int part = 0; part < 2; ++part) {
    const int b = part == 0 ? b1 : b2, e = part == 0 ? e1 : e2;
    for (int i = b; i < e; ++i) {
      quoted = quoted || t[i].in_quote;
      if (t[i].kind == TokenKind::kQuoteOpen || t[i].kind == TokenKind::kQuoteClose) continue;
      if (!text.empty() && (i == b || t[i - 1].end < t[i].begin || t[i - 1].kind == TokenKind::kQuoteOpen)) {
        text.push_back(' ');
      }
      text.append(st->text.substr(t[i].begin, t[i].end - t[i].begin));
    }
  }
  Resolve(st, &speaker);
  Emit(st, quoted ? ClaimKind::kPartial : ClaimKind::kIndirect, TextRange{t[b1].begin, t[e2 - 1].end},
       std::move(text), cue, std::move(speaker), "", b1, e2);
}

void AttributionSieve::ScanMentions(State* st, int sb, int se) const {
  const auto& t = st->t();
  Mention subject;
  int subject_end = 0;
  const bool has_subject = analyzer_.ClauseSubject(st->text, st->para, sb, se, &subject, &subject_end);
  if (has_subject && !subject.pronoun && !st->entities.ResolveName(&subject)) {
    st->entities.ResolveOrganizationPrefix(&subject);
  }
  if (has_subject && subject.pronoun) Resolve(st, &subject);
  // People named in the sentence, in order: runs of titles and capitalised words.
  bool noted_person = false;
  for (int i = sb; i < se;) {
    const Token& tok = t[i];
    const bool starts = tok.IsWord() && !tok.in_quote && !tok.word_class &&
                        (tok.capitalized || vocab_.titles.count(tok.lower));
    if (!starts) {
      ++i;
      continue;
    }
    int j = i + 1;
    while (j < se && t[j].IsWord() && !t[j].in_quote &&
           (t[j].capitalized || vocab_.titles.count(t[j].lower) ||
            ((t[j].Is("of") || t[j].Is("to")) && j + 1 < se && t[j + 1].capitalized) ||
            // "Green mayoral candidate Irene Vasquez": an adjective before a title.
            (!t[j].word_class && j + 1 < se && t[j + 1].IsWord() && !t[j + 1].capitalized &&
             vocab_.titles.count(t[j + 1].lower)) ||
            InitialPeriod(t, sb, j))) {
      ++j;
    }
    // "Ward 9 Coun. Priya Sandhu": the district is no person; the run starts
    // again at the title.
    if (analyzer_.DistrictNumber(st->para, j, se)) {
      i = j + 1;
      continue;
    }
    Mention m;
    const bool named = analyzer_.Analyze(st->text, st->para, i, j, &m);
    // An organisation named anywhere is registered ("block Lakeshore Foods
    // Corp.'s takeover"), and so is a short name of it ("Lakeshore").
    if (named && m.type == EntityType::kPerson && !m.role_reference && !st->entities.ResolveName(&m) &&
        st->entities.ResolveOrganizationPrefix(&m)) {
      st->entities.AddOrganization(m, st->sentence_index);
      i = j;
      continue;
    }
    if (named && m.type == EntityType::kOrganization && i - 2 >= sb && (t[i - 1].Is("and") || t[i - 1].Is("&")) &&
        t[i - 2].capitalized && t[i - 2].IsWord() && !t[i - 2].word_class && !t[i - 2].in_quote &&
        m.name == TokenText(st->text, st->para, i, j)) {
      // "Securities and Exchange Commission": the name runs back over "and".
      int k = i - 2;
      while (k > sb && i - k < 6 && t[k - 1].IsWord() && t[k - 1].capitalized && !t[k - 1].word_class &&
             !t[k - 1].in_quote) {
        --k;
      }
      m.name = TokenText(st->text, st->para, k, j);
    }
    if (named && m.type == EntityType::kOrganization) st->entities.AddOrganization(m, st->sentence_index);
    if (named && m.type == EntityType::kPerson && !m.role_reference) {
      st->entities.AddPerson(m);
      if (!noted_person) {
        st->entities.NoteSentence(st->sentence_index, &m, nullptr);
        noted_person = true;
      }
    }
    i = j;
  }
  st->entities.NoteSentence(st->sentence_index, nullptr, has_subject ? &subject : nullptr);
}

void AttributionSieve::CueFrames(State* st, int sb, int se) const {
  const auto& t = st->t();
  for (int k = sb; k < se; ++k) {
    if (st->consumed[k]) continue;
    Cue cue;
    if (!MatchCue(*st, k, &cue)) continue;
    // "an official who asked not to be named": anonymity, not a request reported.
    if (cue.end + 2 < se && t[cue.end].Is("not") && t[cue.end + 1].Is("to") && t[cue.end + 2].Is("be")) continue;
    Mention speaker;
    int np_begin = k;
    std::string relay;

    // "Lawmakers who wrote the bill said C": a cue inside a restrictive
    // relative clause is part of the subject when the main verb, a cue,
    // follows.
    if (k - 2 >= sb && t[k - 1].Is("who") && !t[k - 1].capitalized && !t[k - 2].Is(",")) {
      bool main_cue = false;
      for (int x = cue.end; x < se && x < cue.end + 8 && !main_cue && t[x].IsWord() && !t[x].in_quote; ++x) {
        Cue other;
        main_cue = MatchCue(*st, x, &other);
      }
      if (main_cue) continue;
    }
    // "Reuters cited French officials as saying that C": the officials speak, Reuters relays.
    if (t[k].Is("saying") && k - 1 > sb && t[k - 1].Is("as")) {
      int c = k - 2;
      while (c > sb && c > k - 12 && !t[c].Is("cited") && !t[c].Is("quoted")) --c;
      if (t[c].Is("cited") || t[c].Is("quoted")) {
        Mention relay_m;
        int relay_begin;
        if (!analyzer_.Analyze(st->text, st->para, c + 1, k - 1, &speaker)) continue;
        if (SpeakerBefore(st, sb, c, &relay_m, &relay_begin)) {
          Resolve(st, &relay_m);
          relay = relay_m.name;
          np_begin = relay_begin;
        } else {
          np_begin = c;
        }
        int cb = cue.end;
        if (cb < se && t[cb].Is("that")) ++cb;
        const size_t before = st->claims->size();
        EmitContent(st, cb, se, cue, std::move(speaker), "", np_begin);
        if (st->claims->size() > before) st->claims->back().relayed_by = relay;
        k = se;
        continue;
      }
    }

    if (cue.cls == CueClass::kNoun) {
      const int ps = t[k - 1].Is("'s") ? k - 1 : k - 2;
      if (!SpeakerBefore(st, sb, ps, &speaker, &np_begin) || speaker.pronoun || speaker.document) continue;
      EmitContent(st, cue.end + 1, se, cue, std::move(speaker), "", np_begin);
      continue;
    }
    // "a report suggesting the relocation": a participle right after a noun
    // modifies it; only ", saying" or "is saying" attribute.
    if (EndsWithIng(t[k].lower) && k > sb && !t[k - 1].Is(",") && !t[k - 1].HasClass(kAdv)) continue;
    // "as Hamas concludes, as reported by ...": what follows is no clause,
    // unless a span of time and "that" follow ("complained for months that
    // C", "said for the first time that C").
    bool that_soon = false;
    if (cue.end + 2 < se && t[cue.end].Is("for")) {
      bool span = false;
      for (int x = cue.end + 1; x < se && x < cue.end + 5 && !that_soon && t[x].IsWord() && !t[x].in_quote; ++x) {
        span = span || OneOf(t[x], {"years", "months", "weeks", "days", "decades", "hours", "time", "year"});
        that_soon = span && t[x].Is("that") && !t[x].capitalized;
      }
    }
    if (cue.end < se && !that_soon && !t[cue.end].capitalized &&
        (t[cue.end].HasClass(kPrep) || t[cue.end].HasClass(kConj)) &&
        cue.cls == CueClass::kSpeech && !t[cue.end].Is("in") && !t[cue.end].Is("on") && !t[cue.end].Is("if") &&
        !t[cue.end].Is("at") && !t[cue.end].Is("during") && !t[cue.end].Is("after") &&
        // "said about 300 people have signed on": a preposition of quantity before a number.
        !(cue.end + 1 < se && t[cue.end + 1].kind == TokenKind::kNumber &&
          OneOf(t[cue.end], {"about", "around", "over", "under", "nearly", "some", "roughly", "almost"}))) {
      continue;
    }
    // "The scam is believed to have begun", "the court is expected to rule":
    // a participle before "to" is passive raising, not an attribution.
    if (cue.end < se && t[cue.end].Is("to") && t[k].lower.size() > 3 &&
        EndsWith(t[k].lower, "ed") && cue.cls != CueClass::kUrge) {
      continue;
    }
    // "312 vehicles were reported stolen", "the plan was announced Tuesday": a
    // passive participle with no "that", "to" or quote after it reports nothing.
    if (k > sb && cue.end < se && EndsWith(t[k].lower, "ed") &&
        OneOf(t[k - 1], {"is", "are", "was", "were", "be", "been", "being"}) && !t[cue.end].Is("that") &&
        !t[cue.end].Is("to") && !t[cue.end].Is(",") && !t[cue.end].Is(":") &&
        t[cue.end].kind != TokenKind::kQuoteOpen &&
        !t[cue.end].HasClass(kPron)) {  // "it was revealed she had ..."
      continue;
    }
    // "Reuters cited French officials as saying": the "saying" frame takes it.
    if (cue.cls == CueClass::kObject) {
      bool as_saying = false;
      for (int x = cue.end; x + 1 < se && x < cue.end + 10 && !as_saying; ++x) {
        as_saying = t[x].Is("as") && EndsWithIng(t[x + 1].lower);
      }
      if (as_saying) continue;
    }
    bool participle = false;
    if (k > sb && t[k - 1].Is(",") && EndsWithIng(t[k].lower)) {
      // Inside another claim's clause the participle belongs to that claim.
      if (st->outer_begin <= k && k < st->outer_end) continue;
      // "called for C, emphasizing D": D elaborates the object claim just
      // made; only a quote ("criticized it, saying, "Q"") is a claim of its own.
      if (st->outer_end == k - 1 && st->last_cue.cls == CueClass::kObject) {
        int q = cue.end;
        while (q < se && (t[q].Is(",") || t[q].Is(":"))) ++q;
        if (q >= se || t[q].kind != TokenKind::kQuoteOpen) continue;
      }
      // "..., saying, "Q"" / "..., urging Biden to C": the subject of the clause speaks.
      int subject_end;
      if (!analyzer_.ClauseSubject(st->text, st->para, sb, k, &speaker, &subject_end)) {
        // "An anonymous diplomat criticized this, saying": the speaker of
        // the clause's own cue.
        if (!ParticipleSpeaker(st, sb, k, &speaker)) continue;
      }
      // The frame is ", saying": consuming back to the sentence start would
      // make a run of participles quadratic.
      np_begin = k - 1;
      participle = true;
    } else if (!SpeakerBefore(st, sb, k, &speaker, &np_begin)) {
      // "C, said a handful of Democrats." - the speaker after the cue.
      const int comma = ContentCommaBefore(*st, sb, k);
      if (comma < 0 || cue.cls != CueClass::kSpeech) continue;
      int e = cue.end;
      while (e < se && e < cue.end + 12 && t[e].IsWord() && !t[e].in_quote) ++e;
      // Only "..., said X." or "..., said X, who ...": not "said his side would ...".
      if (e < se && t[e].kind != TokenKind::kPunct) continue;
      if (!analyzer_.Analyze(st->text, st->para, cue.end, e, &speaker)) continue;
      EmitContent(st, sb, comma, cue, std::move(speaker), "", sb);
      for (int x = comma; x < e; ++x) st->consumed[x] = true;
      k = e;
      continue;
    }
    if (speaker.document && cue.cls != CueClass::kEvidence && cue.cls != CueClass::kSpeech) continue;
    if (speaker.document && !participle && speaker.name.find(" by ") == std::string::npos) {
      DocumentAuthor(st, np_begin, k, &speaker);
    }
    if (cue.cls == CueClass::kEvidence && !speaker.document && speaker.name_tokens == 0 &&
        speaker.type != EntityType::kOrganization) {
      continue;
    }

    // What follows the cue: an addressee, "that", and the content.
    std::string addressee;
    int that_at = -1;
    const int j = cue.end;
    int cb = ReportStart(st, cue, se, &addressee, &that_at);
    while (cb < se && (t[cb].Is(",") || t[cb].Is(":"))) ++cb;

    // Reversed: "C, X said." - the content stands before the speaker.
    int rest = 0;
    bool rest_has_quote = false;
    bool adverbial_only = true;  // [cb, x) holds only times and adverbs
    for (int x = cb; x < se && rest <= 6; ++x) {  // (past 6 words the answer is known)
      if (t[x].Is(",") && x > cb) break;  // "C," Anthony says, a job that ...
      // "C, the minister said Tuesday as she tabled the budget": a
      // subordinate clause with a subject of its own right after the frame
      // (and its time) is no content.
      // ("C, Penhallow said, though he acknowledged D": a concession opens
      // a clause of its own after the frame's comma too.)
      if (adverbial_only && x + 1 < se && !t[x].capitalized && cb > 0 &&
          (t[cb - 1].Is(",") ? x == cb && OneOf(t[x], {"though", "although"})
                             : OneOf(t[x], {"as", "while", "when", "after", "before"})) &&
          (t[x + 1].capitalized || t[x + 1].HasClass(kDet) ||
           t[x + 1].HasClass(kPron) || OneOf(t[x + 1], {"his", "her", "their"}))) {
        break;
      }
      adverbial_only = adverbial_only && (t[x].HasClass(kTime) || t[x].HasClass(kAdv) || IsLy(t[x]));
      rest += t[x].IsWord();
      rest_has_quote = rest_has_quote || t[x].kind == TokenKind::kQuoteOpen;
    }
    // "As for the budget, he said he is not worried": a clause right after
    // the cue is the content; only a trailing phrase ("on Monday", "in a
    // statement", "last week") may follow a reversed frame.
    if (cb < se && cb > k && !t[cb - 1].Is(",") && t[cb].IsWord() && !t[cb].in_quote && rest > 0) {
      const Token& f = t[cb];
      if (!f.HasClass(kPrep) && !f.HasClass(kTime) && !f.HasClass(kAdv) && !f.HasClass(kConj) && !IsLy(f)) {
        rest = 7;
      }
    }
    const int comma = ContentCommaBefore(*st, sb, np_begin);
    if (!participle && that_at < 0 && rest <= 6 && !rest_has_quote && comma > sb + 2 &&
        cue.cls != CueClass::kObject && cue.cls != CueClass::kObjQuote) {
      if (ReversedFrame(st, sb, se, comma, cue, &speaker, addressee, &k)) continue;
    }
    if (cue.cls == CueClass::kBelief && that_at < 0 && rest < 4) continue;
    // "X said, "Q"" reads on after a comma; "as Hamas concludes, as reported" does not.
    if (cb == j + 1 && t[j].Is(",") && (cb >= se || t[cb].kind != TokenKind::kQuoteOpen)) {
      // "For black voters, he said, their experience ...": the frame sits
      // inside the content, which is both sides of it.
      const int comma = ContentCommaBefore(*st, sb, np_begin);
      if (!participle && comma > sb + 1 && cue.cls == CueClass::kSpeech && rest >= 3) {
        EmitAroundFrame(st, sb, comma, cb, se, cue, speaker);
        k = se;
      } else if (!participle && comma == sb + 1 && cue.cls == CueClass::kSpeech && rest >= 3 &&
                 (t[sb].HasClass(kConj) || t[sb].HasClass(kAdv))) {
        // "But, Carson added, he did not support it": only a conjunction before.
        EmitContent(st, cb, se, cue, std::move(speaker), addressee, sb);
        k = se;
      }
      continue;
    }
    // "said on Monday the plan ...", "told reporters in an interview the
    // plan ...": a time or the occasion before the reported clause is no
    // part of it.
    if (that_at < 0) cb = SkipLeadingAdverbial(*st, cb, se);
    const size_t before = st->claims->size();
    int ce = se;
    // Stop the content before a trailing ", according to X".
    for (int x = cb; x + 1 < se && x < cb + kMaxContentTokens; ++x) {
      if (t[x].Is(",") && t[x + 1].Is("according") && !t[x].in_quote) {
        ce = x;
        break;
      }
    }
    // "Mark Hollis, who has pressed Ottawa to pay for a subway, called ...":
    // a cue inside a parenthetical relative clause reports up to the comma
    // that closes it.
    for (int x = k - 1; x > sb && x >= k - 3; --x) {
      if (!t[x].Is("who") || !t[x - 1].Is(",")) continue;
      for (int y = cb + 1; y < ce; ++y) {
        if (t[y].Is(",") && !t[y].in_quote) {
          ce = y;
          break;
        }
      }
      break;
    }
    const bool nested = st->outer_begin <= np_begin && np_begin < st->outer_end;
    const std::string outer = st->outer_speaker;
    EmitContent(st, cb, ce, cue, std::move(speaker), addressee, np_begin);
    if (st->claims->size() > before) {
      Claim& c = st->claims->back();
      if (nested && outer == c.speaker.name) {
        // "Jeffrey said he believed the slowdown was temporary": one statement, already claimed.
        st->claims->pop_back();
        k = cue.end - 1;
        continue;
      }
      c.relayed_by = !relay.empty() ? relay : nested ? outer : "";
      k = cue.end - 1;
    }
  }
}

void AttributionSieve::DropEchoes(std::vector<Claim>* claims, size_t first) {
  // "Raman said she expected the deal to pass", "the ministry said it
  // welcomed the decision": a frame inside another claim's content whose
  // speaker is the same source again (by name or by a pronoun) says nothing
  // the outer claim does not.
  auto is_pronoun = [](const std::string& w) {
    return w == "he" || w == "she" || w == "it" || w == "they" || w == "we" || w == "He" || w == "She" ||
           w == "It" || w == "They" || w == "We";
  };
  size_t kept = first;
  for (size_t i = first; i < claims->size(); ++i) {
    const Claim& inner = (*claims)[i];
    bool echo = false;
    for (size_t o = first; o < claims->size() && !echo; ++o) {
      const Claim& outer = (*claims)[o];
      echo = o != i && outer.span.begin <= inner.span.begin && inner.span.end <= outer.span.end &&
             (outer.span.begin != inner.span.begin || outer.span.end != inner.span.end) &&
             (inner.speaker.name == outer.speaker.name || is_pronoun(inner.speaker.name));
    }
    if (echo) continue;
    if (kept != i) (*claims)[kept] = std::move((*claims)[i]);
    ++kept;
  }
  claims->resize(kept);
}

void AttributionSieve::SkipDateline(State* st) const {
  // "OSLO - ...", "SALVADOR, Feb 26 - ...", "COLUMBUS, Ohio (AP) — ...": a
  // wire dateline opens the first sentence of a paragraph; it is neither
  // speaker nor content.
  auto& p = st->para;
  if (p.sentences.empty()) return;
  const auto& t = p.tokens;
  // "ST. PAUL, Minn. (Reuters) -": the state's period may have ended a
  // sentence, so the dateline may run over the first sentences.
  const int end = std::min<int>(t.size(), 12);
  int k = 0;
  bool caps = false;
  while (k < end && (t[k].IsWord() || t[k].kind == TokenKind::kNumber || t[k].Is(",") || t[k].Is("(") ||
                     t[k].Is(")") || (t[k].Is(".") && k > 0 && t[k - 1].end == t[k].begin))) {
    if (t[k].IsWord() && t[k].end - t[k].begin > 1) {
      bool all_upper = true;
      for (uint32_t b = t[k].begin; b < t[k].end && all_upper; ++b) {
        const char c = st->text[b];
        all_upper = !(c >= 'a' && c <= 'z');
      }
      if (k == 0) caps = all_upper;
    }
    ++k;
  }
  if (!caps || k >= end || (!t[k].Is("-") && !t[k].Is("--"))) return;
  for (Sentence& s : p.sentences) {
    if (s.begin > k) break;
    s.begin = std::min(s.end, k + 1);  // sentences inside the dateline are left empty
  }
  for (int i = 0; i <= k; ++i) st->consumed[i] = true;
}

void AttributionSieve::ResolveRolesNamedLater(State* st) const {
  for (auto& [index, span, m] : st->unresolved_roles) {
    // A person named in full with a given name ("City auditor Fiona
    // Strachan"), not a place misread as one.
    if (!st->entities.ResolveRole(RoleWord(m), &m) || m.name_tokens < 2 ||
        !vocab_.first_names.count(AsciiLower(std::string_view(m.name).substr(0, m.name.find(' '))))) {
      continue;
    }
    // Claims read later may have dropped some (echoes, shares of a poll):
    // the claim is found again by its span.
    std::vector<Claim>& claims = *st->claims;
    size_t at = std::min(index + 1, claims.size());
    while (at > 0 && !(claims[at - 1].span.begin == span.begin && claims[at - 1].span.end == span.end)) --at;
    if (at == 0) continue;
    Speaker& s = claims[at - 1].speaker;
    s.name = m.name;
    s.type = m.type;
    s.role = m.role;
    s.affiliation = m.affiliation;
  }
}

AttributionSieve::AttributionSieve(const Vocabulary& vocab, const FrameModel* model)
    : vocab_(vocab), analyzer_(vocab), model_(model != nullptr ? model : &FrameModel::Builtin()) {}

void AttributionSieve::Run(const Document& doc, std::vector<Claim>* claims,
                           std::vector<FrameCandidate>* candidates) const {
  // The paragraph's buffers are kept per thread from document to document
  // (an article allocated its token array anew, and freeing it made malloc
  // consolidate), unless a huge paragraph grew them.
  thread_local Paragraph spare;
  constexpr size_t kMaxSpareTokens = 1 << 16;
  State st;
  st.para = std::move(spare);
  st.doc = &doc;
  st.text = doc.text;
  st.claims = claims;
  st.candidates = candidates;
  for (const TextRange& range : doc.paragraphs) {
    if (st.paragraph_index == 0 && IsHeadline(doc, range)) {
      ++st.paragraph_index;
      continue;
    }
    SegmentParagraph(st.text, range, &vocab_.abbreviations, &st.para);
    // Every rule below asks for word classes, many times per token: look
    // each token up once.
    for (Token& tok : st.para.tokens) tok.word_class = vocab_.ClassOf(tok.lower);
    st.consumed.assign(st.para.tokens.size(), 0);
    SkipDateline(&st);
    for (const Sentence& s : st.para.sentences) {
      if (s.begin >= s.end) continue;  // inside a dateline
      ++st.sentence_index;
      const size_t first_claim = claims->size();
      st.outer_begin = st.outer_end = -1;
      ScanMentions(&st, s.begin, s.end);
      QuoteFirst(&st, s.begin, s.end);
      ColonQuote(&st, s.begin, s.end);
      CueFrames(&st, s.begin, s.end);
      AccordingTo(&st, s.begin, s.end, first_claim);
      if (claims->size() == first_claim) Continuation(&st, s.begin, s.end);
      ModelFrames(&st, s.begin, s.end);
      DropEchoes(claims, first_claim);
    }
    // A paragraph whose last quote is never closed, and whose last claim is
    // that quote, goes on in the next paragraph when that opens with a quote.
    st.open_quote_claim = -1;
    if (!st.para.quotes.empty() && st.para.quotes.back().close < 0 && !claims->empty() &&
        st.last_paragraph == st.paragraph_index && claims->back().kind == ClaimKind::kDirect &&
        claims->back().span.end == st.para.quotes.back().inner.end) {
      st.open_quote_claim = static_cast<int>(claims->size()) - 1;
    }
    ++st.paragraph_index;
  }
  ResolveRolesNamedLater(&st);
  if (st.para.tokens.capacity() <= kMaxSpareTokens) spare = std::move(st.para);
}

}  // namespace claimgraph
