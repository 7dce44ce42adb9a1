// The speaker of a frame: the noun phrase before its cue (appositives,
// relative clauses, coordinated names, shares of those polled, a clause's
// subject after "and"/"but"), resolved to the person named earlier in the
// article (surnames, role words, pronouns).
// Thread safety: as attribute.h (const, reentrant).
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "extract/attribute.h"
#include "extract/attribute_state.h"
#include "extract/segment.h"
#include "extract/words.h"

namespace claimgraph {
namespace {

// "Debbie Walsh, director of the Center for American Women and Politics at
// Rutgers University, said": one appositive segment between commas may be
// this long, and all of them together kAppositiveTokens.
constexpr int kSegmentTokens = 24;
constexpr int kAppositiveTokens = 48;

// "speaking", "authorized": a participle (or any word of those endings).
bool IsParticipleForm(const std::string& w) { return w.size() > 4 && (EndsWith(w, "ing") || EndsWith(w, "ed")); }

// "Several", "Many", "Some": a quantifier standing alone for a share of a
// group named before.
bool IsShareWord(const std::string& w) {
  const std::string lower = AsciiLower(w);
  return lower == "several" || lower == "many" || lower == "most" || lower == "some" || lower == "both" ||
         lower == "all" || lower == "a few" || lower == "few";
}

}  // namespace

void AttributionSieve::Resolve(State* st, Mention* m) const {
  if (m->pronoun) {
    std::string lower = AsciiLower(m->surface);
    // "his claims": the owner is who "he" would be.
    if (lower == "his") lower = "he";
    if (lower == "her") lower = "she";
    if (lower == "their") lower = "they";
    if (lower == "its") lower = "it";
    st->entities.ResolvePronoun(lower, st->sentence_index, m);
    return;
  }
  if (!m->role_reference && m->owner_size == 0 && m->type == EntityType::kGroup && !m->plural &&
      m->name.find("'s ") != std::string::npos) {
    // "The state's attorney general", "the province's finance minister":
    // a title owned by a place or body stands for the person of that role.
    const size_t tail = m->name.find("'s ") + 3;
    const size_t space = m->name.rfind(' ');
    std::string last = m->name.substr(space + 1);
    bool lower = true;
    for (size_t i = tail; i < m->name.size(); ++i) lower = lower && !(m->name[i] >= 'A' && m->name[i] <= 'Z');
    if (lower && vocab_.titles.count(last)) {
      Mention role = *m;
      role.role = m->name.substr(tail);
      role.type = EntityType::kPerson;
      if (st->entities.ResolveRole(last, &role)) {
        *m = std::move(role);
        return;
      }
    }
  }
  if (m->role_reference) {
    st->entities.ResolveRole(RoleWord(*m), m);
    return;
  }
  if (m->owner_size > 0) {
    // "Voss's campaign" -> "Lena Voss's campaign".
    Mention owner;
    owner.name = m->name.substr(0, m->owner_size);
    if (IsPossessivePronoun(AsciiLower(owner.name))) {
      // "Her office" -> "Nadine Okafor's office".
      owner.surface = owner.name;
      owner.pronoun = true;
      Resolve(st, &owner);
      if (!owner.pronoun && !owner.name.empty() && owner.type != EntityType::kUnknown) {
        m->name.replace(0, m->owner_size, owner.name + "'s");
        m->owner_size = static_cast<int>(owner.name.size());
      }
      return;
    }
    owner.type = EntityType::kPerson;
    owner.name_tokens = 1 + static_cast<int>(std::count(owner.name.begin(), owner.name.end(), ' '));
    if (st->entities.ResolveName(&owner) && m->name.compare(0, m->owner_size, owner.name) != 0) {
      m->name.replace(0, m->owner_size, owner.name);
      m->owner_size = static_cast<int>(owner.name.size());
    }
    return;
  }
  if (m->document) {
    st->entities.ResolveDocument(m);  // "The report also found"
    return;
  }
  if (m->type == EntityType::kGroup && m->plural && m->name_tokens == 0 && m->name == m->surface &&
      IsShareWord(m->name)) {
    st->entities.ResolveShare(st->sentence_index, m);  // "Several said"
    return;
  }
  // "Lakeshore said": no person of that name, the organisation it opens.
  if (m->type == EntityType::kPerson && !st->entities.ResolveName(m)) st->entities.ResolveOrganizationPrefix(m);
  // "the service", "the company"
  if (m->type == EntityType::kOrganization || m->type == EntityType::kGroup) {
    st->entities.ResolveOrganization(m, st->sentence_index);
  }
}

bool AttributionSieve::ListComplementSpeaker(const State& st, int sb, int j, Mention* m, int* np_begin) const {
  const auto& t = st.t();
  if (!t[j].capitalized || t[j].in_quote) return false;
  // Back over the list: capitalised words, commas and one "and".
  int x = j;
  int joints = 0;
  while (x > sb && j - x < 16) {
    const Token& prev = t[x - 1];
    if (prev.in_quote) return false;
    if (prev.Is(",") || (prev.Is("and") && !prev.capitalized)) {
      ++joints;
    } else if (!prev.IsWord() || !prev.capitalized) {
      break;
    }
    --x;
  }
  // x is the list's first token; before it "of" or "from", and a plural
  // common noun before that ("premiers of", "leaders from").
  if (joints == 0 || x - 2 < sb || !t[x].capitalized || !OneOf(t[x - 1], {"of", "from"})) return false;
  const int head = x - 2;
  const Token& h = t[head];
  if (!h.IsWord() || h.capitalized || h.word_class || h.lower.size() < 4 || h.lower.back() != 's') return false;
  int start = head;
  while (start > sb && head - start < 3 && t[start - 1].IsWord() && !t[start - 1].capitalized &&
         !t[start - 1].word_class) {
    --start;  // "provincial premiers of"
  }
  int name_begin = start;
  if (start > sb && t[start - 1].HasClass(kDet)) --start;  // "The premiers of"
  if (start > sb && !t[start - 1].Is(",") && !(t[start - 1].HasClass(kConj) && !t[start - 1].capitalized)) {
    return false;  // the phrase opens its clause
  }
  *m = Mention();
  m->surface = TokenText(st.text, st.para, start, j + 1);
  m->name = TokenText(st.text, st.para, name_begin, j + 1);
  m->type = EntityType::kGroup;
  m->plural = true;
  *np_begin = start;
  return true;
}

void AttributionSieve::CoordinatedSpeakers(State* st, int sb, int end, Mention* m, int* np_begin) const {
  // "Ms. Brosch and Mr. Kral said", "Tom Ruiz, Ella Marsh and Omar Said
  // said": named people joined by "and" (and commas) at the clause start
  // speak together; "Obama met Putin and Biden said" is no list.
  const auto& t = st->t();
  const int start = *np_begin;
  if (start - 2 < sb || !t[start - 1].Is("and") || t[start - 1].capitalized) return;
  if (!m->pronoun && m->name_tokens == 0 && !m->role_reference && !m->document &&
      (m->type == EntityType::kGroup || m->type == EntityType::kOrganization)) {
    // "Democrats and civil rights groups say", "She and her defenders
    // argue", "Ms. Voss and other council members said": a group after
    // "and" speaks with what comes before it, when that opens the clause.
    int b = start - 1;
    while (b > sb && start - 1 - b < 6 && !t[b - 1].in_quote &&
           (t[b - 1].IsWord() || InitialPeriod(t, sb, b - 1)) &&
           !(t[b - 1].HasClass(kConj) && !t[b - 1].capitalized) && !t[b - 1].HasClass(kPrep) &&
           !t[b - 1].Is("that")) {
      --b;
    }
    if (b > sb && !(t[b - 1].kind == TokenKind::kPunct && !t[b - 1].Is("'s"))) return;
    Mention x;
    if (b >= start - 1 || !analyzer_.Analyze(st->text, st->para, b, start - 1, &x) || x.document ||
        x.role_reference) {
      return;
    }
    if (x.pronoun && !(t[b].Is("he") || t[b].Is("she") || t[b].Is("they") || t[b].Is("we"))) return;
    // The conjunct is one noun phrase throughout: not "The mayor met Voss".
    int bb = b;
    while (bb < start - 1 && (t[bb].HasClass(kDet) || t[bb].HasClass(kHon) || t[bb].Is("both"))) ++bb;
    if (x.surface != TokenText(st->text, st->para, bb, start - 1) &&
        x.surface != TokenText(st->text, st->para, b, start - 1)) {
      return;
    }
    if (x.name_tokens > 0) {
      // A name is all capitalised words, titles and determiners: "the
      // mayor met Voss" is a clause.
      for (int y = bb; y < start - 1; ++y) {
        if (!t[y].capitalized && !t[y].HasClass(kDet) && !t[y].Is("'s") && !vocab_.titles.count(t[y].lower)) return;
      }
    }
    Resolve(st, &x);
    if (x.pronoun || x.name.empty()) return;
    // "Bernie Sanders and his supporters": the owner stays before the group.
    const bool owned = IsPossessivePronoun(t[start].lower);
    const std::string owner = owned ? TokenText(st->text, st->para, start, start + 1) + " " : std::string();
    Mention joined;
    joined.name = x.name + " and " + owner + m->name;
    joined.surface = TokenText(st->text, st->para, b, start) + " " + owner + m->surface;
    joined.type = EntityType::kGroup;
    joined.plural = true;
    *m = std::move(joined);
    *np_begin = b;
    return;
  }
  if (m->type != EntityType::kPerson || m->name_tokens == 0 || m->role_reference) return;
  std::vector<Mention> names{*m};
  int first = start;
  int e = start - 1;  // the mark before the conjunct read last
  while (names.size() < 5) {
    int b = e;
    while (b > sb && e - b < 6 && !t[b - 1].in_quote &&
           ((t[b - 1].IsWord() && (t[b - 1].capitalized || t[b - 1].HasClass(kHon) ||
                                   vocab_.titles.count(t[b - 1].lower))) ||
            InitialPeriod(t, sb, b - 1))) {
      --b;
    }
    Mention x;
    const bool ok = b < e && analyzer_.Analyze(st->text, st->para, b, e, &x) && x.type == EntityType::kPerson &&
                    x.name_tokens > 0 && !x.role_reference;
    if (!ok) {
      if (e == start - 1) return;  // nothing before "and"
      break;                       // "Yesterday, A and B said": the list starts after the comma
    }
    names.push_back(std::move(x));
    first = b;
    if (b - 1 > sb && t[b - 1].Is(",")) {
      e = b - 1;
      continue;
    }
    break;
  }
  // The list opens the clause: the sentence start, a mark, or "Both".
  if (first > sb && t[first - 1].IsWord() && !t[first - 1].HasClass(kDet) && !t[first - 1].Is(",")) return;
  std::vector<std::string> written;
  for (Mention& x : names) {
    written.push_back(x.name);
    st->entities.ResolveName(&x);
  }
  // "Mrs. Clinton and former President Bill Clinton": two people, even when
  // the surname resolves to the other one; it stays as written.
  for (size_t i = 0; i < names.size(); ++i) {
    for (size_t o = 0; o < names.size(); ++o) {
      if (o != i && names[o].name == names[i].name && written[i] != names[i].name) names[i].name = written[i];
    }
  }
  std::string joined;
  for (size_t i = names.size(); i-- > 0;) {
    if (!joined.empty()) joined += i == 0 ? " and " : ", ";
    joined += names[i].name;
  }
  *m = Mention();
  m->name = std::move(joined);
  m->surface = TokenText(st->text, st->para, first, end);
  m->type = EntityType::kGroup;
  m->plural = true;
  *np_begin = first;
}

bool AttributionSieve::SpeakerBefore(State* st, int sb, int k, Mention* m, int* np_begin) const {
  const auto& t = st->t();
  int j = k - 1;
  // An -ly word after a determiner or possessive is a noun: "the family said".
  while (j >= sb && t[j].IsWord() && !t[j].capitalized &&
         (t[j].HasClass(kAdv) || t[j].HasClass(kNeg) ||
          (IsLy(t[j]) && !(j > sb && (t[j - 1].HasClass(kDet) || t[j - 1].Is("'s")))))) {
    if (t[j].HasClass(kNeg)) return false;
    --j;
  }
  if (j < sb) return false;
  if (t[j].Is(")")) {
    int open = j;
    while (open > sb && !t[open].Is("(")) --open;
    if (!t[open].Is("(")) return false;
    j = open - 1;
    if (j < sb) return false;
  }
  if ((t[j].Is("who") || t[j].Is("which")) && !t[j].capitalized && j > sb) {
    // "criticised by Tom Reyes, who said": the antecedent speaks; "the
    // Harbour Coalition, a group of voters, which argued": with its appositive.
    if (!t[j - 1].Is(",")) return SpeakerBefore(st, sb, j, m, np_begin);
    return SpeakerBefore(st, sb, j, m, np_begin) || (j - 1 > sb && SpeakerBefore(st, sb, j - 1, m, np_begin));
  }
  if (t[j].Is(",") && j - 1 > sb && t[j - 1].Is(")")) {
    // "Sen. Jack Reed (D-R.I.), said": the parenthesis and comma go.
    int open = j - 1;
    while (open > sb && !t[open].Is("(")) --open;
    if (t[open].Is("(")) j = open - 1;
    if (j < sb) return false;
  }
  if (t[j].Is(",") && RelativeClauseSpeaker(st, sb, j, m, np_begin)) return true;
  if (t[j].Is(",") || t[j].Is("--")) {
    // "Zhang Jun, China's envoy, said", "China's chief negotiator, Liu Wen,
    // said", "Brianne Stone, 29, of Huntsville, Ala., says": up to four
    // segments between marks; the leftmost that names someone speaks, and a
    // role-like segment gives the role.
    const std::string& mark = t[j].lower;
    std::vector<std::pair<int, int>> segments;  // [begin, end) token ranges, right to left
    int end = j;
    int total = 0;
    while (segments.size() < 4) {
      int c = end - 1;
      while (c > sb && end - c < kSegmentTokens && t[c].lower != mark && !t[c].in_quote && t[c].kind != TokenKind::kQuoteClose &&
             !(t[c].Is("that") && !t[c].capitalized)) {
        --c;
      }
      total += end - c;
      if (c > sb && t[c].lower == mark && total < kAppositiveTokens) {
        segments.emplace_back(c + 1, end);
        end = c;
        continue;
      }
      // The leftmost segment runs back to the clause start, from before a
      // parenthesis that closes it ("Paula Grebe (D), the chair's rival,").
      if (end - 2 > sb && t[end - 1].Is(")")) {
        int open = end - 2;
        while (open > sb && end - open < 8 && !t[open].Is("(")) --open;
        if (open > sb && t[open].Is("(")) end = open;
      }
      int start = end - 1;
      // (A count after "of" stays in it: "A survey of 600 adults, conducted
      // by ...,"; not "based on over 1,500 interviews, Working America".)
      while (start > sb &&
             (t[start - 1].IsWord() || InitialPeriod(t, sb, start - 1) ||
              (t[start - 1].kind == TokenKind::kNumber && start - 2 > sb && t[start - 2].Is("of"))) &&
             !t[start - 1].in_quote &&
             end - start < 8 &&
             !(t[start - 1].HasClass(kConj) && !t[start - 1].capitalized) && !t[start - 1].Is("that") &&
             // "The suit was brought by the Harbour Coalition, a group of ...,
             // which argued", "A survey of 900 voters by Abacus Data, released
             // Monday, showed": a named agent after "by" is the phrase.
             !(t[start - 1].Is("by") && !t[start - 1].capitalized &&
               (t[start].capitalized || (t[start].Is("the") && start + 1 < end && t[start + 1].capitalized)))) {
        --start;
      }
      if (start < end) segments.emplace_back(start, end);
      break;
    }
    if (segments.size() < 2) return false;
    std::vector<Mention> parts(segments.size());
    std::vector<bool> ok(segments.size());
    for (size_t i = 0; i < segments.size(); ++i) {
      ok[i] = analyzer_.Analyze(st->text, st->para, segments[i].first, segments[i].second, &parts[i]);
    }
    // "Several candidates, including Ms. Voss, said": an example of the
    // group is not its speaker; the group is.
    bool examples = false;
    for (size_t i = 0; i < segments.size(); ++i) {
      const Token& open = t[segments[i].first];
      if (open.Is("including") || open.Is("like") || open.Is("such") || open.Is("among") ||
          open.Is("especially")) {
        ok[i] = false;
        examples = true;
      }
    }
    auto named = [](const Mention& x) { return x.name_tokens > 0 || x.type == EntityType::kOrganization; };
    int chosen = -1;
    for (int i = static_cast<int>(segments.size()) - 1; i >= 0 && chosen < 0; --i) {
      if (ok[i] && named(parts[i])) chosen = i;
    }
    // "Whitacre's daughter, Jeanette Whitacre-Moss, said": a relation of a
    // named owner gives way to the person named beside it.
    bool relation = chosen >= 0 && parts[chosen].owner_size > 0;
    for (int x = chosen >= 0 ? segments[chosen].first : 0; chosen >= 0 && x < segments[chosen].second; ++x) {
      relation = relation || t[x].Is("'s");
    }
    if (relation) {
      for (int i = chosen - 1; i >= 0; --i) {
        if (ok[i] && parts[i].type == EntityType::kPerson && parts[i].name_tokens >= 2 && !parts[i].role_reference) {
          chosen = i;
          break;
        }
      }
    }
    if (chosen < 0) {
      // "A senior official, speaking on condition of anonymity because ...,
      // said": an unnamed source whose appositives are participle phrases.
      const int first = static_cast<int>(segments.size()) - 1;
      // (Or a document: "A survey of 600 adults, conducted for the city by
      // Mesa Research, found" speaks for its author.)
      bool participles = ok[first] && !parts[first].pronoun &&
                         (parts[first].type != EntityType::kUnknown || parts[first].document) &&
                         segments[first].first == sb;
      for (int i = 0; i < first && participles; ++i) {
        const Token& w = t[segments[i].first];
        participles = w.IsWord() && !w.capitalized && IsParticipleForm(w.lower);
      }
      if (participles) chosen = first;
    }
    for (int i = static_cast<int>(segments.size()) - 1; i >= 0 && chosen < 0 && examples; --i) {
      if (ok[i] && !parts[i].pronoun && !parts[i].document) chosen = i;
    }
    if (chosen < 0) return false;
    Mention name = parts[chosen];
    for (size_t i = 0; i < segments.size() && name.role.empty(); ++i) {
      if (static_cast<int>(i) == chosen || !ok[i]) continue;
      if (!parts[i].role.empty() || parts[i].role_reference) {
        name.role = !parts[i].role.empty() ? parts[i].role : parts[i].name;
        if (name.affiliation.empty()) name.affiliation = parts[i].affiliation;
      }
    }
    *m = name;
    *np_begin = segments[chosen].first;
    return true;
  }
  if ((t[j].Is("and") || t[j].Is("but")) && j > sb && !t[j].in_quote) {
    // "spokesperson Tammy Bruce refused to comment and said": the clause's subject.
    int start = j - 1;
    while (start > sb && !t[start - 1].Is(",") && t[start - 1].IsWord() && j - start < 30) --start;
    int subject_end = 0;
    if (!analyzer_.ClauseSubject(st->text, st->para, start, j, m, &subject_end)) {
      // "Trump joked about X, declined to Y, and told his audience Z", "He
      // called it a "crystal ball" and said", "She cut the debt, but said":
      // the sentence's subject, or the speaker of the clause's own cue.
      if (start <= sb) return false;
      if (!analyzer_.ClauseSubject(st->text, st->para, sb, j, m, &subject_end) &&
          !ParticipleSpeaker(st, sb, j + 1, m)) {
        return false;
      }
      start = sb;
    }
    *np_begin = start;
    return true;
  }
  // The noun phrase before the cue: first up to a preposition ("criticised
  // by Tom Reyes"), then, if that reads as no speaker, across it ("this
  // cable sent on Tuesday").
  // A walk back from j to the phrase's start; `strict` stops at a
  // preposition, the loose walk crosses it but stops at an auxiliary.
  auto walk = [&](bool strict, bool* stopped_at_prep) {
    int start = j;
    *stopped_at_prep = false;
    while (start > sb && j - start < 14) {
      const Token& prev = t[start - 1];
      if (InitialPeriod(t, sb, start - 1)) {
        start -= 2;
        continue;
      }
      // "16 percent of registered voters": a number stays in the phrase, as
      // does an ampersand inside a name ("Great Plains & Western").
      const bool ampersand = prev.Is("&") && start - 2 >= sb && t[start - 2].capitalized && t[start].capitalized;
      if ((!prev.IsWord() && prev.kind != TokenKind::kNumber && !ampersand) || prev.in_quote) break;
      if (!prev.capitalized &&
          (prev.Is("that") || prev.HasClass(kConj) || prev.HasClass(kRel))) {
        break;
      }
      if (!prev.capitalized && prev.HasClass(kPrep) && !prev.Is("for")) {
        *stopped_at_prep = true;
        if (strict) break;
      }
      if (!strict && !prev.capitalized && prev.HasClass(kAdv)) break;
      Cue other;
      if (MatchCue(*st, start - 1, &other)) break;
      --start;
    }
    // "Yet Democratic economists say", "Even the organizer said": a
    // sentence's opening conjunction or adverb is not part of the speaker.
    if (start == sb && start < j && t[start].capitalized && (t[start].HasClass(kConj) || t[start].HasClass(kAdv))) {
      ++start;
    }
    return start;
  };
  if (QuantitySpeaker(*st, sb, j, m, np_begin)) return true;
  if (ListComplementSpeaker(*st, sb, j, m, np_begin)) return true;
  if (RestrictiveRelativeSpeaker(st, sb, j, m, np_begin)) return true;
  bool at_prep = false, unused = false;
  const int strict_start = walk(true, &at_prep);
  // "Shop owners on Harbour Street urged": what follows a preposition is its
  // object, so the longer phrase is tried first; "criticised by Tom Reyes"
  // stops at "was" and falls back to the name.
  if (at_prep) {
    const int loose_start = walk(false, &unused);
    if (loose_start < strict_start && analyzer_.Analyze(st->text, st->para, loose_start, j + 1, m)) {
      *np_begin = loose_start;
      return true;
    }
    // "A spokeswoman for the harbour board said": the head before the preposition.
    if (CommonNounSpeaker(st, sb, j, k, m, np_begin)) return true;
  }
  if (analyzer_.Analyze(st->text, st->para, strict_start, j + 1, m)) {
    *np_begin = strict_start;
    CoordinatedSpeakers(st, sb, j + 1, m, np_begin);
    return true;
  }
  int start = strict_start;
  {
    // "Another 19 percent said", "one slide says": a short common noun phrase.
    start = j;
    while (start > sb && j - start < 5 && (t[start - 1].IsWord() || t[start - 1].kind == TokenKind::kNumber) &&
           !t[start - 1].in_quote &&
           !t[start - 1].HasClass(kPrep) && !t[start - 1].HasClass(kConj)) {
      --start;
    }
    if (j - start > 4 || !t[j].IsWord() || t[j].capitalized || t[j].word_class) {
      return CommonNounSpeaker(st, sb, j, k, m, np_begin);
    }
    // A quantity of people ("Another 19 percent", "two of them") or a plural
    // head ("some economists"): not "the US economy added 337,000 jobs".
    bool quantity = false;  // "74 percent", "Another 19 percent"
    for (int x = start; x < j && !quantity; ++x) quantity = t[x].kind == TokenKind::kNumber;
    const bool plural = t[j].lower.size() > 3 && t[j].lower.back() == 's' && t[j].lower[t[j].lower.size() - 2] != 's';
    // Beside a quote any determiner phrase may speak ("..., one participant said").
    if (!(t[start].HasClass(kDet) || quantity) || !(quantity || plural || st->quote_frame)) {
      return CommonNounSpeaker(st, sb, j, k, m, np_begin);
    }
    *m = Mention();
    m->surface = TokenText(st->text, st->para, start, j + 1);
    m->name = m->surface;
    m->type = EntityType::kGroup;
    m->plural = t[j].lower.back() == 's';
  }
  *np_begin = start;
  return true;
}

}  // namespace claimgraph
