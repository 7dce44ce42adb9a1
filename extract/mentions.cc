// Noun phrases are read left to right in one pass: modifiers that give an
// affiliation ("US", "Russian", "US State Department"), a title ("Ambassador
// to Israel"), then the proper name; a lower-case head noun instead of a name
// makes a group or a document ("numerous Democratic congressmen", "this
// diplomatic cable"). Prepositions and relative pronouns end the phrase,
// except inside titles; a group that names no one keeps its quantifier and
// a post-modifier that runs to the cue ("several diplomats at the United
// Nations"), since that phrase is all that says who spoke.
#include "extract/mentions.h"

#include <algorithm>
#include <utility>

#include "extract/words.h"

namespace claimgraph {
namespace {

bool IsParticle(std::string_view w) {
  // Compared by length first: this runs for most tokens of a sentence.
  if (w.size() == 2) {
    return w == "de" || w == "al" || w == "da" || w == "la" || w == "le" || w == "du" || w == "di";
  }
  if (w.size() == 3) return w == "van" || w == "von" || w == "bin" || w == "der" || w == "del" || w == "ibn";
  return false;
}

// Determiners that say nothing of a group's size: dropped from its name.
bool IsArticle(std::string_view w) {
  return w == "the" || w == "a" || w == "an" || w == "this" || w == "that" || w == "these" || w == "those" ||
         w == "his" || w == "her" || w == "its" || w == "their";
}

// The bodies that speak for one person: "Voss's office", "the Voss campaign".
bool IsPersonalBody(std::string_view w) {
  return w == "campaign" || w == "office" || w == "team" || w == "administration" || w == "camp";
}

char HonorificGender(const std::string& w) {
  if (w == "mr" || w == "mr." || w == "sir") return 'm';
  if (w == "mrs" || w == "mrs." || w == "ms" || w == "ms." || w == "miss" || w == "dame") return 'f';
  return 0;
}

// "spokeswoman", "congresswoman", "first lady" -> 'f'; "spokesman", "chairman" -> 'm'.
char RoleGender(std::string_view role) {
  if (EndsWith(role, "woman") || EndsWith(role, "women") || EndsWith(role, "lady") || EndsWith(role, "wife") ||
      EndsWith(role, "mother")) {
    return 'f';
  }
  if (EndsWith(role, "man") || EndsWith(role, "husband") || EndsWith(role, "father")) return 'm';
  return 0;
}

std::string LowerJoin(const Paragraph& p, int begin, int end) {
  std::string s;
  for (int i = begin; i < end; ++i) {
    if (i > begin) s.push_back(' ');
    s += p.tokens[i].lower;
  }
  return s;
}

}  // namespace

// Whether the capitalised words from token i end with an organisation
// word ("Bayview Securities", "Northwestern University").
bool NounPhraseAnalyzer::OfOrganization(const Paragraph& p, int i, int end) const {
  const auto& t = p.tokens;
  int k = i;
  while (k < end && k < i + 6 && t[k].IsWord() && t[k].capitalized) ++k;
  return k > i && vocab_.org_words.count(t[k - 1].lower) > 0;
}

namespace {

// "a judge", "an aide", "one official": a determiner in t[b, e) that makes
// a role word an unnamed source, no one named before or after.
bool IndefiniteBefore(const Paragraph& p, int b, int e) {
  for (int x = b; x < e; ++x) {
    const Token& w = p.tokens[x];
    if (w.Is("a") || w.Is("an") || w.Is("another") || w.Is("one")) return true;
  }
  return false;
}

}  // namespace

bool NounPhraseAnalyzer::Analyze(std::string_view text, const Paragraph& p, int b, int e, Mention* m) const {
  const auto& t = p.tokens;
  *m = Mention();
  const int range_begin = b;
  // Leading punctuation, conjunctions, determiners and -ly adverbs are not part of a name.
  char gender = 0;
  // A quantifier or number among them stays in a group's name ("several
  // senators", "two Democratic speechwriters", "most of the candidates");
  // an article does not.
  int quantity_b = -1;
  {
    // "Nine in 10 registered voters", "Only about 4 in 10 Republicans",
    // "Only three senators": a share or count opens the group and stays in
    // its name.
    int x = b;
    while (x < e && x < b + 2 && t[x].IsWord() &&
           (t[x].Is("only") || t[x].Is("about") || t[x].Is("nearly") || t[x].Is("roughly") ||
            t[x].Is("almost") || t[x].Is("just"))) {
      ++x;
    }
    if (x + 3 < e && IsCount(t[x]) && t[x + 1].Is("in") && IsCount(t[x + 2])) {
      quantity_b = b;
      b = x + 3;
    } else if (x > b && x + 1 < e && (IsCount(t[x]) || (t[x].HasClass(kDet) && !IsArticle(t[x].lower)))) {
      quantity_b = b;
      b = x;
    }
  }
  while (b < e && (!t[b].IsWord() || t[b].HasClass(kDet) || t[b].HasClass(kConj) ||
                   IsLy(t[b]) || (t[b].HasClass(kHon) && b + 1 < e && t[b + 1].capitalized))) {
    if (t[b].HasClass(kNeg)) return false;  // "Neither the US nor France commented"
    if (t[b].HasClass(kHon)) gender = HonorificGender(t[b].lower);
    if (t[b].kind == TokenKind::kNumber || (t[b].HasClass(kDet) && !IsArticle(t[b].lower))) {
      if (quantity_b < 0) quantity_b = b;
    } else if (!t[b].HasClass(kDet)) {
      quantity_b = -1;
    }
    ++b;
  }
  auto local_number = [&](int i) {  // "Local 1140", "Lodge 5"
    return i - 1 >= b && t[i].kind == TokenKind::kNumber && t[i - 1].capitalized &&
           (t[i - 1].Is("local") || t[i - 1].Is("lodge"));
  };
  while (e > b && !t[e - 1].IsWord() && !local_number(e - 1)) --e;
  // "Charles B" of "Charles B. Rangel": a range that ends on a middle
  // initial ends before its period (callers stop at the first mark); the
  // name runs on to the surname.
  if (e - b >= 2 && e + 1 < static_cast<int>(t.size()) && t[e - 1].capitalized && t[e - 1].lower.size() == 1 &&
      t[e].Is(".") && t[e].begin == t[e - 1].end && t[e + 1].capitalized && t[e + 1].IsWord() &&
      !t[e + 1].word_class && t[e - 2].capitalized && t[e - 2].IsWord()) {
    e += 2;
    while (e < static_cast<int>(t.size()) && e - b < 8 && t[e].capitalized && t[e].IsWord() && !t[e].word_class &&
           t[e].begin > t[e - 1].end) {
      ++e;
    }
  }
  if (b >= e) {
    // "Several said", "Many say": a quantifier standing alone is a group.
    const int q = e - 1;
    if (q >= 0 && t[q].IsWord() && IsPossessivePronoun(t[q].lower)) {
      // "his claims", "their proposal": the owner speaks, a pronoun to resolve.
      m->surface = TokenText(text, p, q, e);
      m->name = m->surface;
      m->pronoun = true;
      m->plural = t[q].Is("their");
      return true;
    }
    if (q >= 0 && t[q].IsWord() && t[q].HasClass(kDet) && !t[q].Is("the") && !t[q].Is("a") && !t[q].Is("an") &&
        !t[q].Is("this") && !t[q].Is("that")) {
      *m = Mention();
      m->surface = TokenText(text, p, q, e);
      m->name = m->surface;
      m->type = EntityType::kGroup;
      m->plural = true;
      return true;
    }
    return false;
  }
  if (e - b > 14) return false;
  // "against a policy report": a prepositional phrase is no subject.
  if (!t[b].capitalized && t[b].HasClass(kPrep)) return false;
  if (t[b].Is("to")) return false;  // "to ban the ads", "To the committee"

  // ("you" is no class word: "you" reads no cue frame, but speaks as a pronoun.)
  if ((t[e - 1].HasClass(kPron) || t[e - 1].Is("you")) &&
      (e - b == 1 || !t[e - 2].IsWord() || t[e - 2].HasClass(kConj))) {
    b = e - 1;
    m->pronoun = true;
    m->surface = TokenText(text, p, b, e);
    m->name = m->surface;
    m->plural = t[b].Is("they") || t[b].Is("we");
    return true;
  }

  // A possessive: "China's envoy Zhang Jun" names the envoy; "Bloomberg's report" names Bloomberg.
  for (int ps = b + 1; ps < e; ++ps) {
    if (!t[ps].Is("'s")) continue;
    if (PossessiveInName(text, p, ps, e)) {
      // "The Calgary Transit Riders' Alliance": one organisation's name, when
      // its words are all capitalised and it ends with an organisation word.
      bool name = vocab_.org_words.count(t[e - 1].lower) > 0;
      for (int k = b; k < e && name; ++k) {
        name = k == ps || (t[k].IsWord() && (t[k].capitalized ? !t[k].word_class
                                                             : k > ps && (t[k].Is("of") || t[k].Is("for"))));
      }
      if (name) {
        *m = Mention();
        m->surface = TokenText(text, p, b, e);
        m->name = m->surface;
        m->type = EntityType::kOrganization;
        return true;
      }
    }
    // "two people close to the company's board", "a source familiar with
    // the premier's plans": the possessive is inside the phrase's
    // post-modifier, and the unnamed source keeps all of it.
    bool post_modifier = false;
    for (int k = b + 1; k < ps && !post_modifier; ++k) {
      post_modifier = !t[k].capitalized && (t[k].Is("close") || t[k].Is("familiar") || t[k].Is("representing") ||
                                            t[k].Is("involved"));
    }
    bool lower_tail = ps + 1 < e;
    for (int k = ps + 1; k < e && lower_tail; ++k) lower_tail = t[k].IsWord() && !t[k].capitalized;
    if (post_modifier && lower_tail && Analyze(text, p, b, ps, m) && m->name_tokens == 0 && !m->pronoun &&
        m->type != EntityType::kPerson) {
      const std::string tail = TokenText(text, p, ps, e);
      m->name += tail;
      m->surface += tail;
      return true;
    }
    bool name_after = false;
    for (int k = ps + 1; k < e; ++k) name_after = name_after || (t[k].capitalized && !t[k].word_class);
    if (name_after) {
      std::string owner;
      bool is_org = false;
      const int al = AliasLength(p, b, ps, &owner, &is_org);
      if (!Analyze(text, p, ps + 1, e, m)) return false;
      if (m->affiliation.empty() && al == ps - b) m->affiliation = owner;
      return true;
    }
    if (Analyze(text, p, b, ps, m)) {
      // "Voss's campaign", "Mr. Kral's advisers": people who speak for a
      // named owner are themselves the speaker; a document ("Bloomberg's
      // report") speaks for its owner.
      const int last = e - 1;
      bool people_tail = ps + 1 <= last && last - ps <= 3 && m->name_tokens + (m->type == EntityType::kOrganization) > 0 &&
                         !m->pronoun && !m->document;
      for (int k = ps + 1; k <= last && people_tail; ++k) {
        people_tail = t[k].IsWord() && !t[k].capitalized && (!t[k].word_class || k < last);
      }
      if (people_tail) {
        auto known = vocab_.source_nouns.find(t[last].lower);
        // "Voss's office" speaks for her as her campaign does.
        const bool person_head = known != vocab_.source_nouns.end() ? known->second
                                 : IsPersonalBody(t[last].lower) || TitleLength(p, last, last + 1) > 0;
        if (person_head) {
          m->owner_size = static_cast<int>(m->name.size());
          m->name += TokenText(text, p, ps, ps + 1);
          m->name += ' ';
          m->name += TokenText(text, p, ps + 1, e);
          m->surface = TokenText(text, p, b, e);
          m->plural = t[last].lower.size() > 3 && t[last].lower.back() == 's';
          m->type = vocab_.org_words.count(t[last].lower) ? EntityType::kOrganization : EntityType::kGroup;
          m->name_tokens = 0;
          m->role.clear();
          m->gender = 0;
        }
      }
      return true;
    }
    // "the ad's narrator": neither part is a name; the whole phrase speaks.
    if (ps + 1 >= e) return false;
    for (int k = ps + 1; k < e; ++k) {
      if (!t[k].IsWord() || t[k].word_class) return false;
    }
    *m = Mention();
    m->surface = TokenText(text, p, b, e);
    m->name = m->surface;
    m->type = EntityType::kGroup;
    return true;
  }

  int role_b = -1, role_e = -1;
  int name_b = -1, name_e = -1;
  int head = -1;
  int first = b;  // first token kept in a group name
  bool org_forced = false;
  std::string alias_canonical;
  bool alias_is_org = false;
  bool name_is_alias = false;
  // Whether t[nb, ne) names a body of people rather than a person: two or
  // more words, no given name first, a plural last ("United Nurses",
  // "United Mine Workers"; not "Bernie Sanders", "Rand Paul").
  auto PluralGroupName = [&](int nb, int ne) {
    if (ne - nb < 2 || vocab_.first_names.count(t[nb].lower)) return false;
    const std::string& w = t[ne - 1].lower;
    if (w.size() < 4 || w.back() != 's') return false;
    const char before = w[w.size() - 2];
    return before != 's' && before != 'u' && before != 'i' && before != '\'';
  };
  int i = b;
  while (i < e) {
    const Token& tok = t[i];
    // "United Appliance Workers Local 1140", "Fraternal Order of Police
    // Lodge 5": the number of a union's local is part of its name.
    if (name_b >= 0 && name_e == i && local_number(i)) {
      name_e = ++i;
      org_forced = true;
      continue;
    }
    // "Great Plains & Western Railway": an ampersand joins a name's words.
    if (tok.Is("&") && name_b >= 0 && name_e == i && i + 1 < e && t[i + 1].capitalized && t[i + 1].IsWord()) {
      name_e = ++i;
      continue;
    }
    // "Ward 9 Coun. Priya Sandhu": the district's name and number are no name.
    if (name_b >= 0 && name_e == i && DistrictNumber(p, i, e)) {
      name_b = name_e = -1;
      ++i;
      continue;
    }
    if (!tok.IsWord()) break;
    const uint16_t cls = tok.word_class;
    // "the Association of Harbour Pilots", "Institute for Health
    // Information", "United Nurses of Alberta": "of", "for" or "on" after
    // an organisation word, or "of" after a name of people that is no
    // person's, stays inside the name.
    const bool org_joint = (tok.Is("of") || tok.Is("for") || tok.Is("on")) && name_b >= 0 && name_e == i &&
                           !name_is_alias && i + 1 < e && t[i + 1].capitalized && !t[i + 1].word_class && t[i - 1].capitalized &&
                           (vocab_.org_words.count(t[i - 1].lower) || (tok.Is("of") && PluralGroupName(name_b, i)));
    if ((cls & (kPrep | kRel | kConj)) && !tok.Is("of") && !tok.Is("to") && !org_joint && i > b) break;
    if (i == b && tok.capitalized && (tok.Is("one") || tok.Is("none") || tok.Is("each")) && i + 1 < e &&
        t[i + 1].Is("of")) {
      ++i;  // "One of his aides": a share, not a name
      continue;
    }
    if (cls & kNeg) return false;
    if (tok.capitalized && tok.lower.size() == 1 && name_b >= 0 && name_e == i && i + 2 < e && t[i + 1].Is(".") &&
        t[i + 1].begin == tok.end && t[i + 2].capitalized && t[i + 2].IsWord()) {
      // "Walter J. Pembry", "Peter A. Lund": a middle initial and its
      // period stay in the name (even "A" or "I").
      name_e = i + 2;
      i += 2;
      continue;
    }
    if (org_joint) {
      name_e = i + 2;
      org_forced = true;
      i += 2;
      continue;
    }
    const int tl = TitleLength(p, i, e);
    if (tl > 0 && name_b >= 0 && name_e == i && (role_b < 0 || role_b > name_b)) {
      role_b = name_b;  // "Trade Minister": a capitalised word before a title belongs to it
    }
    if (tl > 0) {
      if (role_b < 0) role_b = i;
      i += tl;
      // "Ambassador to Israel", "Minister of Finance": the complement belongs to the title.
      if (i + 1 < e && (t[i].Is("to") || t[i].Is("of") || t[i].Is("for")) && t[i + 1].capitalized) {
        std::string canon;
        bool is_org;
        const int al = AliasLength(p, i + 1, e, &canon, &is_org);
        if (al > 0) {
          if (m->affiliation.empty()) m->affiliation = canon;
          i += 1 + al;
        } else if (i + 2 < e) {
          i += 2;
        }
      }
      role_e = i;
      name_b = name_e = -1;  // a name before a title was a modifier ("Biden adviser")
      head = -1;
      org_forced = false;  // "Renaissance Capital energy analyst Adam Landes" names a person
      continue;
    }
    std::string canon;
    bool is_org = false;
    const int al = (name_b < 0 || name_e < i) ? AliasLength(p, i, e, &canon, &is_org) : 0;
    if (al > 0) {
      const bool more_follows = i + al < e && t[i + al].IsWord() && !t[i + al].HasClass(kPrep);
      if (more_follows && al == 1 && !is_org && t[i + 1].capitalized && name_b < 0) {
        int k = i + 1;
        while (k < e && t[k].IsWord() && t[k].capitalized && !t[k].word_class) ++k;
        const bool demonym = vocab_.demonyms.count(tok.lower) && !vocab_.countries.count(tok.lower);
        const std::string& last = t[k - 1].lower;
        std::string unused;
        bool unused_org;
        if (demonym && k > i + 1 && vocab_.org_words.count(last)) {
          // "American Water Works Association": a demonym opening an
          // organisation's name stays in it.
          name_b = i;
          name_e = i + 1;
          name_is_alias = false;
          m->affiliation = canon;
          ++i;
          continue;
        }
        if (!demonym && k == i + 2 && (k == e || !t[k].IsWord() || !t[k].capitalized) &&
            !vocab_.org_words.count(last) && !vocab_.source_nouns.count(last) && TitleLength(p, i + 1, e) == 0 &&
            AliasLength(p, i + 1, e, &unused, &unused_org) == 0) {
          // "Jordan Ellis", "Georgia Pike": a country's name as a given name.
          name_b = i;
          name_e = i + 1;
          name_is_alias = false;
          ++i;
          continue;
        }
      }
      if (more_follows) {
        m->affiliation = canon;
        if (role_b < 0 && !vocab_.source_nouns.count(t[i + al].lower)) role_b = i;
        i += al;
        continue;
      }
      name_b = i;
      name_e = i + al;
      alias_canonical = canon;
      alias_is_org = is_org;
      name_is_alias = true;
      i += al;
      continue;
    }
    if (tok.capitalized && name_b >= 0 && name_e == i && i + 2 < e && t[i + 1].Is("of") && t[i + 2].capitalized &&
        !t[i + 2].word_class && vocab_.source_nouns.count(tok.lower) && PluralGroupName(name_b, i + 1)) {
      name_e = i + 1;  // "United Mine Workers" of America: a source noun inside a name
      ++i;
      continue;
    }
    if (tok.capitalized && vocab_.source_nouns.count(tok.lower) && !(i + 1 < e && t[i + 1].capitalized)) {
      head = i;  // "Officials in Washington": a common noun capitalised at the sentence start
      ++i;
      continue;
    }
    if (!tok.capitalized && name_b >= 0 && name_e == i && head < 0 && !(cls & (kAdv | kPrep | kRel | kConj))) {
      // "Small island nations", "Biden aides": lower-case words that run to
      // the end after a capitalised one make it a modifier of a group noun.
      bool common_tail = true;
      for (int k = i; k < e && common_tail; ++k) {
        common_tail = t[k].IsWord() && !t[k].capitalized && !t[k].word_class &&
                      !vocab_.org_words.count(t[k].lower);
      }
      const std::string& last = t[e - 1].lower;
      if (common_tail && (vocab_.source_nouns.count(last) || (last.size() > 3 && last.back() == 's'))) {
        head = e - 1;
        first = name_b;
        name_b = name_e = -1;
        break;
      }
    }
    if (tok.capitalized && !cls) {
      if (name_b < 0 || name_e != i) {
        name_b = i;
        name_is_alias = false;
      }
      name_e = i + 1;
      ++i;
      continue;
    }
    if (tok.capitalized && (cls & kTime)) {
      if (name_b < 0 && head < 0) return false;  // "on Tuesday"
      break;
    }
    if (!tok.capitalized && IsParticle(tok.lower) && name_b >= 0 && name_e == i && i + 1 < e &&
        t[i + 1].capitalized) {
      name_e = i + 1;
      ++i;
      continue;
    }
    if (name_b >= 0 && name_e == i && vocab_.org_words.count(tok.lower)) {
      name_e = i + 1;  // "Biden administration", "Trump campaign"
      org_forced = true;
      name_is_alias = false;
      ++i;
      continue;
    }
    if (vocab_.source_nouns.count(tok.lower) || (i == e - 1 && name_b >= 0 && name_e == i && !(cls & kAdv)) ||
        (name_b < 0 && vocab_.org_words.count(tok.lower))) {
      // A source noun, or any common noun ending the phrase right after a
      // capitalised word: "Striking nurses", "Biden aides".
      head = i;
      ++i;
      continue;
    }
    if (name_b >= 0 && name_e == i && head < 0 && !tok.capitalized && !cls) {
      // "Green mayoral candidate Irene Vasquez": lower-case
      // adjectives between a capitalised modifier and a title; the modifier
      // belongs to the title.
      int k = i;
      // ("Janet Lowry of Bayview Securities": "of" an organisation leads to
      // no name.)
      const bool of_org = tok.Is("of") && OfOrganization(p, i + 1, e);
      while (!of_org && k < e && k < i + 3 && t[k].IsWord() && !t[k].capitalized && !t[k].word_class &&
             TitleLength(p, k, e) == 0) {
        ++k;
      }
      // "County assessor Nadia K. Orloff": a lower-case noun between a
      // capitalised modifier and a name of two or more words.
      const bool name_follows = k > i && k + 1 < e && t[k].capitalized && !t[k].word_class &&
                                t[k + 1].capitalized && !t[k + 1].word_class && t[k + 1].IsWord() &&
                                TitleLength(p, k, e) == 0;
      if (name_follows) {
        if (role_b < 0 || role_b > name_b) role_b = name_b;
        role_e = k;
        name_b = name_e = -1;
        name_is_alias = false;
        i = k;
        continue;
      }
      if (k < e && t[k].IsWord() && !t[k].capitalized && TitleLength(p, k, e) > 0) {
        if (role_b < 0 || role_b > name_b) role_b = name_b;
        if (name_is_alias && m->affiliation.empty()) m->affiliation = alias_canonical;
        name_b = name_e = -1;
        name_is_alias = false;
        i = k;
        continue;
      }
    }
    if (head >= 0 || name_b >= 0) break;  // "cable sent on Tuesday": stop after the head
    if (cls & kAdv) break;
    ++i;  // an adjective: "anonymous", "appointed"
  }
  if (head < 0 && name_b < 0 && role_b < 0 && i > b && i < e) {
    // "shop owners on Harbour Street": the plural noun before the cut is the head.
    const std::string& w = t[i - 1].lower;
    if (t[i - 1].IsWord() && !t[i - 1].capitalized && w.size() > 3 && w.back() == 's' && !t[i - 1].word_class) head = i - 1;
  }

  if (name_b >= 0 && head < name_b) {
    m->surface = TokenText(text, p, b, name_e);
    if (name_is_alias) {
      m->name = std::move(alias_canonical);
      m->type = alias_is_org ? EntityType::kOrganization : EntityType::kCountry;
      if (!alias_is_org) {
        const std::string lower = LowerJoin(p, name_b, name_e);
        if (vocab_.demonyms.count(lower) && !vocab_.countries.count(lower)) return false;
      }
    } else if (org_forced || vocab_.org_words.count(t[name_e - 1].lower)) {
      m->name = TokenText(text, p, name_b, name_e);
      m->type = EntityType::kOrganization;
      if (name_e - name_b == 2 && !t[name_e - 1].capitalized && IsPersonalBody(t[name_e - 1].lower)) {
        // "the Voss campaign": the surname is an owner, completed later
        // ("Lena Voss campaign") when the article named her.
        m->owner_size = static_cast<int>(t[name_b].end - t[name_b].begin);
      }
    } else if (vocab_.source_nouns.count(t[name_e - 1].lower)) {
      m->name = TokenText(text, p, name_b, name_e);  // "Democrats", "Republicans"
      m->type = EntityType::kGroup;
      m->plural = true;
    } else {
      if (name_e - name_b == 1 && role_b < 0 && !gender && NotAName(p, name_b)) return false;
      m->name = TokenText(text, p, name_b, name_e);
      m->type = EntityType::kPerson;
      m->name_tokens = name_e - name_b;
    }
    if (role_b >= 0 && role_e > role_b) m->role = TokenText(text, p, role_b, role_e);
    if (m->type == EntityType::kCountry) m->affiliation.clear();
    if (m->type == EntityType::kPerson) {
      m->gender = gender ? gender : role_b >= 0 && role_e > role_b ? RoleGender(t[role_e - 1].lower) : 0;
      if (!m->gender && name_e - name_b >= 2) {
        auto given = vocab_.first_names.find(t[name_b].lower);  // "Irene Vasquez" -> she
        if (given != vocab_.first_names.end()) m->gender = given->second;
      }
    }
    return true;
  }
  if (head >= 0) {
    // "a claim the southern delegation": the group starts at its own determiner.
    const int opened = first;
    for (int k = head - 1; k > first; --k) {
      if (t[k].HasClass(kDet) && !t[k].capitalized) {
        first = k;
        break;
      }
    }
    const bool own_determiner = first != opened;
    while (first < head && (!t[first].IsWord() || t[first].HasClass(kDet) || IsLy(t[first]))) ++first;
    // "After campaign aides": a preposition opening the range is no part of the group.
    while (first < head && t[first].HasClass(kPrep) && !t[first].Is("of") &&
           !(t[first].Is("at") && (t[first + 1].Is("least") || t[first + 1].Is("most")))) {
      ++first;
    }
    // The name keeps a quantifier before it ("several senators", "most of
    // the candidates") and a post-modifier after it ("advisers to the
    // premier", "a union representing hotel cleaners").
    int name_begin = first;
    if (quantity_b >= 0 && !own_determiner && opened == b && first == b) name_begin = quantity_b;
    // A share of a group: "most of the candidates", "16 percent of
    // registered voters", "one of his senior aides".
    for (int x = b; x < first && x < b + 5; ++x) {
      const Token& w = t[x];
      if (w.Is("of") && !w.capitalized) {
        bool determiners_only = true;
        for (int y = x + 1; y < first && determiners_only; ++y) determiners_only = t[y].HasClass(kDet);
        if (determiners_only && (x > b || quantity_b >= 0)) name_begin = quantity_b >= 0 ? quantity_b : b;
        break;
      }
      const bool share = w.kind == TokenKind::kNumber || w.Is("-") ||
                         (w.IsWord() && (!w.capitalized || x == b) && (!w.word_class || w.HasClass(kDet)) &&
                          !vocab_.source_nouns.count(w.lower));
      if (!share) break;
    }
    const int name_end = i == head + 1 ? PostModifierEnd(p, head + 1, e) : head + 1;
    m->surface = TokenText(text, p, std::min(b, name_begin), name_end);
    m->name = TokenText(text, p, name_begin, name_end);
    if (name_begin != first || name_end != head + 1) m->role = TokenText(text, p, first, head + 1);
    const std::string& h = t[head].lower;
    auto known = vocab_.source_nouns.find(h);
    m->document = known != vocab_.source_nouns.end() && !known->second;
    m->plural = h.size() > 2 && h.back() == 's' && h[h.size() - 2] != 's';
    m->type = m->document ? EntityType::kUnknown : EntityType::kGroup;
    if (vocab_.org_words.count(h) && !vocab_.source_nouns.count(h)) m->type = EntityType::kOrganization;  // "the union"
    if (head == first && name_begin == first && first > range_begin && IsPersonalBody(h) &&
        IsPossessivePronoun(t[first - 1].lower)) {
      // "Her office", "his campaign": the owner the pronoun stands for,
      // resolved later as "Voss's campaign" is.
      m->name = TokenText(text, p, first - 1, name_end);
      m->surface = m->name;
      m->owner_size = static_cast<int>(t[first - 1].end - t[first - 1].begin);
    }
    if (head == first || (role_b >= 0 && role_e > head)) {
      // "the spokesperson", "the official": a role word that may stand for a person named earlier.
      m->role_reference = TitleLength(p, head, head + 1) > 0;
      m->indefinite = m->role_reference && IndefiniteBefore(p, range_begin, first);
    }
    return true;
  }
  if (role_b >= 0 && role_e == e) {
    // A bare title: "the secretary", "the Prime Minister", "an anonymous European diplomat".
    while (first < role_b && (!t[first].IsWord() || t[first].HasClass(kDet) || IsLy(t[first]))) ++first;
    m->surface = TokenText(text, p, b, e);
    m->name = TokenText(text, p, first, role_e);
    m->role = TokenText(text, p, role_b, role_e);
    m->role_reference = true;
    m->indefinite = IndefiniteBefore(p, range_begin, role_b);
    m->type = EntityType::kPerson;
    m->gender = RoleGender(t[role_e - 1].lower);
    return true;
  }
  return false;
}

bool NounPhraseAnalyzer::PossessiveInName(std::string_view text, const Paragraph& p, int ps, int end) const {
  const auto& t = p.tokens;
  if (ps < 1 || ps + 1 >= end || !t[ps].Is("'s") || !t[ps - 1].capitalized || !t[ps + 1].capitalized ||
      !t[ps + 1].IsWord() || t[ps + 1].word_class) {
    return false;
  }
  // "Riders'" (the apostrophe alone) or an irregular plural ("Children's").
  const char last = text[t[ps].end - 1];
  const std::string& owner = t[ps - 1].lower;
  return (last != 's' && last != 'S') || owner == "children" || owner == "women" || owner == "men" ||
         owner == "people";
}

bool NounPhraseAnalyzer::ClauseSubject(std::string_view text, const Paragraph& p, int begin, int end, Mention* m,
                                       int* subject_end) const {
  const auto& t = p.tokens;
  // Skip a leading adverbial ending in a comma: "After the meeting, Netanyahu ...".
  for (int pass = 0; pass < 2 && begin < end; ++pass) {
    const uint16_t cls = t[begin].word_class;
    if (!(cls & (kPrep | kConj | kAdv)) && t[begin].IsWord() && !IsLy(t[begin])) break;
    int k = begin;
    while (k < end && k < begin + 16 && !t[k].Is(",")) ++k;
    if (k >= end || !t[k].Is(",")) break;
    begin = k + 1;
  }
  // A clause that opens with a lower-case verb ("urging Biden to ...") has no subject of its own.
  if (begin < end && !t[begin].capitalized && t[begin].IsWord() && !t[begin].HasClass(kDet) &&
      !t[begin].HasClass(kPron) && !vocab_.source_nouns.count(t[begin].lower) &&
      !vocab_.titles.count(t[begin].lower)) {
    return false;
  }
  int k = begin;
  while (k < end && k < begin + 14) {
    const Token& tok = t[k];
    // "Nadia K. Orloff said": the period of a middle initial is no boundary.
    if (tok.Is(".") && k - 1 > begin && k + 1 < end && t[k - 1].capitalized && t[k - 1].lower.size() == 1 &&
        t[k - 1].end == tok.begin && t[k + 1].capitalized) {
      ++k;
      continue;
    }
    // "Ward 9 Coun. Priya Sandhu said": the district's number leads into a title.
    if (k > begin && DistrictNumber(p, k, end)) {
      ++k;
      continue;
    }
    if (!tok.IsWord() || tok.in_quote) break;
    const uint16_t cls = tok.word_class;
    if (!tok.capitalized && k > begin) {
      const bool np_word = (cls & kDet) || tok.Is("of") || tok.Is("to") || IsParticle(tok.lower) ||
                           vocab_.source_nouns.count(tok.lower) || vocab_.titles.count(tok.lower) ||
                           vocab_.org_words.count(tok.lower) || tok.Is("'s") ||
                           (k + 1 < end && t[k + 1].Is("'s")) ||  // "The city's Office of ..."
                           t[k - 1].Is("'s");  // "Quebec's transport minister": the possessive's head
      const Token& prev = t[k - 1];
      const bool after_head = prev.capitalized || vocab_.source_nouns.count(prev.lower) || prev.Is("'s");
      // "Striking nurses gathered": a plural noun followed by the verb is
      // still the subject; "Netanyahu says that" is not.
      const bool plural_head = prev.capitalized && tok.lower.size() > 3 && tok.lower.back() == 's' && k + 1 < end &&
                               t[k + 1].IsWord() && !t[k + 1].capitalized && !t[k + 1].word_class &&
                               !vocab_.cues.count(tok.lower);
      if (plural_head) {
        ++k;
        break;
      }
      // "Opposition health critic Marcus Boateng": lower-case words that
      // lead into a title before a name belong to the subject.
      bool title_next = false;
      for (int j = k; j < end && j < k + 3 && !title_next && t[j].IsWord() && !t[j].capitalized; ++j) {
        const int tl = TitleLength(p, j, end);
        title_next = tl > 0 && j + tl < end && t[j + tl].capitalized;
      }
      if (!np_word && !title_next && (after_head || (cls & (kAdv | kPrep)))) break;
      if (cls & (kAdv | kRel | kConj)) break;
    }
    ++k;
  }
  if (k == begin) return false;
  if (subject_end != nullptr) *subject_end = k;
  if (!Analyze(text, p, begin, k, m)) return false;
  if (k + 2 < end && t[k].Is(",") && !m->pronoun && !(m->type == EntityType::kPerson && m->name_tokens >= 2)) {
    // "Quebec's transport minister, Sophie Lamarre, was ...": the person
    // named in the appositive is the subject, with the role before it.
    int c = k + 1;
    while (c < end && c < k + 7 && t[c].IsWord()) ++c;
    Mention named;
    if (c < end && t[c].Is(",") && Analyze(text, p, k + 1, c, &named) && named.type == EntityType::kPerson &&
        named.name_tokens >= 2 && !named.role_reference) {
      if (named.role.empty()) named.role = !m->role.empty() ? m->role : m->surface;
      if (!named.gender) named.gender = m->gender;
      *m = std::move(named);
    }
  }
  return true;
}

}  // namespace claimgraph
