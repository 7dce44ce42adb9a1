// What follows a cue in the sieve's frames: the addressee and the first
// token of the reported clause, a reversed frame ("C, the minister said
// Thursday"), the named author a document speaks for ("A 2023 study by the
// Medical College of Wisconsin found"), and "according to X".
// Thread safety: as attribute.h (const, reentrant).
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "extract/attribute.h"
#include "extract/attribute_state.h"
#include "extract/words.h"

namespace claimgraph {
namespace {

// Auxiliaries and modals: the finite verb of a clause.
constexpr std::string_view kAuxiliaries[] = {"is",   "are",   "was",    "were",  "has", "have", "had",
                                             "will", "would", "can",    "could", "may", "might", "must",
                                             "shall", "should", "does", "did"};

}  // namespace

int AttributionSieve::ReportStart(State* st, const Cue& cue, int se, std::string* addressee, int* that_at) const {
  const auto& t = st->t();
  const int j = cue.end;
  for (int x = j; x < se && x < j + 10; ++x) {
    if (t[x].kind == TokenKind::kQuoteOpen || t[x].Is(",") || t[x].Is(";") || t[x].in_quote) break;
    // "said Democrats had refused rules that ...": past an auxiliary the
    // report has begun, and a "that" is a relative pronoun inside it.
    if (x > j && OneOf(t[x], kAuxiliaries)) break;
    if (t[x].Is("that") && !t[x].capitalized) {
      // "now that", "so that", "given that" open an adverbial, not the report.
      const std::string& before = t[x - 1].lower;
      if (x > j && (before == "now" || before == "so" || before == "given" || before == "except" ||
                    before == "such" || before == "provided")) {
        break;
      }
      *that_at = x;
      break;
    }
    Cue other;
    if (MatchCue(*st, x, &other)) break;
  }
  int cb = j;
  int to_at = -1;  // "urged residents to conserve": the addressee stands before "to"
  for (int x = j; x < se && x < j + 7 && t[x].IsWord() && !t[x].in_quote; ++x) {
    if (t[x].Is("to")) {
      to_at = x;
      break;
    }
  }
  if (cue.cls == CueClass::kUrge && to_at < 0) {
    cb = j;  // "urged an immediate ceasefire": no addressee, the object is the content
  } else if (cue.cls == CueClass::kTell || cue.cls == CueClass::kUrge) {
    int a_end = *that_at >= 0 ? *that_at : cue.cls == CueClass::kUrge ? to_at : j;
    if (*that_at < 0 && cue.cls == CueClass::kTell) {
      // "told the council the plan was ...": a second determiner opens the reported clause.
      while (a_end < se && a_end < j + 6 && t[a_end].IsWord() && !t[a_end].in_quote && !t[a_end].Is("to") &&
             !(a_end > j && !t[j].HasClass(kPrep) && t[a_end].HasClass(kDet) && !t[a_end].capitalized &&
               !t[a_end - 1].HasClass(kDet) &&
               !OneOf(t[a_end], {"this", "that", "these", "those"})) &&
             (a_end == j || t[a_end].capitalized || t[a_end].HasClass(kDet) ||
              vocab_.source_nouns.count(t[a_end].lower) || !t[a_end].word_class)) {
        ++a_end;
        if (t[a_end - 1].capitalized && a_end < se && !t[a_end].capitalized) break;
      }
    }
    Mention who;
    if (a_end > j && analyzer_.Analyze(st->text, st->para, j, a_end, &who)) {
      if (who.type == EntityType::kPerson) st->entities.ResolveName(&who);
      *addressee = who.name;
    } else if (a_end > j && a_end - j <= 4) {
      *addressee = TokenText(st->text, st->para, j, a_end);  // "reporters", "the crowd"
    }
    cb = cue.cls == CueClass::kUrge ? j : (*that_at >= 0 ? *that_at + 1 : a_end);
  } else if (*that_at >= 0) {
    cb = *that_at + 1;
  }
  return cb;
}

bool AttributionSieve::ReversedFrame(State* st, int sb, int se, int comma, const Cue& cue, Mention* speaker,
                                     const std::string& addressee, int* k) const {
  const auto& t = st->t();
  // A frame read earlier in the content ("Halvorsen agreed to cap ...,
  // the attorney general said") leaves it free: the sentence's last frame
  // reports it all. Quoted words read already do not.
  bool free = true, framed = false;
  int content_words = 0;
  for (int x = sb; x < comma && free; ++x) {
    free = !st->consumed[x] || (!t[x].in_quote && t[x].kind == TokenKind::kWord);
    framed = framed || st->consumed[x];
    content_words += t[x].IsWord();
  }
  if (framed && (content_words < 8 || !t[sb].IsWord() || t[sb].HasClass(kPrep) || t[sb].HasClass(kConj) ||
                 t[sb].HasClass(kAdv) || t[sb].HasClass(kTime))) {
    free = false;
  }
  // Only a commitment read earlier ("agreed to cap", "vowed to appeal")
  // leaves the content to the sentence's last frame.
  for (size_t i = st->claims->size(); framed && free && i-- > 0;) {
    const Claim& c = (*st->claims)[i];
    if (c.span.end <= t[sb].begin) break;
    free = c.text.rfind("to ", 0) == 0;
  }
  // "Among the farmers, most said the levy was fair": a short phrase
  // opening with a preposition is an adverbial, not the content.
  if (free && comma - sb <= 6 && t[sb].IsWord() && t[sb].HasClass(kPrep)) free = false;
  if (!free) return false;
  const size_t before = st->claims->size();
  // Content first, then the frame: consume the frame and its trailing
  // phrase, up to a comma that opens another clause ("C, X announced
  // Thursday, after criticism from residents who said D").
  EmitContent(st, sb, comma, cue, std::move(*speaker), addressee, sb);
  if (st->claims->size() > before) {
    // The claims read inside the content are relayed by its speaker.
    const Claim& outer = st->claims->back();
    for (size_t i = 0; i + 1 < st->claims->size(); ++i) {
      Claim& c = (*st->claims)[st->claims->size() - 2 - i];
      if (c.span.begin < outer.span.begin) break;
      if (c.span.end <= outer.span.end && c.relayed_by.empty()) c.relayed_by = outer.speaker.name;
    }
  }
  int frame_end = cue.end;
  while (frame_end < se && !t[frame_end].Is(",")) ++frame_end;
  if (st->claims->size() > before) {
    for (int x = comma; x < frame_end; ++x) st->consumed[x] = true;
  }
  *k = frame_end;  // (the caller's ++k steps over the comma)
  return true;
}

void AttributionSieve::DocumentAuthor(State* st, int np_begin, int k, Mention* speaker) const {
  // The document's noun ("survey" of "survey of 600 adults"), for what
  // later stands for it. (Callers pass a document: found, the author no
  // longer is one.)
  std::string noun = speaker->role.empty() ? speaker->name : speaker->role;
  if (const size_t space = noun.rfind(' '); space != std::string::npos) noun.erase(0, space + 1);
  FindDocumentAuthor(st, np_begin, k, speaker);
  if (!speaker->document) st->entities.NoteDocumentAuthor(AsciiLower(noun), *speaker);
}

void AttributionSieve::FindDocumentAuthor(State* st, int np_begin, int k, Mention* speaker) const {
  const auto& t = st->t();
  // "A 2023 study by the Medical College of Wisconsin found": the
  // document speaks for its named author.
  for (int x = np_begin; x + 1 < k; ++x) {
    if (!t[x].Is("by") || t[x].capitalized) continue;
    // "a memo seen by Reuters": who saw it is no author.
    if (OneOf(t[x - 1], {"seen", "obtained", "reviewed", "viewed", "cited"})) break;
    int b = x + 1;
    if (t[b].Is("the") && b + 1 < k) ++b;
    if (!t[b].capitalized) {
      // "a report by the city auditor", "figures released by the
      // authority": a role or a generic noun, resolved as a speaker's is.
      int e = b;
      while (e < k && e < b + 4 && t[e].IsWord() && !t[e].in_quote && !t[e].capitalized && !t[e].word_class &&
             !EndsWithIng(t[e].lower) && !EndsWith(t[e].lower, "ed")) {
        ++e;
      }
      Mention author;
      if (e == b || !analyzer_.Analyze(st->text, st->para, x + 1, e, &author) || author.pronoun ||
          author.document || author.plural) {
        break;
      }
      Resolve(st, &author);
      const bool named = author.name_tokens >= 2 || (author.type == EntityType::kOrganization &&
                                                     !author.name.empty() && author.name[0] >= 'A' &&
                                                     author.name[0] <= 'Z');
      if (named || author.role_reference) *speaker = std::move(author);
      break;
    }
    // The author's name: capitalised words, "of"/"for"/"and" between
    // them, and the office after a possessive ("Manitoba's ombudsman");
    // not what follows ("... last year", "... of voters").
    int e = b;
    bool office = false;  // past a possessive: "auditor general"
    while (e < k && !t[e].in_quote &&
           (t[e].capitalized || t[e].Is("'s") ||
            (office && t[e].IsWord() && !t[e].word_class && !EndsWithIng(t[e].lower) &&
             !EndsWith(t[e].lower, "ed")) ||
            (OneOf(t[e], {"of", "for", "and"}) && e + 1 < k && t[e + 1].capitalized))) {
      office = office || t[e].Is("'s");
      ++e;
    }
    if (e == b || !t[b].capitalized || e - b > 8) break;
    Mention author;
    const std::string written = TokenText(st->text, st->para, b, e);
    if (office && !t[e - 1].capitalized) {
      // "Manitoba's ombudsman": an office named by its place, as written.
      author.name = author.surface = written;
      author.type = EntityType::kOrganization;
      *speaker = std::move(author);
    } else if (analyzer_.Analyze(st->text, st->para, b, e, &author) && !author.pronoun && !author.document &&
               (author.type == EntityType::kOrganization || author.type == EntityType::kPerson)) {
      // "Medical College of Wisconsin": the author's whole capitalised
      // name ("a study by John Ortiz of Harvard": a person and a place).
      if ((author.type != EntityType::kPerson || !vocab_.first_names.count(t[b].lower)) &&
          written.size() > author.name.size() && written.compare(0, author.name.size(), author.name) == 0 &&
          t[e - 1].capitalized) {
        author.name = written;
        author.type = EntityType::kOrganization;
      }
      *speaker = std::move(author);
    } else if (e - b >= 2 && t[b].capitalized && t[e - 1].capitalized) {
      // "Mesa Research Group", "Abacus Data": a capitalised name that reads
      // as a group or a document is the organisation that wrote it.
      author = Mention();
      author.name = author.surface = written;
      author.type = EntityType::kOrganization;
      *speaker = std::move(author);
    }
    break;
  }
}

void AttributionSieve::AccordingTo(State* st, int sb, int se, size_t first_claim) const {
  const auto& t = st->t();
  for (int k = sb; k + 1 < se; ++k) {
    if (!t[k].Is("according") || !t[k + 1].Is("to") || t[k].in_quote) continue;
    int xb = k + 2, xe = xb;
    int cb, ce;
    int rest_b = -1;  // the content's second part, after the frame
    bool after_relative = false;  // the content is only the clause after the frame
    const bool leading = k == sb || (k == sb + 1 && t[sb].HasClass(kConj));
    if (leading) {
      while (xe < se && !t[xe].Is(",")) ++xe;
      if (xe >= se) return;
      cb = xe + 1;
      ce = se;
    } else if (k > sb + 2) {
      // "C, according to X." and "C according to X."
      while (xe < se && (t[xe].IsWord() || t[xe].kind == TokenKind::kNumber)) ++xe;
      cb = sb;
      ce = t[k - 1].Is(",") ? k - 1 : k;
      // "Over the long term, according to the budget office, the rise in
      // deficits is ...": the content is both sides of the frame.
      if (t[k - 1].Is(",") && xe + 4 < se && t[xe].Is(",") && !t[xe + 1].in_quote) rest_b = xe + 1;
      // "a collision in which, according to investigators, the crew had
      // been awake for 19 hours": after a relative or a conjunction only
      // the clause after the frame is reported.
      if (rest_b >= 0 && !t[k - 2].capitalized &&
          OneOf(t[k - 2], {"which", "whom", "who", "where", "when", "because", "while", "since", "and", "but"})) {
        cb = rest_b;
        ce = se;
        rest_b = -1;
        after_relative = true;
      }
    } else {
      return;
    }
    // "according to a person familiar with the matter who was not
    // authorized to discuss ...": past 12 words the relative clause is cut,
    // and the phrase before it names the source.
    for (int x = xb + 2; xe - xb > 12 && x < xe; ++x) {
      if (OneOf(t[x], {"who", "whom", "whose", "which"})) {
        xe = x;
        break;
      }
    }
    Mention source;
    bool as_written = false;
    if (!analyzer_.Analyze(st->text, st->para, xb, xe, &source)) {
      // "according to early results of the exit poll": keep the phrase as written.
      if (xe - xb < 1 || xe - xb > 12) return;
      int b = xb;
      while (b < xe && t[b].HasClass(kDet)) ++b;
      if (b >= xe) return;
      source = Mention();
      source.surface = TokenText(st->text, st->para, xb, xe);
      source.name = TokenText(st->text, st->para, b, xe);
      source.document = true;
      as_written = true;
    }
    // "according to figures released by the authority", "according to a
    // report by the city auditor": the author speaks.
    if (source.document && (as_written || source.name.find(" by ") == std::string::npos)) {
      DocumentAuthor(st, xb, xe, &source);
    }
    // "according to its chair, Ruth Imeson": the person the appositive
    // names is the source, the phrase before it her role.
    const bool last_part = !leading && !after_relative && xe + 1 < se && t[xe].Is(",");
    const bool first_part = leading && cb < se;
    if (last_part || first_part) {
      const int nb = xe + 1;
      int ne = nb;
      while (ne < se && ne < nb + 6 && (t[ne].IsWord() || t[ne].Is("."))) ++ne;
      while (ne > nb && t[ne - 1].Is(".") && !(ne - 2 >= nb && t[ne - 2].lower.size() == 1)) --ne;
      const bool closes = last_part ? ne == se || (ne + 1 == se && t[ne].kind == TokenKind::kPunct)
                                    : ne + 1 < se && t[ne].Is(",");
      Mention named;
      if (closes && ne > nb && analyzer_.Analyze(st->text, st->para, nb, ne, &named) &&
          named.type == EntityType::kPerson && named.name_tokens >= 2 && !named.role_reference && !named.pronoun) {
        if (named.role.empty() && !source.document) named.role = source.name;
        source = std::move(named);
        if (first_part) cb = ne + 1;
        rest_b = -1;
      }
    }
    Resolve(st, &source);
    Cue cue;
    cue.text = "according to";
    cue.begin = k;
    cue.end = k + 2;
    if (st->claims->size() > first_claim && source.document && leading && cb < ce &&
        (t[cb].kind == TokenKind::kNumber || OneOf(t[cb], {"a", "most", "half", "nearly", "almost", "about",
                                                           "more", "fewer", "only", "just", "two-thirds"}))) {
      // "According to a poll, 61 per cent of residents believe C": the share
      // polled is what the poll reports, not a source the poll relays.
      bool shares = true;
      for (size_t i = first_claim; i < st->claims->size() && shares; ++i) {
        const Claim& c = (*st->claims)[i];
        shares = c.span.begin >= t[cb].begin && c.speaker.type != EntityType::kPerson;
      }
      if (shares) {
        st->claims->resize(first_claim);
        for (int x = cb; x < ce; ++x) st->consumed[x] = false;
      }
    }
    // Claims read before in the sentence that lie inside the content (all of
    // them, unless the content is only the clause after the frame).
    const auto inside = [&](const Claim& c) { return !after_relative || c.span.begin >= t[cb].begin; };
    if (std::any_of(st->claims->begin() + first_claim, st->claims->end(), inside)) {
      // The clause has its own speaker: X only relayed it.
      if (!source.document && !source.pronoun) {
        for (size_t i = first_claim; i < st->claims->size(); ++i) {
          Claim& c = (*st->claims)[i];
          if (c.relayed_by.empty() && inside(c)) c.relayed_by = source.name;
        }
      }
      return;
    }
    for (int x = cb; x < ce; ++x) {
      if (st->consumed[x]) return;
    }
    const size_t before = st->claims->size();
    if (rest_b >= 0) {
      EmitAroundFrame(st, cb, ce, rest_b, se, cue, std::move(source));
    } else {
      EmitContent(st, cb, ce, cue, std::move(source), "", std::min(cb, k));
    }
    if (st->claims->size() > before) st->claims->back().kind = ClaimKind::kAccordingTo;
    return;
  }
}

}  // namespace claimgraph
